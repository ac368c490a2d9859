"""Reads of the members app. Each takes the acting user and decides what they may see."""

from dataclasses import dataclass, field

from django.contrib.auth.models import AnonymousUser
from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from members.models import (
    DonorContact,
    FocalPoint,
    Organisation,
    TradeAgreementParty,
    User,
)


@dataclass(frozen=True)
class Roles:
    secretariat: bool = False
    focal_point_of: list[Organisation] = field(default_factory=list)
    donor_contact_of: list[Organisation] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        names = ["delegate"]
        if self.focal_point_of:
            names.append("focal_point")
        if self.donor_contact_of:
            names.append("donor")
        if self.secretariat:
            names.append("secretariat")
        return names


def user_roles(*, user: User | AnonymousUser) -> Roles:
    if not user.is_authenticated:
        return Roles()
    links = list(
        Organisation.objects.filter(Q(focal_points__user=user) | Q(donor_contacts__user=user))
        .annotate(
            is_focal=Count("focal_points", filter=Q(focal_points__user=user)),
            is_donor=Count("donor_contacts", filter=Q(donor_contacts__user=user)),
        )
        .order_by("name")
    )
    return Roles(
        secretariat=user.is_secretariat,
        focal_point_of=[org for org in links if org.is_focal],
        donor_contact_of=[org for org in links if org.is_donor],
    )


def request_roles(request) -> Roles:
    """The roles of the request's user, read once per request: the navigation and every app's
    dashboard cards ask for them."""
    if not hasattr(request, "_roles"):
        request._roles = user_roles(user=request.user)
    return request._roles


def _require_signed_in(user) -> None:
    if not user.is_authenticated:
        raise Http404


def _require_secretariat(user) -> None:
    if not (user.is_authenticated and user.is_secretariat):
        raise Http404


DIRECTORY_FILTERS = {
    "wto": Q(is_wto_member=True),
    "pacer": Q(trade_agreements__agreement__code="pacer-plus", trade_agreements__status="party"),
    "french": Q(languages__icontains="French"),
}


def member_directory(*, user: User, filters: list[str], search: str = "") -> QuerySet[Organisation]:
    """The member administrations (and former members when asked), for signed-in people."""
    _require_signed_in(user)
    queryset = Organisation.objects.filter(kind=Organisation.Kind.CUSTOMS)
    queryset = queryset.filter(
        oco_status__in=["member", "former"] if "former" in filters else ["member"]
    )
    for name in filters:
        if name in DIRECTORY_FILTERS:
            queryset = queryset.filter(DIRECTORY_FILTERS[name])
    if search:
        queryset = queryset.filter(Q(name__icontains=search) | Q(country_iso2__iexact=search))
    return (
        queryset.annotate(people_count=Count("people", filter=Q(people__is_active=True)))
        .prefetch_related(
            Prefetch(
                "trade_agreements",
                queryset=TradeAgreementParty.objects.select_related("agreement"),
            )
        )
        .order_by("name")
        .distinct()
    )


def organisation_detail(*, user: User, slug: str) -> Organisation:
    _require_signed_in(user)
    queryset = Organisation.objects.prefetch_related(
        Prefetch(
            "trade_agreements", queryset=TradeAgreementParty.objects.select_related("agreement")
        )
    )
    try:
        return queryset.get(slug=slug)
    except Organisation.DoesNotExist:
        raise Http404 from None


def organisation_people(*, user: User, organisation: Organisation) -> QuerySet[User]:
    _require_signed_in(user)
    return (
        User.objects.filter(organisation=organisation, is_active=True)
        .annotate(
            is_focal_point=Count("focal_points", filter=Q(focal_points__organisation=organisation))
        )
        .order_by("name")
    )


def people_list(*, user: User, search: str = "", role: str = "") -> QuerySet[User]:
    _require_secretariat(user)
    queryset = User.objects.select_related("organisation")
    if search:
        queryset = queryset.filter(
            Q(name__icontains=search)
            | Q(email__icontains=search)
            | Q(organisation__name__icontains=search)
        )
    if role == "secretariat":
        queryset = queryset.filter(is_secretariat=True)
    elif role == "focal_point":
        queryset = queryset.filter(focal_points__isnull=False)
    elif role == "donor":
        queryset = queryset.filter(donor_contacts__isnull=False)
    return queryset.annotate(
        focal_count=Count("focal_points", distinct=True),
        donor_count=Count("donor_contacts", distinct=True),
    ).order_by("name")


def person_for_secretariat(*, user: User, person_id: int) -> User:
    _require_secretariat(user)
    try:
        return User.objects.select_related("organisation").get(pk=person_id)
    except User.DoesNotExist:
        raise Http404 from None


def person_links(*, person: User) -> tuple[list[int], list[int]]:
    return (
        list(FocalPoint.objects.filter(user=person).values_list("organisation_id", flat=True)),
        list(DonorContact.objects.filter(user=person).values_list("organisation_id", flat=True)),
    )
