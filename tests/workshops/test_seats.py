"""Seats: holding, waitlisting, promotion, approval and funding, on the services."""

import datetime as dt

import pytest
from django.utils import timezone

from core.errors import ServiceError
from core.models import OutgoingEmail
from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import FundingFactory, OpenWorkshopFactory, SeatQuotaFactory
from workshops.models import Registration
from workshops.services import decisions
from workshops.services import registrations as services

pytestmark = pytest.mark.django_db

DATA = {"position": "Customs Officer", "consent": True}


def _register(workshop, organisation=None, **data):
    person = UserFactory(organisation=organisation or OrganisationFactory())
    return services.registration_submit(actor=person, workshop=workshop, data={**DATA, **data})


def test_registrations_hold_seats_up_to_the_quota_then_waitlist_with_a_place():
    workshop = OpenWorkshopFactory(default_seats=2, capacity=40)
    fiji = OrganisationFactory(name="Fiji")
    results = [_register(workshop, fiji) for _ in range(4)]
    assert [r.registration.status for r in results] == [
        "submitted",
        "submitted",
        "waitlisted",
        "waitlisted",
    ]
    assert [r.waitlist_place for r in results] == [None, None, 1, 2]
    subjects = list(OutgoingEmail.objects.order_by("id").values_list("subject", flat=True))
    assert subjects[0].startswith("Registration received")
    assert subjects[2].startswith("On the waiting list")


def test_capacity_limits_all_administrations_together():
    workshop = OpenWorkshopFactory(default_seats=5, capacity=3)
    statuses = [_register(workshop).registration.status for _ in range(4)]
    assert statuses == ["submitted"] * 3 + ["waitlisted"]


def test_a_quota_override_counts_for_that_administration():
    workshop = OpenWorkshopFactory(default_seats=1)
    samoa = OrganisationFactory(name="Samoa")
    SeatQuotaFactory(workshop=workshop, organisation=samoa, seats=3)
    statuses = [_register(workshop, samoa).registration.status for _ in range(4)]
    assert statuses == ["submitted"] * 3 + ["waitlisted"]


def test_cancelling_promotes_the_first_waitlisted_of_the_same_administration(
    django_capture_on_commit_callbacks,
):
    workshop = OpenWorkshopFactory(default_seats=1)
    tonga, fiji = OrganisationFactory(name="Tonga"), OrganisationFactory(name="Fiji")
    first = _register(workshop, tonga).registration
    _register(workshop, fiji)
    waiting_fiji = _register(workshop, fiji).registration
    waiting_tonga = _register(workshop, tonga).registration
    services.registration_cancel(actor=first.person, registration=first)
    waiting_tonga.refresh_from_db()
    waiting_fiji.refresh_from_db()
    assert waiting_tonga.status == Registration.Status.SUBMITTED
    assert waiting_fiji.status == Registration.Status.WAITLISTED
    assert OutgoingEmail.objects.filter(
        recipient=waiting_tonga.person.email, subject__startswith="A seat is yours"
    ).exists()


def test_the_same_person_cannot_register_twice_but_may_again_after_cancelling():
    workshop = OpenWorkshopFactory()
    submitted = _register(workshop).registration
    with pytest.raises(ServiceError, match="already registered"):
        services.registration_submit(actor=submitted.person, workshop=workshop, data=DATA)
    services.registration_cancel(actor=submitted.person, registration=submitted)
    again = services.registration_submit(actor=submitted.person, workshop=workshop, data=DATA)
    assert again.registration.pk == submitted.pk
    assert again.registration.status == Registration.Status.SUBMITTED


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"status": "closed"}, "closed"),
        (
            {"registration_deadline": timezone.now() - dt.timedelta(minutes=1)},
            "deadline has passed",
        ),
    ],
)
def test_registering_for_a_closed_or_late_workshop_is_refused(change, message):
    workshop = OpenWorkshopFactory(**change)
    with pytest.raises(ServiceError, match=message):
        _register(workshop)
    assert not Registration.objects.exists()


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"consent": False}, "consent"),
        (
            {"arrival_date": dt.date(2027, 3, 5), "departure_date": dt.date(2027, 3, 1)},
            "departure date",
        ),
        ({"visa_letter_needed": True, "nationality": ""}, "nationality"),
        ({"status": "approved"}, "cannot be changed"),
    ],
)
def test_bad_registration_data_is_refused_and_saves_nothing(data, message):
    with pytest.raises(ServiceError, match=message):
        _register(OpenWorkshopFactory(), **data)
    assert not Registration.objects.exists()


def test_approval_tells_the_delegate_with_a_calendar_file(
    secretariat, django_capture_on_commit_callbacks, mailoutbox
):
    workshop = OpenWorkshopFactory(time_zone="Asia/Seoul")
    with django_capture_on_commit_callbacks(execute=True):
        registration = _register(workshop).registration
        decisions.registration_approve(actor=secretariat, registration=registration)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.APPROVED
    assert registration.decided_by == secretariat
    approval = mailoutbox[-1]
    assert approval.subject.startswith("Approved:")
    name, content, kind = approval.attachments[0]
    assert name == "workshop.ics"
    assert kind.startswith("text/calendar")
    assert b"BEGIN:VCALENDAR" in (content if isinstance(content, bytes) else content.encode())


def test_a_waitlisted_registration_is_approved_only_when_a_seat_is_free(secretariat):
    workshop = OpenWorkshopFactory(default_seats=1)
    fiji = OrganisationFactory()
    _register(workshop, fiji)
    waiting = _register(workshop, fiji).registration
    with pytest.raises(ServiceError, match="No seat is free"):
        decisions.registration_approve(actor=secretariat, registration=waiting)
    waiting.refresh_from_db()
    assert waiting.status == Registration.Status.WAITLISTED


def test_declining_needs_a_reason_and_frees_the_seat(secretariat):
    workshop = OpenWorkshopFactory(default_seats=1)
    fiji = OrganisationFactory()
    held = _register(workshop, fiji).registration
    waiting = _register(workshop, fiji).registration
    with pytest.raises(ServiceError, match="reason"):
        decisions.registration_decline(actor=secretariat, registration=held, reason=" ")
    decisions.registration_decline(
        actor=secretariat, registration=held, reason="Not a customs officer"
    )
    held.refresh_from_db()
    waiting.refresh_from_db()
    assert held.status == Registration.Status.DECLINED
    assert held.decline_reason == "Not a customs officer"
    assert waiting.status == Registration.Status.SUBMITTED
    assert OutgoingEmail.objects.filter(
        recipient=held.person.email, body_text__contains="Not a customs officer"
    ).exists()


def test_funding_respects_eligibility_and_funded_seats(secretariat):
    workshop = OpenWorkshopFactory()
    caribbean = OrganisationFactory(oco_status="none")
    funding = FundingFactory(workshop=workshop, funded_seats=1, eligible_all_members=False)
    funding.eligible_organisations.set([caribbean])
    member = _register(workshop).registration
    with pytest.raises(ServiceError, match="not eligible"):
        decisions.registration_assign_funding(
            actor=secretariat, registration=member, funding=funding
        )
    first = _register(workshop, caribbean).registration
    second = _register(workshop, caribbean).registration
    decisions.registration_assign_funding(actor=secretariat, registration=first, funding=funding)
    with pytest.raises(ServiceError, match="funded seats"):
        decisions.registration_assign_funding(
            actor=secretariat, registration=second, funding=funding
        )
    assert list(funding.registrations.all()) == [first]


def test_a_funding_of_another_workshop_is_refused(secretariat):
    registration = _register(OpenWorkshopFactory()).registration
    with pytest.raises(ServiceError, match="another workshop"):
        decisions.registration_assign_funding(
            actor=secretariat, registration=registration, funding=FundingFactory()
        )
