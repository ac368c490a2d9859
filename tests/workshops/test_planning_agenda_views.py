"""The Secretariat's planning pages: the agenda."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory
from tests.workshops.factories import FacilitationFactory, SessionFactory, WorkshopFactory
from workshops.models import Session, Workshop

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return response.content.decode()


@pytest.fixture
def korea():
    return WorkshopFactory(
        title="Regional Workshop on the WTO TFA",
        time_zone="Asia/Seoul",
        start_date=dt.date(2017, 6, 13),
        end_date=dt.date(2017, 6, 16),
    )


def _session_form(**overrides) -> dict:
    data = {
        "title": "Opening and overview of the WTO TFA",
        "title_fr": "",
        "day": "2017-06-13",
        "start": "09:00",
        "end": "10:30",
        "room": "Room 301",
        "description": "",
    }
    data.update(overrides)
    return data


def test_secretariat_adds_a_session_in_the_venue_zone(secretariat_client, korea):
    kcs = FacilitationFactory(
        workshop=korea, organisation=OrganisationFactory(name="Korea Customs Service")
    )
    url = reverse("workshops:session-create", args=[korea.pk])
    page = _page(secretariat_client.get(url))
    assert "Asia/Seoul (KST, UTC+09:00)" in page
    assert "Tuesday 13 June 2017" in page
    assert "Friday 16 June 2017" in page
    assert "Korea Customs Service" in page

    response = secretariat_client.post(url, _session_form(facilitators=[kcs.pk]), follow=True)
    assert response.redirect_chain[-1][0] == reverse("workshops:manage-detail", args=[korea.pk])
    assert "The session was saved." in _page(response)
    session = Session.objects.get()
    assert session.starts_at == dt.datetime(2017, 6, 13, 0, 0, tzinfo=dt.UTC)
    assert session.ends_at == dt.datetime(2017, 6, 13, 1, 30, tzinfo=dt.UTC)
    assert list(session.facilitators.all()) == [kcs]

    page = _page(secretariat_client.get(reverse("workshops:session-edit", args=[session.pk])))
    assert 'value="09:00"' in page
    assert 'value="10:30"' in page
    assert '<option value="2017-06-13" selected>' in page


def test_session_left_outside_new_dates_is_pointed_out(secretariat_client, korea):
    session = SessionFactory(workshop=korea)
    Workshop.objects.filter(pk=korea.pk).update(
        start_date=dt.date(2017, 6, 20), end_date=dt.date(2017, 6, 21)
    )
    page = _page(secretariat_client.get(reverse("workshops:session-edit", args=[session.pk])))
    assert "This session was on Tuesday 13 June 2017" in page
    assert "Choose its new day." in page
    assert "Tuesday 20 June 2017" in page


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"end": "08:30"}, "A session must end after it starts."),
        ({"day": "2017-06-17"}, "Choose one of the workshop&#x27;s days, from 13 June 2017"),
        ({"start": "9h"}, "Enter a valid time."),
    ],
    ids=["end-before-start", "day-outside", "bad-time"],
)
def test_bad_session_shows_a_message_and_saves_nothing(
    secretariat_client, korea, overrides, message
):
    response = secretariat_client.post(
        reverse("workshops:session-create", args=[korea.pk]), _session_form(**overrides)
    )
    assert message in _page(response)
    assert not Session.objects.exists()


def test_session_page_of_a_workshop_without_dates_says_to_set_them(secretariat_client):
    workshop = WorkshopFactory(start_date=None, end_date=None)
    url = reverse("workshops:session-create", args=[workshop.pk])
    page = _page(secretariat_client.get(url))
    assert "This workshop has no dates yet." in page
    assert reverse("workshops:manage-edit", args=[workshop.pk]) in page
    assert 'name="title"' not in page
    secretariat_client.post(url, _session_form())
    assert not Session.objects.exists()


def test_session_delete_asks_first(secretariat_client, korea):
    session = SessionFactory(workshop=korea, title="Closing ceremony")
    url = reverse("workshops:session-delete", args=[session.pk])
    page = _page(secretariat_client.get(url))
    assert "Delete the session “Closing ceremony” from the agenda?" in page
    assert "Asia/Seoul" in page
    assert Session.objects.exists()
    response = secretariat_client.post(url, follow=True)
    assert "The session “Closing ceremony” was deleted." in _page(response)
    assert not Session.objects.exists()
