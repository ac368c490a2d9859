"""Every write service that takes an `actor` checks it: called as a plain delegate, on objects
that are not theirs, each is refused with PermissionDenied and writes nothing.

The list of services is read from the code: a new service taking an actor fails
`test_every_service_taking_an_actor_is_covered` until it has a case here.
"""

import datetime as dt
import importlib
import inspect
import pkgutil
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from programmes.models import (
    Activity,
    Agreement,
    Indicator,
    IndicatorPeriod,
    Objective,
    Priority,
    StrategicPlan,
)
from tests.factories import (
    FocalPointFactory,
    OrganisationFactory,
    OutgoingEmailFactory,
    UserFactory,
)
from tests.programmes.factories import ActionItemFactory, NationalPlanFactory
from tests.workshops.factories import (
    MINIMAL_PDF,
    DocumentFactory,
    ExpertiseAreaFactory,
    FacilitationFactory,
    FundingFactory,
    OpenWorkshopFactory,
    RegistrationFactory,
    SessionFactory,
    WorkshopFactory,
)
from workshops.models import Evaluation, Invitation, Registration, Workshop

SERVICE_PACKAGES = (
    "core.services",
    "members.services",
    "workshops.services",
    "programmes.services",
)
WRITES = ("INSERT", "UPDATE", "DELETE")


def services_taking_an_actor() -> dict[str, object]:
    found = {}
    for package_name in SERVICE_PACKAGES:
        package = importlib.import_module(package_name)
        for module_info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package_name}.{module_info.name}")
            for name, function in inspect.getmembers(module, inspect.isfunction):
                if function.__module__ != module.__name__ or name.startswith("_"):
                    continue
                if "actor" in inspect.signature(function).parameters:
                    found[f"{module.__name__}.{name}"] = function
    return found


# --- What each service is given: objects the plain delegate has no say over -----------------


def _running_workshop() -> Workshop:
    today = timezone.localdate()
    return WorkshopFactory(status=Workshop.Status.CLOSED, start_date=today, end_date=today)


def _approved(workshop=None) -> Registration:
    return RegistrationFactory(
        workshop=workshop or OpenWorkshopFactory(), status=Registration.Status.APPROVED
    )


def _invitation_to_administration() -> Invitation:
    organisation = OrganisationFactory()
    focal = UserFactory(organisation=organisation)
    FocalPointFactory(user=focal, organisation=organisation)
    return Invitation.objects.create(
        workshop=OpenWorkshopFactory(), organisation=organisation, email=focal.email, nonce="n"
    )


def _activity() -> Activity:
    plan = StrategicPlan.objects.create(name="Plan", slug="plan", start_year=2022, end_year=2027)
    priority = Priority.objects.create(plan=plan, number=1, title="Priority")
    objective = Objective.objects.create(priority=priority, title="Objective")
    return Activity.objects.create(objective=objective, title="Activity")


def _indicator() -> Indicator:
    return Indicator.objects.create(activity=_activity(), title="Officers trained")


def _period() -> IndicatorPeriod:
    return IndicatorPeriod.objects.create(
        indicator=_indicator(), start=dt.date(2024, 1, 1), end=dt.date(2024, 12, 31)
    )


def _completed_evaluation() -> Evaluation:
    registration = _approved(WorkshopFactory(status=Workshop.Status.COMPLETED))
    return Evaluation.objects.create(
        registration=registration, relevance=4, content=4, facilitation=4, organisation=4
    )


def _pdf() -> SimpleUploadedFile:
    return SimpleUploadedFile("notes.pdf", MINIMAL_PDF, content_type="application/pdf")


EVALUATION = {"relevance": 5, "content": 5, "facilitation": 5, "organisation": 5}

CASES = {
    "core.services.mail.email_resend": lambda: {
        "email_id": OutgoingEmailFactory(status="failed").pk
    },
    "members.services.people.user_set_roles": lambda: {
        "user": UserFactory(),
        "is_secretariat": True,
        "focal_point_of": [],
        "donor_contact_of": [],
    },
    "workshops.services.attendance.attendance_set": lambda: {
        "registration": _approved(_running_workshop()),
        "day": timezone.localdate(),
        "present": True,
    },
    "workshops.services.attendance.workshop_set_attendance_rules": lambda: {
        "workshop": WorkshopFactory(),
        "share": 50,
        "closes_on": None,
    },
    "workshops.services.decisions.registration_approve": lambda: {
        "registration": RegistrationFactory()
    },
    "workshops.services.decisions.registration_assign_funding": lambda: {
        "registration": (registration := RegistrationFactory()),
        "funding": FundingFactory(workshop=registration.workshop),
    },
    "workshops.services.decisions.registration_decline": lambda: {
        "registration": RegistrationFactory(),
        "reason": "No seat",
    },
    "workshops.services.decisions.registration_waitlist": lambda: {
        "registration": RegistrationFactory()
    },
    "workshops.services.documents.document_copy": lambda: {
        "document": DocumentFactory(),
        "workshop": WorkshopFactory(),
    },
    "workshops.services.documents.document_delete": lambda: {"document": DocumentFactory()},
    "workshops.services.documents.document_upload": lambda: {
        "workshop": WorkshopFactory(),
        "title": "Notes",
        "upload": _pdf(),
        "visibility": "public",
    },
    "workshops.services.evaluations.evaluation_submit": lambda: {
        "registration": _approved(WorkshopFactory(status=Workshop.Status.COMPLETED)),
        "data": EVALUATION,
    },
    "workshops.services.evaluations.evaluation_save": lambda: {
        "registration": _completed_evaluation().registration,
        "data": EVALUATION,
    },
    "workshops.services.evaluations.evaluation_update": lambda: {
        "evaluation": _completed_evaluation(),
        "data": EVALUATION,
    },
    "workshops.services.experts.expert_profile_save": lambda: {
        "person": UserFactory(),
        "data": {"areas": [ExpertiseAreaFactory()], "summary": "Not theirs to write."},
    },
    "workshops.services.invitations.invitations_create": lambda: {
        "workshop": OpenWorkshopFactory(),
        "organisations": [OrganisationFactory()],
    },
    "workshops.services.nominations.invitation_decline": lambda: {
        "invitation": _invitation_to_administration()
    },
    "workshops.services.nominations.invitation_nominate": lambda: {
        "invitation": _invitation_to_administration(),
        "nominees": [{"name": "Someone", "email": "someone@example.org"}],
    },
    "workshops.services.planning.facilitation_add": lambda: {
        "workshop": WorkshopFactory(),
        "organisation": OrganisationFactory(),
        "person": None,
        "role": "Trainer",
    },
    "workshops.services.planning.facilitation_remove": lambda: {
        "facilitation": FacilitationFactory()
    },
    "workshops.services.planning.funding_delete": lambda: {"funding": FundingFactory()},
    "workshops.services.planning.funding_save": lambda: {
        "workshop": WorkshopFactory(),
        "data": {"funder": OrganisationFactory(), "amount": Decimal(1000), "currency": "USD"},
    },
    "workshops.services.planning.seat_quota_set": lambda: {
        "workshop": WorkshopFactory(),
        "organisation": OrganisationFactory(),
        "seats": 5,
    },
    "workshops.services.planning.seat_quotas_set": lambda: {
        "workshop": WorkshopFactory(),
        "quotas": {OrganisationFactory().pk: 5},
    },
    "workshops.services.planning.session_delete": lambda: {"session": SessionFactory()},
    "workshops.services.planning.session_save": lambda: {
        "workshop": (workshop := WorkshopFactory()),
        "title": "Opening",
        "title_fr": "",
        "day": workshop.start_date,
        "start": dt.time(9),
        "end": dt.time(10),
        "room": "",
        "description": "",
        "facilitators": [],
    },
    "workshops.services.registrations.registration_cancel": lambda: {
        "registration": RegistrationFactory()
    },
    "workshops.services.registrations.registration_submit": lambda: {
        "workshop": OpenWorkshopFactory(is_public=False),
        "data": {"position": "Officer", "consent": True},
    },
    "workshops.services.registrations.registration_update": lambda: {
        "registration": RegistrationFactory(),
        "data": {"position": "Officer", "consent": True},
    },
    "workshops.services.workshops.workshop_cancel": lambda: {
        "workshop": OpenWorkshopFactory(),
        "reason": "Cyclone",
        "confirmed": True,
    },
    "workshops.services.workshops.workshop_clone": lambda: {"source": WorkshopFactory()},
    "workshops.services.workshops.workshop_close": lambda: {"workshop": OpenWorkshopFactory()},
    "workshops.services.workshops.workshop_complete": lambda: {"workshop": _running_workshop()},
    "workshops.services.workshops.workshop_create": lambda: {"data": {"title": "New"}},
    "workshops.services.workshops.workshop_open": lambda: {"workshop": WorkshopFactory()},
    "workshops.services.workshops.workshop_update": lambda: {
        "workshop": WorkshopFactory(),
        "data": {"title": "Renamed"},
    },
    "programmes.services.action_plans.action_item_add": lambda: {
        "plan": NationalPlanFactory(),
        "action": "Publish the procedures",
        "start_date": dt.date(2026, 1, 1),
        "end_date": dt.date(2026, 12, 31),
    },
    "programmes.services.action_plans.action_item_delete": lambda: {
        "item": ActionItemFactory(plan=NationalPlanFactory())
    },
    "programmes.services.action_plans.action_item_edit": lambda: {
        "item": ActionItemFactory(plan=NationalPlanFactory()),
        "action": "Changed",
        "start_date": dt.date(2026, 1, 1),
        "end_date": dt.date(2026, 12, 31),
    },
    "programmes.services.action_plans.action_item_update_add": lambda: {
        "item": ActionItemFactory(plan=NationalPlanFactory()),
        "date": timezone.localdate(),
        "status_after": "in_progress",
        "text": "Started",
    },
    "programmes.services.action_plans.action_plan_adopt": lambda: {
        "plan": ActionItemFactory(plan=NationalPlanFactory()).plan
    },
    "programmes.services.action_plans.action_plan_create": lambda: {
        "workshop": (registration := _approved(WorkshopFactory())).workshop,
        "level": "national",
        "administration": registration.organisation,
    },
    "programmes.services.action_plan_pdfs.action_plan_pdf_request": lambda: {
        "plan": NationalPlanFactory(workshop=WorkshopFactory(is_public=False)),
        "language": "en",
    },
    "programmes.services.reports.report_pdf_request": lambda: {
        "donor": OrganisationFactory(),
        "kind": "funding",
        "language": "en",
        "year": 2024,
    },
    "programmes.services.agreements.agreement_delete": lambda: {
        "agreement": Agreement.objects.create(title="MoU")
    },
    "programmes.services.agreements.agreement_save": lambda: {
        "data": {"title": "MoU", "parties": [OrganisationFactory(), OrganisationFactory()]}
    },
    "programmes.services.indicators.indicator_delete": lambda: {"indicator": _indicator()},
    "programmes.services.indicators.indicator_period_delete": lambda: {"period": _period()},
    "programmes.services.indicators.indicator_period_save": lambda: {
        "indicator": _indicator(),
        "data": {"start": dt.date(2025, 1, 1), "end": dt.date(2025, 12, 31), "target": 10},
    },
    "programmes.services.indicators.indicator_save": lambda: {
        "activity": _activity(),
        "data": {"title": "Officers trained"},
    },
    "programmes.services.strategic_plans.activity_link_workshop": lambda: {
        "activity": _activity(),
        "workshop": WorkshopFactory(),
        "linked": True,
    },
    "programmes.services.strategic_plans.activity_update": lambda: {
        "activity": _activity(),
        "data": {"status": "done"},
    },
    "programmes.services.strategic_plans.progress_update_add": lambda: {
        "activity": _activity(),
        "date": timezone.localdate(),
        "text": "Done",
    },
}


def test_every_service_taking_an_actor_is_covered():
    found = set(services_taking_an_actor())
    assert sorted(found - set(CASES)) == [], "services without a refusal case here"
    assert sorted(set(CASES) - found) == [], "cases of services that no longer take an actor"


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_plain_delegate_is_refused_and_nothing_is_written(name, delegate, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    service = services_taking_an_actor()[name]
    arguments = CASES[name]()
    with CaptureQueriesContext(connection) as queries, pytest.raises(PermissionDenied):
        service(actor=delegate, **arguments)
    writes = [q["sql"] for q in queries if q["sql"].lstrip().upper().startswith(WRITES)]
    assert writes == []
