"""A delegate's own registration: submit (with the profile details the form carries), edit,
cancel. Seats are decided in workshops.services.seats, the Secretariat's decisions in
workshops.services.decisions.
"""

import datetime as dt
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.errors import ServiceError, refuse_unknown_fields
from core.permissions import require
from members.models import User
from members.services.people import user_update_profile
from workshops.models import Invitation, Registration, Workshop
from workshops.services.seats import (
    has_seat,
    lock_workshop,
    promote_waitlist,
    tell,
    waitlist_place,
)
from workshops.services.visa_letters import visa_letter_request

# Arrival and departure may be this many days before the first day or after the last.
TRAVEL_WINDOW_DAYS = 60


def _check_open_for(workshop: Workshop) -> None:
    if workshop.registration_closed_reason:
        raise ServiceError(workshop.registration_closed_reason)


BEGUN_MESSAGE = gettext_lazy(
    "The workshop has begun or is completed: the registration can no longer be changed or "
    "cancelled. Write to the Secretariat."
)


def _check_not_begun(workshop: Workshop) -> None:
    if workshop.has_begun:
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
    refuse_unknown_fields(data, set(Registration.DELEGATE_FIELDS))
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


def _nominator(invitation: Invitation | None) -> User | None:
    """The focal point who nominated the person, when the invitation came from a nomination."""
    creator = invitation.created_by if invitation else None
    return creator if creator and not creator.is_secretariat else None


def _save_profile(actor: User, changes: dict) -> None:
    if not changes:
        return
    try:
        user_update_profile(user=actor, data=changes)
    except ValidationError as error:
        raise ServiceError(" ".join(error.messages)) from None


@transaction.atomic
def registration_submit(
    *,
    actor: User,
    workshop: Workshop,
    data: dict,
    profile: dict | None = None,
    invitation: Invitation | None = None,
) -> Submitted:
    """Register the acting person, saving first the profile details the form changed (name,
    position...), all or nothing. Holds a seat when the capacity and the administration's
    quota allow, else waitlists with a place. One registration per person (a database
    constraint too); a person who cancelled or was declined may register again. A person
    nominated by a focal point is recorded as such."""
    require(actor, "workshops.register", workshop)
    _save_profile(actor, profile or {})
    workshop = lock_workshop(workshop.pk)
    _check_open_for(workshop)
    _check_data(data, workshop)
    if actor.organisation_id is None:
        raise ServiceError(_("Choose your organisation in your profile before registering."))
    registration = Registration.objects.filter(workshop=workshop, person=actor).first()
    if registration and registration.status in Registration.ACTIVE:
        raise ServiceError(_("You are already registered for this workshop."))
    registration = registration or Registration(workshop=workshop, person=actor)
    registration.organisation_id = actor.organisation_id
    registration.invitation = invitation or registration.invitation
    registration.nominated_by = _nominator(invitation)
    for field, value in data.items():
        setattr(registration, field, value)
    seat = has_seat(workshop, actor.organisation)
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
    tell(registration, "registration_received" if seat else "registration_waitlisted", place=place)
    return Submitted(registration, place)


@transaction.atomic
def registration_update(
    *, actor: User, registration: Registration, data: dict, profile: dict | None = None
) -> Registration:
    """The delegate edits their registration (and the profile details the form carries) until
    the deadline, all or nothing; a visa letter it needs is rebuilt after commit."""
    require(actor, "workshops.change_registration", registration)
    _save_profile(actor, profile or {})
    registration = Registration.objects.select_for_update().get(pk=registration.pk)
    if registration.status not in Registration.ACTIVE:
        raise ServiceError(_("A cancelled or declined registration cannot be edited."))
    workshop = registration.workshop
    _check_not_begun(workshop)
    if workshop.deadline_passed:
        raise ServiceError(_("The registration deadline has passed: write to the Secretariat."))
    _check_data(data, workshop)
    for field, value in data.items():
        setattr(registration, field, value)
    registration.save()
    visa_letter_request(registration=registration)
    return registration


@transaction.atomic
def registration_cancel(*, actor: User, registration: Registration) -> list[Registration]:
    """The delegate cancels until the workshop's first day at the venue; the seat goes to
    the waitlist. Refused once it has begun or is completed (that would rewrite reports,
    indicators and certificates)."""
    require(actor, "workshops.change_registration", registration)
    workshop = lock_workshop(registration.workshop_id)
    registration = Registration.objects.select_related("organisation").get(pk=registration.pk)
    _check_not_begun(workshop)
    if registration.status not in Registration.ACTIVE:
        raise ServiceError(_("This registration is already cancelled or declined."))
    held = registration.status in Registration.HOLDING
    registration.status = Registration.Status.CANCELLED
    registration.funding = None
    registration.save(update_fields=["status", "funding", "updated_at"])
    return promote_waitlist(workshop, registration.organisation) if held else []
