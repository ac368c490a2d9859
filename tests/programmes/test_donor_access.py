"""Donor access: each donor sees what it funds and nothing else; the Secretariat sees all."""

import datetime as dt

import pytest
from django.db import connection
from django.http import Http404
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from programmes import selectors
from tests.factories import UserFactory
from tests.programmes.donor_fixtures import world_fixture  # noqa: F401
from tests.workshops.factories import (
    FacilitationFactory,
    FundingFactory,
    RegistrationFactory,
    WorkshopFactory,
)
from workshops.models import Registration

pytestmark = pytest.mark.django_db


def test_each_donor_sees_only_its_own_organisation_and_workshops(world):
    assert list(selectors.donor_organisations(user=world.korea_contact)) == [world.korea]
    assert list(selectors.donor_organisations(user=world.bank_contact)) == [world.bank]
    assert list(selectors.donor_workshops(user=world.korea_contact, donor=world.korea)) == [
        world.korea_workshop
    ]
    assert list(selectors.donor_fundings(user=world.bank_contact, donor=world.bank)) == [
        world.bank_funding
    ]


def test_a_donor_is_blind_to_the_other_donors_data(world):
    with pytest.raises(Http404):
        selectors.donor_organisation(user=world.korea_contact, slug=world.bank.slug)
    with pytest.raises(Http404):
        selectors.donor_workshops(user=world.korea_contact, donor=world.bank)
    with pytest.raises(Http404):
        selectors.donor_workshop(
            user=world.korea_contact, donor=world.korea, slug=world.bank_workshop.slug
        )
    report = selectors.donor_dashboard(user=world.bank_contact, donor=world.bank)
    names = [p.name for s in report.sections for p in s.participants]
    assert names == ["Eru Bank"]


def test_a_delegate_is_no_donor(world):
    delegate = UserFactory()
    assert not selectors.donor_organisations(user=delegate).exists()
    with pytest.raises(Http404):
        selectors.donor_dashboard(user=delegate, donor=world.korea)


def test_the_secretariat_sees_every_donor(world, secretariat):
    assert set(selectors.donor_organisations(user=secretariat)) == {world.korea, world.bank}


@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("programmes:donor-dashboard", {"donor": "wb-test"}),
        ("programmes:report-workshop", {"donor": "wb-test", "workshop": "risk-test"}),
        ("programmes:report-workshop", {"donor": "kcs-test", "workshop": "risk-test"}),
        ("programmes:report-workshop-xlsx", {"donor": "kcs-test", "workshop": "risk-test"}),
        ("programmes:report-funding", {"donor": "wb-test", "year": "2018"}),
        ("programmes:report-funding-xlsx", {"donor": "wb-test", "year": "2018"}),
        ("programmes:report-funding-iati", {"donor": "wb-test", "year": "2018"}),
        ("programmes:report-funding-csv", {"donor": "wb-test", "year": "2018", "table": "budget"}),
    ],
)
def test_another_donors_pages_answer_404(client, world, name, kwargs):
    client.force_login(world.korea_contact)
    assert client.get(reverse(name, kwargs=kwargs)).status_code == 404
    client.force_login(world.bank_contact)
    assert client.get(reverse(name, kwargs=kwargs)).status_code in (200, 404)


@pytest.mark.parametrize(
    "path",
    [
        "/donors/kcs-test/02017/",
        "/donors/kcs-test/2017 /",
        "/donors/kcs-test/17/",
        "/donors/kcs-test/1999/",
        "/donors/kcs-test/workshops/",
        "/donors/kcs-test/2017/passport.csv",
        "/donors/kcs-test/workshops/tfa-test/email.csv",
        "/donors/kcs-test/workshops/nope/report.xlsx",
        "/donors/wb-test/workshops/tfa-test/",
    ],
)
def test_tampered_report_links_answer_404(client, world, path):
    client.force_login(world.korea_contact)
    assert client.get(path).status_code == 404


def test_the_same_links_work_when_not_tampered_with(client, world):
    client.force_login(world.korea_contact)
    for path in [
        "/donors/kcs-test/2017/",
        "/donors/kcs-test/2017/budget.csv",
        "/donors/kcs-test/workshops/tfa-test/report.xlsx",
    ]:
        assert client.get(path).status_code == 200, path


def test_the_donor_list_sends_a_donor_to_its_dashboard(client, world):
    client.force_login(world.korea_contact)
    response = client.get(reverse("programmes:donor-list"))
    assert response.status_code == 302
    assert response.url == reverse("programmes:donor-dashboard", kwargs={"donor": "kcs-test"})


def test_the_donor_list_is_404_for_a_delegate(delegate_client, world):
    assert delegate_client.get(reverse("programmes:donor-list")).status_code == 404


def test_the_secretariat_picks_a_donor_and_sees_its_dashboard(secretariat_client, world):
    page = secretariat_client.get(reverse("programmes:donor-list")).content.decode()
    assert "Korea Customs Service (test)" in page
    assert "World Bank (test)" in page
    response = secretariat_client.get(reverse("programmes:donor-dashboard", args=["wb-test"]))
    assert "Risk workshop (test)" in response.content.decode()
    assert "TFA workshop (test)" not in response.content.decode()


def test_the_dashboard_shows_the_figures_and_charts(client, world):
    client.force_login(world.korea_contact)
    page = client.get(reverse("programmes:donor-dashboard", args=["kcs-test"])).content.decode()
    assert 'data-figure="participants">3<' in page
    assert 'data-figure="women">2<' in page
    assert 'data-figure="men">1<' in page
    assert 'data-figure="seats-planned">3<' in page
    assert 'data-figure="seats-used">2<' in page
    assert "98,765.43" in page
    assert page.count('src="data:image/svg+xml;base64,') == 4  # budget, sex, seniority, admin
    assert "Regional TFA support (test)" in page
    assert "Dan Waitlisted" not in page
    assert "Risk workshop (test)" not in page
    assert "ana@fiji.test" not in page
    assert all(secret not in page for secret in ("secret-passport-X99", "KE-0042"))


def _dashboard_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("programmes:donor-dashboard", args=["kcs-test"]))
    assert response.status_code == 200
    return len(queries)


def test_the_dashboards_queries_do_not_grow_with_workshops_or_participants(client, world):
    client.force_login(world.korea_contact)
    before = _dashboard_queries(client)
    for number in range(3):
        workshop = WorkshopFactory(start_date=dt.date(2019, 1, 1 + number), host=world.bank)
        funding = FundingFactory(workshop=workshop, funder=world.korea)
        FacilitationFactory(workshop=workshop, person=UserFactory())
        world.activity.workshops.add(workshop)
        for _person in range(3):
            RegistrationFactory(
                workshop=workshop, status=Registration.Status.APPROVED, funding=funding
            )
    after = _dashboard_queries(client)
    assert after == before
