"""The Secretariat's workshop pages: happy paths, bad input and refusals."""

import datetime as dt

import pytest
from django.utils import timezone

from core.models import OutgoingEmail
from tests.factories import UserFactory
from tests.workshops.factories import FundingFactory, RegistrationFactory, WorkshopFactory
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


def _form(**overrides):
    start = timezone.localdate() + dt.timedelta(days=45)
    data = {
        "title": "Regional workshop on post-clearance audit",
        "title_fr": "",
        "description": "For supervisors.",
        "description_fr": "",
        "start_date": start.isoformat(),
        "end_date": (start + dt.timedelta(days=3)).isoformat(),
        "venue_name": "Tanoa Plaza",
        "city": "Suva",
        "country": "Fiji",
        "time_zone": "Pacific/Fiji",
        "host": "",
        "languages": "en",
        "capacity": "30",
        "default_seats": "2",
        "deadline_date": (start - dt.timedelta(days=10)).isoformat(),
        "deadline_time": "17:00",
        "is_public": "on",
    }
    data.update(overrides)
    return data


def test_secretariat_creates_a_draft_workshop(secretariat_client):
    response = secretariat_client.post("/manage/workshops/new/", _form(), follow=True)
    workshop = Workshop.objects.get()
    assert workshop.status == Workshop.Status.DRAFT
    page = response.content.decode()
    assert "The workshop was created as a draft." in page
    assert "Regional workshop on post-clearance audit" in page
    local = workshop.registration_deadline.astimezone(workshop.zone)
    assert (local.hour, local.minute) == (17, 0)
    assert "Pacific/Fiji" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        (
            {"end_date": (timezone.localdate() + dt.timedelta(days=40)).isoformat()},
            "The last day cannot be before the first day.",
        ),
        (
            {"deadline_date": (timezone.localdate() + dt.timedelta(days=50)).isoformat()},
            "The registration deadline must be before the workshop starts.",
        ),
        ({"time_zone": "Pacific/Lemuria"}, "is not a known time zone"),
        ({"capacity": "-5"}, "greater than or equal to 0"),
        ({"default_seats": "-1"}, "greater than or equal to 0"),
        ({"title": ""}, "This field is required."),
    ],
)
def test_bad_input_shows_a_message_and_saves_nothing(secretariat_client, overrides, message):
    response = secretariat_client.post("/manage/workshops/new/", _form(**overrides))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Workshop.objects.exists()


def test_edit_refuses_capacity_below_approved_seats(secretariat_client):
    workshop = WorkshopFactory(status=Workshop.Status.OPEN, capacity=10)
    for _ in range(2):
        RegistrationFactory(workshop=workshop, status="approved")
    response = secretariat_client.post(
        f"/manage/workshops/{workshop.pk}/edit/", _form(capacity="1")
    )
    assert "Capacity cannot be below the 2 seats already approved." in response.content.decode()
    assert Workshop.objects.get(pk=workshop.pk).capacity == 10


def test_open_close_and_complete_buttons(secretariat_client):
    workshop = WorkshopFactory()
    response = secretariat_client.post(f"/manage/workshops/{workshop.pk}/status/open/", follow=True)
    assert "Registration is open." in response.content.decode()
    response = secretariat_client.post(
        f"/manage/workshops/{workshop.pk}/status/complete/", follow=True
    )
    assert "cannot be completed before it has started" in response.content.decode()
    assert Workshop.objects.get(pk=workshop.pk).status == Workshop.Status.OPEN


def test_unknown_transition_is_404_and_get_is_refused(secretariat_client):
    workshop = WorkshopFactory()
    assert (
        secretariat_client.post(f"/manage/workshops/{workshop.pk}/status/delete/").status_code
        == 404
    )
    assert (
        secretariat_client.get(f"/manage/workshops/{workshop.pk}/status/open/").status_code == 405
    )


def test_cancel_asks_for_confirmation_then_tells_registrants(
    secretariat_client, django_capture_on_commit_callbacks
):
    registration = RegistrationFactory()
    workshop = registration.workshop
    page = secretariat_client.get(f"/manage/workshops/{workshop.pk}/cancel/").content.decode()
    assert "1 person is registered" in page
    response = secretariat_client.post(
        f"/manage/workshops/{workshop.pk}/cancel/", {"reason": "Cyclone"}
    )
    assert "This field is required." in response.content.decode()
    assert Workshop.objects.get(pk=workshop.pk).status == Workshop.Status.OPEN
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(
            f"/manage/workshops/{workshop.pk}/cancel/",
            {"reason": "Cyclone", "confirm": "on"},
            follow=True,
        )
    assert "1 registrants are being told" in response.content.decode()
    assert Workshop.objects.get(pk=workshop.pk).status == Workshop.Status.CANCELLED
    assert OutgoingEmail.objects.get().recipient == registration.person.email


def test_clone_opens_the_copy_for_editing(secretariat_client):
    workshop = WorkshopFactory(title="Leadership workshop")
    FundingFactory(workshop=workshop)
    response = secretariat_client.post(f"/manage/workshops/{workshop.pk}/clone/", follow=True)
    clone = Workshop.objects.exclude(pk=workshop.pk).get()
    assert response.redirect_chain[-1][0] == f"/manage/workshops/{clone.pk}/edit/"
    assert "A copy was created as a draft" in response.content.decode()
    assert clone.title == "Leadership workshop (copy)"


def test_detail_shows_funding_totals_per_currency_and_seats(secretariat_client):
    workshop = WorkshopFactory()
    FundingFactory(workshop=workshop, amount=1000, currency="USD")
    FundingFactory(workshop=workshop, amount=500, currency="USD")
    FundingFactory(workshop=workshop, amount=2000, currency="FJD")
    page = secretariat_client.get(f"/manage/workshops/{workshop.pk}/").content.decode()
    assert "1,500.00" in page
    assert "2,000.00" in page
    assert "Totals per currency" in page


def test_history_shows_who_changed_what(secretariat_client, secretariat):
    secretariat_client.post("/manage/workshops/new/", _form())
    workshop = Workshop.objects.get()
    secretariat_client.post(f"/manage/workshops/{workshop.pk}/edit/", _form(city="Lautoka"))
    page = secretariat_client.get(f"/manage/workshops/{workshop.pk}/history/").content.decode()
    assert secretariat.name in page
    assert "Suva" in page
    assert "Lautoka" in page


def test_list_filters_by_status(secretariat_client):
    WorkshopFactory(title="Draft one")
    WorkshopFactory(title="Open one", status=Workshop.Status.OPEN)
    page = secretariat_client.get("/manage/workshops/?status=open").content.decode()
    assert "Open one" in page
    assert "Draft one" not in page


MANAGE_URLS = [
    "/manage/workshops/",
    "/manage/workshops/new/",
    "/manage/workshops/{pk}/",
    "/manage/workshops/{pk}/edit/",
    "/manage/workshops/{pk}/cancel/",
    "/manage/workshops/{pk}/history/",
]


@pytest.mark.parametrize("url", MANAGE_URLS)
def test_management_pages_are_404_for_a_delegate_focal_point_or_donor(client, url):
    workshop = WorkshopFactory()
    client.force_login(UserFactory())
    assert client.get(url.format(pk=workshop.pk)).status_code == 404


@pytest.mark.parametrize("action", ["status/open", "clone", "cancel"])
def test_management_actions_are_404_for_a_delegate_and_change_nothing(client, action):
    workshop = WorkshopFactory()
    client.force_login(UserFactory())
    assert (
        client.post(
            f"/manage/workshops/{workshop.pk}/{action}/", {"reason": "x", "confirm": "on"}
        ).status_code
        == 404
    )
    assert Workshop.objects.count() == 1
    assert Workshop.objects.get().status == Workshop.Status.DRAFT


def test_management_pages_send_anonymous_visitors_to_sign_in(client):
    response = client.get("/manage/workshops/")
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_transition_messages_are_in_each_persons_language(client, secretariat):
    """The messages are translated per request, not once when the module was imported."""
    workshop = WorkshopFactory()
    secretariat.preferred_language = "fr"
    secretariat.save(update_fields=["preferred_language"])
    client.force_login(secretariat)
    response = client.post(f"/manage/workshops/{workshop.pk}/status/open/", follow=True)
    assert "Les inscriptions sont ouvertes." in response.content.decode()
