"""factory_boy factories for the workshops app."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from tests.factories import OrganisationFactory, UserFactory
from workshops.models import (
    Document,
    Facilitation,
    Funding,
    Registration,
    SeatQuota,
    Session,
    Workshop,
)


def _in_days(days: int) -> dt.date:
    return timezone.localdate() + dt.timedelta(days=days)


class WorkshopFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Workshop

    title = factory.Sequence(lambda n: f"Regional workshop {n}")
    slug = factory.Sequence(lambda n: f"regional-workshop-{n}")
    description = "A regional workshop for member administrations."
    start_date = factory.LazyFunction(lambda: _in_days(60))
    end_date = factory.LazyAttribute(
        lambda o: o.start_date + dt.timedelta(days=3) if o.start_date else None
    )
    venue_name = "Holiday Inn"
    city = "Suva"
    country = "Fiji"
    time_zone = "Pacific/Fiji"
    capacity = 40
    default_seats = 2
    registration_deadline = factory.LazyAttribute(
        lambda o: (
            dt.datetime.combine(o.start_date - dt.timedelta(days=14), dt.time(17, 0), tzinfo=dt.UTC)
            if o.start_date
            else None
        )
    )
    is_public = True
    status = Workshop.Status.DRAFT


class OpenWorkshopFactory(WorkshopFactory):
    status = Workshop.Status.OPEN


class FundingFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Funding

    workshop = factory.SubFactory(WorkshopFactory)
    funder = factory.SubFactory(OrganisationFactory, kind="partner", oco_status="none")
    amount = Decimal("50000.00")
    currency = "USD"
    covers = factory.LazyFunction(lambda: ["airfare", "per_diem"])
    funded_seats = 10


class FacilitationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Facilitation

    workshop = factory.SubFactory(WorkshopFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    person = None
    role = Facilitation.Role.FACILITATOR


class SeatQuotaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SeatQuota

    workshop = factory.SubFactory(WorkshopFactory)
    organisation = factory.SubFactory(OrganisationFactory)
    seats = 3


class SessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Session

    workshop = factory.SubFactory(WorkshopFactory)
    title = factory.Sequence(lambda n: f"Session {n}")
    starts_at = factory.LazyAttribute(
        lambda o: dt.datetime.combine(o.workshop.start_date, dt.time(9, 0), tzinfo=o.workshop.zone)
    )
    ends_at = factory.LazyAttribute(lambda o: o.starts_at + dt.timedelta(hours=1, minutes=30))
    room = "Main hall"


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    workshop = factory.SubFactory(OpenWorkshopFactory)
    person = factory.SubFactory(UserFactory)
    organisation = factory.SelfAttribute("person.organisation")
    status = Registration.Status.SUBMITTED


__all__ = [
    "Document",
    "FacilitationFactory",
    "FundingFactory",
    "OpenWorkshopFactory",
    "RegistrationFactory",
    "SeatQuotaFactory",
    "SessionFactory",
    "WorkshopFactory",
]
