"""Reads of the ground floor: the outbox, for those who may see it."""

from django.db.models import Count, Q, QuerySet
from django.http import Http404

from core.models import OutgoingEmail
from core.permissions import require


def outbox_list(*, user, status: str = "", search: str = "") -> QuerySet[OutgoingEmail]:
    require(user, "core.view_outbox")
    queryset = OutgoingEmail.objects.defer("body_text", "body_html")
    if status in OutgoingEmail.Status.values:
        queryset = queryset.filter(status=status)
    if search:
        queryset = queryset.filter(Q(recipient__icontains=search) | Q(subject__icontains=search))
    return queryset


def outbox_counts(*, user) -> dict[str, int]:
    require(user, "core.view_outbox")
    rows = OutgoingEmail.objects.values("status").annotate(n=Count("id"))
    counts = dict.fromkeys(OutgoingEmail.Status.values, 0)
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def outbox_email(*, user, email_id: int) -> OutgoingEmail:
    require(user, "core.view_outbox")
    try:
        return OutgoingEmail.objects.get(pk=email_id)
    except OutgoingEmail.DoesNotExist:
        raise Http404 from None
