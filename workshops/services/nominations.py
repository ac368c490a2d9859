"""Answers to an administration's invitation: its focal points nominate delegates or decline.

Seats are counted under the workshop's row lock: the administration's quota less its holding
registrations and its named invitations not answered yet (people invited or nominated who have
not registered), so two focal points nominating at once never promise more than the quota.
"""

from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.permissions import require
from core.services.mail import email_queue
from members.models import Organisation, User
from workshops.models import Invitation, Registration, Workshop
from workshops.services.invitations import (
    check_open,
    invitation_link,
    new_nonce,
)
from workshops.services.planning import seats_for

OPEN_STATUSES = (Invitation.Status.PENDING, Invitation.Status.SENT)


@dataclass(frozen=True)
class Seats:
    quota: int
    registered: int
    nominated: int

    @property
    def left(self) -> int:
        return max(self.quota - self.registered - self.nominated, 0)


def administration_seats(*, workshop: Workshop, organisation: Organisation) -> Seats:
    registered = Registration.objects.filter(
        workshop=workshop, organisation=organisation, status__in=Registration.HOLDING
    ).count()
    nominated = (
        Invitation.objects.filter(
            workshop=workshop, organisation=organisation, status__in=OPEN_STATUSES
        )
        .exclude(name="")
        .count()
    )
    return Seats(seats_for(workshop, organisation), registered, nominated)


def _lock(workshop_id: int) -> Workshop:
    queryset = Workshop.objects.all()
    if settings.SEAT_LOCKS:
        queryset = queryset.select_for_update()
    return queryset.get(pk=workshop_id)


def _check_answerable(actor: User, invitation: Invitation) -> None:
    require(actor, "workshops.answer_invitation", invitation)
    if invitation.status == Invitation.Status.DECLINED:
        raise ServiceError(_("This invitation was declined on behalf of the administration."))


def _nominee_account(*, data: dict, organisation: Organisation) -> User:
    """The nominee's account; a new one has no password yet and a verified address, which
    the nomination proves."""
    email = data["email"]
    user = User.objects.filter(email__iexact=email).first()
    if user is not None:
        if user.organisation_id not in (None, organisation.pk):
            raise ServiceError(
                _("%(email)s belongs to another organisation: ask the Secretariat.")
                % {"email": email}
            )
        if user.organisation_id is None:
            user.organisation = organisation
            user.save(update_fields=["organisation"])
        return user
    user = User.objects.create_user(
        email,
        None,
        name=data["name"],
        organisation=organisation,
        position=data.get("position", ""),
        seniority=data.get("seniority", ""),
        gender=data.get("gender", ""),
        preferred_language=organisation.preferred_language,
    )
    EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user


def _check_nominees(workshop: Workshop, nominees: list[dict], seats: Seats) -> None:
    if not nominees:
        raise ServiceError(_("Give at least one delegate to nominate."))
    emails = [nominee["email"] for nominee in nominees]
    if len(set(emails)) != len(emails):
        raise ServiceError(_("The same e-mail address is given twice."))
    if len(nominees) > seats.left:
        raise ServiceError(
            _("Your administration has %(left)d seat(s) left: nominate at most %(left)d.")
            % {"left": seats.left}
        )
    invited = workshop.invitations.filter(email__in=emails).values_list("email", flat=True)
    if invited:
        raise ServiceError(
            _("Already invited to this workshop: %(emails)s") % {"emails": ", ".join(invited)}
        )
    registered = Registration.objects.filter(
        workshop=workshop, person__email__in=emails, status__in=Registration.ACTIVE
    ).values_list("person__email", flat=True)
    if registered:
        raise ServiceError(
            _("Already registered for this workshop: %(emails)s")
            % {"emails": ", ".join(registered)}
        )


@transaction.atomic
def invitation_nominate(
    *, actor: User, invitation: Invitation, nominees: list[dict]
) -> list[Invitation]:
    """Nominate delegates of the invited administration, within its seats left.

    Each nominee gets an account if they have none (no password, address verified), a named
    invitation of their own and an e-mail ("nomination") with its link, to complete their
    registration. Raises ServiceError, creating nothing, when over the seats, a nominee is
    already invited or belongs to another organisation, or the workshop no longer takes answers.
    """
    workshop = _lock(invitation.workshop_id)
    invitation = Invitation.objects.select_related("organisation").get(pk=invitation.pk)
    check_open(workshop)
    _check_answerable(actor, invitation)
    organisation = invitation.organisation
    nominees = [{**nominee, "email": nominee["email"].strip().lower()} for nominee in nominees]
    _check_nominees(
        workshop, nominees, administration_seats(workshop=workshop, organisation=organisation)
    )
    created = []
    for nominee in nominees:
        person = _nominee_account(data=nominee, organisation=organisation)
        named = Invitation.objects.create(
            workshop=workshop,
            organisation=organisation,
            name=person.name or nominee["name"],
            email=person.email,
            language=person.preferred_language,
            nonce=new_nonce(),
            status=Invitation.Status.SENT,
            created_by=actor,
        )
        named.outgoing_email = email_queue(
            to=person.email,
            template="nomination",
            context={
                "invitation": named,
                "workshop": workshop,
                "organisation": organisation,
                "person": person,
                "nominated_by": actor,
                "link": invitation_link(named),
                "site_url": settings.SITE_URL,
            },
            language=named.language,
            user=person,
        )
        named.save(update_fields=["outgoing_email"])
        created.append(named)
    Invitation.objects.filter(pk=invitation.pk, status__in=OPEN_STATUSES).update(
        status=Invitation.Status.ANSWERED, answered_at=timezone.now()
    )
    return created


@transaction.atomic
def invitation_decline(*, actor: User, invitation: Invitation) -> Invitation:
    """A focal point declines on behalf of the administration: no reminder follows.
    Refused once the administration has nominated someone."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    check_open(invitation.workshop)
    _check_answerable(actor, invitation)
    if invitation.status == Invitation.Status.ANSWERED:
        raise ServiceError(_("Your administration has already nominated delegates."))
    invitation.status = Invitation.Status.DECLINED
    invitation.answered_at = timezone.now()
    invitation.save(update_fields=["status", "answered_at"])
    return invitation
