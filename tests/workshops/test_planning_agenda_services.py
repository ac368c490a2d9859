"""Planning services: the agenda's sessions, in the venue's time zone."""

import datetime as dt

import pytest

from core.errors import ServiceError
from tests.workshops.factories import FacilitationFactory, SessionFactory, WorkshopFactory
from workshops.models import Session, Workshop
from workshops.services import planning as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def korea():
    return WorkshopFactory(
        time_zone="Asia/Seoul", start_date=dt.date(2017, 6, 13), end_date=dt.date(2017, 6, 16)
    )


def _session(secretariat, workshop, **overrides) -> Session:
    kwargs = {
        "title": "Opening and overview of the WTO TFA",
        "day": dt.date(2017, 6, 13),
        "start": dt.time(9, 0),
        "end": dt.time(10, 30),
        "room": "Room 301",
    }
    kwargs.update(overrides)
    return services.session_save(actor=secretariat, workshop=workshop, **kwargs)


def test_session_times_are_stored_as_instants_of_the_venue_zone(secretariat, korea):
    kcs = FacilitationFactory(workshop=korea)
    session = _session(secretariat, korea, facilitators=[kcs])
    session.refresh_from_db()
    assert session.starts_at == dt.datetime(2017, 6, 13, 0, 0, tzinfo=dt.UTC)
    assert session.ends_at == dt.datetime(2017, 6, 13, 1, 30, tzinfo=dt.UTC)
    assert list(session.facilitators.all()) == [kcs]
    assert session.room == "Room 301"


def test_session_edit_keeps_the_session_and_moves_it(secretariat, korea):
    session = _session(secretariat, korea)
    edited = _session(
        secretariat,
        korea,
        session=session,
        title="Closing",
        day=dt.date(2017, 6, 16),
        start=dt.time(15, 0),
        end=dt.time(16, 0),
    )
    assert edited.pk == session.pk
    assert Session.objects.count() == 1
    session.refresh_from_db()
    assert session.title == "Closing"
    assert session.starts_at == dt.datetime(2017, 6, 16, 6, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("day", [dt.date(2017, 6, 12), dt.date(2017, 6, 17)], ids=str)
def test_session_on_a_day_outside_the_workshop_is_refused(secretariat, korea, day):
    with pytest.raises(ServiceError, match="within the workshop's dates"):
        _session(secretariat, korea, day=day)
    assert not Session.objects.exists()


@pytest.mark.parametrize("end", [dt.time(8, 0), dt.time(9, 0)], ids=["before", "same"])
def test_session_ending_before_it_starts_is_refused(secretariat, korea, end):
    with pytest.raises(ServiceError, match="end after it starts"):
        _session(secretariat, korea, end=end)
    assert not Session.objects.exists()


def test_session_of_a_workshop_without_dates_is_refused(secretariat):
    workshop = WorkshopFactory(start_date=None, end_date=None)
    with pytest.raises(ServiceError, match="Set the workshop's dates"):
        _session(secretariat, workshop)
    assert not Session.objects.exists()


def test_session_led_by_a_facilitator_of_another_workshop_is_refused(secretariat, korea):
    elsewhere = FacilitationFactory()
    with pytest.raises(ServiceError, match="facilitators of this workshop"):
        _session(secretariat, korea, facilitators=[elsewhere])
    assert not Session.objects.exists()


def test_agenda_of_a_cancelled_workshop_cannot_change(secretariat, korea):
    session = SessionFactory(workshop=korea)
    Workshop.objects.filter(pk=korea.pk).update(status=Workshop.Status.CANCELLED)
    korea.refresh_from_db()
    session.refresh_from_db()
    with pytest.raises(ServiceError, match="cancelled"):
        _session(secretariat, korea)
    with pytest.raises(ServiceError, match="cancelled"):
        services.session_delete(actor=secretariat, session=session)
    assert list(Session.objects.all()) == [session]


def test_session_delete_removes_it(secretariat, korea):
    session = _session(secretariat, korea)
    services.session_delete(actor=secretariat, session=session)
    assert not Session.objects.exists()
