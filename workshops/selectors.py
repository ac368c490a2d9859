"""Reads of the workshops app. Each takes the acting user and decides what they may see."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import (
    Count,
    Exists,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
)
from django.http import Http404
from django.utils import timezone

from members.models import ExpertProfile, Organisation, User
from workshops.models import (
    Document,
    Facilitation,
    Funding,
    Registration,
    SeatQuota,
    Session,
    Workshop,
)

LISTED = (
    Workshop.Status.OPEN,
    Workshop.Status.CLOSED,
    Workshop.Status.COMPLETED,
    Workshop.Status.CANCELLED,
)


def is_secretariat(user) -> bool:
    return bool(user.is_authenticated and user.is_secretariat)


def require_secretariat(user) -> None:
    if not is_secretariat(user):
        raise Http404


def visible_workshops(*, user: User) -> QuerySet[Workshop]:
    """Public workshops once announced; for a signed-in person also those they take part in
    or fund; every workshop for the Secretariat."""
    if is_secretariat(user):
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
    if is_secretariat(user):
        return True
    if not user.is_authenticated:
        return False
    return (
        workshop.registrations.filter(person=user, status=Registration.Status.APPROVED).exists()
        or workshop.facilitations.filter(person=user).exists()
    )


def workshop_documents(*, user: User, workshop: Workshop) -> QuerySet[Document]:
    allowed = [Document.Visibility.PUBLIC]
    if can_see_participant_material(user=user, workshop=workshop):
        allowed.append(Document.Visibility.PARTICIPANTS)
    if is_secretariat(user):
        allowed.append(Document.Visibility.SECRETARIAT)
    return workshop.documents.filter(visibility__in=allowed).order_by("title", "id")


def document_for_download(*, user: User, slug: str, document_id: int) -> Document:
    workshop = workshop_detail(user=user, slug=slug)
    try:
        return workshop_documents(user=user, workshop=workshop).get(pk=document_id)
    except Document.DoesNotExist:
        raise Http404 from None


def document_for_secretariat(*, user: User, document_id: int) -> Document:
    require_secretariat(user)
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


# --- Secretariat -----------------------------------------------------------------------------


def manage_list(*, user: User, status: str = "", search: str = "") -> QuerySet[Workshop]:
    require_secretariat(user)
    queryset = Workshop.objects.select_related("host").annotate(
        registration_count=Count(
            "registrations", filter=Q(registrations__status__in=Registration.ACTIVE)
        )
    )
    if status in Workshop.Status.values:
        queryset = queryset.filter(status=status)
    if search:
        queryset = queryset.filter(Q(title__icontains=search) | Q(city__icontains=search))
    return queryset.order_by("-start_date", "title")


def manage_workshop(*, user: User, pk: int) -> Workshop:
    require_secretariat(user)
    queryset = Workshop.objects.select_related("host", "cloned_from").prefetch_related(
        Prefetch(
            "fundings",
            queryset=Funding.objects.select_related("funder").prefetch_related(
                "eligible_organisations"
            ),
        ),
        Prefetch(
            "facilitations", queryset=Facilitation.objects.select_related("organisation", "person")
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
        "documents",
    )
    try:
        return queryset.get(pk=pk)
    except Workshop.DoesNotExist:
        raise Http404 from None


def seats_overview(*, user: User, workshop: Workshop) -> list[dict]:
    """Seats of every member administration at a glance: quota, approved, waitlisted."""
    require_secretariat(user)
    organisations = (
        Organisation.objects.filter(
            kind=Organisation.Kind.CUSTOMS, oco_status=Organisation.OcoStatus.MEMBER
        )
        .annotate(
            approved=Count(
                "registrations",
                filter=Q(
                    registrations__workshop=workshop,
                    registrations__status=Registration.Status.APPROVED,
                ),
            ),
            waiting=Count(
                "registrations",
                filter=Q(
                    registrations__workshop=workshop,
                    registrations__status=Registration.Status.WAITLISTED,
                ),
            ),
        )
        .order_by("name")
    )
    overrides = dict(workshop.seat_quotas.values_list("organisation_id", "seats"))
    return [
        {
            "organisation": organisation,
            "seats": overrides.get(organisation.pk, workshop.default_seats),
            "overridden": organisation.pk in overrides,
            "approved": organisation.approved,
            "waiting": organisation.waiting,
        }
        for organisation in organisations
    ]


def _changes(record, previous) -> list[tuple[str, str, str]]:
    if previous is None:
        return []
    changes = []
    for field in record.instance_type._meta.concrete_fields:
        name = field.attname
        if name in {"updated_at", "created_at"} or not hasattr(record, name):
            continue
        old, new = getattr(previous, name), getattr(record, name)
        if old != new:
            changes.append(
                (
                    str(field.verbose_name),
                    "" if old is None else str(old),
                    "" if new is None else str(new),
                )
            )
    return changes


def workshop_history(*, user: User, workshop: Workshop, limit: int = 200) -> list[dict]:
    """Who changed what, newest first: the workshop and everything planned around it.
    One query per kind of record, whatever the number of changes."""
    require_secretariat(user)
    sources = [
        Workshop.history.filter(id=workshop.pk),
        Funding.history.filter(workshop_id=workshop.pk),
        Facilitation.history.filter(workshop_id=workshop.pk),
        Session.history.filter(workshop_id=workshop.pk),
        Document.history.filter(workshop_id=workshop.pk),
        SeatQuota.history.filter(workshop_id=workshop.pk),
    ]
    entries = []
    for source in sources:
        records = list(
            source.select_related("history_user").order_by("history_date", "history_id")[:limit]
        )
        previous_by_object: dict[int, object] = {}
        for record in records:
            previous = previous_by_object.get(record.id)
            entries.append(
                {
                    "when": record.history_date,
                    "who": record.history_user,
                    "kind": record.instance_type._meta.verbose_name,
                    "object": str(record.instance),
                    "action": record.get_history_type_display(),
                    "changes": _changes(record, previous) if record.history_type == "~" else [],
                }
            )
            previous_by_object[record.id] = record
    entries.sort(key=lambda entry: entry["when"], reverse=True)
    return entries[:limit]


# --- Experts ---------------------------------------------------------------------------------


def expert_search(
    *, user: User, area: int | None = None, language: str = ""
) -> QuerySet[ExpertProfile]:
    if not user.is_authenticated:
        raise Http404
    queryset = ExpertProfile.objects.select_related("user__organisation").prefetch_related("areas")
    if area:
        queryset = queryset.filter(areas=area)
    if language == "fr":
        queryset = queryset.filter(speaks_french=True)
    elif language == "en":
        queryset = queryset.filter(speaks_english=True)
    return queryset.order_by("user__name")


def expert_detail(*, user: User, pk: int) -> tuple[ExpertProfile, QuerySet[Facilitation]]:
    if not user.is_authenticated:
        raise Http404
    try:
        profile = (
            ExpertProfile.objects.select_related("user__organisation")
            .prefetch_related("areas")
            .get(pk=pk)
        )
    except ExpertProfile.DoesNotExist:
        raise Http404 from None
    facilitations = (
        Facilitation.objects.filter(person=profile.user, workshop__in=visible_workshops(user=user))
        .select_related("workshop", "organisation")
        .order_by("-workshop__start_date")
    )
    return profile, facilitations


# --- Secretariat: what is planned around a workshop -----------------------------------------


def manage_funding(*, user: User, funding_id: int) -> Funding:
    require_secretariat(user)
    queryset = Funding.objects.select_related("workshop", "funder").prefetch_related(
        "eligible_organisations"
    )
    try:
        return queryset.get(pk=funding_id)
    except Funding.DoesNotExist:
        raise Http404 from None


def manage_facilitation(*, user: User, facilitation_id: int) -> Facilitation:
    """A facilitation with how many sessions it leads (removing it takes it off them)."""
    require_secretariat(user)
    queryset = Facilitation.objects.select_related("workshop", "organisation", "person").annotate(
        session_count=Count("sessions")
    )
    try:
        return queryset.get(pk=facilitation_id)
    except Facilitation.DoesNotExist:
        raise Http404 from None


def manage_session(*, user: User, session_id: int) -> Session:
    require_secretariat(user)
    queryset = Session.objects.select_related("workshop").prefetch_related("facilitators")
    try:
        return queryset.get(pk=session_id)
    except Session.DoesNotExist:
        raise Http404 from None
