"""The delegate's registration pages: register, see, edit, cancel; the dashboard list."""

import datetime as dt

import pytest
from django.test import Client
from django.utils import timezone

from members.models import User
from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import OpenWorkshopFactory, RegistrationFactory
from workshops.models import Invitation, Registration, Workshop
from workshops.services.invitations import invitation_token, new_nonce

pytestmark = pytest.mark.django_db

# The factories' workshops start in 60 days and last 4: travel close to them.
ARRIVAL = timezone.localdate() + dt.timedelta(days=59)
DEPARTURE = ARRIVAL + dt.timedelta(days=5)


def _form(**overrides) -> dict:
    data = {
        "name": "Mele Tupou",
        "position": "Senior Customs Officer",
        "seniority": "supervisor",
        "arrival_date": ARRIVAL.isoformat(),
        "departure_date": DEPARTURE.isoformat(),
        "arrival_flight": "FJ 211",
        "departure_flight": "FJ 212",
        "nationality": "Tongan",
        "dietary_needs": "No pork",
        "funding_requested": "on",
        "funding_request_covers": ["airfare", "per_diem"],
        "consent": "on",
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


def test_anonymous_visitor_is_sent_to_sign_in(client):
    workshop = OpenWorkshopFactory()
    response = client.get(f"/workshops/{workshop.slug}/register/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert f"next=/workshops/{workshop.slug}/register/" in response["Location"]


def test_form_is_prefilled_from_the_profile(delegate_client, delegate):
    workshop = OpenWorkshopFactory()
    response = delegate_client.get(f"/workshops/{workshop.slug}/register/")
    assert response.status_code == 200
    html = response.content.decode()
    assert f'value="{delegate.name}"' in html
    assert 'value="Customs Officer"' in html
    assert 'name="consent"' in html


def test_registering_holds_a_seat_and_updates_the_profile(delegate_client, delegate):
    workshop = OpenWorkshopFactory()
    response = delegate_client.post(f"/workshops/{workshop.slug}/register/", _form(), follow=True)
    registration = Registration.objects.get(workshop=workshop, person=delegate)
    assert registration.status == "submitted"
    assert registration.arrival_date == ARRIVAL
    assert registration.funding_request_covers == ["airfare", "per_diem"]
    assert registration.position == "Senior Customs Officer"
    delegate.refresh_from_db()
    assert delegate.name == "Mele Tupou"
    assert delegate.seniority == "supervisor"
    assert "registered and a seat is held for you, awaiting the Secretariat" in (
        response.content.decode()
    )


def test_registering_beyond_the_quota_says_the_waitlist_place(client):
    tonga = OrganisationFactory(name="Tonga Customs")
    workshop = OpenWorkshopFactory(default_seats=1)
    RegistrationFactory(workshop=workshop, person=UserFactory(organisation=tonga))
    person = UserFactory(organisation=tonga)
    client.force_login(person)
    response = client.post(f"/workshops/{workshop.slug}/register/", _form(), follow=True)
    assert Registration.objects.get(person=person).status == "waitlisted"
    assert "number 1 for Tonga Customs" in response.content.decode()


def test_service_refusal_is_shown_and_nothing_is_saved(client):
    person = UserFactory(organisation=None)
    client.force_login(person)
    workshop = OpenWorkshopFactory()
    response = client.post(f"/workshops/{workshop.slug}/register/", _form(name="New Name"))
    assert response.status_code == 200
    assert "Choose your organisation in your profile" in response.content.decode()
    assert not Registration.objects.exists()
    person.refresh_from_db()
    assert person.name != "New Name"


def test_missing_consent_and_bad_dates_are_refused(delegate_client):
    workshop = OpenWorkshopFactory()
    response = delegate_client.post(
        f"/workshops/{workshop.slug}/register/",
        _form(consent=None, arrival_date="2030-03-06", departure_date="2030-03-01"),
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "This field is required." in html
    assert "The departure cannot be before the arrival." in html
    assert not Registration.objects.exists()


def test_visa_letter_needs_a_nationality(delegate_client):
    workshop = OpenWorkshopFactory()
    response = delegate_client.post(
        f"/workshops/{workshop.slug}/register/",
        _form(visa_letter_needed="on", nationality=""),
    )
    assert "Give your nationality for the visa letter." in response.content.decode()
    assert not Registration.objects.exists()


def test_closed_workshop_shows_a_clear_message(delegate_client):
    workshop = OpenWorkshopFactory(status=Workshop.Status.CLOSED)
    response = delegate_client.get(f"/workshops/{workshop.slug}/register/")
    assert "Registration for this workshop is closed." in response.content.decode()
    response = delegate_client.post(f"/workshops/{workshop.slug}/register/", _form())
    assert "Registration for this workshop is closed." in response.content.decode()
    assert not Registration.objects.exists()


def test_past_deadline_shows_a_clear_message(delegate_client):
    workshop = OpenWorkshopFactory(registration_deadline=timezone.now() - dt.timedelta(hours=1))
    response = delegate_client.post(f"/workshops/{workshop.slug}/register/", _form())
    assert "The registration deadline has passed." in response.content.decode()
    assert not Registration.objects.exists()


def test_already_registered_is_sent_to_their_registration(delegate_client, delegate):
    registration = RegistrationFactory(person=delegate)
    slug = registration.workshop.slug
    response = delegate_client.post(f"/workshops/{slug}/register/", _form(), follow=True)
    assert "You are already registered for this workshop." in response.content.decode()
    assert Registration.objects.count() == 1


def test_draft_or_invitation_only_workshop_is_not_found(delegate_client):
    draft = OpenWorkshopFactory(status=Workshop.Status.DRAFT)
    private = OpenWorkshopFactory(is_public=False)
    assert delegate_client.get(f"/workshops/{draft.slug}/register/").status_code == 404
    assert delegate_client.get(f"/workshops/{private.slug}/register/").status_code == 404


def test_edit_until_the_deadline(delegate_client, delegate):
    registration = RegistrationFactory(person=delegate, consent=True)
    slug = registration.workshop.slug
    response = delegate_client.post(
        f"/workshops/{slug}/registration/", _form(dietary_needs="Vegetarian"), follow=True
    )
    assert "Your registration was saved." in response.content.decode()
    registration.refresh_from_db()
    assert registration.dietary_needs == "Vegetarian"


def test_no_edit_after_the_deadline(delegate_client, delegate):
    workshop = OpenWorkshopFactory(registration_deadline=timezone.now() - dt.timedelta(days=1))
    registration = RegistrationFactory(person=delegate, workshop=workshop, dietary_needs="None")
    response = delegate_client.post(
        f"/workshops/{workshop.slug}/registration/", _form(dietary_needs="Vegetarian")
    )
    assert "The registration deadline has passed" in response.content.decode()
    registration.refresh_from_db()
    assert registration.dietary_needs == "None"


def test_another_persons_registration_is_not_found(delegate_client):
    registration = RegistrationFactory()
    slug = registration.workshop.slug
    assert delegate_client.get(f"/workshops/{slug}/registration/").status_code == 404
    assert delegate_client.post(f"/workshops/{slug}/registration/cancel/").status_code == 404
    registration.refresh_from_db()
    assert registration.status == "submitted"


def test_cancel_asks_for_confirmation_then_cancels(delegate_client, delegate):
    registration = RegistrationFactory(person=delegate)
    slug = registration.workshop.slug
    page = delegate_client.get(f"/workshops/{slug}/registration/cancel/")
    assert "Yes, cancel my registration" in page.content.decode()
    registration.refresh_from_db()
    assert registration.status == "submitted"
    response = delegate_client.post(f"/workshops/{slug}/registration/cancel/", follow=True)
    assert "Your registration is cancelled." in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == "cancelled"


def test_csrf_is_enforced_on_the_registration_form(delegate):
    workshop = OpenWorkshopFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(delegate)
    response = client.post(f"/workshops/{workshop.slug}/register/", _form())
    assert response.status_code == 403
    assert not Registration.objects.exists()
    page = client.get(f"/workshops/{workshop.slug}/register/")
    token = page.cookies["csrftoken"].value
    response = client.post(
        f"/workshops/{workshop.slug}/register/", {**_form(), "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
    assert Registration.objects.count() == 1


def test_dashboard_lists_my_workshops_with_place_and_links(client):
    fiji = OrganisationFactory(name="Fiji Revenue and Customs")
    workshop = OpenWorkshopFactory(default_seats=1, title="Risk management workshop")
    RegistrationFactory(workshop=workshop, person=UserFactory(organisation=fiji))
    RegistrationFactory(
        workshop=workshop,
        person=UserFactory(organisation=fiji),
        status="waitlisted",
        waitlisted_at=timezone.now() - dt.timedelta(hours=2),
    )
    me = UserFactory(organisation=fiji)
    RegistrationFactory(
        workshop=workshop, person=me, status="waitlisted", waitlisted_at=timezone.now()
    )
    client.force_login(me)
    html = client.get("/").content.decode()
    assert "Risk management workshop" in html
    assert "place 2 on the waiting list" in html
    assert f"/workshops/{workshop.slug}/registration/cancel/" in html


def test_dashboard_says_when_there_is_no_registration(delegate_client):
    html = delegate_client.get("/").content.decode()
    assert "You have no workshop registrations yet." in html


def test_profile_changes_go_through_the_profile_service(delegate_client, delegate):
    workshop = OpenWorkshopFactory()
    delegate_client.post(f"/workshops/{workshop.slug}/register/", _form(seniority="not-a-level"))
    assert not Registration.objects.exists()
    assert User.objects.get(pk=delegate.pk).seniority == "officer"


def _invitation(workshop, email):
    invitation = Invitation.objects.create(
        workshop=workshop, email=email, name="Invitee", nonce=new_nonce(), status="sent"
    )
    return invitation, invitation_token(invitation)


def test_an_invitation_link_opens_an_invitation_only_workshop(delegate_client, delegate):
    workshop = OpenWorkshopFactory(is_public=False)
    invitation, token = _invitation(workshop, delegate.email)
    url = f"/workshops/{workshop.slug}/register/"
    page = delegate_client.get(url, {"invitation": token})
    assert page.status_code == 200
    assert f'value="{token}"' in page.content.decode()
    delegate_client.post(url, _form(invitation=token))
    registration = Registration.objects.get(person=delegate)
    assert registration.invitation == invitation
    invitation.refresh_from_db()
    assert invitation.status == "answered"


def test_a_tampered_or_foreign_token_is_ignored(delegate_client, delegate):
    private = OpenWorkshopFactory(is_public=False)
    other = OpenWorkshopFactory()
    _, token = _invitation(other, delegate.email)
    url = f"/workshops/{private.slug}/register/"
    assert delegate_client.get(url, {"invitation": token}).status_code == 404
    assert delegate_client.get(url, {"invitation": token[:-2] + "xx"}).status_code == 404
    delegate_client.post(f"/workshops/{other.slug}/register/", _form(invitation="forged"))
    assert Registration.objects.get(person=delegate).invitation is None


def test_a_forwarded_invitation_link_opens_nothing_for_someone_else(delegate_client, delegate):
    private = OpenWorkshopFactory(is_public=False)
    invitation, token = _invitation(private, "the.invitee@example.org")
    url = f"/workshops/{private.slug}/register/"
    assert delegate_client.get(url, {"invitation": token}).status_code == 404
    assert delegate_client.post(url, _form(invitation=token)).status_code == 404
    assert not Registration.objects.exists()
    invitation.refresh_from_db()
    assert invitation.status == "sent"


def test_a_nominee_registering_records_the_focal_point_who_nominated_them(
    delegate_client, delegate
):
    workshop = OpenWorkshopFactory()
    focal_point = UserFactory(organisation=delegate.organisation)
    invitation, token = _invitation(workshop, delegate.email)
    Invitation.objects.filter(pk=invitation.pk).update(created_by=focal_point)
    delegate_client.post(f"/workshops/{workshop.slug}/register/", _form(invitation=token))
    assert Registration.objects.get(person=delegate).nominated_by == focal_point


def test_csrf_is_enforced_on_the_participant_list(secretariat):
    registration = RegistrationFactory()
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat)
    url = f"/manage/workshops/{registration.workshop_id}/participants/"
    assert client.post(url, {"act": f"approve:{registration.pk}"}).status_code == 403
    registration.refresh_from_db()
    assert registration.status == "submitted"
