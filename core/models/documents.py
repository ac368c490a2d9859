"""Generated documents: every file the portal builds from its data (a certificate, a visa
letter, the PDF of an action plan or of a donor report) is one row of this table.

One concrete model rather than an abstract mixin: the build task then takes nothing but a row's
id and finds the builder by the row's kind; the progress pages, the beat job that re-dispatches
lost builds, the admin and the data migrations deal with one table; and a new kind of document
needs a builder and a template, not a model and a migration. The subject is a generic relation
(content type and id) because core knows no app's models; a subject model that wants its
documents deleted with it declares a `GenericRelation` to this model.

A row is the identity of a document (kind, subject, scope, language) and the state of its one
file: `fingerprint` is a hash of everything the stored file shows, so a request whose
fingerprint matches is served from it and a change builds a new file that replaces the old one.
"""

from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class GeneratedDocument(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Queued")
        BUILDING = "building", _("Being built")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Failed")

    BUSY = (Status.QUEUED, Status.BUILDING)

    # The builder's kind, e.g. "workshops.certificate" (core.documents.builder_for).
    kind = models.CharField(_("kind"), max_length=60)
    subject_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    subject_id = models.PositiveBigIntegerField()
    subject = GenericForeignKey("subject_type", "subject_id")
    # Which of its subject's documents of this kind, when it has several (a donor's report of
    # one workshop or of one year); blank otherwise.
    scope = models.CharField(_("scope"), max_length=40, blank=True)
    # The language asked for; blank when the subject decides (a certificate is in its holder's).
    language = models.CharField(_("language"), max_length=8, blank=True)
    fingerprint = models.CharField(max_length=64, blank=True, editable=False)
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.QUEUED
    )
    error = models.TextField(_("error"), blank=True)
    # Stored under a generated name that the builder chooses (nothing personal in the path).
    file = models.FileField(upload_to="documents/", max_length=200, blank=True)
    requested_at = models.DateTimeField(_("requested"), null=True, blank=True)
    built_at = models.DateTimeField(_("built"), null=True, blank=True)

    class Meta:
        verbose_name = _("generated document")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "subject_type", "subject_id", "scope", "language"],
                name="one_document_per_subject_scope_language",
            )
        ]
        indexes = [models.Index(fields=["status", "requested_at"])]

    def __str__(self) -> str:
        parts = [self.kind, str(self.subject_id), self.scope, self.language]
        return " ".join(part for part in parts if part)

    @property
    def is_busy(self) -> bool:
        return self.status in self.BUSY
