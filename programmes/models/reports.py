"""Donor reports built as files: one row per PDF (donor, kind, subject, language), replaced
when the data it shows changes."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from members.models import Organisation
from workshops.models import Workshop


def report_file_path(instance: "ReportFile", filename: str) -> str:
    # A generated name: the path tells nothing about the donor or the report.
    return f"donor-reports/{instance.organisation_id}/{uuid.uuid4().hex}.pdf"


class ReportFile(models.Model):
    """The PDF of a donor report. `fingerprint` is a hash of everything the report shows: a
    request whose fingerprint matches a built file is served from it; otherwise it is rebuilt."""

    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop report")
        FUNDING = "funding", _("Funding report")

    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        BUILDING = "building", _("Being built")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="report_files"
    )
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    # The subject of a workshop report; empty for a funding report.
    workshop = models.ForeignKey(
        Workshop, on_delete=models.CASCADE, null=True, blank=True, related_name="report_files"
    )
    # The year a funding report covers; empty for a workshop report.
    year = models.PositiveSmallIntegerField(_("year"), null=True, blank=True)
    language = models.CharField(_("language"), max_length=2, default="en")
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    file = models.FileField(upload_to=report_file_path, max_length=200, blank=True)
    requested_at = models.DateTimeField(auto_now_add=True)
    built_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("report file")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "workshop", "language"],
                condition=Q(kind="workshop"),
                name="one_workshop_report_file",
            ),
            models.UniqueConstraint(
                fields=["organisation", "year", "language"],
                condition=Q(kind="funding"),
                name="one_funding_report_file",
            ),
            models.CheckConstraint(
                condition=(Q(kind="workshop", workshop__isnull=False, year__isnull=True))
                | Q(kind="funding", workshop__isnull=True, year__isnull=False),
                name="report_file_subject_matches_kind",
            ),
        ]

    def __str__(self) -> str:
        subject = self.workshop if self.kind == self.Kind.WORKSHOP else self.year
        return f"{self.organisation} – {self.get_kind_display()} {subject} ({self.language})"
