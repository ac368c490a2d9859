"""The data of a donor report, assembled in one place; every format is rendered from it.

A report is what one donor organisation funded: one workshop (a workshop report), the
workshops of a year (a funding report) or all of them (the dashboard). Each workshop is a
`WorkshopSection`: its participants (with the days they attended), facilitators, budget,
the Strategic Plan activities it serves, its evaluation results and its action plans. To add a
section, give `WorkshopSection` a field, fill it in `_section()`, add its table in `tables.py`
and its template under templates/programmes/report_*.html (included by report_workshop.html).
"""

from django.db.models import Avg, Count, Prefetch, Q
from django.utils.translation import gettext as _

from members.models import Organisation
from programmes.models import ActionItem, ActionPlan, Activity

# The values a report is made of live in figures.py.
from programmes.reports.figures import (
    NOT_GIVEN,
    ActionLine,
    ActivityLine,
    BudgetLine,
    DonorReport,
    EvaluationLine,
    Facilitator,
    Participant,
    WorkshopSection,
)
from workshops.models import Evaluation, Facilitation, Funding, Registration, Workshop
from workshops.models.attendance import EVALUATION_QUESTIONS
from workshops.selectors.attendance import with_days_present


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
