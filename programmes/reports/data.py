"""The data of a donor report, assembled in one place; every format is rendered from it.

A report is what one donor organisation funded: one workshop (a workshop report), the
workshops of a year (a funding report) or all of them (the dashboard). Each workshop is a
`WorkshopSection`: its participants (with the days they attended), facilitators, budget,
the Strategic Plan activities it serves, its evaluation results and its action plans. To add a
section, give `WorkshopSection` a field, fill it in `_section()`, add its table in `tables.py`
and its template under templates/programmes/report_*.html (included by report_workshop.html).
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from django.db.models import Avg, Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Organisation, User
from programmes.models import ActionItem, ActionPlan, Activity
from workshops.models import Evaluation, Facilitation, Funding, Registration, Workshop
from workshops.models.attendance import EVALUATION_QUESTIONS
from workshops.selectors.attendance import with_days_present

NOT_GIVEN = "not_given"


def sex_label(code: str) -> str:
    if code == NOT_GIVEN:
        return _("Not given")
    return str(dict(User.Gender.choices).get(code, code))


def seniority_label(code: str) -> str:
    if code == NOT_GIVEN:
        return _("Not given")
    return str(dict(User.Seniority.choices).get(code, code))


@dataclass(frozen=True)
class Participant:
    """What a donor report may say about a person: never contact, travel or visa data."""

    name: str
    administration: str
    position: str
    sex: str  # a code of User.Gender, or NOT_GIVEN
    seniority: str
    funded_by_donor: bool
    days_present: int = 0
    attended: bool = False  # reached the workshop's required share of days

    @property
    def sex_label(self) -> str:
        return sex_label(self.sex)

    @property
    def seniority_label(self) -> str:
        return seniority_label(self.seniority)


@dataclass(frozen=True)
class Facilitator:
    organisation: str
    person: str
    role: str


@dataclass(frozen=True)
class BudgetLine:
    workshop: str
    funder: str
    currency: str
    amount: Decimal
    committed: Decimal
    disbursed: Decimal
    spent: Decimal
    funded_seats: int
    seats_used: int
    covers: str


@dataclass(frozen=True)
class ActivityLine:
    plan: str
    priority: str
    title: str
    status: str
    workshops: tuple[str, ...]


@dataclass(frozen=True)
class EvaluationLine:
    question: str
    answers: int
    average: float | None


@dataclass(frozen=True)
class ActionLine:
    plan: str  # "Regional" or the administration's name
    plan_status: str
    action: str
    responsible: str
    start: dt.date
    end: dt.date
    tfa_measure: str
    status: str


@dataclass
class WorkshopSection:
    workshop: Workshop
    participants: list[Participant]
    facilitators: list[Facilitator]
    budget: list[BudgetLine]
    activities: list[ActivityLine]
    evaluation: list[EvaluationLine] = field(default_factory=list)
    evaluations: int = 0
    actions: list[ActionLine] = field(default_factory=list)

    @property
    def title(self) -> str:
        return self.workshop.display_title

    @property
    def days(self) -> int:
        start, end = self.workshop.start_date, self.workshop.end_date
        return (end - start).days + 1 if start and end else 0

    @property
    def attended(self) -> list[Participant]:
        return [p for p in self.participants if p.attended]

    @property
    def attendance_days(self) -> int:
        return sum(p.days_present for p in self.participants)

    @property
    def attendance_rate(self) -> int | None:
        """Share of participant-days present, in percent; None before anyone was checked in."""
        possible = self.days * len(self.participants)
        if not possible or not self.attendance_days:
            return None
        return round(100 * self.attendance_days / possible)

    @property
    def attended_by_sex(self) -> list[tuple[str, int]]:
        counts = Counter(p.sex for p in self.attended)
        return [(code, counts[code]) for code in [*User.Gender.values, NOT_GIVEN] if counts[code]]

    @property
    def attended_women(self) -> int:
        return sum(p.sex == User.Gender.FEMALE for p in self.attended)

    @property
    def attended_men(self) -> int:
        return sum(p.sex == User.Gender.MALE for p in self.attended)

    @property
    def seats_planned(self) -> int:
        return sum(line.funded_seats for line in self.budget)

    @property
    def seats_used(self) -> int:
        return sum(line.seats_used for line in self.budget)

    @cached_property
    def by_administration(self) -> list[tuple[str, int]]:
        counts = Counter(p.administration for p in self.participants)
        return sorted(counts.items(), key=lambda item: (-item[1], item[0]))

    @cached_property
    def by_sex(self) -> list[tuple[str, int]]:
        counts = Counter(p.sex for p in self.participants)
        order = [*User.Gender.values, NOT_GIVEN]
        return [(code, counts[code]) for code in order if counts[code]]

    @cached_property
    def by_seniority(self) -> list[tuple[str, int]]:
        counts = Counter(p.seniority for p in self.participants)
        order = [*User.Seniority.values, NOT_GIVEN]
        return [(code, counts[code]) for code in order if counts[code]]

    @property
    def sex_rows(self) -> list[tuple[str, int]]:
        return [(sex_label(code), count) for code, count in self.by_sex]

    @property
    def seniority_rows(self) -> list[tuple[str, int]]:
        return [(seniority_label(code), count) for code, count in self.by_seniority]

    def count_of_sex(self, code: str) -> int:
        return dict(self.by_sex).get(code, 0)

    @property
    def women(self) -> int:
        return self.count_of_sex(User.Gender.FEMALE)

    @property
    def men(self) -> int:
        return self.count_of_sex(User.Gender.MALE)

    @cached_property
    def charts(self) -> dict[str, str]:
        from programmes.reports import charts

        return charts.section_charts(self)


@dataclass
class DonorReport:
    kind: str  # "workshop", "funding" or "dashboard"
    donor: Organisation
    year: int | None
    sections: list[WorkshopSection]
    generated_at: dt.datetime = field(default_factory=timezone.now)

    @property
    def is_empty(self) -> bool:
        return not self.sections

    @property
    def budget(self) -> list[BudgetLine]:
        return [line for section in self.sections for line in section.budget]

    @property
    def activities(self) -> list[ActivityLine]:
        """Each Strategic Plan activity served, once, with the workshops of this report."""
        merged: dict[tuple, ActivityLine] = {}
        for section in self.sections:
            for line in section.activities:
                key = (line.plan, line.title)
                if key in merged:
                    line = replace(merged[key], workshops=merged[key].workshops + line.workshops)
                merged[key] = line
        return list(merged.values())

    @property
    def participants_total(self) -> int:
        return sum(len(section.participants) for section in self.sections)

    @property
    def totals(self) -> list[dict]:
        """Amount, committed, disbursed and spent summed per currency (never across them)."""
        sums: dict[str, dict] = {}
        for line in self.budget:
            row = sums.setdefault(
                line.currency,
                {
                    "currency": line.currency,
                    **dict.fromkeys(("amount", "committed", "disbursed", "spent"), Decimal(0)),
                },
            )
            for name in ("amount", "committed", "disbursed", "spent"):
                row[name] += getattr(line, name)
        return list(sums.values())

    @cached_property
    def budget_chart(self) -> str:
        from programmes.reports import charts

        return charts.budget_chart(self.budget)


def _approved() -> Prefetch:
    """Approved registrations with `days_present` and `workshop_days` (from attendance)."""
    return Prefetch(
        "registrations",
        queryset=with_days_present(
            Registration.objects.filter(status=Registration.Status.APPROVED)
            .select_related("person", "organisation", "funding")
            .order_by("organisation__name", "person__name")
        ),
        to_attr="approved_registrations",
    )


def _action_plans() -> Prefetch:
    items = ActionItem.objects.select_related("responsible", "tfa_measure").order_by(
        "position", "id"
    )
    return Prefetch(
        "action_plans",
        queryset=ActionPlan.objects.select_related("administration")
        .order_by("level", "administration__name")
        .prefetch_related(Prefetch("items", queryset=items)),
        to_attr="report_action_plans",
    )


def _evaluations(workshops: list[Workshop]) -> dict[int, dict]:
    """{workshop id: {"count": n, question: average}} for all the workshops in one query."""
    aggregates = {"count": Count("id")}
    aggregates.update({question: Avg(question) for question in EVALUATION_QUESTIONS})
    rows = (
        Evaluation.objects.filter(registration__workshop__in=[w.pk for w in workshops])
        .values("registration__workshop")
        .order_by()
        .annotate(**aggregates)
    )
    return {row.pop("registration__workshop"): row for row in rows}


def report_workshops(*, donor: Organisation, workshops: Q | None = None) -> list[Workshop]:
    """The workshops the donor funds (optionally narrowed), with what a report shows prefetched:
    a fixed number of queries whatever the number of workshops or participants."""
    queryset = (
        Workshop.objects.filter(fundings__funder=donor)
        .filter(workshops or Q())
        .distinct()
        .order_by("start_date", "title")
        .select_related("host")
        .prefetch_related(
            _approved(),
            Prefetch(
                "fundings",
                queryset=Funding.objects.filter(funder=donor).select_related("funder"),
                to_attr="donor_fundings",
            ),
            Prefetch(
                "facilitations",
                queryset=Facilitation.objects.select_related("organisation", "person"),
            ),
            Prefetch(
                "activities",
                queryset=Activity.objects.select_related("objective__priority__plan"),
            ),
            _action_plans(),
        )
    )
    workshops = list(queryset)
    evaluations = _evaluations(workshops) if workshops else {}
    for workshop in workshops:
        workshop.report_evaluation = evaluations.get(workshop.pk, {"count": 0})
    return workshops


def _participant(registration: Registration, donor: Organisation) -> Participant:
    person = registration.person
    return Participant(
        name=person.name,
        administration=registration.organisation.name,
        position=registration.position or person.position,
        sex=person.gender or NOT_GIVEN,
        seniority=registration.seniority or person.seniority or NOT_GIVEN,
        funded_by_donor=bool(registration.funding and registration.funding.funder_id == donor.pk),
        days_present=registration.days_present,
        attended=bool(
            registration.workshop_days
            and registration.days_present * 100
            >= registration.workshop_days * registration.workshop.attendance_share_required
        ),
    )


def _evaluation_lines(workshop: Workshop) -> list[EvaluationLine]:
    summary = workshop.report_evaluation
    if not summary["count"]:
        return []
    return [
        EvaluationLine(
            question=str(Evaluation._meta.get_field(question).verbose_name),
            answers=summary["count"],
            average=round(summary[question], 1) if summary[question] is not None else None,
        )
        for question in EVALUATION_QUESTIONS
    ]


def _action_lines(workshop: Workshop) -> list[ActionLine]:
    return [
        ActionLine(
            plan=plan.administration.name if plan.administration_id else _("Regional"),
            plan_status=str(plan.get_status_display()),
            action=item.action,
            responsible=item.responsible.name if item.responsible_id else "",
            start=item.start_date,
            end=item.end_date,
            tfa_measure=item.tfa_measure.code if item.tfa_measure_id else "",
            status=str(item.get_status_display()),
        )
        for plan in workshop.report_action_plans
        for item in plan.items.all()
    ]


def _section(workshop: Workshop, donor: Organisation) -> WorkshopSection:
    registrations = workshop.approved_registrations
    budget = [
        BudgetLine(
            workshop=workshop.display_title,
            funder=funding.funder.name,
            currency=funding.currency,
            amount=funding.amount,
            committed=funding.committed,
            disbursed=funding.disbursed,
            spent=funding.spent,
            funded_seats=funding.funded_seats,
            seats_used=sum(r.funding_id == funding.pk for r in registrations),
            covers=", ".join(funding.get_covers_display()),
        )
        for funding in workshop.donor_fundings
    ]
    activities = [
        ActivityLine(
            plan=activity.objective.priority.plan.name,
            priority=str(activity.objective.priority),
            title=activity.title,
            status=str(activity.get_status_display()),
            workshops=(workshop.display_title,),
        )
        for activity in workshop.activities.all()
    ]
    return WorkshopSection(
        workshop=workshop,
        participants=[_participant(r, donor) for r in registrations],
        facilitators=[
            Facilitator(
                organisation=f.organisation.name,
                person=f.person.name if f.person_id else "",
                role=str(f.get_role_display()),
            )
            for f in workshop.facilitations.all()
        ],
        budget=budget,
        activities=activities,
        evaluation=_evaluation_lines(workshop),
        evaluations=workshop.report_evaluation["count"],
        actions=_action_lines(workshop),
    )


def build_report(
    *, donor: Organisation, kind: str, workshop: Workshop | None = None, year: int | None = None
) -> DonorReport:
    """The report of what `donor` funded; it checks nobody's rights (the selectors do)."""
    if kind == "workshop":
        narrowed = Q(pk=workshop.pk)
    elif kind == "funding":
        narrowed = Q(start_date__year=year)
    else:
        narrowed = None
    sections = [_section(w, donor) for w in report_workshops(donor=donor, workshops=narrowed)]
    return DonorReport(kind=kind, donor=donor, year=year, sections=sections)
