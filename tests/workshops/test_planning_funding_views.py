"""The Secretariat's planning pages: funding."""

import datetime as dt
from decimal import Decimal

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory
from tests.workshops.factories import FundingFactory, WorkshopFactory
from workshops.models import Funding, Workshop

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
