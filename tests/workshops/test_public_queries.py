"""The public pages run as many queries with 30 rows as with 3."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import SecretariatFactory, UserFactory
from tests.workshops.factories import (
    DocumentFactory,
    FacilitationFactory,
    FundingFactory,
    OpenWorkshopFactory,
    RegistrationFactory,
    SessionFactory,
)
from workshops.models import Registration, Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


def _queries(client, url: str) -> int:
    client.get(url)  # warm up per-process caches (content types, sessions)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def _add_listed_workshops(count: int) -> None:
    for n in range(count):
        workshop = OpenWorkshopFactory(start_date=dt.date(2099, 1, 1) + dt.timedelta(days=n))
        FundingFactory(workshop=workshop)
        FundingFactory(workshop=workshop)


def _add_agenda(workshop: Workshop, count: int, offset: int) -> None:
    for n in range(offset, offset + count):
        facilitation = FacilitationFactory(workshop=workshop, person=UserFactory())
        session = SessionFactory(
            workshop=workshop,
            starts_at=dt.datetime(2099, 6, 13 + n % 3, 8, 0, tzinfo=workshop.zone)
            + dt.timedelta(minutes=10 * n),
            ends_at=dt.datetime(2099, 6, 13 + n % 3, 8, 5, tzinfo=workshop.zone)
            + dt.timedelta(minutes=10 * n),
        )
        session.facilitators.set([facilitation])
        FundingFactory(workshop=workshop, currency="USD" if n % 2 else "AUD")
        DocumentFactory(
            workshop=workshop, visibility=("public", "participants", "secretariat")[n % 3]
        )


@pytest.fixture(params=["anonymous", "participant", "secretariat"])
def viewer(request, client):
    """A client and the workshop whose page it reads, per role."""
    workshop = OpenWorkshopFactory(start_date=dt.date(2099, 6, 13), end_date=dt.date(2099, 6, 16))
    if request.param == "participant":
        person = RegistrationFactory(workshop=workshop, status=Registration.Status.APPROVED).person
        client.force_login(person)
    elif request.param == "secretariat":
        client.force_login(SecretariatFactory())
    return client, workshop


def test_the_list_runs_the_same_queries_with_3_and_30_workshops(viewer):
    client, _workshop = viewer
    _add_listed_workshops(2)  # with the viewer's own workshop: 3
    with_3 = _queries(client, "/workshops/")
    _add_listed_workshops(27)
    with_30 = _queries(client, "/workshops/")

    assert with_3 == with_30


def test_the_workshop_page_runs_the_same_queries_with_3_and_30_sessions_funders_documents(viewer):
    client, workshop = viewer
    url = workshop.get_absolute_url()
    _add_agenda(workshop, 3, offset=0)
    with_3 = _queries(client, url)
    _add_agenda(workshop, 27, offset=3)
    with_30 = _queries(client, url)

    assert with_3 == with_30


@pytest.mark.parametrize("suffix", ["agenda/", "calendar.ics"])
def test_agenda_and_calendar_run_the_same_queries_with_3_and_30_sessions(viewer, suffix):
    client, workshop = viewer
    url = f"{workshop.get_absolute_url()}{suffix}"
    _add_agenda(workshop, 3, offset=0)
    with_3 = _queries(client, url)
    _add_agenda(workshop, 27, offset=3)
    with_30 = _queries(client, url)

    assert with_3 == with_30


def test_the_feed_runs_the_same_queries_with_3_and_30_workshops(client):
    _add_listed_workshops(3)
    with_3 = _queries(client, "/workshops/calendar.ics")
    _add_listed_workshops(27)
    with_30 = _queries(client, "/workshops/calendar.ics")

    assert with_3 == with_30
