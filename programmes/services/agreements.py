"""Writes of agreements (MoUs): recorded, edited and deleted by the Secretariat."""

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ServiceError, refuse_unknown_fields
from core.permissions import require
from members.models import User
from programmes.models import Agreement
from workshops.services.documents import read_checked

FIELDS = {"title", "short_name", "signed_on", "signed_at", "summary"}
LINKS = {"parties", "activities", "workshops"}


def _check(data: dict) -> None:
    refuse_unknown_fields(data, FIELDS | LINKS)
    if not (data.get("title") or "").strip():
        raise ServiceError(_("Give the agreement a title."))
    if len(data.get("parties") or []) < 2:
        raise ServiceError(_("An agreement has at least two parties: choose them all."))
    if data.get("signed_on") and data["signed_on"] > timezone.localdate():
        raise ServiceError(_("The date of signing cannot be in the future."))
    if data.get("signed_at") and not data.get("signed_on"):
        raise ServiceError(_("Give the date of signing with its place."))


@transaction.atomic
def agreement_save(
    *,
    actor: User,
    data: dict,
    agreement: Agreement | None = None,
    document: UploadedFile | None = None,
) -> Agreement:
    """Record a new agreement or change one: title, parties, signing date and place, summary,
    the activities and workshops carried out under it, and optionally its signed document
    (checked by content like workshop documents, stored under a generated name; the old file
    is removed once the new one is saved). Secretariat only; nothing is saved on an error."""
    require(actor, "programmes.manage_programmes")
    _check(data)
    content = read_checked(document)[0] if document else None
    agreement = agreement or Agreement()
    for field in FIELDS & set(data):
        value = data[field]
        setattr(agreement, field, value.strip() if isinstance(value, str) else value)
    agreement.full_clean(exclude=["document"])
    old_name = agreement.document.name if content is not None else None
    if content is not None:
        agreement.document.save("agreement", ContentFile(content), save=False)
    try:
        agreement.save()
    except Exception:
        if content is not None:
            agreement.document.delete(save=False)
        raise
    for link in LINKS & set(data):
        getattr(agreement, link).set(data[link])
    if old_name:
        storage = agreement.document.storage
        transaction.on_commit(lambda: storage.delete(old_name))
    return agreement


@transaction.atomic
def agreement_delete(*, actor: User, agreement: Agreement) -> None:
    """Delete an agreement and its document; activities and workshops stay (Secretariat only)."""
    require(actor, "programmes.manage_programmes")
    name, storage = agreement.document.name, agreement.document.storage
    agreement.delete()
    if name:
        transaction.on_commit(lambda: storage.delete(name))
