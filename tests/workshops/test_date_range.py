"""Workshop dates outside 2000–2100 are refused, and the iCal feed survives one anyway."""

import datetime as dt

import pytest
from django.utils import timezone
from icalendar import Calendar

from core.errors import ServiceError
from tests.workshops.factories import OpenWorkshopFactory
from workshops.forms.workshops import WorkshopForm
from workshops.ical import workshops_feed
from workshops.models import Workshop
from workshops.services import workshops as services

pytestmark = pytest.mark.django_db


def _data(**overrides) -> dict:
    start = timezone.localdate() + dt.timedelta(days=60)
    data = {
        "title": "Regional workshop on risk management",
        "start_date": start,
        "end_date": start + dt.timedelta(days=2),
        "city": "Nuku'alofa",
        "country": "Tonga",
        "time_zone": "Pacific/Tongatapu",
        "capacity": 30,
        "registration_deadline": timezone.now() + dt.timedelta(days=30),
    }
    data.update(overrides)
    return data


@pytest.mark.parametrize(
    "dates",
    [
        {"start_date": dt.date(9999, 12, 30), "end_date": dt.date(9999, 12, 31)},
        {"start_date": dt.date(1, 1, 1), "end_date": dt.date(1, 1, 2)},
        {"end_date": dt.date(2101, 1, 1)},
    ],
)
def test_the_service_refuses_dates_outside_2000_to_2100(secretariat, dates):
    with pytest.raises(ServiceError, match="2000 and 2100"):
        services.workshop_create(actor=secretariat, data=_data(**dates))


def test_the_service_refuses_a_deadline_outside_2000_to_2100(secretariat):
    deadline = dt.datetime(1999, 12, 31, 12, tzinfo=dt.UTC)
    with pytest.raises(ServiceError, match="2000 and 2100"):
        services.workshop_create(actor=secretariat, data=_data(registration_deadline=deadline))


def _form(**fields) -> WorkshopForm:
    data = {
        "title": "Risk management",
        "start_date": "2030-05-06",
        "end_date": "2030-05-08",
        "time_zone": "Pacific/Fiji",
        "languages": "en",
        "default_seats": "1",
    }
    data.update(fields)
    return WorkshopForm(data=data)


def test_the_form_accepts_ordinary_dates():
    form = _form()
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("start_date", "9999-12-30"),
        ("end_date", "9999-12-31"),
        ("start_date", "0001-01-01"),
        ("deadline_date", "1999-01-01"),
    ],
)
def test_the_form_refuses_dates_outside_2000_to_2100_with_a_clear_message(field, value):
    form = _form(**{field: value})
    assert not form.is_valid()
    assert "between 2000 and 2100" in " ".join(form.errors[field])


def test_the_feed_skips_a_workshop_it_cannot_represent(client):
    good = OpenWorkshopFactory(title="Good one")
    OpenWorkshopFactory(
        title="Year nine thousand", start_date=dt.date(9999, 12, 31), end_date=dt.date(9999, 12, 31)
    )
    calendar = Calendar.from_ical(workshops_feed(Workshop.objects.order_by("pk"), "Feed"))
    summaries = [str(event["summary"]) for event in calendar.walk("VEVENT")]
    assert summaries == [good.display_title]
    response = client.get("/workshops/calendar.ics")
    assert response.status_code == 200
