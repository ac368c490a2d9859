"""Generated documents in tests: find one by its subject, build one as the worker would."""

from typing import Any

from django.contrib.contenttypes.models import ContentType

from core.documents import builder_for
from core.models import GeneratedDocument
from core.services.documents import document_find
from tests.tasks import run_task_once


def document_of(kind: str, subject_id: int, *, scope: str = "", language: str = ""):
    """The document of a subject, or None if it was never asked for."""
    return document_find(kind=kind, subject_id=subject_id, scope=scope, language=language)


def build(kind: str, subject_id: int, *, scope: str = "", language: str = "") -> bool:
    """Run the build task (core.build_document) for a subject's document, its row made first
    if it was never asked for; returns whether a file was stored."""
    builder = builder_for(kind)
    document = document_of(kind, subject_id, scope=scope, language=language)
    if document is None:
        document = GeneratedDocument.objects.create(
            kind=kind,
            subject_type=ContentType.objects.get_for_model(builder.subject_model),
            subject_id=subject_id,
            scope=scope,
            language=language,
        )
    return run_task_once("core.build_document", document.pk)


def fingerprint(kind: str, subject: Any, language: str = "") -> str:
    """The fingerprint the builder gives `subject` (loaded as the builder loads it) now."""
    builder = builder_for(kind)
    loaded = builder.load(subject.pk, "")
    return builder.fingerprint(loaded, language or builder.language_of(loaded))
