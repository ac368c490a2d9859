"""Workshop documents: stored under generated names, served only after a permission check."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from workshops.models.workshops import Workshop


def document_path(instance: "Document", filename: str) -> str:
    # The uploaded name is never used on disk: it is kept in original_name for the download.
    return f"workshop-documents/{instance.workshop_id}/{uuid.uuid4().hex}"


class Document(models.Model):
    class Visibility(models.TextChoices):
        PUBLIC = "public", _("Public")
        PARTICIPANTS = "participants", _("Participants")
        SECRETARIAT = "secretariat", _("Secretariat only")

    workshop = models.ForeignKey(Workshop, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=200)
    file = models.FileField(upload_to=document_path, max_length=200)
    original_name = models.CharField(max_length=200)
    content_type = models.CharField(max_length=100)
    kind = models.CharField(_("type"), max_length=20)
    size = models.PositiveBigIntegerField(_("size"))
    visibility = models.CharField(
        _("visible to"), max_length=12, choices=Visibility.choices, default=Visibility.PARTICIPANTS
    )
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    uploaded_at = models.DateTimeField(auto_now_add=True)
    history = HistoricalRecords(excluded_fields=["file"])

    class Meta:
        ordering = ["workshop", "title", "id"]
        verbose_name = _("document")

    def __str__(self) -> str:
        return self.title
