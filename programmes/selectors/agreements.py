"""Reads of agreements (MoUs), for signed-in people."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from core.permissions import require
from members.models import User
from programmes.models import Activity, Agreement
from workshops.selectors import visible_workshops


def agreement_list(*, user: User) -> QuerySet[Agreement]:
    require(user, "programmes.view_programmes")
    return Agreement.objects.prefetch_related("parties")


def agreement_detail(*, user: User, pk: int) -> Agreement:
    require(user, "programmes.view_programmes")
    queryset = Agreement.objects.prefetch_related(
        "parties",
        Prefetch(
            "activities", queryset=Activity.objects.select_related("objective__priority__plan")
        ),
        Prefetch("workshops", queryset=visible_workshops(user=user).order_by("start_date")),
    )
    try:
        return queryset.get(pk=pk)
    except Agreement.DoesNotExist:
        raise Http404 from None
