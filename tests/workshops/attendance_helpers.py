"""Shared set-up of the attendance, certificate and evaluation tests."""

import datetime as dt

from django.utils import timezone

from tests.factories import UserFactory
from tests.workshops.factories import FacilitationFactory, RegistrationFactory, WorkshopFactory
from workshops.models import Attendance, Registration, Workshop


def past_workshop(*, days: int = 4, status: str = Workshop.Status.CLOSED, **extra) -> Workshop:
    start = timezone.localdate() - dt.timedelta(days=days + 2)
    return WorkshopFactory(
        start_date=start, end_date=start + dt.timedelta(days=days - 1), status=status, **extra
    )


def approved(workshop: Workshop, **extra) -> Registration:
    return RegistrationFactory(workshop=workshop, status=Registration.Status.APPROVED, **extra)


def attend(registration: Registration, days: int) -> None:
    start = registration.workshop.start_date
    for offset in range(days):
        Attendance.objects.get_or_create(
            registration=registration, day=start + dt.timedelta(days=offset)
        )


def facilitator_of(workshop: Workshop):
    person = UserFactory()
    FacilitationFactory(workshop=workshop, person=person)
    return person
