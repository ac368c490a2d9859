"""Generated documents in tests: find one by its subject, build one as the worker would."""

import subprocess
from pathlib import Path
from typing import Any

import pytest
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


@pytest.fixture(name="media_root", autouse=True)
def media_root_fixture(settings, tmp_path) -> Path:
    """Generated files go to a folder of the test's own (import it into a test module)."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def stored_files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def pdf_text(pdf: bytes | Path) -> str:
    """The words of a PDF, as pdftotext reads them, on one line."""
    data = pdf.read_bytes() if isinstance(pdf, Path) else pdf
    result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())
