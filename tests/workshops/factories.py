"""factory_boy factories for the workshops app."""

import datetime as dt
from decimal import Decimal

import factory
from django.utils import timezone

from tests.factories import OrganisationFactory, UserFactory
from workshops.models import (
    Document,
    ExpertiseArea,
    ExpertProfile,
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


# --- Documents and the Customs Expert database (added for the public pages) ------------------

MINIMAL_PDF = (
    b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    b"2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    b"3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 200 200]>>endobj\n"
    b"trailer<</Root 1 0 R>>\n%%EOF\n"
)


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    workshop = factory.SubFactory(OpenWorkshopFactory)
    title = factory.Sequence(lambda n: f"Document {n}")
    file = factory.django.FileField(filename="upload", data=MINIMAL_PDF)
    original_name = factory.Sequence(lambda n: f"document-{n}.pdf")
    content_type = "application/pdf"
    kind = "pdf"
    size = len(MINIMAL_PDF)
    visibility = Document.Visibility.PUBLIC


class ExpertiseAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertiseArea
        django_get_or_create = ["name"]

    name = factory.Sequence(lambda n: f"Area {n}")


class ExpertProfileFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ExpertProfile
        skip_postgeneration_save = True

    user = factory.SubFactory(UserFactory)
    speaks_english = True
    speaks_french = False
    availability = ExpertProfile.Availability.AVAILABLE

    @factory.post_generation
    def areas(self, create, extracted, **kwargs):
        if create and extracted:
            self.areas.set(extracted)
