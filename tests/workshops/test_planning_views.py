"""The Secretariat's planning pages: funding, facilitators, seats and the agenda."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import (
    FacilitationFactory,
    FundingFactory,
    RegistrationFactory,
    SeatQuotaFactory,
    SessionFactory,
    WorkshopFactory,
)
from workshops.models import Facilitation, Funding, Registration, SeatQuota, Session, Workshop

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


# --- Who may see the planning pages ----------------------------------------------------------


def _planning_urls() -> list[str]:
    workshop = WorkshopFactory()
    funding = FundingFactory(workshop=workshop)
    facilitation = FacilitationFactory(workshop=workshop)
    session = SessionFactory(workshop=workshop)
    return [
        reverse("workshops:funding-create", args=[workshop.pk]),
        reverse("workshops:funding-edit", args=[funding.pk]),
        reverse("workshops:funding-delete", args=[funding.pk]),
        reverse("workshops:facilitators", args=[workshop.pk]),
        reverse("workshops:facilitation-remove", args=[facilitation.pk]),
        reverse("workshops:seats", args=[workshop.pk]),
        reverse("workshops:session-create", args=[workshop.pk]),
        reverse("workshops:session-edit", args=[session.pk]),
        reverse("workshops:session-delete", args=[session.pk]),
    ]


def test_a_delegate_gets_404_on_every_planning_page_and_changes_nothing(delegate_client):
    for url in _planning_urls():
        assert delegate_client.get(url).status_code == 404, url
        assert delegate_client.post(url, {"amount": "1"}).status_code == 404, url
    assert (Funding.objects.count(), Facilitation.objects.count(), Session.objects.count()) == (
        1,
        1,
        1,
    )


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    login = reverse("account_login")
    for url in _planning_urls():
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302, url
            assert response["Location"].startswith(f"{login}?next="), url
    assert Funding.objects.count() == 1


# --- Funding ---------------------------------------------------------------------------------


def _funding_form(funder, **overrides) -> dict:
    data = {
        "funder": funder.pk,
        "amount": "60000",
        "currency": "usd",
        "covers": ["airfare", "accommodation"],
        "eligible_organisations": [],
        "funded_seats": "5",
        "committed": "60000",
        "disbursed": "0",
        "spent": "0",
        "notes": "",
    }
    data.update(overrides)
    return data


def test_secretariat_adds_funding_for_the_caribbean_administrations(secretariat_client, korea):
    world_bank = OrganisationFactory(name="World Bank", kind="partner", oco_status="none")
    caribbean = [
        OrganisationFactory(name=f"Caribbean administration {letter}", oco_status="none")
        for letter in "AB"
    ]
    url = reverse("workshops:funding-create", args=[korea.pk])
    page = _page(secretariat_client.get(url))
    assert "Add funding" in page
    assert "Caribbean administration A" in page
    assert "Per diem" in page

    response = secretariat_client.post(
        url,
        _funding_form(world_bank, eligible_organisations=[o.pk for o in caribbean]),
        follow=True,
    )
    assert response.redirect_chain[-1][0] == reverse("workshops:manage-detail", args=[korea.pk])
    assert "The funding was saved." in _page(response)
    funding = Funding.objects.get()
    assert (funding.workshop, funding.funder, funding.currency) == (korea, world_bank, "USD")
    assert funding.amount == Decimal("60000")
    assert funding.covers == ["airfare", "accommodation"]
    assert not funding.eligible_all_members
    assert set(funding.eligible_organisations.all()) == set(caribbean)

    page = _page(secretariat_client.get(reverse("workshops:funding-edit", args=[funding.pk])))
    assert "Funding from World Bank" in page
    assert 'value="USD"' in page
    assert "Delete this funding" in page


ALL_MEMBERS = {"eligible_all_members": "on"}


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({**ALL_MEMBERS, "amount": "-100"}, "negative numbers are not accepted"),
        ({**ALL_MEMBERS, "funded_seats": "-1"}, "negative numbers are not accepted"),
        ({**ALL_MEMBERS, "spent": "-0.01"}, "negative numbers are not accepted"),
        ({**ALL_MEMBERS, "currency": "U$"}, "Give the currency as three letters"),
        ({}, "Name the eligible organisations"),
    ],
    ids=["amount", "seats", "spent", "currency", "eligibility"],
)
def test_bad_funding_shows_a_message_and_saves_nothing(
    secretariat_client, korea, overrides, message
):
    funder = OrganisationFactory(kind="partner", oco_status="none")
    response = secretariat_client.post(
        reverse("workshops:funding-create", args=[korea.pk]), _funding_form(funder, **overrides)
    )
    assert response.status_code == 200
    assert message in _page(response)
    assert not Funding.objects.exists()


def test_funding_of_a_cancelled_workshop_is_refused_on_the_form(secretariat_client):
    workshop = WorkshopFactory(status=Workshop.Status.CANCELLED)
    funder = OrganisationFactory(kind="partner", oco_status="none")
    response = secretariat_client.post(
        reverse("workshops:funding-create", args=[workshop.pk]),
        _funding_form(funder, **ALL_MEMBERS),
    )
    assert "A cancelled workshop cannot be changed." in _page(response)
    assert not Funding.objects.exists()


def test_secretariat_edits_then_deletes_a_funding_after_confirming(secretariat_client):
    funding = FundingFactory(amount=Decimal("1000"), currency="FJD")
    edit = reverse("workshops:funding-edit", args=[funding.pk])
    data = _funding_form(funding.funder, amount="1500", currency="fjd", **ALL_MEMBERS)
    response = secretariat_client.post(edit, data)
    assert response["Location"] == reverse("workshops:manage-detail", args=[funding.workshop_id])
    funding.refresh_from_db()
    assert funding.amount == Decimal("1500")

    delete = reverse("workshops:funding-delete", args=[funding.pk])
    page = _page(secretariat_client.get(delete))
    assert f"Delete the funding of 1500.00 FJD from {funding.funder.name}" in page
    assert Funding.objects.filter(pk=funding.pk).exists()
    response = secretariat_client.post(delete, follow=True)
    assert f"The funding from {funding.funder.name} was deleted." in _page(response)
    assert not Funding.objects.exists()


# --- Facilitators ----------------------------------------------------------------------------


def test_secretariat_lists_and_adds_facilitators(secretariat_client, korea):
    kcs = OrganisationFactory(name="Korea Customs Service", kind="customs", oco_status="none")
    expert = UserFactory(name="Kim Min-jun", organisation=kcs)
    FacilitationFactory(
        workshop=korea, organisation=OrganisationFactory(name="World Customs Organization")
    )
    url = reverse("workshops:facilitators", args=[korea.pk])
    page = _page(secretariat_client.get(url))
    assert "World Customs Organization" in page
    assert "Kim Min-jun" in page  # offered in the person list, under Korea Customs Service
    assert "Add a facilitator" in page

    response = secretariat_client.post(
        url, {"organisation": kcs.pk, "person": expert.pk, "role": "lead"}, follow=True
    )
    assert response.redirect_chain[-1][0] == url
    page = _page(response)
    assert "Kim Min-jun (Korea Customs Service) – Lead facilitator was added." in page
    facilitation = Facilitation.objects.get(organisation=kcs)
    assert (facilitation.workshop, facilitation.person, facilitation.role) == (
        korea,
        expert,
        "lead",
    )


def test_facilitator_of_another_organisation_or_twice_is_refused(secretariat_client, korea):
    wco = OrganisationFactory(name="World Customs Organization")
    outsider = UserFactory(name="Someone Else")
    url = reverse("workshops:facilitators", args=[korea.pk])
    response = secretariat_client.post(
        url, {"organisation": wco.pk, "person": outsider.pk, "role": "facilitator"}
    )
    assert "Someone Else belongs to" in _page(response)
    assert "not to the organisation chosen" in _page(response)
    assert not Facilitation.objects.exists()

    FacilitationFactory(workshop=korea, organisation=wco)
    response = secretariat_client.post(url, {"organisation": wco.pk, "role": "facilitator"})
    assert "This facilitator is already listed." in _page(response)
    assert Facilitation.objects.count() == 1


def test_removing_a_facilitator_asks_first(secretariat_client, korea):
    facilitation = FacilitationFactory(
        workshop=korea, organisation=OrganisationFactory(name="New Zealand Customs Service")
    )
    SessionFactory(workshop=korea).facilitators.add(facilitation)
    url = reverse("workshops:facilitation-remove", args=[facilitation.pk])
    page = _page(secretariat_client.get(url))
    assert "Remove New Zealand Customs Service – Facilitator?" in page
    assert "named on 1 session of the agenda" in page
    assert Facilitation.objects.exists()

    response = secretariat_client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("workshops:facilitators", args=[korea.pk])
    assert "New Zealand Customs Service – Facilitator was removed." in _page(response)
    assert not Facilitation.objects.exists()


# --- Seats -----------------------------------------------------------------------------------


def test_seats_page_shows_each_administration_and_saves_several_overrides(secretariat_client):
    workshop = WorkshopFactory(default_seats=2)
    fiji = OrganisationFactory(name="Fiji Revenue and Customs Service")
    samoa = OrganisationFactory(name="Samoa Ministry of Customs and Revenue")
    tonga = OrganisationFactory(name="Tonga Customs")
    SeatQuotaFactory(workshop=workshop, organisation=tonga, seats=5)
    url = reverse("workshops:seats", args=[workshop.pk])

    page = _page(secretariat_client.get(url))
    for name in (fiji.name, samoa.name, tonga.name):
        assert name in page
    assert "By default each member administration has 2 seats." in page
    assert "Seats offered in all: 9" in page
    assert f'name="seats_{tonga.pk}" id="id_seats_{tonga.pk}" value="5"' in page

    response = secretariat_client.post(
        url,
        {f"seats_{fiji.pk}": "4", f"seats_{samoa.pk}": "0", f"seats_{tonga.pk}": ""},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url
    page = _page(response)
    assert "Seats changed for 3 administrations." in page
    assert "Seats offered in all: 6" in page
    quotas = dict(SeatQuota.objects.values_list("organisation__name", "seats"))
    assert quotas == {fiji.name: 4, samoa.name: 0}


def test_negative_seats_show_a_message_and_save_nothing(secretariat_client):
    workshop = WorkshopFactory()
    fiji, tonga = OrganisationFactory(), OrganisationFactory()
    response = secretariat_client.post(
        reverse("workshops:seats", args=[workshop.pk]),
        {f"seats_{fiji.pk}": "3", f"seats_{tonga.pk}": "-1"},
    )
    page = _page(response)
    assert "Seats cannot be negative." in page
    assert "Nothing was changed." in page
    assert not SeatQuota.objects.exists()


def test_seats_below_approved_delegates_show_a_message(secretariat_client):
    workshop = WorkshopFactory()
    fiji = OrganisationFactory(name="Fiji Revenue and Customs Service")
    RegistrationFactory(
        workshop=workshop,
        person=UserFactory(organisation=fiji),
        status=Registration.Status.APPROVED,
    )
    response = secretariat_client.post(
        reverse("workshops:seats", args=[workshop.pk]), {f"seats_{fiji.pk}": "0"}
    )
    assert "Fewer seats than delegates already approved for: Fiji" in _page(response)
    assert not SeatQuota.objects.exists()


def _add_administrations(workshop: Workshop, count: int) -> None:
    """Administrations with an override and an approved delegate each."""
    for organisation in OrganisationFactory.create_batch(count):
        SeatQuotaFactory(workshop=workshop, organisation=organisation, seats=3)
        RegistrationFactory(
            workshop=workshop,
            person=UserFactory(organisation=organisation),
            status=Registration.Status.APPROVED,
        )


def _seats_page_queries(client, workshop: Workshop, administrations: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("workshops:seats", args=[workshop.pk]))
    assert _page(response).count('type="number"') == administrations
    return len(queries)


def test_seats_page_queries_do_not_grow_with_administrations(secretariat_client):
    workshop = WorkshopFactory()
    _add_administrations(workshop, 3)
    with_3 = _seats_page_queries(secretariat_client, workshop, 3)
    _add_administrations(workshop, 21)
    assert _seats_page_queries(secretariat_client, workshop, 24) == with_3


# --- Agenda ----------------------------------------------------------------------------------


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
