"""Visitors' public pages are cached, and every change made through the services shows at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.workshops.factories import FundingFactory, OpenWorkshopFactory
from workshops.models import Workshop
from workshops.services import planning, workshops

pytestmark = pytest.mark.django_db


def _queries(client, url) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured), response.content.decode()


def test_a_visitor_gets_the_cached_list_without_querying_again(client):
    OpenWorkshopFactory(title="Risk management workshop")
    first, _ = _queries(client, "/workshops/")
    second, again = _queries(client, "/workshops/")
    assert first > 0
    assert second == 0
    assert "Risk management workshop" in again


def test_an_edit_through_a_service_shows_at_once(
    client, django_capture_on_commit_callbacks, secretariat
):
    workshop = OpenWorkshopFactory(title="Risk management workshop")
    client.get("/workshops/")
    client.get(workshop.get_absolute_url())
    with django_capture_on_commit_callbacks(execute=True):
        workshops.workshop_update(
            actor=secretariat, workshop=workshop, data={"title": "Border risk workshop"}
        )
    assert "Border risk workshop" in client.get("/workshops/").content.decode()
    assert "Border risk workshop" in client.get(workshop.get_absolute_url()).content.decode()


def test_a_new_funder_shows_at_once_on_the_workshop_page(
    client, django_capture_on_commit_callbacks, secretariat
):
    workshop = OpenWorkshopFactory()
    client.get(workshop.get_absolute_url())
    funder = FundingFactory().funder
    with django_capture_on_commit_callbacks(execute=True):
        planning.funding_save(
            actor=secretariat,
            workshop=workshop,
            data={
                "funder": funder,
                "amount": 100,
                "currency": "USD",
                "covers": [],
                "funded_seats": 1,
            },
        )
    assert funder.name in client.get(workshop.get_absolute_url()).content.decode()


def test_a_page_not_found_is_not_cached(client):
    workshop = OpenWorkshopFactory(status=Workshop.Status.DRAFT)
    assert client.get(workshop.get_absolute_url()).status_code == 404
    Workshop.objects.filter(pk=workshop.pk).update(status=Workshop.Status.OPEN)
    assert client.get(workshop.get_absolute_url()).status_code == 200


def test_signed_in_people_always_get_a_fresh_page(delegate_client):
    OpenWorkshopFactory()
    first, _ = _queries(delegate_client, "/workshops/")
    second, _ = _queries(delegate_client, "/workshops/")
    assert second == first > 0


def test_the_cache_is_per_language(client):
    OpenWorkshopFactory(title="Risk management", title_fr="Gestion des risques")
    assert "Risk management" in client.get("/workshops/").content.decode()
    client.cookies["django_language"] = "fr"
    assert "Gestion des risques" in client.get("/workshops/").content.decode()
