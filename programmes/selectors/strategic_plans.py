"""Reads of the programmes app. The Strategic Plan is for signed-in people."""

from dataclasses import dataclass

from django.db.models import Prefetch, QuerySet
from django.http import Http404

from core.permissions import require
from members.models import User
from programmes.models import Activity, Objective, Priority, StrategicPlan
from workshops.selectors import visible_workshops

DONE_WEIGHT = {Activity.Status.DONE: 1.0, Activity.Status.IN_PROGRESS: 0.5}


@dataclass(frozen=True)
class Progress:
    activities: int
    done: int
    in_progress: int
    percent: int


def progress_of(activities: list[Activity]) -> Progress:
    """Done counts whole, in progress half; deferred and planned count nothing."""
    counted = [a for a in activities if a.status != Activity.Status.DEFERRED]
    score = sum(DONE_WEIGHT.get(a.status, 0.0) for a in counted)
    return Progress(
        activities=len(activities),
        done=sum(a.status == Activity.Status.DONE for a in activities),
        in_progress=sum(a.status == Activity.Status.IN_PROGRESS for a in activities),
        percent=round(100 * score / len(counted)) if counted else 0,
    )


def plan_list(*, user: User) -> QuerySet[StrategicPlan]:
    require(user, "programmes.view_programmes")
    return StrategicPlan.objects.all()


def plan_tree(*, user: User, slug: str) -> StrategicPlan:
    """The plan with priorities, objectives and activities (and their workshops), with a
    progress figure on each priority and objective; five queries whatever its size."""
    require(user, "programmes.view_programmes")
    activities = Activity.objects.select_related("lead").prefetch_related(
        Prefetch("workshops", queryset=visible_workshops(user=user).order_by("start_date"))
    )
    objectives = Objective.objects.prefetch_related(Prefetch("activities", queryset=activities))
    priorities = Priority.objects.prefetch_related(Prefetch("objectives", queryset=objectives))
    try:
        plan = StrategicPlan.objects.prefetch_related(
            Prefetch("priorities", queryset=priorities)
        ).get(slug=slug)
    except StrategicPlan.DoesNotExist:
        raise Http404 from None
    for priority in plan.priorities.all():
        every = []
        for objective in priority.objectives.all():
            objective.progress = progress_of(list(objective.activities.all()))
            every.extend(objective.activities.all())
        priority.progress = progress_of(every)
    return plan


def activity_detail(*, user: User, pk: int) -> Activity:
    require(user, "programmes.view_programmes")
    queryset = Activity.objects.select_related(
        "objective__priority__plan", "lead"
    ).prefetch_related(
        Prefetch("workshops", queryset=visible_workshops(user=user).order_by("-start_date")),
        "updates__author",
        "agreements",
    )
    try:
        return queryset.get(pk=pk)
    except Activity.DoesNotExist:
        raise Http404 from None
