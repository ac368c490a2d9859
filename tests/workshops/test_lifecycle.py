"""Workshop status transitions and edit rules, on the services."""

import datetime as dt

import pytest
from django.utils import timezone

from core.errors import ServiceError
from core.models import OutgoingEmail
from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import (
    FacilitationFactory,
    FundingFactory,
    RegistrationFactory,
    SeatQuotaFactory,
    SessionFactory,
    WorkshopFactory,
)
from workshops.models import Registration, Workshop
from workshops.services import workshops as services

pytestmark = pytest.mark.django_db


def _data(**overrides):
    start = timezone.localdate() + dt.timedelta(days=60)
    data = {
        "title": "Regional workshop on risk management",
        "start_date": start,
        "end_date": start + dt.timedelta(days=2),
        "city": "Nuku'alofa",
        "country": "Tonga",
        "time_zone": "Pacific/Tongatapu",
        "capacity": 30,
        "registration_deadline": timezone.now() + dt.timedelta(days=30),
    }
    data.update(overrides)
    return data


def test_create_makes_a_draft_with_a_unique_slug(secretariat):
    first = services.workshop_create(actor=secretariat, data=_data())
    second = services.workshop_create(actor=secretariat, data=_data())
    assert first.status == Workshop.Status.DRAFT
    assert first.slug != second.slug
    assert first.created_by == secretariat


def test_create_refuses_an_end_before_the_start(secretariat):
    start = timezone.localdate() + dt.timedelta(days=10)
    with pytest.raises(ServiceError, match="last day"):
        services.workshop_create(
            actor=secretariat, data=_data(start_date=start, end_date=start - dt.timedelta(days=1))
        )
    assert not Workshop.objects.exists()


def test_create_refuses_a_deadline_after_the_start(secretariat):
    start = timezone.localdate() + dt.timedelta(days=10)
    deadline = dt.datetime.combine(start + dt.timedelta(days=1), dt.time(12), tzinfo=dt.UTC)
    with pytest.raises(ServiceError, match="deadline"):
        services.workshop_create(
            actor=secretariat,
            data=_data(start_date=start, end_date=start, registration_deadline=deadline),
        )
    assert not Workshop.objects.exists()


def test_create_refuses_an_unknown_time_zone(secretariat):
    with pytest.raises(ServiceError, match="not a known time zone"):
        services.workshop_create(actor=secretariat, data=_data(time_zone="Pacific/Atlantis"))
    assert not Workshop.objects.exists()


def test_open_a_complete_draft(secretariat):
    workshop = WorkshopFactory()
    services.workshop_open(actor=secretariat, workshop=workshop)
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.OPEN


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("capacity", None, "capacity"),
        ("registration_deadline", None, "deadline"),
        ("start_date", None, "dates"),
    ],
)
def test_open_refuses_a_workshop_missing_what_registration_needs(
    secretariat, field, value, message
):
    workshop = WorkshopFactory()
    setattr(workshop, field, value)
    workshop.save()
    with pytest.raises(ServiceError, match=message):
        services.workshop_open(actor=secretariat, workshop=workshop)
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.DRAFT


def test_open_refuses_a_deadline_in_the_past(secretariat):
    workshop = WorkshopFactory(registration_deadline=timezone.now() - dt.timedelta(minutes=1))
    with pytest.raises(ServiceError, match="future"):
        services.workshop_open(actor=secretariat, workshop=workshop)


def test_close_then_reopen(secretariat):
    workshop = WorkshopFactory(status=Workshop.Status.OPEN)
    services.workshop_close(actor=secretariat, workshop=workshop)
    assert Workshop.objects.get(pk=workshop.pk).status == Workshop.Status.CLOSED
    services.workshop_open(actor=secretariat, workshop=workshop)
    assert Workshop.objects.get(pk=workshop.pk).status == Workshop.Status.OPEN


def test_close_refuses_a_draft(secretariat):
    with pytest.raises(ServiceError):
        services.workshop_close(actor=secretariat, workshop=WorkshopFactory())


def test_complete_refuses_a_workshop_that_has_not_started(secretariat):
    workshop = WorkshopFactory(status=Workshop.Status.CLOSED)
    with pytest.raises(ServiceError, match="started"):
        services.workshop_complete(actor=secretariat, workshop=workshop)


def test_a_completed_workshop_cannot_reopen(secretariat):
    start = timezone.localdate() - dt.timedelta(days=5)
    workshop = WorkshopFactory(
        status=Workshop.Status.CLOSED,
        start_date=start,
        end_date=start + dt.timedelta(days=1),
        registration_deadline=timezone.now() - dt.timedelta(days=10),
    )
    services.workshop_complete(actor=secretariat, workshop=workshop)
    assert Workshop.objects.get(pk=workshop.pk).status == Workshop.Status.COMPLETED
    with pytest.raises(ServiceError, match="cannot be opened"):
        services.workshop_open(actor=secretariat, workshop=workshop)
    assert Workshop.objects.get(pk=workshop.pk).status == Workshop.Status.COMPLETED


def test_cancel_with_registrations_needs_confirmation_and_changes_nothing_without(secretariat):
    registration = RegistrationFactory()
    workshop = registration.workshop
    with pytest.raises(ServiceError, match="Confirm"):
        services.workshop_cancel(
            actor=secretariat, workshop=workshop, reason="Cyclone", confirmed=False
        )
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.OPEN
    assert not OutgoingEmail.objects.exists()


def test_cancel_confirmed_tells_each_registrant_in_their_language(
    secretariat, django_capture_on_commit_callbacks, mailoutbox
):
    english = RegistrationFactory(person=UserFactory(preferred_language="en"))
    workshop = english.workshop
    french = RegistrationFactory(workshop=workshop, person=UserFactory(preferred_language="fr"))
    RegistrationFactory(workshop=workshop, status=Registration.Status.DECLINED)
    with django_capture_on_commit_callbacks(execute=True):
        told = services.workshop_cancel(
            actor=secretariat, workshop=workshop, reason="Cyclone Gita", confirmed=True
        )
    assert told == 2
    workshop.refresh_from_db()
    assert workshop.status == Workshop.Status.CANCELLED
    assert set(workshop.registrations.values_list("status", flat=True)) == {"cancelled", "declined"}
    rows = {email.recipient: email for email in OutgoingEmail.objects.all()}
    assert rows[english.person.email].subject.startswith("Cancelled:")
    assert rows[english.person.email].language == "en"
    assert rows[french.person.email].language == "fr"
    assert rows[french.person.email].subject.startswith("Annulé")
    assert sorted(message.to[0] for message in mailoutbox) == sorted(
        [english.person.email, french.person.email]
    )
    assert "Cyclone Gita" in mailoutbox[0].body


def test_a_cancelled_workshop_cannot_be_edited_nor_cancelled_again(secretariat):
    workshop = WorkshopFactory(status=Workshop.Status.CANCELLED)
    with pytest.raises(ServiceError):
        services.workshop_update(actor=secretariat, workshop=workshop, data={"title": "New"})
    with pytest.raises(ServiceError):
        services.workshop_cancel(actor=secretariat, workshop=workshop, reason="", confirmed=True)
    with pytest.raises(ServiceError):
        services.workshop_open(actor=secretariat, workshop=workshop)


def test_capacity_cannot_drop_below_approved_seats(secretariat):
    workshop = WorkshopFactory(status=Workshop.Status.OPEN, capacity=10)
    for _ in range(3):
        RegistrationFactory(workshop=workshop, status=Registration.Status.APPROVED)
    with pytest.raises(ServiceError, match="3 seats"):
        services.workshop_update(actor=secretariat, workshop=workshop, data={"capacity": 2})
    assert Workshop.objects.get(pk=workshop.pk).capacity == 10
    services.workshop_update(actor=secretariat, workshop=workshop, data={"capacity": 3})
    assert Workshop.objects.get(pk=workshop.pk).capacity == 3


def test_update_refuses_unknown_fields(secretariat):
    workshop = WorkshopFactory()
    with pytest.raises(ServiceError):
        services.workshop_update(actor=secretariat, workshop=workshop, data={"status": "completed"})
    assert Workshop.objects.get(pk=workshop.pk).status == Workshop.Status.DRAFT


def test_update_is_recorded_in_the_history_with_its_author(secretariat):
    workshop = services.workshop_create(actor=secretariat, data=_data())
    services.workshop_update(actor=secretariat, workshop=workshop, data={"city": "Neiafu"})
    records = list(workshop.history.order_by("history_date"))
    assert [record.history_type for record in records] == ["+", "~"]
    assert records[-1].city == "Neiafu"


def test_clone_copies_all_but_dates_agenda_registrations_and_spending(secretariat):
    source = WorkshopFactory(status=Workshop.Status.OPEN)
    caribbean = OrganisationFactory()
    funding = FundingFactory(workshop=source, spent=1000, eligible_all_members=False)
    funding.eligible_organisations.set([caribbean])
    FacilitationFactory(workshop=source)
    SeatQuotaFactory(workshop=source, seats=4)
    SessionFactory(workshop=source)
    RegistrationFactory(workshop=source)
    clone = services.workshop_clone(actor=secretariat, source=source)
    assert clone.status == Workshop.Status.DRAFT
    assert clone.cloned_from == source
    assert (clone.start_date, clone.end_date, clone.registration_deadline) == (None, None, None)
    assert clone.capacity == source.capacity
    assert clone.time_zone == source.time_zone
    copied = clone.fundings.get()
    assert copied.amount == funding.amount
    assert copied.spent == 0
    assert list(copied.eligible_organisations.all()) == [caribbean]
    assert clone.facilitations.count() == 1
    assert clone.seat_quotas.get().seats == 4
    assert clone.sessions.count() == 0
    assert clone.registrations.count() == 0
    assert source.fundings.get().spent == 1000
