"""Reads of invitations. Each takes the acting user and decides what they may see."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404
from django.utils import timezone

from core.models import OutgoingEmail
from core.permissions import require
from members.models import User
from workshops.models import Invitation, Registration, Workshop
from workshops.selectors.manage import manage_workshop

EMAIL = OutgoingEmail.Status


def open_workshop_to_invite(*, user: User, pk: int) -> Workshop:
    """Invitations go out for an open workshop only: 404 for any other."""
    workshop = manage_workshop(user=user, pk=pk)
    if workshop.status != Workshop.Status.OPEN:
        raise Http404
    return workshop


def invitation_list(*, user: User, workshop: Workshop) -> QuerySet[Invitation]:
    require(user, "workshops.manage_workshops")
    return workshop.invitations.select_related("organisation", "outgoing_email").order_by(
        "organisation__name", "name", "email"
    )


def invitation_counts(*, user: User, workshop: Workshop) -> dict[str, int]:
    """How many invitations wait to be sent, and where their e-mails are: one query."""
    require(user, "workshops.manage_workshops")
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


NOMINATED = (Invitation.Status.PENDING, Invitation.Status.SENT)


def focal_point_nominees(
    *, user: User, workshop: Workshop, organisations: list
) -> QuerySet[Invitation]:
    """People named for the focal point's administrations (nominated or invited by name) who
    have not registered yet: their invitation is answered when they do."""
    if not user.is_authenticated or not organisations:
        return Invitation.objects.none()
    return (
        Invitation.objects.filter(
            workshop=workshop, organisation__in=organisations, status__in=NOMINATED
        )
        .exclude(name="")
        .select_related("organisation", "created_by")
        .order_by("organisation__name", "name", "email")
    )


def focal_point_open_invitations(*, user: User) -> list[Invitation]:
    """Invitations of the administrations the person is focal point of that still take
    nominations (sent or answered, the workshop open and before its deadline): one per
    workshop and administration, the person's own first."""
    if not user.is_authenticated:
        return []
    now = timezone.now()
    queryset = (
        Invitation.objects.filter(
            organisation__focal_points__user=user,
            name="",
            status__in=(Invitation.Status.SENT, Invitation.Status.ANSWERED),
            workshop__status=Workshop.Status.OPEN,
        )
        .filter(
            Q(workshop__registration_deadline__isnull=True)
            | Q(workshop__registration_deadline__gte=now)
        )
        .select_related("workshop", "organisation")
        .order_by("workshop__start_date", "workshop__title", "organisation__name", "id")
    )
    chosen: dict[tuple[int, int], Invitation] = {}
    for invitation in queryset[:100]:
        key = (invitation.workshop_id, invitation.organisation_id)
        own = invitation.email.lower() == user.email.lower()
        if key not in chosen or own:
            chosen[key] = invitation
    return list(chosen.values())
