"""The Strategic Plan: plans, priorities, objectives, activities and their progress, and the
WTO TFA measures that action plans refer to."""

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from workshops.models import Workshop


class TfaMeasure(models.Model):
    """A measure of Section I of the WTO Trade Facilitation Agreement (Articles 1-12)."""

    code = models.CharField(_("measure"), max_length=10, unique=True)
    article = models.PositiveSmallIntegerField(_("article"))
    article_title = models.CharField(_("article title"), max_length=200)
    title = models.CharField(_("title"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0, editable=False)

    class Meta:
        ordering = ["article", "position"]
        verbose_name = _("WTO TFA measure")
        verbose_name_plural = _("WTO TFA measures")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class StrategicPlan(models.Model):
    name = models.CharField(_("name"), max_length=100, unique=True)
    slug = models.SlugField(max_length=60, unique=True)
    start_year = models.PositiveSmallIntegerField(_("first year"))
    end_year = models.PositiveSmallIntegerField(_("last year"))

    class Meta:
        ordering = ["-start_year"]
        verbose_name = _("strategic plan")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(end_year__gte=models.F("start_year")),
                name="plan_ends_after_it_starts",
            )
        ]

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("programmes:plan-detail", kwargs={"slug": self.slug})


class Priority(models.Model):
    plan = models.ForeignKey(StrategicPlan, on_delete=models.CASCADE, related_name="priorities")
    number = models.PositiveSmallIntegerField(_("number"))
    title = models.CharField(_("title"), max_length=200)
    overall_objective = models.TextField(_("overall objective"), blank=True)

    class Meta:
        ordering = ["plan", "number"]
        verbose_name = _("priority")
        verbose_name_plural = _("priorities")
        constraints = [
            models.UniqueConstraint(fields=["plan", "number"], name="unique_priority_number")
        ]

    def __str__(self) -> str:
        return f"{self.number}. {self.title}"


class Objective(models.Model):
    priority = models.ForeignKey(Priority, on_delete=models.CASCADE, related_name="objectives")
    title = models.CharField(_("title"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["priority", "position", "id"]
        verbose_name = _("objective")
        constraints = [
            models.UniqueConstraint(fields=["priority", "title"], name="unique_objective_title")
        ]

    def __str__(self) -> str:
        return self.title


class Activity(models.Model):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DEFERRED = "deferred", _("Deferred")

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="activities")
    title = models.CharField(_("title"), max_length=300)
    position = models.PositiveSmallIntegerField(default=0)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    lead = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="led_activities",
    )
    start_year = models.PositiveSmallIntegerField(_("from"), null=True, blank=True)
    end_year = models.PositiveSmallIntegerField(_("until"), null=True, blank=True)
    notes = models.TextField(_("notes"), blank=True)
    source = models.CharField(_("source"), max_length=200, blank=True)
    workshops = models.ManyToManyField(
        Workshop, verbose_name=_("workshops"), blank=True, related_name="activities"
    )

    class Meta:
        ordering = ["objective", "position", "id"]
        verbose_name = _("activity")
        verbose_name_plural = _("activities")
        constraints = [
            models.UniqueConstraint(fields=["objective", "title"], name="unique_activity_title"),
            models.CheckConstraint(
                condition=models.Q(end_year__isnull=True)
                | models.Q(start_year__isnull=True)
                | models.Q(end_year__gte=models.F("start_year")),
                name="activity_ends_after_it_starts",
                violation_error_message=_("The last year cannot be before the first year."),
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("programmes:activity-detail", kwargs={"pk": self.pk})


class ProgressUpdate(models.Model):
    """A dated note of what happened on an activity, by whom."""

    activity = models.ForeignKey(Activity, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"), default=timezone.localdate)
    text = models.TextField(_("what happened"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("progress update")

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:40]}"
