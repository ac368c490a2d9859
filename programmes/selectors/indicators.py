"""Reads of indicators: an activity's indicators with their periods, and for computed ones
the actual values counted from attendance, broken down by sex and by administration."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import QuerySet
from django.http import Http404
from django.utils.translation import gettext_lazy as _

from core.permissions import require
from members.models import User
from programmes.models import Activity, Indicator, IndicatorPeriod
from workshops.models import Workshop
from workshops.selectors.attendance import attended_registrations

SEXES = (
    ("female", _("Women")),
    ("male", _("Men")),
    ("another", _("Another gender")),
    ("", _("Not stated")),
)


@dataclass
class Trained:
    """Officers trained in one period: distinct people, by sex and by administration."""

    total: int = 0
    by_sex: list[tuple[str, int]] = field(default_factory=list)
    by_administration: list[tuple[str, int]] = field(default_factory=list)


def officers_trained(workshops: QuerySet[Workshop], periods: list[IndicatorPeriod]) -> dict:
    """{period id: Trained} for approved participants who attended (reached the workshop's
    attendance share) a workshop starting within the period. A person trained twice in one
    period counts once. One query whatever the number of periods or participants."""
    rows = attended_registrations(workshops).values_list(
        "person_id", "person__gender", "organisation__name", "workshop__start_date"
    )
    people: dict[int, dict] = {period.pk: {} for period in periods}
    for person_id, gender, administration, started in rows:
        for period in periods:
            if period.start <= started <= period.end:
                people[period.pk][person_id] = (gender, administration)
    result = {}
    for period in periods:
        found = people[period.pk].values()
        stated = {code for code, _label in SEXES if code}
        sexes = Counter(gender if gender in stated else "" for gender, _a in found)
        administrations = Counter(administration for _g, administration in found)
        result[period.pk] = Trained(
            total=len(found),
            by_sex=[(label, sexes[code]) for code, label in SEXES if sexes[code]],
            by_administration=sorted(administrations.items()),
        )
    return result


def _attach_values(indicators: list[Indicator], workshops: QuerySet[Workshop]) -> None:
    computed = [period for i in indicators if i.is_computed for period in i.periods.all()]
    trained = officers_trained(workshops, computed) if computed else {}
    for indicator in indicators:
        for period in indicator.periods.all():
            period.trained = trained.get(period.pk)
            period.value = period.trained.total if period.trained else period.actual
            period.percent = (
                min(100, round(100 * float(period.value) / float(period.target)))
                if period.value is not None and period.target
                else None
            )


def activity_indicators(*, user: User, activity: Activity) -> list[Indicator]:
    """The activity's indicators with their periods, each period carrying `value` (typed or
    computed), `percent` of its target and, when computed, `trained` (the breakdown).
    Two queries, plus one when an indicator is computed."""
    require(user, "programmes.view_programmes")
    indicators = list(Indicator.objects.filter(activity=activity).prefetch_related("periods"))
    _attach_values(indicators, Workshop.objects.filter(activities=activity))
    return indicators


def indicator_for_secretariat(*, user: User, pk: int) -> Indicator:
    require(user, "programmes.manage_programmes")
    try:
        return Indicator.objects.select_related("activity__objective__priority__plan").get(pk=pk)
    except Indicator.DoesNotExist:
        raise Http404 from None


def period_for_secretariat(*, user: User, pk: int) -> IndicatorPeriod:
    require(user, "programmes.manage_programmes")
    try:
        return IndicatorPeriod.objects.select_related(
            "indicator__activity__objective__priority__plan"
        ).get(pk=pk)
    except IndicatorPeriod.DoesNotExist:
        raise Http404 from None
