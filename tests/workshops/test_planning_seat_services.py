"""Planning services: seats per administration (the default and overrides)."""

import pytest

from core.errors import ServiceError
from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import RegistrationFactory, SeatQuotaFactory, WorkshopFactory
from workshops import selectors
from workshops.models import Registration, SeatQuota, Workshop
from workshops.services import planning as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    return WorkshopFactory()


@pytest.fixture
def cancelled():
    return WorkshopFactory(status=Workshop.Status.CANCELLED)


def _seats(secretariat, workshop) -> dict[str, tuple[int, bool]]:
    rows = selectors.seats_overview(user=secretariat, workshop=workshop)
    return {row["organisation"].name: (row["seats"], row["overridden"]) for row in rows}


def test_seat_quota_override_and_back_to_the_default(secretariat, workshop):
    fiji, tonga = OrganisationFactory(name="Fiji"), OrganisationFactory(name="Tonga")
    changed = services.seat_quotas_set(
        actor=secretariat, workshop=workshop, quotas={fiji: 4, tonga: None}
    )
    assert changed == 1
    assert _seats(secretariat, workshop) == {"Fiji": (4, True), "Tonga": (2, False)}
    assert services.seats_for(workshop, fiji) == 4

    changed = services.seat_quotas_set(
        actor=secretariat, workshop=workshop, quotas={fiji: None, tonga: 0}
    )
    assert changed == 2
    assert _seats(secretariat, workshop) == {"Fiji": (2, False), "Tonga": (0, True)}
    assert services.seats_for(workshop, fiji) == 2


def test_seat_quotas_unchanged_are_not_rewritten(secretariat, workshop):
    quota = SeatQuotaFactory(workshop=workshop, seats=3)
    changed = services.seat_quotas_set(
        actor=secretariat, workshop=workshop, quotas={quota.organisation: 3}
    )
    assert changed == 0
    assert quota.history.count() == 1


def test_negative_seats_are_refused_and_nothing_changes(secretariat, workshop):
    fiji, tonga = OrganisationFactory(name="Fiji"), OrganisationFactory(name="Tonga")
    with pytest.raises(ServiceError, match="cannot be negative"):
        services.seat_quotas_set(actor=secretariat, workshop=workshop, quotas={fiji: 5, tonga: -1})
    with pytest.raises(ServiceError, match="cannot be negative"):
        services.seat_quota_set(actor=secretariat, workshop=workshop, organisation=fiji, seats=-2)
    assert not SeatQuota.objects.exists()


def test_seats_below_the_delegates_already_approved_are_refused(secretariat, workshop):
    fiji = OrganisationFactory(name="Fiji")
    for _ in range(2):
        RegistrationFactory(
            workshop=workshop,
            person=UserFactory(organisation=fiji),
            status=Registration.Status.APPROVED,
        )
    with pytest.raises(ServiceError, match="Fiji"):
        services.seat_quota_set(actor=secretariat, workshop=workshop, organisation=fiji, seats=1)
    assert not SeatQuota.objects.exists()
    quota = services.seat_quota_set(
        actor=secretariat, workshop=workshop, organisation=fiji, seats=3
    )
    assert quota.seats == 3


def test_seats_of_a_cancelled_workshop_cannot_change(secretariat, cancelled):
    fiji = OrganisationFactory()
    with pytest.raises(ServiceError, match="cancelled"):
        services.seat_quotas_set(actor=secretariat, workshop=cancelled, quotas={fiji: 3})
    assert not SeatQuota.objects.exists()
