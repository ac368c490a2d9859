"""Who sees which registrations: the focal point, the facilitator, the Secretariat's list."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import OutgoingEmail
from tests.factories import FocalPointFactory, OrganisationFactory, UserFactory
from tests.workshops.factories import (
    FacilitationFactory,
    FundingFactory,
    OpenWorkshopFactory,
    RegistrationFactory,
)
from workshops.models import Registration

pytestmark = pytest.mark.django_db


def _url(workshop) -> str:
    return f"/manage/workshops/{workshop.pk}/participants/"


# --- Focal point ----------------------------------------------------------------------------


def test_focal_point_sees_only_their_administration(client):
    tonga, fiji = OrganisationFactory(name="Tonga Customs"), OrganisationFactory(name="Fiji")
    workshop = OpenWorkshopFactory()
    RegistrationFactory(workshop=workshop, person=UserFactory(organisation=tonga, name="Sione"))
    RegistrationFactory(workshop=workshop, person=UserFactory(organisation=fiji, name="Litia"))
    focal = FocalPointFactory(user=UserFactory(organisation=tonga)).user
    client.force_login(focal)
    response = client.get(f"/workshops/{workshop.slug}/my-administration/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sione" in html
    assert "Litia" not in html


def test_a_delegate_who_is_no_focal_point_gets_404(delegate_client):
    workshop = OpenWorkshopFactory()
    assert delegate_client.get(f"/workshops/{workshop.slug}/my-administration/").status_code == 404


# --- Facilitator ----------------------------------------------------------------------------


def test_facilitator_sees_approved_names_and_positions_only(client):
    workshop = OpenWorkshopFactory()
    facilitator = UserFactory()
    FacilitationFactory(workshop=workshop, person=facilitator)
    approved = UserFactory(name="Approved Person", email="approved@example.org")
    RegistrationFactory(
        workshop=workshop,
        person=approved,
        status="approved",
        position="Chief Inspector",
        nationality="Samoan",
        dietary_needs="Halal",
    )
    RegistrationFactory(workshop=workshop, person=UserFactory(name="Pending Person"))
    client.force_login(facilitator)
    html = client.get(f"/workshops/{workshop.slug}/participants/").content.decode()
    assert "Approved Person" in html
    assert "Chief Inspector" in html
    assert approved.organisation.name in html
    assert "Pending Person" not in html
    for private in ("approved@example.org", "Samoan", "Halal"):
        assert private not in html


def test_facilitator_of_another_workshop_gets_404(client):
    workshop, other = OpenWorkshopFactory(), OpenWorkshopFactory()
    facilitator = UserFactory()
    FacilitationFactory(workshop=other, person=facilitator)
    client.force_login(facilitator)
    assert client.get(f"/workshops/{workshop.slug}/participants/").status_code == 404
    assert client.get(f"/workshops/{other.slug}/participants/").status_code == 200


def test_anonymous_and_delegate_get_no_participant_list(client, delegate):
    workshop = OpenWorkshopFactory()
    assert client.get(f"/workshops/{workshop.slug}/participants/").status_code == 302
    client.force_login(delegate)
    assert client.get(f"/workshops/{workshop.slug}/participants/").status_code == 404


# --- The Secretariat's list -----------------------------------------------------------------


def test_delegate_cannot_see_the_secretariat_list(delegate_client):
    workshop = OpenWorkshopFactory()
    assert delegate_client.get(_url(workshop)).status_code == 404
    registration = RegistrationFactory(workshop=workshop)
    response = delegate_client.post(_url(workshop), {"act": f"approve:{registration.pk}"})
    assert response.status_code == 404
    registration.refresh_from_db()
    assert registration.status == "submitted"


def test_filters_by_status_administration_and_visa(secretariat_client):
    workshop = OpenWorkshopFactory()
    samoa = OrganisationFactory(name="Samoa Customs")
    RegistrationFactory(
        workshop=workshop,
        person=UserFactory(name="Visa Needer", organisation=samoa),
        visa_letter_needed=True,
        nationality="Samoan",
    )
    RegistrationFactory(workshop=workshop, person=UserFactory(name="Other One"), status="approved")
    html = secretariat_client.get(_url(workshop), {"visa": "yes"}).content.decode()
    assert "Visa Needer" in html
    assert "Other One" not in html
    html = secretariat_client.get(_url(workshop), {"status": "approved"}).content.decode()
    assert "Other One" in html
    assert "Visa Needer" not in html
    html = secretariat_client.get(_url(workshop), {"organisation": samoa.pk}).content.decode()
    assert "Visa Needer" in html
    assert "Other One" not in html


def test_approve_one_by_one(secretariat_client, django_capture_on_commit_callbacks):
    registration = RegistrationFactory()
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            _url(registration.workshop), {"act": f"approve:{registration.pk}"}, follow=True
        )
    assert "1 registration done." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "approved"
    assert OutgoingEmail.objects.filter(recipient=registration.person.email).exists()


def test_bulk_approve_reports_what_was_refused_and_why(secretariat_client):
    workshop = OpenWorkshopFactory()
    fresh = [RegistrationFactory(workshop=workshop) for _ in range(3)]
    done_before = RegistrationFactory(workshop=workshop, status="approved")
    response = secretariat_client.post(
        _url(workshop),
        {"action": "approve", "registrations": [r.pk for r in [*fresh, done_before]]},
        follow=True,
    )
    html = response.content.decode()
    assert "3 registrations done." in html
    assert "1 refused" in html
    assert "is already approved" in html
    assert Registration.objects.filter(workshop=workshop, status="approved").count() == 4


def test_bulk_decline_needs_a_reason(secretariat_client):
    workshop = OpenWorkshopFactory()
    registrations = [RegistrationFactory(workshop=workshop) for _ in range(2)]
    ids = [r.pk for r in registrations]
    response = secretariat_client.post(
        _url(workshop), {"action": "decline", "registrations": ids, "reason": ""}, follow=True
    )
    assert "Give the reason for declining" in response.content.decode()
    assert not Registration.objects.filter(status="declined").exists()
    secretariat_client.post(
        _url(workshop), {"action": "decline", "registrations": ids, "reason": "Not eligible"}
    )
    declined = Registration.objects.filter(status="declined")
    assert set(declined.values_list("decline_reason", flat=True)) == {"Not eligible"}
    assert declined.count() == 2


def test_waitlisting_gives_the_seat_to_the_next_in_line(secretariat_client):
    fiji = OrganisationFactory()
    workshop = OpenWorkshopFactory(default_seats=1)
    holder = RegistrationFactory(workshop=workshop, person=UserFactory(organisation=fiji))
    waiting = RegistrationFactory(
        workshop=workshop,
        person=UserFactory(organisation=fiji),
        status="waitlisted",
        waitlisted_at=holder.created_at,
    )
    response = secretariat_client.post(
        _url(workshop), {"action": "waitlist", "registrations": [holder.pk]}, follow=True
    )
    assert "1 registration done." in response.content.decode()
    holder.refresh_from_db()
    waiting.refresh_from_db()
    assert (holder.status, waiting.status) == ("waitlisted", "submitted")


def test_a_registration_of_another_workshop_is_refused(secretariat_client):
    workshop = OpenWorkshopFactory()
    foreign = RegistrationFactory()
    response = secretariat_client.post(
        _url(workshop), {"action": "approve", "registrations": [foreign.pk]}, follow=True
    )
    assert "Choose an action and registrations of this workshop." in response.content.decode()
    foreign.refresh_from_db()
    assert foreign.status == "submitted"


def test_assign_funding_and_its_refusal(secretariat_client):
    workshop = OpenWorkshopFactory()
    funding = FundingFactory(workshop=workshop, funded_seats=1)
    first, second = RegistrationFactory(workshop=workshop), RegistrationFactory(workshop=workshop)
    secretariat_client.post(
        _url(workshop), {"act": f"funding:{first.pk}", f"funding-{first.pk}": funding.pk}
    )
    first.refresh_from_db()
    assert first.funding == funding
    response = secretariat_client.post(
        _url(workshop),
        {"act": f"funding:{second.pk}", f"funding-{second.pk}": funding.pk},
        follow=True,
    )
    assert "All 1 funded seats of" in response.content.decode()
    second.refresh_from_db()
    assert second.funding is None


def _list_queries(client, workshop) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(_url(workshop), {"per_page": 200})
    assert response.status_code == 200
    assert len(response.context["page"].object_list) == workshop.registrations.count()
    return len(context.captured_queries)


def test_query_count_does_not_grow_with_rows(secretariat_client):
    small, large = OpenWorkshopFactory(), OpenWorkshopFactory()
    funding = FundingFactory(workshop=small)
    FundingFactory(workshop=large)
    for workshop, count in ((small, 20), (large, 200)):
        for n in range(count):
            RegistrationFactory(
                workshop=workshop,
                status="waitlisted" if n % 3 == 0 else "submitted",
                funding=funding if workshop is small and n % 2 else None,
                visa_letter_needed=n % 4 == 0,
            )
    assert _list_queries(secretariat_client, small) == _list_queries(secretariat_client, large)


def test_rows_per_page_can_be_chosen_among_the_offered_sizes(secretariat_client):
    workshop = OpenWorkshopFactory()
    RegistrationFactory.create_batch(25, workshop=workshop)
    page = secretariat_client.get(_url(workshop), {"per_page": 20}).context["page"]
    assert len(page.object_list) == 20
    page = secretariat_client.get(_url(workshop), {"per_page": 7}).context["page"]
    assert len(page.object_list) == 25


def test_pages_of_fifty(secretariat_client):
    workshop = OpenWorkshopFactory()
    for n in range(51):
        RegistrationFactory(workshop=workshop, person=UserFactory(name=f"Delegate {n:03d}"))
    html = secretariat_client.get(_url(workshop)).content.decode()
    assert "Page 1 of 2" in html
    assert html.count('name="registrations"') == 50


def test_dashboard_links_facilitators_and_focal_points_to_their_lists(client):
    tonga = OrganisationFactory(name="Tonga Customs")
    workshop = OpenWorkshopFactory(title="Valuation workshop")
    other = OpenWorkshopFactory(title="Unrelated workshop")
    RegistrationFactory(workshop=workshop, person=UserFactory(organisation=tonga))
    person = FocalPointFactory(user=UserFactory(organisation=tonga)).user
    FacilitationFactory(workshop=workshop, person=person)
    client.force_login(person)
    html = client.get("/").content.decode()
    assert f"/workshops/{workshop.slug}/participants/" in html
    assert f"/workshops/{workshop.slug}/my-administration/" in html
    assert other.slug not in html
