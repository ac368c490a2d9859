"""iCalendar files, parsed back with the icalendar library."""

import datetime as dt

import pytest
from icalendar import Calendar

from tests.workshops.factories import OpenWorkshopFactory, SessionFactory, WorkshopFactory
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


def _parse(response) -> Calendar:
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def _seoul_workshop(**kwargs) -> Workshop:
    workshop = OpenWorkshopFactory(
        title="Trade Facilitation Agreement",
        time_zone="Asia/Seoul",
        venue_name="KCS Academy",
        city="Seoul",
        country="Korea",
        start_date=dt.date(2099, 6, 13),
        end_date=dt.date(2099, 6, 16),
        **kwargs,
    )
    seoul = workshop.zone
    SessionFactory(
        workshop=workshop,
        title="Opening",
        starts_at=dt.datetime(2099, 6, 13, 9, 0, tzinfo=seoul),
        ends_at=dt.datetime(2099, 6, 13, 10, 0, tzinfo=seoul),
        room="Auditorium",
    )
    SessionFactory(
        workshop=workshop,
        title="Risk management",
        starts_at=dt.datetime(2099, 6, 16, 14, 0, tzinfo=seoul),
        ends_at=dt.datetime(2099, 6, 16, 15, 30, tzinfo=seoul),
    )
    return workshop


def test_workshop_calendar_has_an_all_day_event_and_one_timed_event_per_session(client, settings):
    settings.SITE_URL = "https://portal.oco.example"
    workshop = _seoul_workshop()

    response = client.get(f"/workshops/{workshop.slug}/calendar.ics")
    calendar = _parse(response)

    assert response["Content-Disposition"] == f'attachment; filename="{workshop.slug}.ics"'
    events = calendar.walk("VEVENT")
    assert len(events) == 3
    whole = next(e for e in events if str(e["UID"]) == f"workshop-{workshop.pk}@oco-portal")
    assert whole.decoded("DTSTART") == dt.date(2099, 6, 13)
    assert whole.decoded("DTEND") == dt.date(2099, 6, 17)
    assert str(whole["SUMMARY"]) == "Trade Facilitation Agreement"
    assert str(whole["LOCATION"]) == "KCS Academy, Seoul, Korea"
    assert str(whole["URL"]) == f"https://portal.oco.example/workshops/{workshop.slug}/"
    assert str(whole["STATUS"]) == "CONFIRMED"

    opening = next(e for e in events if "Opening" in str(e["SUMMARY"]))
    assert opening["DTSTART"].params["TZID"] == "Asia/Seoul"
    start = opening.decoded("DTSTART")
    assert (start.hour, start.minute) == (9, 0)
    assert start.utcoffset() == dt.timedelta(hours=9)
    assert start.astimezone(dt.UTC) == dt.datetime(2099, 6, 13, 0, 0, tzinfo=dt.UTC)
    assert str(opening["LOCATION"]) == "Auditorium, KCS Academy, Seoul, Korea"
    assert str(opening["UID"]).startswith("session-")

    zones = calendar.walk("VTIMEZONE")
    assert [str(zone["TZID"]) for zone in zones] == ["Asia/Seoul"]


def test_uids_are_stable_from_one_download_to_the_next(client):
    workshop = _seoul_workshop()

    first = _parse(client.get(f"/workshops/{workshop.slug}/calendar.ics"))
    second = _parse(client.get(f"/workshops/{workshop.slug}/calendar.ics"))

    uids = sorted(str(e["UID"]) for e in first.walk("VEVENT"))
    assert uids == sorted(str(e["UID"]) for e in second.walk("VEVENT"))
    assert len(set(uids)) == 3


def test_cancelled_workshop_events_are_cancelled(client):
    workshop = _seoul_workshop(status=Workshop.Status.CANCELLED)

    calendar = _parse(client.get(f"/workshops/{workshop.slug}/calendar.ics"))

    assert {str(e["STATUS"]) for e in calendar.walk("VEVENT")} == {"CANCELLED"}


def test_calendar_of_a_workshop_one_may_not_see_is_404(client):
    draft = WorkshopFactory()
    private = OpenWorkshopFactory(is_public=False)

    assert client.get(f"/workshops/{draft.slug}/calendar.ics").status_code == 404
    assert client.get(f"/workshops/{private.slug}/calendar.ics").status_code == 404


def test_feed_lists_every_visible_workshop_upcoming_and_past_as_all_day_events(client):
    upcoming = OpenWorkshopFactory(start_date=dt.date(2099, 1, 5), end_date=dt.date(2099, 1, 8))
    past = OpenWorkshopFactory(
        status=Workshop.Status.COMPLETED,
        start_date=dt.date(2017, 6, 13),
        end_date=dt.date(2017, 6, 16),
    )
    SessionFactory(workshop=upcoming)
    WorkshopFactory(title="A draft")
    OpenWorkshopFactory(title="Invitation only", is_public=False)

    response = client.get("/workshops/calendar.ics")
    calendar = _parse(response)

    assert response["Content-Disposition"] == 'attachment; filename="oco-workshops.ics"'
    events = calendar.walk("VEVENT")
    assert sorted(str(e["UID"]) for e in events) == sorted(
        [f"workshop-{upcoming.pk}@oco-portal", f"workshop-{past.pk}@oco-portal"]
    )
    past_event = next(e for e in events if str(e["UID"]) == f"workshop-{past.pk}@oco-portal")
    assert past_event.decoded("DTSTART") == dt.date(2017, 6, 13)
    assert past_event.decoded("DTEND") == dt.date(2017, 6, 17)
    assert calendar.walk("VTIMEZONE") == []
