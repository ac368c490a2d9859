"""Seats of a workshop: the row lock every seat decision takes, who holds a seat, the waiting
list and its promotions, and the notices a registrant gets.

Every decision that depends on how many seats are taken runs in one transaction that first
locks the workshop row, then (when a funding is involved) the funding row: always in that
order, so two decisions never wait on each other. A submitted registration holds its seat
until the Secretariat decides; those beyond the room are waitlisted, and when a seat frees the
first waitlisted person of the same administration is promoted and told by e-mail.
"""

from django.conf import settings

from core.services.mail import email_queue
from members.models import Organisation
from workshops.models import Registration, Workshop
from workshops.services.planning import seats_for


def lock_workshop(workshop_id: int) -> Workshop:
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


def tell(registration: Registration, template: str, *, attachments=None, **extra) -> None:
    """E-mail the registrant (`templates/emails/<template>/`) in their language."""
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


def promote_waitlist(workshop: Workshop, organisation: Organisation) -> list[Registration]:
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
            tell(registration, "registration_promoted")
            promoted.append(registration)
    return promoted
