"""Visa support letters: a PDF per approved registration that asks for one.

The letter is built by a Celery task and stored under MEDIA_ROOT with a generated name. Its
fingerprint is a hash of everything the letter shows, so a repeat of the task, or a change
that does not touch the letter, builds nothing; a change to its data builds a new file and
removes the old one.
"""

import hashlib
import json

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation

from core.pdf import render_pdf
from workshops.models import Registration
from workshops.models.registrations import visa_letter_path

# Bumped when templates/pdf/visa_letter.html changes in a way that matters.
LAYOUT_VERSION = 2


def needs_letter(registration: Registration) -> bool:
    return registration.status == Registration.Status.APPROVED and registration.visa_letter_needed


def _letter_language(registration: Registration) -> str:
    return registration.person.preferred_language or "en"


def letter_fingerprint(registration: Registration) -> str:
    workshop, person, funding = registration.workshop, registration.person, registration.funding
    state = [
        LAYOUT_VERSION,
        _letter_language(registration),
        person.name,
        person.title,
        person.gender,
        registration.nationality,
        registration.passport_number,
        registration.position,
        registration.organisation.name,
        workshop.title,
        workshop.title_fr,
        str(workshop.start_date),
        str(workshop.end_date),
        workshop.venue_line,
        funding.funder.name if funding else "",
        list(funding.covers) if funding else [],
    ]
    return hashlib.sha256(json.dumps(state).encode()).hexdigest()


def _load(registration_id: int) -> Registration | None:
    return (
        Registration.objects.select_related("person", "organisation", "workshop", "funding__funder")
        .filter(pk=registration_id)
        .first()
    )


def visa_letter_render(registration: Registration) -> bytes:
    with translation.override(_letter_language(registration)):
        return render_pdf(
            "pdf/visa_letter.html",
            {
                "registration": registration,
                "workshop": registration.workshop,
                "person": registration.person,
                "funding": registration.funding,
                "today": timezone.localdate(),
            },
        )


def visa_letter_build(*, registration_id: int) -> bool:
    """Build and store the letter if the registration needs one and its data changed since
    the last build. Returns whether a file was written. Safe to run twice."""
    registration = _load(registration_id)
    if registration is None or not needs_letter(registration):
        return False
    fingerprint = letter_fingerprint(registration)
    if registration.visa_letter and registration.visa_letter_fingerprint == fingerprint:
        return False
    pdf = visa_letter_render(registration)
    name = default_storage.save(visa_letter_path(registration, "letter.pdf"), ContentFile(pdf))
    old = registration.visa_letter.name
    # A plain update: building a letter is not a change of the registration (no history row).
    with transaction.atomic():
        updated = Registration.objects.filter(
            pk=registration.pk, visa_letter=registration.visa_letter.name or ""
        ).update(
            visa_letter=name,
            visa_letter_fingerprint=fingerprint,
            visa_letter_built_at=timezone.now(),
        )
    if not updated:
        # Another run stored its letter first: keep that one.
        default_storage.delete(name)
        return False
    if old:
        default_storage.delete(old)
    return True


def visa_letter_request(*, registration: Registration) -> None:
    """Queue a (re)build after the current transaction commits, if the letter is needed."""
    from workshops.letter_tasks import build_visa_letter

    if needs_letter(registration):
        build_visa_letter.delay_on_commit(registration.pk)


def visa_letter_is_current(registration: Registration) -> bool:
    return bool(registration.visa_letter) and (
        registration.visa_letter_fingerprint == letter_fingerprint(registration)
    )
