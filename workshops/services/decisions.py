"""The Secretariat's decisions on registrations: approve, waitlist, decline, assign funding.
An approval or a change of funding (re)builds the visa letter a registration needs.

Each locks the workshop row (and then the funding row) before counting seats: see
workshops.services.seats.
"""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.permissions import require
from members.models import Organisation, User
from workshops.ical import workshop_calendar
from workshops.models import Funding, Registration, Workshop
from workshops.services.seats import has_seat, lock_workshop, promote_waitlist, tell, waitlist_place
from workshops.services.visa_letters import visa_letter_request


def _decidable(workshop_id: int, registration_id: int) -> tuple[Workshop, Registration]:
    workshop = lock_workshop(workshop_id)
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
    require(actor, "workshops.decide_registration")
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
    tell(registration, "registration_approved", attachments=[calendar])
    visa_letter_request(registration=registration)
    return registration


@transaction.atomic
def registration_waitlist(*, actor: User, registration: Registration) -> Registration:
    """Move a registration to the end of the waitlist; its seat goes to the next in line."""
    require(actor, "workshops.decide_registration")
    workshop, registration = _decidable(registration.workshop_id, registration.pk)
    if registration.status not in Registration.HOLDING:
        raise ServiceError(_("Only a submitted or approved registration can be waitlisted."))
    _decided(registration, actor, Registration.Status.WAITLISTED)
    registration.waitlisted_at = timezone.now()
    registration.funding = None
    registration.save()
    tell(registration, "registration_waitlisted", place=waitlist_place(registration))
    promote_waitlist(workshop, registration.organisation)
    return registration


@transaction.atomic
def registration_decline(*, actor: User, registration: Registration, reason: str) -> Registration:
    """Decline with a reason, which the delegate is told. A held seat goes to the waitlist."""
    require(actor, "workshops.decide_registration")
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
    tell(registration, "registration_declined", reason=registration.decline_reason)
    if held:
        promote_waitlist(workshop, registration.organisation)
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
    require(actor, "workshops.decide_registration")
    workshop, registration = _decidable(registration.workshop_id, registration.pk)
    if funding is None:
        registration.funding = None
        registration.save(update_fields=["funding", "updated_at"])
        visa_letter_request(registration=registration)
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
    visa_letter_request(registration=registration)
    return registration
