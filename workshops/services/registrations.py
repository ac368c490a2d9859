"""Registrations and seats: submit, edit, cancel, approve, waitlist, decline, assign funding.

Every decision that depends on how many seats are taken runs in one transaction that first
locks the workshop row, then (when a funding is involved) the funding row: always in that
order, so two decisions never wait on each other. A submitted registration holds its seat
until the Secretariat decides; those beyond the room are waitlisted, and when a seat frees the
first waitlisted person of the same administration is promoted and told by e-mail.
"""

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import ServiceError
from core.services.mail import email_queue
from members.models import Organisation, User
from workshops.ical import workshop_calendar
from workshops.models import Funding, Invitation, Registration, Workshop
from workshops.services.planning import seats_for

REGISTRATION_FIELDS = (
    "position",
    "seniority",
    "arrival_date",
    "departure_date",
    "arrival_flight",
    "departure_flight",
    "visa_letter_needed",
    "nationality",
    "passport_number",
    "dietary_needs",
    "accessibility_needs",
    "funding_requested",
    "funding_request_covers",
    "consent",
)

# Arrival and departure may be this many days before the first day or after the last.
TRAVEL_WINDOW_DAYS = 60


def _lock_workshop(workshop_id: int) -> Workshop:
    queryset = Workshop.objects.all()
    # SEAT_LOCKS is on everywhere but in the test that shows what overbooking looks like.
    if settings.SEAT_LOCKS:
        queryset = queryset.select_for_update()
    return queryset.get(pk=workshop_id)


def _holding(workshop: Workshop, exclude: Registration | None = None):
    queryset = Registration.objects.filter(workshop=workshop, status__in=Registration.HOLDING)
    return queryset.exclude(pk=exclude.pk) if exclude else queryset


def has_seat(
    workshop: Workshop, organisation: Organisation, exclude: Registration | None = None
) -> bool:
    """Room left in the workshop's capacity and in the administration's quota."""
    holding = _holding(workshop, exclude)
    if workshop.capacity is not None and holding.count() >= workshop.capacity:
        return False
    return holding.filter(organisation=organisation).count() < seats_for(workshop, organisation)


def waitlist_place(registration: Registration) -> int:
    """1 for the first waitlisted person of the administration, 2 for the next..."""
    earlier = Registration.objects.filter(
        workshop_id=registration.workshop_id,
        organisation_id=registration.organisation_id,
        status=Registration.Status.WAITLISTED,
        waitlisted_at__lt=registration.waitlisted_at,
    )
    return earlier.count() + 1


def _tell(registration: Registration, template: str, *, attachments=None, **extra) -> None:
    person = registration.person
    email_queue(
        to=person.email,
        template=template,
        context={
            "registration": registration,
            "workshop": registration.workshop,
            "person": person,
            "site_url": settings.SITE_URL,
            **extra,
        },
        language=person.preferred_language,
        user=person,
        attachments=attachments,
    )


def _check_open_for(workshop: Workshop) -> None:
    if workshop.status != Workshop.Status.OPEN:
        raise ServiceError(_("Registration for this workshop is closed."))
    if workshop.registration_deadline and timezone.now() > workshop.registration_deadline:
        raise ServiceError(_("The registration deadline has passed."))


def workshop_has_begun(workshop: Workshop) -> bool:
    """Completed, or its first day has come at the venue: the registrations are history."""
    if workshop.status == Workshop.Status.COMPLETED:
        return True
    today = timezone.now().astimezone(workshop.zone).date()
    return bool(workshop.start_date and today >= workshop.start_date)


BEGUN_MESSAGE = gettext_lazy(
    "The workshop has begun or is completed: the registration can no longer be changed or "
    "cancelled. Write to the Secretariat."
)


def _check_not_begun(workshop: Workshop) -> None:
    if workshop_has_begun(workshop):
        raise ServiceError(str(BEGUN_MESSAGE))


def _check_travel_dates(workshop: Workshop, data: dict) -> None:
    if not (workshop.start_date and workshop.end_date):
        return
    window = dt.timedelta(days=TRAVEL_WINDOW_DAYS)
    earliest, latest = workshop.start_date - window, workshop.end_date + window
    for value in (data.get("arrival_date"), data.get("departure_date")):
        if value and not earliest <= value <= latest:
            raise ServiceError(
                _(
                    "Arrival and departure must be at most %(days)d days before the first day "
                    "or after the last day of the workshop (%(earliest)s to %(latest)s)."
                )
                % {
                    "days": TRAVEL_WINDOW_DAYS,
                    "earliest": earliest.isoformat(),
                    "latest": latest.isoformat(),
                }
            )


def _check_data(data: dict, workshop: Workshop) -> None:
    unknown = set(data) - set(REGISTRATION_FIELDS)
    if unknown:
        raise ServiceError(
            _("These fields cannot be changed here: %s") % ", ".join(sorted(unknown))
        )
    if not data.get("consent"):
        raise ServiceError(_("Registration needs your consent to the use of your data."))
    arrival, departure = data.get("arrival_date"), data.get("departure_date")
    if arrival and departure and departure < arrival:
        raise ServiceError(_("The departure date cannot be before the arrival date."))
    if data.get("visa_letter_needed") and not data.get("nationality"):
        raise ServiceError(_("Give your nationality for the visa support letter."))
    _check_travel_dates(workshop, data)


@dataclass(frozen=True)
class Submitted:
    registration: Registration
    waitlist_place: int | None


@transaction.atomic
def registration_submit(
    *,
    person: User,
    workshop: Workshop,
    data: dict,
    invitation: Invitation | None = None,
    nominated_by: User | None = None,
) -> Submitted:
    """Register a person. Holds a seat when the capacity and the administration's quota allow,
    else waitlists with a place. One registration per person (a database constraint too);
    a person who cancelled or was declined may register again."""
    workshop = _lock_workshop(workshop.pk)
    _check_open_for(workshop)
    _check_data(data, workshop)
    organisation = person.organisation
    if organisation is None:
        raise ServiceError(_("Choose your organisation in your profile before registering."))
    registration = Registration.objects.filter(workshop=workshop, person=person).first()
    if registration and registration.status in Registration.ACTIVE:
        raise ServiceError(_("You are already registered for this workshop."))
    registration = registration or Registration(workshop=workshop, person=person)
    registration.organisation = organisation
    registration.invitation = invitation or registration.invitation
    registration.nominated_by = nominated_by
    for field, value in data.items():
        setattr(registration, field, value)
    seat = has_seat(workshop, organisation)
    registration.status = Registration.Status.SUBMITTED if seat else Registration.Status.WAITLISTED
    registration.waitlisted_at = None if seat else timezone.now()
    registration.decline_reason = ""
    try:
        with transaction.atomic():
            registration.save()
    except IntegrityError:
        raise ServiceError(_("You are already registered for this workshop.")) from None
    if invitation and invitation.status != Invitation.Status.ANSWERED:
        Invitation.objects.filter(pk=invitation.pk).update(
            status=Invitation.Status.ANSWERED, answered_at=timezone.now()
        )
    place = None if seat else waitlist_place(registration)
    _tell(registration, "registration_received" if seat else "registration_waitlisted", place=place)
    return Submitted(registration, place)


@transaction.atomic
def registration_update(*, person: User, registration: Registration, data: dict) -> Registration:
    """The delegate edits their registration until the deadline."""
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.person_id != person.pk:
        raise ServiceError(_("This is not your registration."))
    if registration.status not in Registration.ACTIVE:
        raise ServiceError(_("A cancelled or declined registration cannot be edited."))
    workshop = registration.workshop
    _check_not_begun(workshop)
    if workshop.registration_deadline and timezone.now() > workshop.registration_deadline:
        raise ServiceError(_("The registration deadline has passed: write to the Secretariat."))
    _check_data(data, workshop)
    for field, value in data.items():
        setattr(registration, field, value)
    registration.save()
    return registration


def _promote(workshop: Workshop, organisation: Organisation) -> list[Registration]:
    """Give freed seats to the waitlist: that administration's first, then anyone's."""
    promoted = []
    waiting = Registration.objects.filter(
        workshop=workshop, status=Registration.Status.WAITLISTED
    ).select_related("person", "organisation")
    same_first = sorted(
        waiting, key=lambda r: (r.organisation_id != organisation.pk, r.waitlisted_at, r.pk)
    )
    for registration in same_first:
        if has_seat(workshop, registration.organisation):
            registration.status = Registration.Status.SUBMITTED
            registration.waitlisted_at = None
            registration.save(update_fields=["status", "waitlisted_at", "updated_at"])
            _tell(registration, "registration_promoted")
            promoted.append(registration)
    return promoted


def _freed(workshop: Workshop, registration: Registration) -> list[Registration]:
    return _promote(workshop, registration.organisation)


@transaction.atomic
def registration_cancel(*, person: User, registration: Registration) -> list[Registration]:
    """The delegate cancels until the workshop's first day at the venue; the seat goes to
    the waitlist. Refused once it has begun or is completed (that would rewrite reports,
    indicators and certificates)."""
    workshop = _lock_workshop(registration.workshop_id)
    registration = Registration.objects.select_related("organisation").get(pk=registration.pk)
    if registration.person_id != person.pk:
        raise ServiceError(_("This is not your registration."))
    _check_not_begun(workshop)
    if registration.status not in Registration.ACTIVE:
        raise ServiceError(_("This registration is already cancelled or declined."))
    held = registration.status in Registration.HOLDING
    registration.status = Registration.Status.CANCELLED
    registration.funding = None
    registration.save(update_fields=["status", "funding", "updated_at"])
    return _freed(workshop, registration) if held else []


def _decidable(workshop_id: int, registration_id: int) -> tuple[Workshop, Registration]:
    workshop = _lock_workshop(workshop_id)
    registration = Registration.objects.select_related("person", "organisation").get(
        pk=registration_id
    )
    if registration.workshop_id != workshop.pk:
        raise ServiceError(_("This registration is not for this workshop."))
    return workshop, registration


def _decided(registration: Registration, actor: User, status: str) -> None:
    registration.status = status
    registration.decided_by = actor
    registration.decided_at = timezone.now()


@transaction.atomic
def registration_approve(*, actor: User, registration: Registration) -> Registration:
    """Approve a submitted (or waitlisted, if a seat is free) registration; the delegate gets
    an e-mail with the workshop as a calendar file in the venue's zone."""
    workshop, registration = _decidable(registration.workshop_id, registration.pk)
    if registration.status == Registration.Status.APPROVED:
        raise ServiceError(_("%(name)s is already approved.") % {"name": registration.person})
    if registration.status not in (Registration.Status.SUBMITTED, Registration.Status.WAITLISTED):
        raise ServiceError(_("Only a submitted or waitlisted registration can be approved."))
    if registration.status == Registration.Status.WAITLISTED and not has_seat(
        workshop, registration.organisation
    ):
        raise ServiceError(
            _("No seat is free for %(org)s: raise its seats or the capacity first.")
            % {"org": registration.organisation}
        )
    _decided(registration, actor, Registration.Status.APPROVED)
    registration.waitlisted_at = None
    registration.save()
    calendar = ("workshop.ics", workshop_calendar(workshop), "text/calendar")
    _tell(registration, "registration_approved", attachments=[calendar])
    return registration


@transaction.atomic
def registration_waitlist(*, actor: User, registration: Registration) -> Registration:
    """Move a registration to the end of the waitlist; its seat goes to the next in line."""
    workshop, registration = _decidable(registration.workshop_id, registration.pk)
    if registration.status not in Registration.HOLDING:
        raise ServiceError(_("Only a submitted or approved registration can be waitlisted."))
    _decided(registration, actor, Registration.Status.WAITLISTED)
    registration.waitlisted_at = timezone.now()
    registration.funding = None
    registration.save()
    _tell(registration, "registration_waitlisted", place=waitlist_place(registration))
    _freed(workshop, registration)
    return registration


@transaction.atomic
def registration_decline(*, actor: User, registration: Registration, reason: str) -> Registration:
    """Decline with a reason, which the delegate is told. A held seat goes to the waitlist."""
    if not reason.strip():
        raise ServiceError(_("Give the reason for declining: the delegate is told."))
    workshop, registration = _decidable(registration.workshop_id, registration.pk)
    if registration.status not in Registration.ACTIVE:
        raise ServiceError(_("This registration is already cancelled or declined."))
    held = registration.status in Registration.HOLDING
    _decided(registration, actor, Registration.Status.DECLINED)
    registration.decline_reason = reason.strip()
    registration.funding = None
    registration.save()
    _tell(registration, "registration_declined", reason=registration.decline_reason)
    if held:
        _freed(workshop, registration)
    return registration


def _eligible(funding: Funding, organisation: Organisation) -> bool:
    if funding.eligible_all_members:
        return (
            organisation.kind == Organisation.Kind.CUSTOMS and organisation.oco_status == "member"
        )
    return funding.eligible_organisations.filter(pk=organisation.pk).exists()


@transaction.atomic
def registration_assign_funding(
    *, actor: User, registration: Registration, funding: Funding | None
) -> Registration:
    """Assign (or withdraw, with None) a funding: the organisation must be eligible and the
    funding must have a funded seat left. Locks the workshop, then the funding."""
    workshop, registration = _decidable(registration.workshop_id, registration.pk)
    if funding is None:
        registration.funding = None
        registration.save(update_fields=["funding", "updated_at"])
        return registration
    funding = Funding.objects.select_for_update().get(pk=funding.pk)
    if funding.workshop_id != workshop.pk:
        raise ServiceError(_("This funding is for another workshop."))
    if registration.status not in Registration.ACTIVE:
        raise ServiceError(_("Funding can only go to an active registration."))
    if not _eligible(funding, registration.organisation):
        raise ServiceError(
            _("%(org)s is not eligible for this funding.") % {"org": registration.organisation}
        )
    used = (
        funding.registrations.filter(status__in=Registration.ACTIVE)
        .exclude(pk=registration.pk)
        .count()
    )
    if used >= funding.funded_seats:
        raise ServiceError(
            _("All %(n)d funded seats of %(funder)s are taken.")
            % {"n": funding.funded_seats, "funder": funding.funder}
        )
    registration.funding = funding
    registration.save(update_fields=["funding", "updated_at"])
    return registration
