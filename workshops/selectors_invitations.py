"""Reads of invitations. Each takes the acting user and decides what they may see."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from members.models import OutgoingEmail, User
from workshops.models import Invitation, Registration, Workshop
from workshops.selectors import manage_workshop, require_secretariat

EMAIL = OutgoingEmail.Status


def open_workshop_to_invite(*, user: User, pk: int) -> Workshop:
    """Invitations go out for an open workshop only: 404 for any other."""
    workshop = manage_workshop(user=user, pk=pk)
    if workshop.status != Workshop.Status.OPEN:
        raise Http404
    return workshop


def invitation_list(*, user: User, workshop: Workshop) -> QuerySet[Invitation]:
    require_secretariat(user)
    return workshop.invitations.select_related("organisation", "outgoing_email").order_by(
        "organisation__name", "name", "email"
    )


def invitation_counts(*, user: User, workshop: Workshop) -> dict[str, int]:
    """How many invitations wait to be sent, and where their e-mails are: one query."""
    require_secretariat(user)
    pending = Invitation.Status.PENDING
    counts = workshop.invitations.aggregate(
        total=Count("pk"),
        not_sent=Count("pk", filter=Q(status=pending)),
        queued=Count("pk", filter=Q(outgoing_email__status=EMAIL.QUEUED)),
        sending=Count("pk", filter=Q(outgoing_email__status=EMAIL.SENDING)),
        sent=Count("pk", filter=Q(outgoing_email__status=EMAIL.SENT)),
        failed=Count("pk", filter=Q(outgoing_email__status=EMAIL.FAILED)),
        answered=Count("pk", filter=Q(status=Invitation.Status.ANSWERED)),
        declined=Count("pk", filter=Q(status=Invitation.Status.DECLINED)),
    )
    counts["busy"] = counts["not_sent"] + counts["queued"] + counts["sending"]
    return counts


def registration_of(*, user: User, workshop: Workshop) -> Registration | None:
    if not user.is_authenticated:
        return None
    return workshop.registrations.filter(person=user).first()
