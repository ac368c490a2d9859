"""Deleting a funding that registrations hold: the confirmation says how many lose it, and
the deletion takes it off them (and only them) in one step."""

import pytest
from django.urls import reverse

from tests.workshops.factories import FundingFactory, OpenWorkshopFactory, RegistrationFactory
from workshops.models import Funding, Registration

pytestmark = pytest.mark.django_db


@pytest.fixture
def funding():
    return FundingFactory(workshop=OpenWorkshopFactory(), funded_seats=5)


def _assign(funding, status, n=1):
    return [
        RegistrationFactory(workshop=funding.workshop, status=status, funding=funding)
        for _i in range(n)
    ]


def test_the_confirmation_says_who_loses_the_funding(secretariat_client, funding):
    _assign(funding, Registration.Status.APPROVED, 2)
    _assign(funding, Registration.Status.SUBMITTED, 1)
    page = secretariat_client.get(reverse("workshops:funding-delete", args=[funding.pk]))
    body = page.content.decode()
    assert "3 registrations (2 approved, 1 submitted) have this funding assigned" in body
    assert "they will lose it" in body


def test_the_confirmation_is_quiet_when_nobody_has_it(secretariat_client, funding):
    page = secretariat_client.get(reverse("workshops:funding-delete", args=[funding.pk]))
    assert "have this funding assigned" not in page.content.decode()
    assert "has this funding assigned" not in page.content.decode()


def test_deleting_takes_the_funding_off_the_registrations(secretariat_client, funding):
    holders = _assign(funding, Registration.Status.APPROVED, 2)
    other = RegistrationFactory(
        workshop=funding.workshop,
        status=Registration.Status.APPROVED,
        funding=FundingFactory(workshop=funding.workshop),
    )
    response = secretariat_client.post(reverse("workshops:funding-delete", args=[funding.pk]))
    assert response.status_code == 302
    assert not Funding.objects.filter(pk=funding.pk).exists()
    for registration in holders:
        registration.refresh_from_db()
        assert registration.funding_id is None
        assert registration.status == Registration.Status.APPROVED
    other.refresh_from_db()
    assert other.funding_id is not None
