"""Seats under concurrency on PostgreSQL: many people register at once for the last seats.

Each thread has its own database connection and they are released together by a barrier.
The negative control runs the same race with the seat lock switched off and shows the
overbooking the lock prevents, so the first test is known to be able to fail.
"""

import threading

import pytest
from django.db import connections

from core.errors import ServiceError
from tests.factories import OrganisationFactory, UserFactory
from tests.services.needs import needs_postgres
from tests.workshops.factories import OpenWorkshopFactory
from workshops.models import Registration
from workshops.services.registrations import registration_submit

pytestmark = [pytest.mark.services, needs_postgres, pytest.mark.django_db(transaction=True)]

RACERS = 40


def _race(workshop, people) -> list[str]:
    barrier = threading.Barrier(len(people))
    outcomes: list[str] = []
    lock = threading.Lock()

    def register(person):
        try:
            barrier.wait(timeout=30)
            result = registration_submit(
                actor=person, workshop=workshop, data={"position": "Officer", "consent": True}
            )
            outcome = result.registration.status
        except ServiceError as error:
            outcome = f"refused: {error}"
        except Exception as error:  # noqa: BLE001 - an unexpected error is what the test reports
            outcome = f"error: {type(error).__name__}: {error}"
        finally:
            connections.close_all()
        with lock:
            outcomes.append(outcome)

    threads = [threading.Thread(target=register, args=(person,)) for person in people]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    return outcomes


def _last_three_seats():
    tonga = OrganisationFactory(name="Tonga")
    workshop = OpenWorkshopFactory(default_seats=5, capacity=100)
    for _ in range(2):
        Registration.objects.create(
            workshop=workshop,
            person=UserFactory(organisation=tonga),
            organisation=tonga,
            status=Registration.Status.APPROVED,
        )
    people = [UserFactory(organisation=tonga) for _ in range(RACERS)]
    return workshop, tonga, people


def test_forty_people_racing_for_the_last_three_seats_never_overbook():
    workshop, tonga, people = _last_three_seats()
    outcomes = _race(workshop, people)
    assert len(outcomes) == RACERS
    assert not [o for o in outcomes if o.startswith(("error", "refused"))]
    assert outcomes.count("submitted") == 3
    assert outcomes.count("waitlisted") == RACERS - 3
    holding = Registration.objects.filter(
        workshop=workshop, organisation=tonga, status__in=Registration.HOLDING
    )
    assert holding.count() == 5
    places = sorted(
        Registration.objects.filter(workshop=workshop, status="waitlisted").values_list(
            "waitlisted_at", flat=True
        )
    )
    assert len(places) == RACERS - 3


def test_without_the_lock_the_same_race_overbooks(settings):
    settings.SEAT_LOCKS = False
    workshop, tonga, people = _last_three_seats()
    outcomes = _race(workshop, people)
    assert not [o for o in outcomes if o.startswith("error")]
    held = Registration.objects.filter(
        workshop=workshop, organisation=tonga, status__in=Registration.HOLDING
    )
    assert held.count() > 5, (
        f"expected overbooking without the lock, got {held.count()} holding seats"
    )


def test_the_same_person_submitting_twice_at_once_gets_one_registration(settings):
    settings.SEAT_LOCKS = False  # the database constraint alone must hold
    workshop = OpenWorkshopFactory()
    person = UserFactory()
    outcomes = _race(workshop, [person] * 8)
    assert Registration.objects.filter(workshop=workshop, person=person).count() == 1
    assert outcomes.count("submitted") == 1
    assert all(o == "submitted" or "already registered" in o for o in outcomes), outcomes
