"""Certificates of attendance: one per participant who reached the workshop's share of days.

Rows are created when the workshop is completed (or when the Secretariat asks again after
correcting attendance). Each PDF is built by a Celery task in the participant's language and
stored under a generated name; its fingerprint is a hash of everything it shows, so a repeat
builds nothing and a change builds a new file in place of the old one. Each certificate is
mailed once: `emailed_at` is claimed by a conditional UPDATE in the same transaction as the
outbox row, so a second run finds nothing to claim.
"""

import hashlib
import json

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation

from core.pdf import render_pdf
from core.services.mail import email_queue
from workshops.models import Certificate, Workshop
from workshops.models.attendance import certificate_path
from workshops.selectors.attendance import attended_registrations

# Bumped when templates/pdf/certificate.html changes in a way that matters.
LAYOUT_VERSION = 1


def _language(certificate: Certificate) -> str:
    return certificate.registration.person.preferred_language or "en"


def verification_url(certificate: Certificate) -> str:
    return settings.SITE_URL + certificate.get_absolute_url()


def _funders(workshop: Workshop) -> list[str]:
    return sorted({funding.funder.name for funding in workshop.fundings.all()})


def certificate_fingerprint(certificate: Certificate) -> str:
    registration = certificate.registration
    workshop, person = registration.workshop, registration.person
    state = [
        LAYOUT_VERSION,
        _language(certificate),
        certificate.code,
        person.name,
        person.title,
        registration.organisation.name,
        workshop.title,
        workshop.title_fr,
        str(workshop.start_date),
        str(workshop.end_date),
        workshop.venue_line,
        _funders(workshop),
        settings.SITE_URL,
    ]
    return hashlib.sha256(json.dumps(state).encode()).hexdigest()


def _load(certificate_id: int) -> Certificate | None:
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


def certificate_render(certificate: Certificate) -> bytes:
    registration = certificate.registration
    with translation.override(_language(certificate)):
        return render_pdf(
            "pdf/certificate.html",
            {
                "certificate": certificate,
                "registration": registration,
                "person": registration.person,
                "workshop": registration.workshop,
                "funders": _funders(registration.workshop),
                "verification_url": verification_url(certificate),
            },
        )


def certificate_build(*, certificate_id: int) -> bool:
    """Build and store the PDF if its data changed since the last build. Returns whether a
    file was written. Safe to run twice."""
    certificate = _load(certificate_id)
    if certificate is None:
        return False
    fingerprint = certificate_fingerprint(certificate)
    if certificate.file and certificate.fingerprint == fingerprint:
        return False
    pdf = certificate_render(certificate)
    name = default_storage.save(certificate_path(certificate, "certificate.pdf"), ContentFile(pdf))
    old = certificate.file.name
    with transaction.atomic():
        updated = Certificate.objects.filter(pk=certificate.pk, file=old or "").update(
            file=name, fingerprint=fingerprint, built_at=timezone.now()
        )
    if not updated:
        # Another run stored its file first: keep that one.
        default_storage.delete(name)
        return False
    if old:
        default_storage.delete(old)
    return True


def certificate_is_current(certificate: Certificate) -> bool:
    return bool(certificate.file) and certificate.fingerprint == certificate_fingerprint(
        certificate
    )


def certificate_filename(certificate: Certificate) -> str:
    return f"certificate-{certificate.registration.workshop.slug}.pdf"


@transaction.atomic
def certificate_email(*, certificate_id: int) -> bool:
    """Mail the built certificate to its holder through the outbox, once. Returns whether
    an e-mail was queued: False when it was mailed before or has no file yet."""
    claimed = Certificate.objects.filter(
        pk=certificate_id, emailed_at__isnull=True, file__gt=""
    ).update(emailed_at=timezone.now())
    if not claimed:
        return False
    certificate = _load(certificate_id)
    person = certificate.registration.person
    with certificate.file.open("rb") as handle:
        content = handle.read()
    email = email_queue(
        to=person.email,
        template="certificate",
        context={
            "person": person,
            "workshop": certificate.registration.workshop,
            "certificate": certificate,
            "verification_url": verification_url(certificate),
            "download_url": settings.SITE_URL
            + reverse(
                "workshops:certificate", kwargs={"slug": certificate.registration.workshop.slug}
            ),
        },
        language=_language(certificate),
        user=person,
        attachments=[(certificate_filename(certificate), content, "application/pdf")],
    )
    Certificate.objects.filter(pk=certificate_id).update(outgoing_email=email)
    return True


def certificate_request_build(*, certificate: Certificate) -> None:
    """Queue a (re)build of one file after commit, without mailing it (a download)."""
    from workshops.certificate_tasks import build_certificate

    build_certificate.delay_on_commit(certificate.pk, mail=False)


def certificates_request(*, workshop: Workshop) -> None:
    """Queue the bulk build and mailing of a workshop's certificates after commit."""
    from workshops.certificate_tasks import issue_certificates

    issue_certificates.delay_on_commit(workshop.pk)
