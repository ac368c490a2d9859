"""The dashboard: each role's card with what it shows, and a query count that does not grow
with the person's registrations, workshops, administrations or organisations."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from core.dashboard import Card, Link, Part
from oco_portal.gather import combine
from tests.factories import (
    DonorContactFactory,
    FocalPointFactory,
    OrganisationFactory,
    OutgoingEmailFactory,
    SecretariatFactory,
)
from tests.workshops.factories import (
    FacilitationFactory,
    OpenWorkshopFactory,
    RegistrationFactory,
)
from workshops.models import Invitation

pytestmark = pytest.mark.django_db


def _queries(client) -> tuple[int, str]:
    with CaptureQueriesContext(connection) as context:
        response = client.get("/")
    assert response.status_code == 200
    return len(context.captured_queries), response.content.decode()


def _give_roles(person, count: int) -> None:
    """`count` more of everything the person's cards list."""
    for _ in range(count):
        administration = OrganisationFactory()
        FocalPointFactory(user=person, organisation=administration)
        DonorContactFactory(user=person)
        workshop = OpenWorkshopFactory(registration_deadline=timezone.now() + dt.timedelta(days=20))
        RegistrationFactory(workshop=workshop, person=person, organisation=person.organisation)
        FacilitationFactory(workshop=OpenWorkshopFactory(), person=person)
        Invitation.objects.create(
            workshop=workshop,
            organisation=administration,
            email=f"focal@{administration.slug}.example",
            nonce="n",
            status=Invitation.Status.SENT,
        )


def test_every_card_of_a_person_with_every_role(client):
    person = SecretariatFactory(name="Mere Tuilagi")
    _give_roles(person, 1)
    OutgoingEmailFactory(status="failed")
    client.force_login(person)

    page = client.get("/").content.decode()

    for heading in ("Secretariat", "Focal point", "Donor", "My workshops"):
        assert f">{heading}</h2>" in page
    assert page.index('id="dash-secretariat"') < page.index('id="dash-focal"')
    assert page.index('id="dash-focal"') < page.index('id="dash-donor"')
    assert page.index('id="dash-donor"') < page.index('id="dash-delegate"')
    links = [
        "Manage workshops",
        "People and roles",
        "Outbox",
        "Customs Expert database",
        "Member administrations",
        "Donor reports",
        "Overdue action-plan items",
    ]
    secretariat_card = page[page.index('id="dash-secretariat"') : page.index('id="dash-focal"')]
    positions = [secretariat_card.index(f">{label}</a>") for label in links]
    assert positions == sorted(positions)
    assert "0 queued, 1 failed" in secretariat_card
    focal_card = page[page.index('id="dash-focal"') : page.index('id="dash-donor"')]
    assert "You speak for these administrations" in focal_card
    assert "Nominate delegates for" in focal_card
    assert "National action plans and overdue actions" in focal_card
    donor_card = page[page.index('id="dash-donor"') : page.index('id="dash-delegate"')]
    assert "You represent these organisations" in donor_card
    assert 'href="/donors/' in donor_card


def test_the_home_page_query_count_does_not_grow_with_a_persons_roles(client):
    person = SecretariatFactory()
    _give_roles(person, 1)
    client.force_login(person)
    few, _page = _queries(client)

    _give_roles(person, 8)
    many, page = _queries(client)

    assert page.count("Nominate delegates for") == 9
    assert page[page.index('id="dash-donor"') :].count('href="/donors/') == 9
    assert few == many


def test_a_delegates_home_page_query_count_does_not_grow_with_registrations(
    delegate_client, delegate
):
    RegistrationFactory(workshop=OpenWorkshopFactory(title="Workshop 0"), person=delegate)
    few, _page = _queries(delegate_client)

    for n in range(1, 7):
        RegistrationFactory(workshop=OpenWorkshopFactory(title=f"Workshop {n}"), person=delegate)
    many, page = _queries(delegate_client)

    assert all(f"Workshop {n}</a>" in page for n in range(7))
    assert few == many


def test_a_card_gathers_the_lines_of_every_app_in_order_and_only_cards_with_an_owner_show():
    owner = Card(key="staff", title="Staff", order=20, links=(Link("Second", "/b/", 20),))
    addition = Card(key="staff", links=(Link("First", "/a/", 10), Link("Third", "/c/", 30)))
    earlier = Card(key="early", title="Early", order=10, parts=(Part("x.html", 5),))
    orphan = Card(key="nobody-owns-this", links=(Link("Hidden", "/hidden/"),))

    shown = combine([addition, owner, orphan, earlier])

    assert [card.title for card in shown] == ["Early", "Staff"]
    assert [link.label for link in shown[1].links] == ["First", "Second", "Third"]


def test_the_profile_page_links_to_the_persons_expertise(delegate_client):
    page = delegate_client.get("/profile/").content.decode()

    assert (
        '<a href="/profile/expertise/">My expertise (for the Customs Expert database)</a>' in page
    )


def test_an_anonymous_visitor_sees_no_card(client):
    page = client.get("/").content.decode()

    assert "dashboard-card" not in page
    assert "The Oceania Customs Organisation's portal" in page
