"""Once a workshop has begun (its first day has come at the venue) or is completed, a delegate
can no longer cancel or edit their registration: that would rewrite reports and certificates.
Travel dates far from the workshop are refused."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone

from core.errors import ServiceError
from tests.workshops.factories import OpenWorkshopFactory, RegistrationFactory, WorkshopFactory
from workshops.models import Registration, Workshop
from workshops.services import registrations as services

pytestmark = pytest.mark.django_db

# UTC+14: its date is often a day ahead of the server's.
ZONE = "Pacific/Kiritimati"


def _today_at(zone: str) -> dt.date:
    return timezone.now().astimezone(zoneinfo.ZoneInfo(zone)).date()


def _completed(delegate) -> Registration:
    workshop = WorkshopFactory(
        status=Workshop.Status.COMPLETED,
        start_date=dt.date(2024, 3, 4),
        end_date=dt.date(2024, 3, 8),
        registration_deadline=None,
    )
    return RegistrationFactory(
        workshop=workshop, person=delegate, status=Registration.Status.APPROVED
    )


def _begun_today(delegate) -> Registration:
    """Open, no deadline, and its first day is today in the venue's zone (UTC+14)."""
    start = _today_at(ZONE)
    workshop = OpenWorkshopFactory(
        time_zone=ZONE,
        start_date=start,
        end_date=start + dt.timedelta(days=3),
        registration_deadline=None,
    )
    return RegistrationFactory(
        workshop=workshop, person=delegate, status=Registration.Status.APPROVED
    )


@pytest.mark.parametrize("make", [_completed, _begun_today])
def test_cancelling_is_refused_once_the_workshop_has_begun(delegate, make):
    registration = make(delegate)
    with pytest.raises(ServiceError, match="has begun or is completed"):
        services.registration_cancel(actor=delegate, registration=registration)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.APPROVED


@pytest.mark.parametrize("make", [_completed, _begun_today])
def test_editing_is_refused_once_the_workshop_has_begun(delegate, make):
    registration = make(delegate)
    with pytest.raises(ServiceError, match="has begun or is completed"):
        services.registration_update(
            actor=delegate,
            registration=registration,
            data={"position": "Changed", "consent": True},
        )
    registration.refresh_from_db()
    assert registration.position != "Changed"


def test_cancelling_the_day_before_the_first_day_still_works(delegate):
    start = _today_at(ZONE) + dt.timedelta(days=1)
    workshop = OpenWorkshopFactory(
        time_zone=ZONE, start_date=start, end_date=start, registration_deadline=None
    )
    registration = RegistrationFactory(workshop=workshop, person=delegate)
    services.registration_cancel(actor=delegate, registration=registration)
    registration.refresh_from_db()
    assert registration.status == Registration.Status.CANCELLED


@pytest.mark.parametrize("make", [_completed, _begun_today])
def test_cancel_links_are_hidden_and_the_cancel_page_refuses(delegate_client, delegate, make):
    registration = make(delegate)
    slug = registration.workshop.slug
    cancel_url = f"/workshops/{slug}/registration/cancel/"
    dashboard = delegate_client.get("/").content.decode()
    assert f"/workshops/{slug}/registration/" in dashboard
    assert cancel_url not in dashboard
    page = delegate_client.get(f"/workshops/{slug}/registration/").content.decode()
    assert cancel_url not in page
    assert "Change your registration" not in page
    response = delegate_client.post(cancel_url, follow=True)
    assert "has begun or is completed" in response.content.decode()
    registration.refresh_from_db()
    assert registration.status == Registration.Status.APPROVED


def test_cancel_link_is_shown_before_the_workshop(delegate_client, delegate):
    registration = RegistrationFactory(person=delegate)
    cancel_url = f"/workshops/{registration.workshop.slug}/registration/cancel/"
    assert cancel_url in delegate_client.get("/").content.decode()


def _data(arrival: dt.date, departure: dt.date) -> dict:
    return {"arrival_date": arrival, "departure_date": departure, "consent": True}


@pytest.mark.parametrize(
    ("arrival_offset", "departure_offset"),
    [(-61, 0), (0, 61), (-200, -190)],
)
def test_travel_dates_far_from_the_workshop_are_refused(delegate, arrival_offset, departure_offset):
    workshop = OpenWorkshopFactory()
    start, end = workshop.start_date, workshop.end_date
    data = _data(
        start + dt.timedelta(days=arrival_offset), end + dt.timedelta(days=departure_offset)
    )
    with pytest.raises(ServiceError, match="60 days"):
        services.registration_submit(actor=delegate, workshop=workshop, data=data)
    assert not Registration.objects.filter(person=delegate).exists()


def test_travel_dates_up_to_60_days_around_the_workshop_are_accepted(delegate):
    workshop = OpenWorkshopFactory()
    data = _data(
        workshop.start_date - dt.timedelta(days=60), workshop.end_date + dt.timedelta(days=60)
    )
    result = services.registration_submit(actor=delegate, workshop=workshop, data=data)
    assert result.registration.arrival_date == data["arrival_date"]


def test_the_registration_form_shows_the_date_refusal(delegate_client, delegate):
    workshop = OpenWorkshopFactory()
    far = (workshop.start_date - dt.timedelta(days=100)).isoformat()
    response = delegate_client.post(
        f"/workshops/{workshop.slug}/register/",
        {
            "name": "Mele Tupou",
            "position": "Officer",
            "seniority": "supervisor",
            "arrival_date": far,
            "departure_date": workshop.end_date.isoformat(),
            "consent": "on",
        },
    )
    assert "60 days" in response.content.decode()
    assert not Registration.objects.filter(person=delegate).exists()
