"""A workshop's life: create, edit, clone, open, close, complete, cancel."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext as _

from core.errors import ServiceError, refuse_unknown_fields
from core.permissions import require
from core.queue import enqueue_on_commit
from core.services.mail import email_queue
from members.models import User, validate_time_zone
from workshops.models import Facilitation, Registration, SeatQuota, Workshop
from workshops.public_cache import changes_public_pages
from workshops.services.documents import document_copy
from workshops.services.evaluations import default_closing_date


def _unique_slug(title: str, start: dt.date | None) -> str:
    base = slugify(f"{title} {start.year}" if start else title)[:70] or "workshop"
    slug, n = base, 2
    while Workshop.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


def first_day_starts_at(workshop: Workshop) -> dt.datetime | None:
    if not workshop.start_date:
        return None
    return dt.datetime.combine(workshop.start_date, dt.time.min, tzinfo=workshop.zone)


# Calendars, certificates and date arithmetic (the day after the last day) need dates well
# inside what Python can represent; a typo such as 9999 would otherwise break the iCal feed.
EARLIEST_YEAR, LATEST_YEAR = 2000, 2100


def _check_years(workshop: Workshop) -> None:
    deadline = workshop.registration_deadline
    days = [workshop.start_date, workshop.end_date, deadline.date() if deadline else None]
    if any(day and not EARLIEST_YEAR <= day.year <= LATEST_YEAR for day in days):
        raise ServiceError(
            _("Workshop dates must be between %(first)d and %(last)d.")
            % {"first": EARLIEST_YEAR, "last": LATEST_YEAR}
        )


def _check_consistency(workshop: Workshop) -> None:
    _check_years(workshop)
    try:
        validate_time_zone(workshop.time_zone)
    except ValidationError:
        raise ServiceError(
            _("“%(zone)s” is not a known time zone; use an IANA name such as Pacific/Apia.")
            % {"zone": workshop.time_zone}
        ) from None
    if workshop.start_date and workshop.end_date and workshop.end_date < workshop.start_date:
        raise ServiceError(_("The last day cannot be before the first day."))
    starts = first_day_starts_at(workshop)
    if starts and workshop.registration_deadline and workshop.registration_deadline > starts:
        raise ServiceError(_("The registration deadline must be before the workshop starts."))
    if workshop.pk and workshop.capacity is not None:
        approved = workshop.registrations.filter(status=Registration.Status.APPROVED).count()
        if workshop.capacity < approved:
            raise ServiceError(
                _("Capacity cannot be below the %(n)d seats already approved.") % {"n": approved}
            )


def _locked(workshop: Workshop) -> Workshop:
    return Workshop.objects.select_for_update().get(pk=workshop.pk)


@changes_public_pages
@transaction.atomic
def workshop_create(*, actor: User, data: dict) -> Workshop:
    """Create a draft workshop. Raises ServiceError if its dates are inconsistent."""
    require(actor, "workshops.plan_workshop")
    refuse_unknown_fields(data, set(Workshop.EDITABLE_FIELDS))
    workshop = Workshop(**data, created_by=actor)
    _check_consistency(workshop)
    workshop.slug = _unique_slug(workshop.title, workshop.start_date)
    workshop.full_clean()
    workshop.save()
    return workshop


@changes_public_pages
@transaction.atomic
def workshop_update(*, actor: User, workshop: Workshop, data: dict) -> Workshop:
    """Edit a workshop that is not cancelled. Capacity never drops below approved seats
    (checked with the workshop row locked, so a concurrent approval cannot slip in)."""
    require(actor, "workshops.plan_workshop")
    workshop = _locked(workshop)
    if workshop.status == Workshop.Status.CANCELLED:
        raise ServiceError(_("A cancelled workshop cannot be edited."))
    refuse_unknown_fields(data, set(Workshop.EDITABLE_FIELDS))
    for field, value in data.items():
        setattr(workshop, field, value)
    _check_consistency(workshop)
    if workshop.status == Workshop.Status.OPEN:
        _check_can_open(workshop)
    workshop.full_clean()
    workshop.save()
    return workshop


def _check_can_open(workshop: Workshop) -> None:
    missing = []
    if not (workshop.start_date and workshop.end_date):
        missing.append(_("dates"))
    if not workshop.capacity:
        missing.append(_("a capacity"))
    if not workshop.registration_deadline:
        missing.append(_("a registration deadline"))
    if missing:
        raise ServiceError(_("To open registration the workshop needs %s.") % ", ".join(missing))
    if workshop.registration_deadline <= timezone.now():
        raise ServiceError(
            _("The registration deadline must be in the future to open registration.")
        )


@changes_public_pages
@transaction.atomic
def workshop_open(*, actor: User, workshop: Workshop) -> Workshop:
    """draft or closed → open. Needs dates, a capacity and a deadline in the future."""
    require(actor, "workshops.plan_workshop")
    workshop = _locked(workshop)
    if workshop.status not in (Workshop.Status.DRAFT, Workshop.Status.CLOSED):
        raise ServiceError(
            _("A workshop that is %(status)s cannot be opened.")
            % {"status": workshop.get_status_display().lower()}
        )
    _check_consistency(workshop)
    _check_can_open(workshop)
    workshop.status = Workshop.Status.OPEN
    workshop.save()
    return workshop


@changes_public_pages
@transaction.atomic
def workshop_close(*, actor: User, workshop: Workshop) -> Workshop:
    """open → closed: registration stops; the workshop can be reopened."""
    require(actor, "workshops.plan_workshop")
    workshop = _locked(workshop)
    if workshop.status != Workshop.Status.OPEN:
        raise ServiceError(_("Only a workshop open for registration can be closed."))
    workshop.status = Workshop.Status.CLOSED
    workshop.save()
    return workshop


@changes_public_pages
@transaction.atomic
def workshop_complete(*, actor: User, workshop: Workshop) -> Workshop:
    """open or closed → completed, once its first day has come. Completed is final. After
    commit, certificates are issued and the evaluation is asked for (Celery); the evaluation
    closes DEFAULT_OPEN_DAYS later unless a closing date was set."""
    require(actor, "workshops.plan_workshop")
    workshop = _locked(workshop)
    if workshop.status not in (Workshop.Status.OPEN, Workshop.Status.CLOSED):
        raise ServiceError(_("Only an open or closed workshop can be marked completed."))
    starts = first_day_starts_at(workshop)
    if starts is None or starts > timezone.now():
        raise ServiceError(_("A workshop cannot be completed before it has started."))
    workshop.status = Workshop.Status.COMPLETED
    if workshop.evaluation_closes_on is None:
        workshop.evaluation_closes_on = default_closing_date(workshop)
    workshop.save()
    _after_completion(workshop.pk)
    return workshop


def _after_completion(workshop_id: int) -> None:
    """Once the completion is committed: certificates built and mailed, evaluation asked."""
    enqueue_on_commit("workshops.issue_certificates", workshop_id)
    enqueue_on_commit("workshops.request_evaluations", workshop_id)


@changes_public_pages
@transaction.atomic
def workshop_cancel(*, actor: User, workshop: Workshop, reason: str, confirmed: bool) -> int:
    """draft, open or closed → cancelled. With active registrations the caller must confirm;
    every registrant is then told through the outbox, in their language. Returns how many."""
    require(actor, "workshops.plan_workshop")
    workshop = _locked(workshop)
    if workshop.status in (Workshop.Status.COMPLETED, Workshop.Status.CANCELLED):
        raise ServiceError(_("A completed or cancelled workshop cannot be cancelled."))
    registrations = list(
        workshop.registrations.filter(status__in=Registration.ACTIVE).select_related("person")
    )
    if registrations and not confirmed:
        raise ServiceError(
            _("%(n)d people are registered. Confirm to cancel and tell them.")
            % {"n": len(registrations)}
        )
    workshop.status = Workshop.Status.CANCELLED
    workshop.cancellation_reason = reason
    workshop.save()
    for registration in registrations:
        person = registration.person
        email_queue(
            to=person.email,
            template="workshop_cancelled",
            context={"workshop": workshop, "person": person, "reason": reason},
            language=person.preferred_language,
            user=person,
        )
    Registration.objects.filter(pk__in=[r.pk for r in registrations]).update(
        status=Registration.Status.CANCELLED
    )
    return len(registrations)


@changes_public_pages
@transaction.atomic
def workshop_clone(*, actor: User, source: Workshop) -> Workshop:
    """A new draft with everything of `source` but its dates, agenda, registrations and
    spending: funding (planned amounts), facilitators, seat quotas and documents."""
    require(actor, "workshops.plan_workshop")
    clone = Workshop(
        **{field: getattr(source, field) for field in Workshop.EDITABLE_FIELDS},
        cloned_from=source,
        created_by=actor,
    )
    clone.title = _("%(title)s (copy)") % {"title": source.title}
    clone.start_date = clone.end_date = clone.registration_deadline = None
    clone.slug = _unique_slug(clone.title, None)
    clone.save()
    for funding in source.fundings.prefetch_related("eligible_organisations"):
        eligible = list(funding.eligible_organisations.all())
        funding.pk = None
        funding.workshop = clone
        funding.committed = funding.disbursed = funding.spent = 0
        funding.save()
        funding.eligible_organisations.set(eligible)
    Facilitation.objects.bulk_create(
        Facilitation(
            workshop=clone, organisation_id=f.organisation_id, person_id=f.person_id, role=f.role
        )
        for f in source.facilitations.all()
    )
    SeatQuota.objects.bulk_create(
        SeatQuota(workshop=clone, organisation_id=q.organisation_id, seats=q.seats)
        for q in source.seat_quotas.all()
    )
    for document in source.documents.all():
        document_copy(document=document, workshop=clone, actor=actor)
    return clone
