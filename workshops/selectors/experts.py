"""Reads of the Customs Expert database: experts by area and language, and what they led."""

from django.db.models import QuerySet
from django.http import Http404

from core.permissions import require
from members.models import User
from workshops.models import ExpertProfile, Facilitation
from workshops.selectors.workshops import visible_workshops


def expert_search(
    *, user: User, area: int | None = None, language: str = ""
) -> QuerySet[ExpertProfile]:
    require(user, "workshops.view_experts")
    queryset = ExpertProfile.objects.select_related("user__organisation").prefetch_related("areas")
    if area:
        queryset = queryset.filter(areas=area)
    if language == "fr":
        queryset = queryset.filter(speaks_french=True)
    elif language == "en":
        queryset = queryset.filter(speaks_english=True)
    return queryset.order_by("user__name")


def expert_detail(*, user: User, pk: int) -> tuple[ExpertProfile, QuerySet[Facilitation]]:
    require(user, "workshops.view_experts")
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
