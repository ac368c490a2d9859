"""Indicators of Strategic Plan activities: a baseline, and a target and an actual value per
period. An indicator's actual values are typed in, or computed from the portal's own records
("officers trained": approved participants who attended a linked workshop)."""

from django.conf import settings
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from programmes.models.strategic_plans import Activity


class Indicator(models.Model):
    class Source(models.TextChoices):
        TYPED = "typed", _("Typed in for each period")
        OFFICERS_TRAINED = "officers_trained", _("Officers trained, counted from attendance")

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="indicators")
    title = models.CharField(_("indicator"), max_length=200)
    unit = models.CharField(
        _("unit"), max_length=60, blank=True, help_text=_("e.g. officers, administrations, %")
    )
    source = models.CharField(
        _("actual values"), max_length=20, choices=Source.choices, default=Source.TYPED
    )
    baseline = models.DecimalField(
        _("baseline"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    position = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["activity", "position", "id"]
        verbose_name = _("indicator")
        constraints = [
            models.UniqueConstraint(fields=["activity", "title"], name="unique_indicator_title")
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:activity-detail", kwargs={"pk": self.activity_id})

    @property
    def is_computed(self) -> bool:
        return self.source != self.Source.TYPED


class IndicatorPeriod(models.Model):
    """A reporting period of an indicator with its target and, for typed indicators, the
    actual value reached. Periods of one indicator do not overlap (checked by the service)."""

    indicator = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="periods")
    start = models.DateField(_("period start"))
    end = models.DateField(_("period end"))
    target = models.DecimalField(
        _("target"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    actual = models.DecimalField(
        _("actual"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    comment = models.TextField(_("comment"), blank=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["indicator", "start"]
        verbose_name = _("indicator period")
        constraints = [
            models.UniqueConstraint(fields=["indicator", "start"], name="unique_indicator_period"),
            models.CheckConstraint(
                condition=Q(end__gte=F("start")),
                name="indicator_period_ends_after_it_starts",
                violation_error_message=_("The period cannot end before it starts."),
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator}: {self.start}–{self.end}"

    @property
    def is_calendar_year(self) -> bool:
        return (
            self.start.year == self.end.year
            and (self.start.month, self.start.day) == (1, 1)
            and (self.end.month, self.end.day) == (12, 31)
        )
