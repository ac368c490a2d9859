"""Workshop documents: allow-listed types checked by content, size limit, generated names."""

import io
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.permissions import require
from members.models import User
from workshops.models import Document, Workshop
from workshops.public_cache import changes_public_pages

OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
OOXML_PARTS = {
    "word/": ("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
    "xl/": ("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    "ppt/": ("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
}
ODF_TYPES = {
    b"application/vnd.oasis.opendocument.text": "odt",
    b"application/vnd.oasis.opendocument.spreadsheet": "ods",
    b"application/vnd.oasis.opendocument.presentation": "odp",
}


@dataclass(frozen=True)
class Sniffed:
    kind: str
    content_type: str


def _sniff_zip(data: bytes) -> Sniffed | None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = archive.namelist()
        if "mimetype" in names:
            mimetype = archive.read("mimetype").strip()
            if mimetype in ODF_TYPES:
                return Sniffed(ODF_TYPES[mimetype], mimetype.decode())
        if "[Content_Types].xml" in names:
            for prefix, (kind, content_type) in OOXML_PARTS.items():
                if any(name.startswith(prefix) for name in names):
                    return Sniffed(kind, content_type)
    except (zipfile.BadZipFile, KeyError, RuntimeError, ValueError):
        return None
    return None


def sniff(data: bytes) -> Sniffed | None:
    """The document's real type from its bytes, or None when it is not an allowed type."""
    if data.startswith(b"%PDF-"):
        return Sniffed("pdf", "application/pdf")
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return Sniffed("png", "image/png")
    if data.startswith(b"\xff\xd8\xff"):
        return Sniffed("jpeg", "image/jpeg")
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return Sniffed("webp", "image/webp")
    if data.startswith(OLE2_MAGIC):
        return Sniffed("office", "application/octet-stream")
    if data.startswith(b"PK\x03\x04"):
        return _sniff_zip(data)
    return None


def read_checked(upload: UploadedFile) -> tuple[bytes, Sniffed]:
    """The upload's bytes and real type, after the size limit and the content check."""
    limit = settings.DOCUMENT_MAX_BYTES
    if upload.size is None or upload.size > limit:
        raise ServiceError(
            _("The file is larger than %(limit)s. Send a smaller file.")
            % {"limit": filesizeformat(limit)}
        )
    data = upload.read(limit + 1)
    if len(data) > limit:
        raise ServiceError(
            _("The file is larger than %(limit)s.") % {"limit": filesizeformat(limit)}
        )
    if not data:
        raise ServiceError(_("The file is empty."))
    sniffed = sniff(data)
    if sniffed is None:
        raise ServiceError(
            _(
                "This file is not a PDF, an Office document or an image (PNG, JPEG, WebP), whatever its name says."
            )
        )
    return data, sniffed


@changes_public_pages
@transaction.atomic
def document_upload(
    *, actor: User, workshop: Workshop, title: str, upload: UploadedFile, visibility: str
) -> Document:
    """Store an uploaded document under a generated name after checking its size and content."""
    require(actor, "workshops.plan_workshop")
    if visibility not in Document.Visibility.values:
        raise ServiceError(_("Choose who may see the document."))
    data, sniffed = read_checked(upload)
    document = Document(
        workshop=workshop,
        title=title or upload.name,
        original_name=(upload.name or "document")[-200:],
        content_type=sniffed.content_type,
        kind=sniffed.kind,
        size=len(data),
        visibility=visibility,
        uploaded_by=actor,
    )
    document.file.save("upload", ContentFile(data), save=False)
    try:
        document.save()
    except Exception:
        document.file.delete(save=False)
        raise
    return document


@transaction.atomic
def document_copy(*, document: Document, workshop: Workshop, actor: User) -> Document:
    require(actor, "workshops.plan_workshop")
    with document.file.open("rb") as handle:
        data = handle.read()
    copy = Document(
        workshop=workshop,
        title=document.title,
        original_name=document.original_name,
        content_type=document.content_type,
        kind=document.kind,
        size=document.size,
        visibility=document.visibility,
        uploaded_by=actor,
    )
    copy.file.save("copy", ContentFile(data), save=False)
    copy.save()
    return copy


@changes_public_pages
@transaction.atomic
def document_delete(*, actor: User, document: Document) -> None:
    """Delete the row, and the file once the deletion is committed."""
    require(actor, "workshops.plan_workshop")
    storage, name = document.file.storage, document.file.name
    document.delete()
    transaction.on_commit(lambda: storage.delete(name))
