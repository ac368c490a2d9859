"""The data of a donor report, assembled in one place; every format is rendered from it.

A report is what one donor organisation funded: one workshop (a workshop report), the
workshops of a year (a funding report) or all of them (the dashboard). Each workshop is a
`WorkshopSection`. To add a section (attendance, evaluation, action plan), give
`WorkshopSection` a field, fill it in `_section()`, add its table in `tables.py` and its
template under templates/programmes/report_*.html (included by report_sections.html).
"""

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field, replace
from decimal import Decimal
from functools import cached_property

from django.db.models import Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from members.models import Organisation, User
from programmes.models import Activity
from workshops.models import Facilitation, Funding, Registration, Workshop

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


@dataclass
class WorkshopSection:
    workshop: Workshop
    participants: list[Participant]
    facilitators: list[Facilitator]
    budget: list[BudgetLine]
    activities: list[ActivityLine]

    @property
    def title(self) -> str:
        return self.workshop.display_title

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
    return Prefetch(
        "registrations",
        queryset=Registration.objects.filter(status=Registration.Status.APPROVED)
        .select_related("person", "organisation", "funding")
        .order_by("organisation__name", "person__name"),
        to_attr="approved_registrations",
    )


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
        )
    )
    return list(queryset)


def _participant(registration: Registration, donor: Organisation) -> Participant:
    person = registration.person
    return Participant(
        name=person.name,
        administration=registration.organisation.name,
        position=registration.position or person.position,
        sex=person.gender or NOT_GIVEN,
        seniority=registration.seniority or person.seniority or NOT_GIVEN,
        funded_by_donor=bool(registration.funding and registration.funding.funder_id == donor.pk),
    )


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
