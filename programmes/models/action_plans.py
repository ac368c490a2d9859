"""Workshop action plans: one regional plan and national plans per administration, their
items with dated follow-up updates. Their PDFs are generated documents (core)."""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericRelation
from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from members.models import Organisation
from programmes.models.strategic_plans import TfaMeasure
from workshops.models import Workshop


class ActionPlan(models.Model):
    """What a workshop's participants commit to do afterwards, for the region or one
    administration. Drafted during the workshop, adopted by the Secretariat."""

    class Level(models.TextChoices):
        REGIONAL = "regional", _("Regional")
        NATIONAL = "national", _("National")

    class Status(models.TextChoices):
        DRAFT = "draft", _("Draft")
        ADOPTED = "adopted", _("Adopted")

    # The languages its PDF (a generated document, programmes.action_plan) is built in.
    class PdfLanguage(models.TextChoices):
        EN = "en", _("English")
        FR = "fr", _("French")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="action_plans")
    level = models.CharField(_("level"), max_length=8, choices=Level.choices)
    administration = models.ForeignKey(
        Organisation,
        verbose_name=_("administration"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_plans",
    )
    status = models.CharField(
        _("status"), max_length=8, choices=Status.choices, default=Status.DRAFT, db_index=True
    )
    adopted_at = models.DateTimeField(_("adopted on"), null=True, blank=True)
    adopted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    is_demo = models.BooleanField(_("demo data"), default=False, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    documents = GenericRelation(
        "core.GeneratedDocument", content_type_field="subject_type", object_id_field="subject_id"
    )

    class Meta:
        ordering = ["workshop", "-level", "administration__name"]
        verbose_name = _("action plan")
        constraints = [
            models.UniqueConstraint(
                fields=["workshop"],
                condition=Q(level="regional"),
                name="one_regional_plan_per_workshop",
            ),
            models.UniqueConstraint(
                fields=["workshop", "administration"],
                condition=Q(level="national"),
                name="one_national_plan_per_administration",
            ),
            models.CheckConstraint(
                condition=Q(level="regional", administration__isnull=True)
                | Q(level="national", administration__isnull=False),
                name="national_plans_have_an_administration",
            ),
        ]

    def __str__(self) -> str:
        if self.level == self.Level.REGIONAL:
            return str(_("Regional action plan – %(workshop)s") % {"workshop": self.workshop})
        return str(
            _("National action plan of %(administration)s – %(workshop)s")
            % {"administration": self.administration, "workshop": self.workshop}
        )

    def get_absolute_url(self) -> str:
        return reverse("programmes:actionplan-detail", kwargs={"pk": self.pk})

    @property
    def is_regional(self) -> bool:
        return self.level == self.Level.REGIONAL

    @property
    def is_adopted(self) -> bool:
        return self.status == self.Status.ADOPTED


class ActionItem(models.Model):
    """One action of a plan. Its level is the plan's."""

    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        IN_PROGRESS = "in_progress", _("In progress")
        DONE = "done", _("Done")
        DEFERRED = "deferred", _("Deferred")

    class TfaCategory(models.TextChoices):
        A = "A", _("Category A")
        B = "B", _("Category B")
        C = "C", _("Category C")

    OPEN = (Status.PLANNED, Status.IN_PROGRESS)

    plan = models.ForeignKey(ActionPlan, on_delete=models.CASCADE, related_name="items")
    action = models.TextField(_("action"))
    responsible = models.ForeignKey(
        Organisation,
        verbose_name=_("responsible organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    start_date = models.DateField(_("start"))
    end_date = models.DateField(_("end"))
    tfa_measure = models.ForeignKey(
        TfaMeasure,
        verbose_name=_("WTO TFA measure"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="action_items",
    )
    tfa_category = models.CharField(
        _("TFA category"), max_length=1, choices=TfaCategory.choices, blank=True
    )
    assistance_needed = models.TextField(_("technical assistance needed"), blank=True)
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.PLANNED, db_index=True
    )
    position = models.PositiveIntegerField(default=0)
    history = HistoricalRecords()

    class Meta:
        ordering = ["plan", "position", "id"]
        verbose_name = _("action item")
        constraints = [
            models.CheckConstraint(
                condition=Q(end_date__gte=F("start_date")),
                name="action_item_ends_after_it_starts",
                violation_error_message=_("The end cannot be before the start."),
            )
        ]
        indexes = [models.Index(fields=["end_date", "status"])]

    def __str__(self) -> str:
        return self.action[:80]

    @property
    def level(self) -> str:
        return self.plan.level


class ActionItemUpdate(models.Model):
    """A dated follow-up note on an item, with the status it left the item in."""

    item = models.ForeignKey(ActionItem, on_delete=models.CASCADE, related_name="updates")
    date = models.DateField(_("date"))
    status_after = models.CharField(
        _("status after"), max_length=12, choices=ActionItem.Status.choices
    )
    text = models.TextField(_("what happened"))
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-date", "-id"]
        verbose_name = _("action item update")

    def __str__(self) -> str:
        return f"{self.date}: {self.text[:40]}"
