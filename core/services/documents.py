"""Generated documents: ask for one, build it, tell a page where it stands.

A request queues one build task (core.build_document, after commit) unless the stored file is
current or a build is under way; a build left "queued" or "building" longer than STALE_AFTER
is taken as lost (a worker died, the broker was down) and may be asked for again, and the beat
job documents_dispatch_pending re-publishes it meanwhile.

The task builds only when the fingerprint (a hash of everything the document shows) differs
from the stored file's. It renders, stores the new file under a generated name and swaps it in
with one conditional UPDATE (on the file it started from): of two runs at once, one stores its
file and the other deletes its own. The old file is deleted only once the swap is committed.
A failure is recorded on the row with its reason for the page to show with a retry; it is
never raised to the worker.
"""

import logging
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.functional import Promise

from core.documents import DocumentBuilder, builder_for
from core.models import GeneratedDocument
from core.queue import enqueue, enqueue_on_commit

logger = logging.getLogger(__name__)

BUILD_TASK = "core.build_document"
STALE_AFTER = timedelta(minutes=5)
Status = GeneratedDocument.Status


@dataclass(frozen=True)
class DocumentState:
    """Where a document stands, for a page: `document` is None when it was never asked for."""

    document: GeneratedDocument | None
    current: bool
    language: str = ""
    label: str | Promise = ""
    words: dict[str, Any] = field(default_factory=dict)
    serve_stale: bool = False
    download_url: str = ""  # set by the page (dataclasses.replace)

    @property
    def status(self) -> str:
        return self.document.status if self.document else ""

    @property
    def busy(self) -> bool:
        return bool(self.document and self.document.is_busy)

    @property
    def failed(self) -> bool:
        return self.status == Status.FAILED

    @property
    def has_file(self) -> bool:
        return bool(self.document and self.document.file)

    @property
    def stale(self) -> bool:
        """A file is stored but the data it shows has changed since."""
        return self.has_file and not self.current

    @property
    def downloadable(self) -> bool:
        """Current, or stale where the kind lets a stale file be downloaded."""
        if self.current:
            return True
        return self.serve_stale and self.has_file and self.status == Status.READY

    @property
    def download_label(self) -> str:
        return str(self.words.get("download", "")) % {"language": self.label}

    @property
    def built_label(self) -> str:
        built = self.words.get("built")
        if not (built and self.document and self.document.built_at):
            return ""
        when = date_format(timezone.localtime(self.document.built_at), "j F Y H:i")
        return str(built) % {"date": when}


def _identity(builder: DocumentBuilder, subject_id: int, scope: str, language: str) -> dict:
    subject_type = ContentType.objects.get_for_model(builder.subject_model)
    return {
        "kind": builder.kind,
        "subject_type": subject_type,
        "subject_id": subject_id,
        "scope": scope,
        "language": language,
    }


def _check_language(builder: DocumentBuilder, language: str) -> None:
    allowed = builder.languages or ("",)
    if language not in allowed:
        raise ValueError(f"{builder.kind} documents are not built in {language!r}")


def document_find(
    *, kind: str, subject_id: int, scope: str = "", language: str = ""
) -> GeneratedDocument | None:
    builder = builder_for(kind)
    return GeneratedDocument.objects.filter(
        **_identity(builder, subject_id, scope, language)
    ).first()


def _language(builder: DocumentBuilder, document: GeneratedDocument, subject: Any) -> str:
    return document.language or builder.language_of(subject)


def _is_current(builder: DocumentBuilder, document: GeneratedDocument, subject: Any) -> bool:
    return (
        bool(document.file)
        and document.status != Status.FAILED
        and document.fingerprint
        == builder.fingerprint(subject, _language(builder, document, subject))
    )


def _under_way(document: GeneratedDocument, now) -> bool:
    return (
        document.is_busy
        and bool(document.requested_at)
        and now - document.requested_at < STALE_AFTER
    )


def document_request(
    *, kind: str, subject_id: int, scope: str = "", language: str = ""
) -> GeneratedDocument | None:
    """Ask for a document: a build is queued after commit unless the stored file is current or
    a build is under way (so a repeat, or a retry after a failure, is harmless). None, and
    nothing queued, for a subject that is gone or does not need the document."""
    builder = builder_for(kind)
    _check_language(builder, language)
    subject = builder.load(subject_id, scope)
    if subject is None or not builder.wanted(subject):
        return None
    identity = _identity(builder, subject_id, scope, language)
    with transaction.atomic():
        GeneratedDocument.objects.get_or_create(**identity)
        document = GeneratedDocument.objects.select_for_update().get(**identity)
        now = timezone.now()
        if _under_way(document, now):
            return document
        if _is_current(builder, document, subject):
            if document.status != Status.READY:
                document.status, document.error = Status.READY, ""
                document.save(update_fields=["status", "error"])
            return document
        document.status, document.error, document.requested_at = Status.QUEUED, "", now
        document.save(update_fields=["status", "error", "requested_at"])
        enqueue_on_commit(BUILD_TASK, document.pk)
    return document


def _mark(document: GeneratedDocument, status: str, error: str = "") -> None:
    """Set the status, unless another run has stored a file since this one started."""
    GeneratedDocument.objects.filter(pk=document.pk, file=document.file.name or "").update(
        status=status, error=error[:1000]
    )


def _swap(document: GeneratedDocument, name: str, fingerprint: str) -> bool:
    """Put the new file in place of the one the build started from; the old one is deleted
    after commit. False (and the new file deleted) when another run stored its file first."""
    old = document.file.name or ""
    with transaction.atomic():
        swapped = GeneratedDocument.objects.filter(pk=document.pk, file=old).update(
            file=name,
            fingerprint=fingerprint,
            status=Status.READY,
            error="",
            built_at=timezone.now(),
        )
        if swapped and old:
            transaction.on_commit(lambda: default_storage.delete(old))
    if not swapped:
        default_storage.delete(name)
        # The run that stored its file first may have been marked "building" by this one.
        GeneratedDocument.objects.filter(pk=document.pk, status=Status.BUILDING).exclude(
            file=""
        ).update(status=Status.READY, error="")
    return bool(swapped)


def _ready(builder: DocumentBuilder, document_id: int, subject: Any) -> None:
    document = GeneratedDocument.objects.get(pk=document_id)
    try:
        builder.on_ready(document, subject)
    except Exception:  # what follows a build (an e-mail) is retried by the next run
        logger.exception("After building document %s", document_id)


def document_build(*, document_id: int) -> bool:
    """Build the document's file if what it shows changed since the stored one. Returns
    whether a file was stored. Safe to run twice; a failure is recorded on the row."""
    document = GeneratedDocument.objects.filter(pk=document_id).first()
    if document is None:
        return False
    try:
        builder = builder_for(document.kind)
        subject = builder.load(document.subject_id, document.scope)
        if subject is None or not builder.wanted(subject):
            _mark(document, Status.FAILED, "Nothing to build: the subject is gone or needs none.")
            return False
        language = _language(builder, document, subject)
        fingerprint = builder.fingerprint(subject, language)
        if document.file and document.fingerprint == fingerprint:
            if document.status != Status.READY:
                _mark(document, Status.READY)
            _ready(builder, document.pk, subject)
            return False
        _mark(document, Status.BUILDING)
        content = builder.render(subject, language)
        name = default_storage.save(builder.path(subject, language), ContentFile(content))
    except Exception as error:
        logger.exception("Document %s could not be built", document_id)
        _mark(document, Status.FAILED, f"{type(error).__name__}: {error}")
        return False
    swapped = _swap(document, name, fingerprint)
    if swapped:
        _ready(builder, document.pk, subject)
    return swapped


def document_state(
    document: GeneratedDocument, *, subject: Any = None, label: str | Promise = ""
) -> DocumentState:
    """Where one document stands (`subject` as the builder loads it, if the caller has it)."""
    builder = builder_for(document.kind)
    if subject is None:
        subject = builder.load(document.subject_id, document.scope)
    current = subject is not None and _is_current(builder, document, subject)
    language = document.language or (builder.language_of(subject) if subject else "")
    return DocumentState(document, current, language, label, builder.words(), builder.serve_stale)


def document_states(
    *, kind: str, subject_id: int, scope: str = "", languages: dict[str, str | Promise]
) -> list[DocumentState]:
    """Per language asked for (code: label), where its document stands; the subject is loaded
    once for all."""
    builder = builder_for(kind)
    subject = builder.load(subject_id, scope)
    identity = _identity(builder, subject_id, scope, "")
    del identity["language"]
    rows = {row.language: row for row in GeneratedDocument.objects.filter(**identity)}
    states = []
    for code, label in languages.items():
        row = rows.get(code)
        if row is None:
            states.append(DocumentState(None, False, code, label, builder.words()))
        else:
            states.append(document_state(row, subject=subject, label=label))
    return states


def document_current(
    *, kind: str, subject_id: int, scope: str = "", language: str = ""
) -> GeneratedDocument | None:
    """The document if its file is current; otherwise a build is asked for and None returned
    unless it was built at once (tasks run in-process without a broker)."""
    document = document_find(kind=kind, subject_id=subject_id, scope=scope, language=language)
    if document is not None and document_state(document).current:
        return document
    document = document_request(kind=kind, subject_id=subject_id, scope=scope, language=language)
    if document is None:
        return None
    document.refresh_from_db()
    return document if document_state(document).current else None


def document_download_name(document: GeneratedDocument) -> str:
    builder = builder_for(document.kind)
    subject = builder.load(document.subject_id, document.scope)
    return builder.filename(subject, _language(builder, document, subject))


def documents_dispatch_pending() -> int:
    """Beat job: publish again the builds asked for more than STALE_AFTER ago that have not
    finished (their task was lost). Returns how many were published."""
    cutoff = timezone.now() - STALE_AFTER
    ids = list(
        GeneratedDocument.objects.filter(
            status__in=GeneratedDocument.BUSY, requested_at__lt=cutoff
        ).values_list("pk", flat=True)[:500]
    )
    GeneratedDocument.objects.filter(pk__in=ids).update(
        status=Status.QUEUED, requested_at=timezone.now()
    )
    return sum(enqueue(BUILD_TASK, document_id) for document_id in ids)
