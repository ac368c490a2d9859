"""Reads about attendance, certificates and evaluations.

`attended_registrations` is what the Strategic Plan counts as "officers trained", and
`evaluation_summary` is what donor reports show: both answer in one query.
"""

from django.db.models import (
    Avg,
    Count,
    F,
    Func,
    IntegerField,
    Prefetch,
    Q,
    QuerySet,
)
from django.db.models.lookups import GreaterThanOrEqual
from django.http import Http404

from core.permissions import may, require
from members.models import User
from workshops.models import Attendance, Certificate, Evaluation, Registration, Workshop
from workshops.models.attendance import EVALUATION_QUESTIONS
from workshops.selectors.workshops import visible_workshops


class DaysInclusive(Func):
    """(end - start + 1) in whole days, computed by the database: DaysInclusive(end, start)."""

    arity = 2
    output_field = IntegerField()

    def as_sql(self, compiler, connection, **extra_context):
        # PostgreSQL: date - date is an integer number of days.
        end, start = (compiler.compile(e) for e in self.get_source_expressions())
        return f"(({end[0]}) - ({start[0]}) + 1)", (*end[1], *start[1])

    def as_sqlite(self, compiler, connection, **extra_context):
        end, start = (compiler.compile(e) for e in self.get_source_expressions())
        sql = f"(CAST(julianday({end[0]}) - julianday({start[0]}) AS INTEGER) + 1)"
        return sql, (*end[1], *start[1])


def workshop_days_expression(prefix: str = "workshop__") -> DaysInclusive:
    return DaysInclusive(F(f"{prefix}end_date"), F(f"{prefix}start_date"))


def with_days_present(queryset: QuerySet[Registration]) -> QuerySet[Registration]:
    """Annotate `days_present`: attendance days within the workshop's dates."""
    return queryset.annotate(
        days_present=Count(
            "attendances",
            filter=Q(attendances__day__gte=F("workshop__start_date"))
            & Q(attendances__day__lte=F("workshop__end_date")),
        ),
        workshop_days=workshop_days_expression(),
    )


def attended_registrations(workshops: QuerySet[Workshop]) -> QuerySet[Registration]:
    """Approved registrations of `workshops` whose attendance reaches the workshop's
    `attendance_share_required` percent of its days. One query; person and organisation
    (and workshop) are selected. Counts as "trained" for the Strategic Plan."""
    queryset = Registration.objects.filter(
        workshop__in=workshops,
        status=Registration.Status.APPROVED,
        workshop__start_date__isnull=False,
        workshop__end_date__isnull=False,
    ).select_related("person", "organisation", "workshop")
    return with_days_present(queryset).filter(
        GreaterThanOrEqual(
            F("days_present") * 100,
            F("workshop__attendance_share_required") * F("workshop_days"),
        )
    )


def is_eligible(registration: Registration) -> bool:
    """Whether one registration reaches its workshop's share (for a single row)."""
    return (
        attended_registrations(Workshop.objects.filter(pk=registration.workshop_id))
        .filter(pk=registration.pk)
        .exists()
    )


def evaluation_summary(workshop: Workshop) -> dict:
    """Number of answers and, per question, its average and the count of each rating 1..5.
    One query: {"count": n, "questions": {"relevance": {"average": 4.2, "counts": {1: 0,
    ..., 5: 3}}, ...}}. Averages are None when nobody answered."""
    aggregates = {"count": Count("id")}
    for question in EVALUATION_QUESTIONS:
        aggregates[f"{question}__avg"] = Avg(question)
        for rating in range(1, 6):
            aggregates[f"{question}__{rating}"] = Count("id", filter=Q(**{question: rating}))
    row = Evaluation.objects.filter(registration__workshop=workshop).aggregate(**aggregates)
    return {
        "count": row["count"],
        "questions": {
            question: {
                "label": Evaluation._meta.get_field(question).verbose_name,
                "average": row[f"{question}__avg"],
                "counts": {rating: row[f"{question}__{rating}"] for rating in range(1, 6)},
            }
            for question in EVALUATION_QUESTIONS
        },
    }


def evaluation_comments(*, user: User, workshop: Workshop) -> QuerySet[Evaluation]:
    """Free-text answers, for the Secretariat only (they name no one on the page)."""
    require(user, "workshops.manage_workshops")
    return (
        Evaluation.objects.filter(registration__workshop=workshop)
        .exclude(will_apply="", comments="")
        .order_by("submitted_at")
    )


def can_check_in(*, user: User, workshop: Workshop) -> bool:
    """Secretariat staff and the workshop's own facilitators (a person linked to it)."""
    return may(user, "workshops.check_in", workshop)


def check_in_workshop(*, user: User, slug: str) -> Workshop:
    """The workshop whose check-in `user` may run, or 404."""
    try:
        workshop = visible_workshops(user=user).get(slug=slug)
    except Workshop.DoesNotExist:
        raise Http404 from None
    if not can_check_in(user=user, workshop=workshop):
        raise Http404
    return workshop


def check_in_list(*, workshop: Workshop, day, search: str = "") -> QuerySet[Registration]:
    """Approved participants with `present` (on `day`) and their days present, by name."""
    queryset = (
        workshop.registrations.filter(status=Registration.Status.APPROVED)
        .select_related("person", "organisation")
        .annotate(present=Count("attendances", filter=Q(attendances__day=day)))
        .order_by("person__name", "id")
    )
    for word in search.split():
        queryset = queryset.filter(
            Q(person__name__icontains=word)
            | Q(organisation__name__icontains=word)
            | Q(organisation__short_name__icontains=word)
        )
    return queryset


def attendance_grid(*, workshop: Workshop) -> QuerySet[Registration]:
    """Approved participants with the days they attended, for the sheet and the summary."""
    return (
        with_days_present(workshop.registrations.filter(status=Registration.Status.APPROVED))
        .select_related("person", "organisation")
        .prefetch_related(
            Prefetch("attendances", queryset=Attendance.objects.only("registration_id", "day"))
        )
        .order_by("organisation__name", "person__name", "id")
    )


def my_certificate(*, user: User, registration_id: int) -> Certificate:
    """The certificate of one of the user's own registrations, or 404."""
    try:
        return Certificate.objects.select_related(
            "registration__workshop", "registration__person"
        ).get(registration_id=registration_id, registration__person=user)
    except Certificate.DoesNotExist:
        raise Http404 from None


def own_evaluation(*, user: User, registration: Registration) -> Evaluation | None:
    """The person's answer for their registration, if they gave one."""
    return Evaluation.objects.filter(registration=registration, registration__person=user).first()


def certificate_by_code(code: str) -> Certificate | None:
    return (
        Certificate.objects.select_related("registration__person", "registration__workshop")
        .filter(code=code)
        .first()
    )
