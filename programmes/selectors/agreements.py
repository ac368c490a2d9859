"""Reads of agreements (MoUs), for signed-in people."""

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from members.models import User
from programmes.models import Activity, Agreement
from programmes.selectors.strategic_plans import require_signed_in
from workshops.selectors import visible_workshops


def agreement_list(*, user: User) -> QuerySet[Agreement]:
    require_signed_in(user)
    return Agreement.objects.prefetch_related("parties")


def agreement_detail(*, user: User, pk: int) -> Agreement:
    require_signed_in(user)
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
