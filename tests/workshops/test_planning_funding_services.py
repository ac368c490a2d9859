"""Planning services: a workshop's funding (funders, eligibility, figures)."""

from decimal import Decimal

import pytest

from core.errors import ServiceError
from members.models import Organisation
from tests.factories import OrganisationFactory
from tests.workshops.factories import FundingFactory, WorkshopFactory
from workshops.models import Funding, Workshop
from workshops.services import planning as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    return WorkshopFactory()


@pytest.fixture
def cancelled():
    return WorkshopFactory(status=Workshop.Status.CANCELLED)


def _partner(name: str) -> Organisation:
    return OrganisationFactory(name=name, kind="partner", oco_status="none")


def _funding_data(**overrides) -> dict:
    data = {
        "funder": _partner("World Bank (test)"),
        "amount": Decimal("60000"),
        "currency": "usd",
        "covers": ["airfare", "per_diem", "accommodation"],
        "eligible_all_members": True,
        "eligible_organisations": [],
        "funded_seats": 5,
        "committed": Decimal("60000"),
        "disbursed": Decimal("30000"),
        "spent": Decimal("0"),
    }
    data.update(overrides)
    return data


def test_funding_for_named_caribbean_administrations_is_saved(secretariat, workshop):
    caribbean = [
        OrganisationFactory(name=f"Caribbean administration {letter}", oco_status="none")
        for letter in "AB"
    ]
    funding = services.funding_save(
        actor=secretariat,
        workshop=workshop,
        data=_funding_data(eligible_all_members=False, eligible_organisations=caribbean),
    )
    funding.refresh_from_db()
    assert funding.workshop == workshop
    assert funding.currency == "USD"
    assert funding.covers == ["airfare", "per_diem", "accommodation"]
    assert funding.get_covers_display() == ["Airfare", "Per diem", "Accommodation"]
    assert set(funding.eligible_organisations.all()) == set(caribbean)
    assert (funding.amount, funding.disbursed, funding.funded_seats) == (
        Decimal("60000"),
        Decimal("30000"),
        5,
    )


def test_funding_open_to_all_members_drops_named_organisations(secretariat, workshop):
    named = OrganisationFactory()
    funding = services.funding_save(
        actor=secretariat,
        workshop=workshop,
        data=_funding_data(eligible_all_members=False, eligible_organisations=[named]),
    )
    services.funding_save(
        actor=secretariat,
        workshop=workshop,
        funding=funding,
        data={"eligible_all_members": True, "eligible_organisations": [named]},
    )
    funding.refresh_from_db()
    assert funding.eligible_all_members
    assert list(funding.eligible_organisations.all()) == []


def test_funding_restricted_to_nobody_is_refused(secretariat, workshop):
    with pytest.raises(ServiceError, match="Name the eligible organisations"):
        services.funding_save(
            actor=secretariat, workshop=workshop, data=_funding_data(eligible_all_members=False)
        )
    assert not Funding.objects.exists()


@pytest.mark.parametrize(
    "field", ["amount", "funded_seats", "committed", "disbursed", "spent"], ids=str
)
def test_funding_with_a_negative_figure_is_refused(secretariat, workshop, field):
    with pytest.raises(ServiceError, match="cannot be negative"):
        services.funding_save(
            actor=secretariat, workshop=workshop, data=_funding_data(**{field: -1})
        )
    assert not Funding.objects.exists()


def test_funding_edit_with_a_negative_amount_changes_nothing(secretariat):
    funding = FundingFactory(amount=Decimal("1000"))
    with pytest.raises(ServiceError):
        services.funding_save(
            actor=secretariat,
            workshop=funding.workshop,
            funding=funding,
            data={"amount": Decimal("-5"), "spent": Decimal("10")},
        )
    funding.refresh_from_db()
    assert (funding.amount, funding.spent) == (Decimal("1000"), Decimal("0"))


def test_funding_with_a_currency_that_is_not_three_letters_is_refused(secretariat, workshop):
    with pytest.raises(ServiceError, match="three letters"):
        services.funding_save(
            actor=secretariat, workshop=workshop, data=_funding_data(currency="U$")
        )
    assert not Funding.objects.exists()


def test_funding_of_a_cancelled_workshop_is_refused(secretariat, cancelled):
    with pytest.raises(ServiceError, match="cancelled"):
        services.funding_save(actor=secretariat, workshop=cancelled, data=_funding_data())
    funding = FundingFactory(workshop=cancelled)
    with pytest.raises(ServiceError, match="cancelled"):
        services.funding_delete(actor=secretariat, funding=funding)
    assert Funding.objects.filter(pk=funding.pk).exists()


def test_funding_delete_removes_it(secretariat):
    funding = FundingFactory()
    services.funding_delete(actor=secretariat, funding=funding)
    assert not Funding.objects.exists()
