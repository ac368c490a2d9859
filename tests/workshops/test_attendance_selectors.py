"""The "attended" rule the Strategic Plan counts as trained, and the evaluation summary."""

import datetime as dt

import pytest
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext

from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Attendance, Evaluation, Registration, Workshop
from workshops.selectors.attendance import attended_registrations, evaluation_summary

pytestmark = pytest.mark.django_db

START = dt.date(2026, 6, 1)


def _workshop(days: int = 4, share: int = 75) -> Workshop:
    return WorkshopFactory(
        start_date=START,
        end_date=START + dt.timedelta(days=days - 1),
        status=Workshop.Status.COMPLETED,
        attendance_share_required=share,
    )


def _attend(registration: Registration, days: int, first: dt.date = START) -> None:
    for offset in range(days):
        Attendance.objects.create(registration=registration, day=first + dt.timedelta(days=offset))


def _approved(workshop: Workshop) -> Registration:
    return RegistrationFactory(workshop=workshop, status=Registration.Status.APPROVED)


def test_attended_means_reaching_the_share_of_the_days():
    workshop = _workshop(days=4, share=75)
    all_days, three_days, two_days = (_approved(workshop) for _i in range(3))
    _attend(all_days, 4)
    _attend(three_days, 3)
    _attend(two_days, 2)

    attended = attended_registrations(Workshop.objects.filter(pk=workshop.pk))

    assert set(attended) == {all_days, three_days}


def test_share_is_per_workshop_and_days_outside_the_dates_do_not_count():
    strict = _workshop(days=5, share=100)
    lenient = _workshop(days=5, share=20)
    four_of_five = _approved(strict)
    _attend(four_of_five, 4)
    Attendance.objects.create(registration=four_of_five, day=START - dt.timedelta(days=1))
    one_day = _approved(lenient)
    _attend(one_day, 1)

    attended = attended_registrations(Workshop.objects.filter(pk__in=[strict.pk, lenient.pk]))

    assert list(attended) == [one_day]


def test_only_approved_registrations_count():
    workshop = _workshop(days=2)
    cancelled = RegistrationFactory(workshop=workshop, status=Registration.Status.CANCELLED)
    _attend(cancelled, 2)

    assert not attended_registrations(Workshop.objects.filter(pk=workshop.pk)).exists()


def test_attended_registrations_is_one_query_with_people_and_organisations():
    workshop = _workshop(days=2)
    for _i in range(4):
        _attend(_approved(workshop), 2)

    with CaptureQueriesContext(connection) as queries:
        names = [
            (r.person.name, r.organisation.name)
            for r in attended_registrations(Workshop.objects.filter(pk=workshop.pk))
        ]

    assert len(names) == 4
    assert len(queries) == 1


def test_one_attendance_per_registration_and_day():
    registration = _approved(_workshop())
    _attend(registration, 1)
    with pytest.raises(IntegrityError), transaction.atomic():
        _attend(registration, 1)


def test_evaluation_summary_counts_and_averages_in_one_query():
    workshop = _workshop()
    for relevance, content in ((5, 4), (3, 4), (4, 1)):
        Evaluation.objects.create(
            registration=_approved(workshop),
            relevance=relevance,
            content=content,
            facilitation=5,
            organisation=2,
        )
    Evaluation.objects.create(
        registration=_approved(_workshop()), relevance=1, content=1, facilitation=1, organisation=1
    )

    with CaptureQueriesContext(connection) as queries:
        summary = evaluation_summary(workshop)

    assert len(queries) == 1
    assert summary["count"] == 3
    assert summary["questions"]["relevance"]["average"] == pytest.approx(4.0)
    assert summary["questions"]["content"]["counts"] == {1: 1, 2: 0, 3: 0, 4: 2, 5: 0}
    assert summary["questions"]["organisation"]["average"] == pytest.approx(2.0)


def test_ratings_outside_one_to_five_are_refused_by_the_database():
    registration = _approved(_workshop())
    with pytest.raises(IntegrityError), transaction.atomic():
        Evaluation.objects.create(
            registration=registration, relevance=6, content=3, facilitation=3, organisation=3
        )
