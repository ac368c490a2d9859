"""What is planned around a workshop: funding, facilitators, seat quotas and the agenda."""

import datetime as dt
import re

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ServiceError, refuse_unknown_fields
from core.permissions import require
from members.models import Organisation, User
from workshops.models import Facilitation, Funding, Registration, SeatQuota, Session, Workshop
from workshops.public_cache import changes_public_pages

FUNDING_FIELDS = (
    "funder",
    "amount",
    "currency",
    "covers",
    "eligible_all_members",
    "funded_seats",
    "committed",
    "disbursed",
    "spent",
    "notes",
)
NOT_NEGATIVE = ("amount", "funded_seats", "committed", "disbursed", "spent")


def _editable(workshop: Workshop) -> None:
    if workshop.status == Workshop.Status.CANCELLED:
        raise ServiceError(_("A cancelled workshop cannot be changed."))


def _validated(instance) -> None:
    """full_clean, with what it finds turned into the one error type views show."""
    try:
        instance.full_clean()
    except ValidationError as error:
        raise ServiceError(" ".join(error.messages)) from None


@changes_public_pages
@transaction.atomic
def funding_save(
    *, actor: User, workshop: Workshop, data: dict, funding: Funding | None = None
) -> Funding:
    """Add or edit a funding. Amounts and funded seats are never negative; the currency is
    three letters; named eligible organisations are required, and kept, only when not all
    member administrations are eligible. Raises ServiceError."""
    require(actor, "workshops.plan_workshop")
    _editable(workshop)
    funding = funding or Funding(workshop=workshop)
    data = dict(data)
    eligible = list(data.pop("eligible_organisations", []))
    refuse_unknown_fields(data, set(FUNDING_FIELDS))
    for field, value in data.items():
        setattr(funding, field, value)
    if any((getattr(funding, field) or 0) < 0 for field in NOT_NEGATIVE):
        raise ServiceError(_("Amounts and funded seats cannot be negative."))
    funding.currency = (funding.currency or "").strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", funding.currency):
        raise ServiceError(_("Give the currency as three letters, such as USD, FJD or KRW."))
    if not funding.eligible_all_members and not eligible:
        raise ServiceError(_("Name the eligible organisations, or make all members eligible."))
    _validated(funding)
    funding.save()
    funding.eligible_organisations.set([] if funding.eligible_all_members else eligible)
    return funding


@changes_public_pages
@transaction.atomic
def funding_delete(*, actor: User, funding: Funding) -> int:
    """Delete a funding; the registrations it was assigned to lose it (marked as changed).
    Returns how many did."""
    require(actor, "workshops.plan_workshop")
    _editable(funding.workshop)
    Workshop.objects.select_for_update().filter(pk=funding.workshop_id).first()
    unassigned = Registration.objects.filter(funding=funding).update(
        funding=None, updated_at=timezone.now()
    )
    funding.delete()
    return unassigned


@changes_public_pages
@transaction.atomic
def facilitation_add(
    *, actor: User, workshop: Workshop, organisation: Organisation, person: User | None, role: str
) -> Facilitation:
    """Name an organisation (and optionally a person of that organisation) as facilitating
    the workshop. Refuses a person of another organisation, or of none, and a duplicate."""
    require(actor, "workshops.plan_workshop")
    _editable(workshop)
    if person is not None and person.organisation_id != organisation.pk:
        if person.organisation_id is None:
            raise ServiceError(
                _("%(person)s belongs to no organisation; link them to %(org)s first.")
                % {"person": person, "org": organisation}
            )
        raise ServiceError(
            _("%(person)s belongs to %(org)s, not to the organisation chosen.")
            % {"person": person, "org": person.organisation}
        )
    duplicate = ServiceError(_("This facilitator is already listed."))
    if Facilitation.objects.filter(
        workshop=workshop, organisation=organisation, person=person
    ).exists():
        raise duplicate
    try:
        # A savepoint: the same facilitator added twice at once meets the unique constraint.
        with transaction.atomic():
            return Facilitation.objects.create(
                workshop=workshop, organisation=organisation, person=person, role=role
            )
    except IntegrityError:
        raise duplicate from None


@changes_public_pages
@transaction.atomic
def facilitation_remove(*, actor: User, facilitation: Facilitation) -> None:
    require(actor, "workshops.plan_workshop")
    _editable(facilitation.workshop)
    facilitation.delete()


def seat_quota_set(
    *, actor: User, workshop: Workshop, organisation: Organisation, seats: int | None
) -> SeatQuota | None:
    """Override the default seats of one administration; None goes back to the default.
    The rules of seat_quotas_set apply."""
    require(actor, "workshops.plan_workshop")
    seat_quotas_set(actor=actor, workshop=workshop, quotas={organisation: seats})
    return SeatQuota.objects.filter(workshop=workshop, organisation=organisation).first()


@transaction.atomic
def seat_quotas_set(
    *, actor: User, workshop: Workshop, quotas: dict[Organisation, int | None]
) -> int:
    """Set the seats of several administrations at once; None puts one back on the workshop's
    default. Seats are never negative, nor below the delegates an administration already has
    approved (counted with the workshop row locked, the lock under which seats are taken).
    Writes only what changes, all or nothing. Returns how many administrations changed."""
    require(actor, "workshops.plan_workshop")
    locked = Workshop.objects.select_for_update().get(pk=workshop.pk)
    _editable(locked)
    if any(seats is not None and seats < 0 for seats in quotas.values()):
        raise ServiceError(_("Seats cannot be negative."))
    current = {
        quota.organisation_id: quota
        for quota in SeatQuota.objects.filter(workshop=locked, organisation__in=list(quotas))
    }
    changes = {
        organisation: seats
        for organisation, seats in quotas.items()
        if (current[organisation.pk].seats if organisation.pk in current else None) != seats
    }
    approved = dict(
        Registration.objects.filter(
            workshop=locked,
            organisation__in=list(changes),
            status=Registration.Status.APPROVED,
        )
        .values_list("organisation")
        .annotate(n=Count("id"))
    )
    too_few = [
        organisation.name
        for organisation, seats in changes.items()
        if (locked.default_seats if seats is None else seats) < approved.get(organisation.pk, 0)
    ]
    if too_few:
        raise ServiceError(
            _("Fewer seats than delegates already approved for: %s.") % ", ".join(too_few)
        )
    for organisation, seats in changes.items():
        if seats is None:
            current[organisation.pk].delete()
        elif organisation.pk in current:
            current[organisation.pk].seats = seats
            current[organisation.pk].save(update_fields=["seats"])
        else:
            SeatQuota.objects.create(workshop=locked, organisation=organisation, seats=seats)
    return len(changes)


def seats_for(workshop: Workshop, organisation: Organisation) -> int:
    quota = SeatQuota.objects.filter(workshop=workshop, organisation=organisation).first()
    return quota.seats if quota else workshop.default_seats


@changes_public_pages
@transaction.atomic
def session_save(
    *,
    actor: User,
    workshop: Workshop,
    title: str,
    title_fr: str = "",
    day: dt.date,
    start: dt.time,
    end: dt.time,
    room: str = "",
    description: str = "",
    facilitators: list[Facilitation] | None = None,
    session: Session | None = None,
) -> Session:
    """Add or edit a session. Times are read in the venue's zone and stored as instants;
    the day must fall within the workshop's dates and the session must end after it starts."""
    require(actor, "workshops.plan_workshop")
    _editable(workshop)
    if not (workshop.start_date and workshop.end_date):
        raise ServiceError(_("Set the workshop's dates before building its agenda."))
    if not workshop.start_date <= day <= workshop.end_date:
        raise ServiceError(_("The session's day must fall within the workshop's dates."))
    if end <= start:
        raise ServiceError(_("A session must end after it starts."))
    facilitators = facilitators or []
    if any(f.workshop_id != workshop.pk for f in facilitators):
        raise ServiceError(_("Choose facilitators of this workshop."))
    session = session or Session(workshop=workshop)
    session.title, session.title_fr, session.room, session.description = (
        title,
        title_fr,
        room,
        description,
    )
    session.starts_at = dt.datetime.combine(day, start, tzinfo=workshop.zone)
    session.ends_at = dt.datetime.combine(day, end, tzinfo=workshop.zone)
    _validated(session)
    session.save()
    session.facilitators.set(facilitators)
    return session


@changes_public_pages
@transaction.atomic
def session_delete(*, actor: User, session: Session) -> None:
    require(actor, "workshops.plan_workshop")
    _editable(session.workshop)
    session.delete()
