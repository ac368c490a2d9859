"""What a donor report shows, as plain values: its workshop sections and their lines
(participants, facilitators, budget, activities, evaluation, actions), with the totals and
charts computed from them. `programmes.reports.data` fills them from the database.
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Organisation, User
from workshops.models import Workshop

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
