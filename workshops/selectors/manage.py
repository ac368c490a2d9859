"""Reads for the Secretariat's workshop pages: lists, one workshop with its planning, seats."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from core.permissions import require
from members.models import Organisation, User
from workshops.models import Facilitation, Funding, Registration, Session, Workshop


def manage_list(*, user: User, status: str = "", search: str = "") -> QuerySet[Workshop]:
    require(user, "workshops.manage_workshops")
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
    require(user, "workshops.manage_workshops")
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
    require(user, "workshops.manage_workshops")
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


def manage_funding(*, user: User, funding_id: int) -> Funding:
    require(user, "workshops.manage_workshops")
    queryset = Funding.objects.select_related("workshop", "funder").prefetch_related(
        "eligible_organisations"
    )
    try:
        return queryset.get(pk=funding_id)
    except Funding.DoesNotExist:
        raise Http404 from None


def manage_facilitation(*, user: User, facilitation_id: int) -> Facilitation:
    """A facilitation with how many sessions it leads (removing it takes it off them)."""
    require(user, "workshops.manage_workshops")
    queryset = Facilitation.objects.select_related("workshop", "organisation", "person").annotate(
        session_count=Count("sessions")
    )
    try:
        return queryset.get(pk=facilitation_id)
    except Facilitation.DoesNotExist:
        raise Http404 from None


def manage_session(*, user: User, session_id: int) -> Session:
    require(user, "workshops.manage_workshops")
    queryset = Session.objects.select_related("workshop").prefetch_related("facilitators")
    try:
        return queryset.get(pk=session_id)
    except Session.DoesNotExist:
        raise Http404 from None
