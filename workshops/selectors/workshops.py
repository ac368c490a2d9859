"""Reads of the workshops app. Each takes the acting user and decides what they may see."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import (
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.http import Http404
from django.utils import timezone

from core.permissions import may, require
from members.models import User
from workshops.models import (
    Document,
    Facilitation,
    Funding,
    Registration,
    Session,
    Workshop,
)

LISTED = (
    Workshop.Status.OPEN,
    Workshop.Status.CLOSED,
    Workshop.Status.COMPLETED,
    Workshop.Status.CANCELLED,
)


def visible_workshops(*, user: User) -> QuerySet[Workshop]:
    """Public workshops once announced; for a signed-in person also those they take part in
    or fund; every workshop for the Secretariat."""
    if may(user, "workshops.manage_workshops"):
        return Workshop.objects.all()
    rule = Q(is_public=True, status__in=LISTED)
    if user.is_authenticated:
        # EXISTS on indexed columns, not joins: no duplicate rows, and cheap on large tables.
        takes_part = (
            Exists(Registration.objects.filter(workshop=OuterRef("pk"), person=user))
            | Exists(Facilitation.objects.filter(workshop=OuterRef("pk"), person=user))
            | Exists(
                Funding.objects.filter(workshop=OuterRef("pk"), funder__donor_contacts__user=user)
            )
        )
        rule |= Q(status__in=LISTED) & takes_part
    return Workshop.objects.filter(rule)


def _list_queryset(queryset: QuerySet[Workshop]) -> QuerySet[Workshop]:
    return queryset.select_related("host").prefetch_related(
        Prefetch("fundings", queryset=Funding.objects.select_related("funder"))
    )


def workshop_list(*, user: User, when: str) -> QuerySet[Workshop]:
    """Upcoming (not yet ended, soonest first) or past (most recent first) workshops."""
    today = timezone.localdate()
    queryset = _list_queryset(visible_workshops(user=user).exclude(status=Workshop.Status.DRAFT))
    if when == "past":
        return queryset.filter(end_date__lt=today).order_by("-start_date", "title")
    return queryset.filter(Q(end_date__gte=today) | Q(end_date__isnull=True)).order_by(
        "start_date", "title"
    )


def workshop_detail(*, user: User, slug: str) -> Workshop:
    queryset = (
        visible_workshops(user=user)
        .select_related("host")
        .prefetch_related(
            Prefetch("fundings", queryset=Funding.objects.select_related("funder")),
            Prefetch(
                "facilitations",
                queryset=Facilitation.objects.select_related("organisation", "person"),
            ),
            Prefetch(
                "sessions",
                queryset=Session.objects.prefetch_related(
                    Prefetch(
                        "facilitators",
                        queryset=Facilitation.objects.select_related("organisation", "person"),
                    )
                ),
            ),
        )
    )
    try:
        return queryset.get(slug=slug)
    except Workshop.DoesNotExist:
        raise Http404 from None


def can_see_participant_material(*, user: User, workshop: Workshop) -> bool:
    return may(user, "workshops.see_participant_material", workshop)


def workshop_documents(*, user: User, workshop: Workshop) -> QuerySet[Document]:
    allowed = [Document.Visibility.PUBLIC]
    if can_see_participant_material(user=user, workshop=workshop):
        allowed.append(Document.Visibility.PARTICIPANTS)
    if may(user, "workshops.manage_workshops"):
        allowed.append(Document.Visibility.SECRETARIAT)
    return workshop.documents.filter(visibility__in=allowed).order_by("title", "id")


def document_for_download(*, user: User, slug: str, document_id: int) -> Document:
    workshop = workshop_detail(user=user, slug=slug)
    try:
        return workshop_documents(user=user, workshop=workshop).get(pk=document_id)
    except Document.DoesNotExist:
        raise Http404 from None


def document_for_secretariat(*, user: User, document_id: int) -> Document:
    require(user, "workshops.manage_workshops")
    try:
        return Document.objects.select_related("workshop").get(pk=document_id)
    except Document.DoesNotExist:
        raise Http404 from None


def calendar_workshops(*, user: User) -> QuerySet[Workshop]:
    """Announced workshops with dates the user may see, upcoming and past, for the feed."""
    return (
        visible_workshops(user=user)
        .exclude(status=Workshop.Status.DRAFT)
        .filter(start_date__isnull=False, end_date__isnull=False)
        .order_by("start_date", "title")
    )


def funding_totals(workshop: Workshop) -> list[dict]:
    """Totals per currency of the (prefetched) fundings: amount, committed, disbursed, spent."""
    totals: dict[str, dict] = defaultdict(
        lambda: {key: Decimal(0) for key in ("amount", "committed", "disbursed", "spent")}
    )
    for funding in workshop.fundings.all():
        for key in ("amount", "committed", "disbursed", "spent"):
            totals[funding.currency][key] += getattr(funding, key)
    return [{"currency": currency, **values} for currency, values in sorted(totals.items())]
