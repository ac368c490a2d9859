"""What is planned around a workshop: funding, facilitators, seat quotas and the agenda."""

import datetime as dt

from django.db import transaction
from django.utils.translation import gettext as _

from members.models import Organisation, User
from oco_portal.errors import ServiceError
from workshops.models import Facilitation, Funding, SeatQuota, Session, Workshop

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


def _editable(workshop: Workshop) -> None:
    if workshop.status == Workshop.Status.CANCELLED:
        raise ServiceError(_("A cancelled workshop cannot be changed."))


@transaction.atomic
def funding_save(
    *, actor: User, workshop: Workshop, data: dict, funding: Funding | None = None
) -> Funding:
    """Add or edit a funding. Amounts are never negative; named eligible organisations
    are kept only when not all member administrations are eligible."""
    _editable(workshop)
    funding = funding or Funding(workshop=workshop)
    eligible = data.pop("eligible_organisations", [])
    for field, value in data.items():
        if field not in FUNDING_FIELDS:
            raise ServiceError(_("This field cannot be changed here: %s") % field)
        setattr(funding, field, value)
    if not funding.eligible_all_members and not eligible:
        raise ServiceError(_("Name the eligible organisations, or make all members eligible."))
    funding.currency = funding.currency.upper()
    funding.full_clean()
    funding.save()
    funding.eligible_organisations.set([] if funding.eligible_all_members else eligible)
    return funding


@transaction.atomic
def funding_delete(*, actor: User, funding: Funding) -> None:
    _editable(funding.workshop)
    funding.delete()


@transaction.atomic
def facilitation_add(
    *, actor: User, workshop: Workshop, organisation: Organisation, person: User | None, role: str
) -> Facilitation:
    """Name an organisation (and optionally a person) as facilitating the workshop."""
    _editable(workshop)
    if person is not None and person.organisation_id not in (None, organisation.pk):
        raise ServiceError(
            _("%(person)s belongs to %(org)s, not to the organisation chosen.")
            % {"person": person, "org": person.organisation}
        )
    if Facilitation.objects.filter(
        workshop=workshop, organisation=organisation, person=person
    ).exists():
        raise ServiceError(_("This facilitator is already listed."))
    return Facilitation.objects.create(
        workshop=workshop, organisation=organisation, person=person, role=role
    )


@transaction.atomic
def facilitation_remove(*, actor: User, facilitation: Facilitation) -> None:
    _editable(facilitation.workshop)
    facilitation.delete()


@transaction.atomic
def seat_quota_set(
    *, actor: User, workshop: Workshop, organisation: Organisation, seats: int | None
) -> SeatQuota | None:
    """Override the default seats of one administration; None goes back to the default."""
    _editable(workshop)
    if seats is None:
        SeatQuota.objects.filter(workshop=workshop, organisation=organisation).delete()
        return None
    if seats < 0:
        raise ServiceError(_("Seats cannot be negative."))
    quota, _created = SeatQuota.objects.update_or_create(
        workshop=workshop, organisation=organisation, defaults={"seats": seats}
    )
    return quota


def seats_for(workshop: Workshop, organisation: Organisation) -> int:
    quota = SeatQuota.objects.filter(workshop=workshop, organisation=organisation).first()
    return quota.seats if quota else workshop.default_seats


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
    session.full_clean()
    session.save()
    session.facilitators.set(facilitators)
    return session


@transaction.atomic
def session_delete(*, actor: User, session: Session) -> None:
    _editable(session.workshop)
    session.delete()
