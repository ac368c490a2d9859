"""Writes of indicators and their periods (Secretariat only)."""

from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from core.errors import ServiceError, refuse_unknown_fields
from core.permissions import require
from members.models import User
from programmes.models import Activity, Indicator, IndicatorPeriod

INDICATOR_FIELDS = {"title", "unit", "source", "baseline", "baseline_year"}
PERIOD_FIELDS = {"start", "end", "target", "actual", "comment"}


@transaction.atomic
def indicator_save(
    *, actor: User, activity: Activity, data: dict, indicator: Indicator | None = None
) -> Indicator:
    """Add an indicator to an activity or change one: title, unit, baseline and whether its
    actual values are typed in or counted from attendance. Titles are unique per activity.
    Switching an indicator to a computed source clears the typed actual values of its periods,
    which would otherwise be shown beside the counted ones."""
    require(actor, "programmes.manage_programmes")
    refuse_unknown_fields(data, INDICATOR_FIELDS)
    title = (data.get("title") or "").strip()
    if not title:
        raise ServiceError(_("Name the indicator."))
    if data.get("source", Indicator.Source.TYPED) not in Indicator.Source.values:
        raise ServiceError(_("Choose where the actual values come from."))
    if data.get("baseline") is not None and data["baseline"] < 0:
        raise ServiceError(_("The baseline cannot be negative."))
    if data.get("baseline_year") is not None and not 1990 <= data["baseline_year"] <= 2100:
        raise ServiceError(_("Give the baseline year as a year between 1990 and 2100."))
    taken = Indicator.objects.filter(activity=activity, title__iexact=title)
    if taken.exclude(pk=indicator.pk if indicator else None).exists():
        raise ServiceError(_("This activity already has an indicator with this name."))
    if indicator is None:
        last = Indicator.objects.filter(activity=activity).aggregate(last=Max("position"))["last"]
        indicator = Indicator(activity=activity, position=(last or 0) + 1)
    for name, value in data.items():
        setattr(indicator, name, value.strip() if isinstance(value, str) else value)
    indicator.full_clean()
    indicator.save()
    if indicator.is_computed:
        indicator.periods.exclude(actual=None).update(actual=None)
    return indicator


@transaction.atomic
def indicator_delete(*, actor: User, indicator: Indicator) -> None:
    """Delete an indicator with its periods (Secretariat only)."""
    require(actor, "programmes.manage_programmes")
    indicator.delete()


@transaction.atomic
def indicator_period_save(
    *, actor: User, indicator: Indicator, data: dict, period: IndicatorPeriod | None = None
) -> IndicatorPeriod:
    """Record a period's target (and, for typed indicators, its actual value) or change it.
    The period must end after it starts and not overlap another of the same indicator;
    computed indicators take no typed actual value. Nothing is saved on an error."""
    require(actor, "programmes.manage_programmes")
    refuse_unknown_fields(data, PERIOD_FIELDS)
    start, end = data.get("start"), data.get("end")
    if not start or not end:
        raise ServiceError(_("Give the period's first and last day."))
    if end < start:
        raise ServiceError(_("The period cannot end before it starts."))
    if indicator.is_computed and data.get("actual") is not None:
        raise ServiceError(
            _("This indicator is counted from attendance; its actual values cannot be typed in.")
        )
    for name in ("target", "actual"):
        if data.get(name) is not None and data[name] < 0:
            raise ServiceError(_("Targets and actual values cannot be negative."))
    # The indicator row is locked so two people adding periods at once cannot both pass.
    Indicator.objects.select_for_update().get(pk=indicator.pk)
    overlapping = IndicatorPeriod.objects.filter(
        indicator=indicator, start__lte=end, end__gte=start
    )
    if overlapping.exclude(pk=period.pk if period else None).exists():
        raise ServiceError(_("This period overlaps another period of the same indicator."))
    period = period or IndicatorPeriod(indicator=indicator)
    for name, value in data.items():
        setattr(period, name, value.strip() if isinstance(value, str) else value)
    period.updated_by = actor
    period.full_clean()
    period.save()
    return period


@transaction.atomic
def indicator_period_delete(*, actor: User, period: IndicatorPeriod) -> None:
    """Delete one period of an indicator (Secretariat only)."""
    require(actor, "programmes.manage_programmes")
    period.delete()
