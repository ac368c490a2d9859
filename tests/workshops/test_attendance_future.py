"""Attendance is recorded for days that have come at the venue, never for a day ahead; the
check-in button's accessible name says what a tap does."""

import datetime as dt
import zoneinfo

import pytest
from django.utils import timezone

from core.errors import ServiceError
from tests.factories import UserFactory
from tests.workshops.attendance_helpers import approved, facilitator_of
from tests.workshops.factories import WorkshopFactory
from workshops.models import Attendance, Workshop
from workshops.services.attendance import attendance_set

pytestmark = pytest.mark.django_db

# UTC+14: its date is often a day ahead of the server's.
ZONE = "Pacific/Kiritimati"


def _running_today() -> Workshop:
    """Its first day is today at the venue, its second tomorrow."""
    today = timezone.now().astimezone(zoneinfo.ZoneInfo(ZONE)).date()
    return WorkshopFactory(
        status=Workshop.Status.OPEN,
        time_zone=ZONE,
        start_date=today,
        end_date=today + dt.timedelta(days=2),
    )


def test_today_at_the_venue_can_be_recorded(secretariat):
    workshop = _running_today()
    registration = approved(workshop)
    attendance_set(
        actor=secretariat, registration=registration, day=workshop.start_date, present=True
    )
    assert Attendance.objects.filter(registration=registration).count() == 1


def test_a_day_ahead_is_refused(secretariat):
    workshop = _running_today()
    registration = approved(workshop)
    tomorrow = workshop.start_date + dt.timedelta(days=1)
    with pytest.raises(ServiceError, match="has not come yet"):
        attendance_set(actor=secretariat, registration=registration, day=tomorrow, present=True)
    assert not Attendance.objects.exists()


def test_a_future_day_is_shown_but_cannot_be_ticked(client):
    workshop = _running_today()
    registration = approved(workshop, person=UserFactory(name="Losa Faleolo"))
    client.force_login(facilitator_of(workshop))
    tomorrow = workshop.start_date + dt.timedelta(days=1)
    page = client.get(f"/workshops/{workshop.slug}/check-in/?day={tomorrow}").content.decode()
    assert "Losa Faleolo" in page
    assert "This day has not come yet" in page
    assert f"/check-in/{registration.pk}/" not in page
    today = client.get(f"/workshops/{workshop.slug}/check-in/?day={workshop.start_date}")
    assert f"/check-in/{registration.pk}/" in today.content.decode()

    response = client.post(
        f"/workshops/{workshop.slug}/check-in/{registration.pk}/",
        {"day": tomorrow, "present": "1"},
        follow=True,
    )
    assert "has not come yet" in response.content.decode()
    assert not Attendance.objects.exists()


def test_the_button_names_the_action_and_shows_the_state(client):
    workshop = _running_today()
    registration = approved(workshop, person=UserFactory(name="Losa Faleolo"))
    facilitator = facilitator_of(workshop)
    client.force_login(facilitator)
    url = f"/workshops/{workshop.slug}/check-in/?day={workshop.start_date}"
    page = client.get(url).content.decode()
    assert 'aria-label="Mark Losa Faleolo present"' in page
    assert ">Absent</button>" in page
    attendance_set(
        actor=facilitator, registration=registration, day=workshop.start_date, present=True
    )
    page = client.get(url).content.decode()
    assert 'aria-label="Mark Losa Faleolo absent"' in page
    assert "✓ Present</button>" in page
