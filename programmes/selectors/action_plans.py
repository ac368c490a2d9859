"""Reads of workshop action plans. Each takes the acting user and decides what they may see.

Who sees what: a workshop's plans (regional and national, draft or adopted) are open to every
signed-in person who can see the workshop, and to the focal points of an administration with a
national plan in it. Who edits what is decided by `may_edit_items` and `may_follow_up`.
"""

from dataclasses import dataclass, field
from itertools import groupby

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from core.permissions import may
from members.models import FocalPoint, Organisation, User
from programmes.models import ActionItem, ActionItemUpdate, ActionPlan
from workshops.models import Funding, Registration, Workshop
from workshops.selectors import visible_workshops


def may_edit_items(user: User, plan: ActionPlan) -> bool:
    """The Secretariat edits every plan's items, adopted or not; a focal point edits the items
    of their administration's national plan while it is a draft."""
    return may(user, "programmes.edit_action_items", plan)


def may_follow_up(user: User, plan: ActionPlan) -> bool:
    """Follow-up updates (with a new status): the Secretariat on every item, a focal point on
    the items of their administration's national plan, also after adoption."""
    return may(user, "programmes.follow_up_action_items", plan)


def visible_plans(*, user: User) -> QuerySet[ActionPlan]:
    if may(user, "programmes.manage_programmes"):
        return ActionPlan.objects.all()
    if not user.is_authenticated:
        return ActionPlan.objects.none()
    speaks_for = Exists(
        FocalPoint.objects.filter(user=user, organisation=OuterRef("administration"))
    )
    return ActionPlan.objects.filter(
        Q(workshop__in=visible_workshops(user=user))
        | (Q(level=ActionPlan.Level.NATIONAL) & speaks_for)
    )


def _workshop_for_plans(*, user: User, pk: int) -> Workshop:
    rule = Q(pk__in=visible_workshops(user=user).values("pk"))
    if user.is_authenticated:
        rule |= Q(action_plans__administration__focal_points__user=user)
    workshop = Workshop.objects.filter(rule, pk=pk).first() if user.is_authenticated else None
    if workshop is None:
        raise Http404
    return workshop


@dataclass
class WorkshopPlans:
    workshop: Workshop
    regional: ActionPlan | None
    national: list[ActionPlan]
    # Administrations with approved participants and no national plan yet, that this user
    # may start one for (all for the Secretariat, their own for a focal point).
    may_start: list[Organisation] = field(default_factory=list)


def workshop_plans(*, user: User, workshop_pk: int) -> WorkshopPlans:
    """The plans of a workshop with their item counts (three queries, whatever the count)."""
    workshop = _workshop_for_plans(user=user, pk=workshop_pk)
    today = timezone.localdate()
    plans = list(
        ActionPlan.objects.filter(workshop=workshop)
        .select_related("administration")
        .annotate(
            item_count=Count("items"),
            overdue_count=Count(
                "items", filter=Q(items__end_date__lt=today, items__status__in=ActionItem.OPEN)
            ),
        )
        .order_by("administration__name")
    )
    regional = next((p for p in plans if p.level == ActionPlan.Level.REGIONAL), None)
    national = [p for p in plans if p.level == ActionPlan.Level.NATIONAL]
    candidates = Organisation.objects.filter(
        Exists(
            Registration.objects.filter(
                workshop=workshop, organisation=OuterRef("pk"), status=Registration.Status.APPROVED
            )
        )
    ).exclude(pk__in=[p.administration_id for p in national])
    if not may(user, "programmes.manage_programmes"):
        candidates = candidates.filter(focal_points__user=user) if user.is_authenticated else []
    return WorkshopPlans(workshop, regional, national, list(candidates.order_by("name")))


def plan_for_user(*, user: User, pk: int) -> ActionPlan:
    plan = (
        visible_plans(user=user)
        .select_related("workshop", "administration", "adopted_by")
        .filter(pk=pk)
        .first()
    )
    if plan is None:
        raise Http404
    return plan


@dataclass
class ItemGroup:
    article: int | None
    article_title: str
    items: list[ActionItem]

    @property
    def heading(self) -> str:
        # Translated when shown, so that a PDF built in French has French headings.
        if self.article is None:
            return _("Other actions (no WTO TFA measure)")
        return _("Article %(number)s: %(title)s") % {
            "number": self.article,
            "title": self.article_title,
        }


@dataclass
class NationalSection:
    plan: ActionPlan
    groups: list[ItemGroup]


@dataclass
class PlanView:
    plan: ActionPlan
    groups: list[ItemGroup]
    national: list[NationalSection] = field(default_factory=list)
    funders: list[Organisation] = field(default_factory=list)

    @property
    def item_count(self) -> int:
        return sum(len(g.items) for g in self.groups) + sum(
            len(g.items) for section in self.national for g in section.groups
        )


def _items() -> QuerySet[ActionItem]:
    return (
        ActionItem.objects.select_related("tfa_measure", "responsible", "plan__administration")
        .prefetch_related(
            Prefetch("updates", queryset=ActionItemUpdate.objects.select_related("author"))
        )
        .order_by("position", "id")
    )


def _article_key(item: ActionItem) -> int | None:
    return item.tfa_measure.article if item.tfa_measure else None


def group_by_article(items: list[ActionItem]) -> list[ItemGroup]:
    """Items under "Article n: title" headings, in article order; those without a measure last."""
    items = sorted(
        items,
        key=lambda i: (
            _article_key(i) is None,
            _article_key(i) or 0,
            i.tfa_measure.position if i.tfa_measure else 0,
        ),
    )
    groups = []
    for article, members in groupby(items, key=_article_key):
        members = list(members)
        title = members[0].tfa_measure.article_title if article is not None else ""
        groups.append(ItemGroup(article, title, members))
    return groups


def _plan_view(plan: ActionPlan, *, with_funders: bool = False) -> PlanView:
    view = PlanView(plan, group_by_article(list(_items().filter(plan=plan))))
    if plan.is_regional:
        national = list(_items().filter(plan__workshop_id=plan.workshop_id, plan__level="national"))
        national.sort(key=lambda i: i.plan.administration.name)
        for _plan_id, members in groupby(national, key=lambda i: i.plan_id):
            members = list(members)
            view.national.append(NationalSection(members[0].plan, group_by_article(members)))
    if with_funders:
        view.funders = [
            f.funder
            for f in Funding.objects.filter(workshop_id=plan.workshop_id).select_related("funder")
        ]
    return view


def plan_detail(*, user: User, pk: int) -> PlanView:
    """One plan with its items grouped by WTO TFA article; a regional plan also carries the
    national items of the workshop, grouped by administration. Query count is constant."""
    return _plan_view(plan_for_user(user=user, pk=pk))


def plan_document(*, plan_id: int) -> PlanView | None:
    """What the PDF shows (no user: the task builds one file that every reader downloads)."""
    plan = (
        ActionPlan.objects.select_related("workshop", "administration", "adopted_by")
        .filter(pk=plan_id)
        .first()
    )
    return _plan_view(plan, with_funders=True) if plan else None


def item_for_user(*, user: User, pk: int, purpose: str) -> ActionItem:
    """An item the user may edit (`purpose="edit"`) or follow up (`"follow-up"`), else 404."""
    item = (
        ActionItem.objects.filter(plan__in=visible_plans(user=user), pk=pk)
        .select_related("plan__workshop", "plan__administration", "tfa_measure", "responsible")
        .first()
    )
    allowed = may_edit_items if purpose == "edit" else may_follow_up
    if item is None or not allowed(user, item.plan):
        raise Http404
    return item


@dataclass
class OverdueGroup:
    label: str
    administration: Organisation | None
    items: list[ActionItem]


def overdue_items(*, user: User) -> list[OverdueGroup]:
    """Items past their end date and still planned or in progress, per administration (the
    regional items first): all for the Secretariat, their administrations' for a focal point."""
    if not user.is_authenticated:
        raise Http404
    items = ActionItem.objects.filter(
        end_date__lt=timezone.localdate(), status__in=ActionItem.OPEN
    ).select_related("plan__workshop", "plan__administration", "tfa_measure", "responsible")
    if not may(user, "programmes.manage_programmes"):
        if not FocalPoint.objects.filter(user=user).exists():
            raise Http404
        items = items.filter(
            plan__level=ActionPlan.Level.NATIONAL, plan__administration__focal_points__user=user
        )
    items = list(items.order_by("plan__administration__name", "end_date", "id"))
    groups: list[OverdueGroup] = []
    for administration, members in groupby(items, key=lambda i: i.plan.administration):
        label = administration.name if administration else _("Regional (OCO Secretariat)")
        groups.append(OverdueGroup(label, administration, list(members)))
    groups.sort(key=lambda g: g.administration is not None)
    return groups


def my_national_plans(*, user: User) -> list[ActionPlan]:
    """The national plans of the administrations this person is focal point of."""
    if not user.is_authenticated:
        return []
    return list(
        ActionPlan.objects.filter(
            level=ActionPlan.Level.NATIONAL, administration__focal_points__user=user
        )
        .select_related("workshop", "administration")
        .order_by("-workshop__start_date", "administration__name")
    )
