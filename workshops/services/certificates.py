"""Certificates of attendance: one per participant who reached the workshop's share of days.

Rows are created when the workshop is completed (or when the Secretariat asks again after
correcting attendance). Each PDF is a generated document (core.services.documents; its builder
is in workshops/generated_documents.py) in the holder's language, rebuilt only when what it
shows changes. Each certificate is mailed once, after its PDF is first ready: `emailed_at` is
claimed by a conditional UPDATE in the same transaction as the outbox row, so a second run
finds nothing to claim.
"""

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.models import GeneratedDocument
from core.queue import enqueue_on_commit
from core.services.documents import document_find, document_request
from core.services.mail import email_queue
from workshops.models import Certificate, Workshop
from workshops.selectors.attendance import attended_registrations

KIND = "workshops.certificate"


def certificate_language(certificate: Certificate) -> str:
    return certificate.registration.person.preferred_language or "en"


def verification_url(certificate: Certificate) -> str:
    return settings.SITE_URL + certificate.get_absolute_url()


def certificate_filename(certificate: Certificate) -> str:
    return f"certificate-{certificate.registration.workshop.slug}.pdf"


def certificate_load(certificate_id: int) -> Certificate | None:
    return (
        Certificate.objects.select_related(
            "registration__person", "registration__organisation", "registration__workshop"
        )
        .prefetch_related("registration__workshop__fundings__funder")
        .filter(pk=certificate_id)
        .first()
    )


def certificates_create(*, workshop: Workshop) -> list[int]:
    """A certificate row for every participant who attended enough of a completed workshop
    and has none yet. Returns the ids of all its certificates (new and existing)."""
    if workshop.status != Workshop.Status.COMPLETED:
        return []
    eligible = attended_registrations(Workshop.objects.filter(pk=workshop.pk))
    Certificate.objects.bulk_create(
        [Certificate(registration=registration) for registration in eligible],
        ignore_conflicts=True,
    )
    return list(
        Certificate.objects.filter(registration__workshop=workshop).values_list("pk", flat=True)
    )


def certificates_issue(*, workshop_id: int) -> int:
    """Create the certificates of a completed workshop, ask for each one's PDF and mail those
    already built that were never mailed (the others are mailed once built). Returns how many
    certificates the workshop has. Safe to run twice."""
    workshop = Workshop.objects.filter(pk=workshop_id).first()
    if workshop is None:
        return 0
    ids = certificates_create(workshop=workshop)
    for certificate_id in ids:
        document = document_request(kind=KIND, subject_id=certificate_id)
        if document is not None and document.status == GeneratedDocument.Status.READY:
            certificate_email(certificate_id=certificate_id)
    return len(ids)


@transaction.atomic
def certificate_email(*, certificate_id: int) -> bool:
    """Mail the built certificate to its holder through the outbox, once. Returns whether
    an e-mail was queued: False when it was mailed before or has no file yet."""
    document = document_find(kind=KIND, subject_id=certificate_id)
    if document is None or not document.file:
        return False
    claimed = Certificate.objects.filter(pk=certificate_id, emailed_at__isnull=True).update(
        emailed_at=timezone.now()
    )
    if not claimed:
        return False
    certificate = certificate_load(certificate_id)
    assert certificate is not None  # the claim above found it
    person, workshop = certificate.registration.person, certificate.registration.workshop
    with document.file.open("rb") as handle:
        content = handle.read()
    email = email_queue(
        to=person.email,
        template="certificate",
        context={
            "person": person,
            "workshop": workshop,
            "certificate": certificate,
            "verification_url": verification_url(certificate),
            "download_url": settings.SITE_URL
            + reverse("workshops:certificate", kwargs={"slug": workshop.slug}),
        },
        language=certificate_language(certificate),
        user=person,
        attachments=[(certificate_filename(certificate), content, "application/pdf")],
    )
    Certificate.objects.filter(pk=certificate_id).update(outgoing_email=email)
    return True


def certificates_request(*, workshop: Workshop) -> None:
    """Queue the bulk build and mailing of a workshop's certificates after commit."""
    enqueue_on_commit("workshops.issue_certificates", workshop.pk)
