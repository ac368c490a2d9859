"""Visa support letters: a PDF per approved registration that asks for one.

The letter is a generated document (core.services.documents; its builder is in
workshops/generated_documents.py) in the person's language, built by a Celery task and stored
under a generated name. It is rebuilt only when what it shows changes; a change replaces the
old file.
"""

from core.services.documents import document_request
from workshops.models import Registration

KIND = "workshops.visa_letter"


def needs_letter(registration: Registration) -> bool:
    return registration.status == Registration.Status.APPROVED and registration.visa_letter_needed


def letter_load(registration_id: int) -> Registration | None:
    return (
        Registration.objects.select_related("person", "organisation", "workshop", "funding__funder")
        .filter(pk=registration_id)
        .first()
    )


def visa_letter_request(*, registration: Registration) -> None:
    """Queue a (re)build after the current transaction commits, if the letter is needed and
    its data changed since the stored one."""
    if needs_letter(registration):
        document_request(kind=KIND, subject_id=registration.pk)
