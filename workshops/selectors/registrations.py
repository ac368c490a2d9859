"""Reads about registrations: what each role sees of them (a delegate their own, a focal point
their administration's, a facilitator their workshop's participants, the Secretariat all)."""

from django.db.models import (
    Case,
    Count,
    IntegerField,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    When,
)
from django.db.models.functions import Coalesce
from django.http import Http404

from core.errors import ServiceError
from core.permissions import may, require
from members.models import Organisation, User
from workshops.models import (
    Facilitation,
    Invitation,
    Registration,
    Workshop,
)
from workshops.selectors.workshops import visible_workshops
from workshops.services.invitations import invitation_from_token


def _with_waitlist_place(queryset: QuerySet[Registration]) -> QuerySet[Registration]:
    """Annotate `place`: 1 for the first waitlisted of its administration, in one query."""
    earlier = (
        Registration.objects.filter(
            workshop=OuterRef("workshop"),
            organisation=OuterRef("organisation"),
            status=Registration.Status.WAITLISTED,
            waitlisted_at__lt=OuterRef("waitlisted_at"),
        )
        .order_by()
        .values("workshop")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return queryset.annotate(
        place=Case(
            When(
                status=Registration.Status.WAITLISTED,
                then=Coalesce(Subquery(earlier, output_field=IntegerField()), 0) + 1,
            ),
            default=None,
            output_field=IntegerField(),
        )
    )


def my_registrations(*, user: User) -> QuerySet[Registration]:
    """The person's own registrations, the latest workshops first."""
    if not user.is_authenticated:
        return Registration.objects.none()
    queryset = Registration.objects.filter(person=user).select_related("workshop", "funding")
    return _with_waitlist_place(queryset).order_by("-workshop__start_date", "-id")


def registration_workshop(*, user: User, slug: str) -> Workshop:
    """A workshop one may register for: announced and visible to the person."""
    try:
        return visible_workshops(user=user).exclude(status=Workshop.Status.DRAFT).get(slug=slug)
    except Workshop.DoesNotExist:
        raise Http404 from None


def registration_target(*, user: User, slug: str, token: str) -> tuple[Workshop, Invitation | None]:
    """The workshop a registration form is for, and the invitation its link stands for when
    that link is valid, for this workshop and addressed to this person (a forwarded link opens
    nothing). Without a valid invitation the workshop must be one the person may see."""
    invitation = None
    if token:
        try:
            invitation = invitation_from_token(token)
        except ServiceError:
            invitation = None
    if invitation and (
        invitation.workshop.slug != slug or invitation.email.lower() != user.email.lower()
    ):
        invitation = None
    if invitation:
        return invitation.workshop, invitation
    return registration_workshop(user=user, slug=slug), None


def own_registration(*, user: User, slug: str) -> Registration:
    """The person's registration for a workshop (any status), or 404."""
    if not user.is_authenticated:
        raise Http404
    queryset = _with_waitlist_place(
        Registration.objects.filter(person=user, workshop__slug=slug).select_related(
            "workshop", "organisation", "funding__funder"
        )
    )
    try:
        return queryset.get()
    except Registration.DoesNotExist:
        raise Http404 from None


def focal_point_registrations(
    *, user: User, slug: str
) -> tuple[Workshop, list[Organisation], QuerySet[Registration]]:
    """Registrations of the administrations the person is focal point of, for one workshop."""
    if not user.is_authenticated:
        raise Http404
    organisations = list(Organisation.objects.filter(focal_points__user=user).order_by("name"))
    if not organisations:
        raise Http404
    try:
        workshop = Workshop.objects.exclude(status=Workshop.Status.DRAFT).get(slug=slug)
    except Workshop.DoesNotExist:
        raise Http404 from None
    queryset = Registration.objects.filter(
        workshop=workshop, organisation__in=organisations
    ).select_related("person", "organisation")
    return (
        workshop,
        organisations,
        _with_waitlist_place(queryset).order_by("organisation__name", "person__name", "id"),
    )


def facilitator_participants(*, user: User, slug: str) -> tuple[Workshop, list[dict]]:
    """For a facilitator of the workshop: names, administrations and positions of the approved
    participants, and nothing else (no contact, travel or visa data)."""
    if not user.is_authenticated:
        raise Http404
    workshop = Workshop.objects.filter(slug=slug, facilitations__person=user).first()
    if workshop is None:
        raise Http404
    rows = (
        Registration.objects.filter(workshop=workshop, status=Registration.Status.APPROVED)
        .order_by("organisation__name", "person__name")
        .values("person__name", "organisation__name", "position")
    )
    participants = [
        {
            "name": r["person__name"],
            "organisation": r["organisation__name"],
            "position": r["position"],
        }
        for r in rows
    ]
    return workshop, participants


PARTICIPANT_FUNDING_FILTERS = ("requested", "assigned", "none")


def participant_list(
    *,
    user: User,
    workshop: Workshop,
    status: str = "",
    organisation: int | None = None,
    funding: str = "",
    visa: str = "",
) -> QuerySet[Registration]:
    """The Secretariat's participant list of a workshop, filtered; a constant number of
    queries whatever the number of rows."""
    require(user, "workshops.manage_workshops")
    queryset = Registration.objects.filter(workshop=workshop).select_related(
        "person", "organisation", "funding__funder", "workshop"
    )
    if status in Registration.Status.values:
        queryset = queryset.filter(status=status)
    if organisation:
        queryset = queryset.filter(organisation_id=organisation)
    if funding == "requested":
        queryset = queryset.filter(funding_requested=True)
    elif funding == "assigned":
        queryset = queryset.filter(funding__isnull=False)
    elif funding == "none":
        queryset = queryset.filter(funding__isnull=True)
    elif funding.isdigit():
        queryset = queryset.filter(funding_id=int(funding))
    if visa == "yes":
        queryset = queryset.filter(visa_letter_needed=True)
    elif visa == "no":
        queryset = queryset.filter(visa_letter_needed=False)
    return _with_waitlist_place(queryset).order_by("organisation__name", "person__name", "id")


def participant_for_secretariat(*, user: User, workshop: Workshop, registration_id) -> Registration:
    require(user, "workshops.manage_workshops")
    try:
        return Registration.objects.select_related("person", "organisation").get(
            pk=registration_id, workshop=workshop
        )
    except (Registration.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def visa_letter_for_download(*, user: User, registration_id: int) -> Registration:
    """The registration whose letter the person may download: their own, or any for the
    Secretariat; only while approved and asking for a letter. 404 otherwise."""
    if not user.is_authenticated:
        raise Http404
    queryset = Registration.objects.select_related(
        "person", "organisation", "workshop", "funding__funder"
    ).filter(
        pk=registration_id,
        status=Registration.Status.APPROVED,
        visa_letter_needed=True,
    )
    if not may(user, "workshops.manage_workshops"):
        queryset = queryset.filter(person=user)
    try:
        return queryset.get()
    except Registration.DoesNotExist:
        raise Http404 from None


def my_role_workshops(*, user: User) -> dict[str, list[Workshop]]:
    """Announced workshops the person facilitates, and those where an administration they are
    focal point of is invited or registered: the dashboard links to their lists."""
    if not user.is_authenticated:
        return {"facilitating": [], "focal_point": []}
    announced = Workshop.objects.exclude(status=Workshop.Status.DRAFT).order_by(
        "-start_date", "title"
    )
    focal = Organisation.objects.filter(focal_points__user=user)
    facilitating = announced.filter(
        pk__in=Facilitation.objects.filter(person=user).values("workshop")
    )
    focal_point = announced.filter(
        Q(pk__in=Registration.objects.filter(organisation__in=focal).values("workshop"))
        | Q(invitations__organisation__in=focal)
    ).distinct()
    return {"facilitating": list(facilitating[:20]), "focal_point": list(focal_point[:20])}


def funding_holders(*, user: User, funding) -> dict[str, int]:
    """How many approved and submitted registrations have the funding assigned (they lose
    it if it is deleted): one query."""
    require(user, "workshops.manage_workshops")
    return Registration.objects.filter(funding=funding).aggregate(
        approved=Count("pk", filter=Q(status=Registration.Status.APPROVED)),
        submitted=Count("pk", filter=Q(status=Registration.Status.SUBMITTED)),
        total=Count("pk", filter=Q(status__in=Registration.HOLDING)),
    )
