"""The generated documents of the workshops app (core.documents): certificates of attendance
and visa support letters, each in its holder's language. Not to be confused with a workshop's
uploaded documents (workshops.models.Document)."""

import uuid

from django.conf import settings
from django.utils import timezone

from core.documents import DocumentBuilder, register
from workshops.models import Certificate, Registration, Workshop
from workshops.services import certificates, visa_letters


def _funders(workshop: Workshop) -> list[str]:
    return sorted({funding.funder.name for funding in workshop.fundings.all()})


@register
class CertificateBuilder(DocumentBuilder):
    kind = certificates.KIND
    subject_model = Certificate
    template = "pdf/certificate.html"
    layout_version = 1

    def load(self, subject_id: int, scope: str) -> Certificate | None:
        return certificates.certificate_load(subject_id)

    def language_of(self, certificate: Certificate) -> str:
        return certificates.certificate_language(certificate)

    def state(self, certificate: Certificate, language: str) -> list:
        registration = certificate.registration
        workshop, person = registration.workshop, registration.person
        return [
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

    def context(self, certificate: Certificate, language: str) -> dict:
        registration = certificate.registration
        return {
            "certificate": certificate,
            "registration": registration,
            "person": registration.person,
            "workshop": registration.workshop,
            "funders": _funders(registration.workshop),
            "verification_url": certificates.verification_url(certificate),
        }

    def path(self, certificate: Certificate, language: str) -> str:
        # Neither the person nor the verification code appears in the path.
        return f"certificates/{certificate.registration.workshop_id}/{uuid.uuid4().hex}.pdf"

    def filename(self, certificate: Certificate, language: str) -> str:
        return certificates.certificate_filename(certificate)

    def on_ready(self, document, certificate: Certificate) -> None:
        # Mailed once, after its first build (a repeat finds emailed_at claimed).
        certificates.certificate_email(certificate_id=certificate.pk)


@register
class VisaLetterBuilder(DocumentBuilder):
    kind = visa_letters.KIND
    subject_model = Registration
    template = "pdf/visa_letter.html"
    layout_version = 2

    def load(self, subject_id: int, scope: str) -> Registration | None:
        return visa_letters.letter_load(subject_id)

    def wanted(self, registration: Registration) -> bool:
        return visa_letters.needs_letter(registration)

    def language_of(self, registration: Registration) -> str:
        return visa_letters.letter_language(registration)

    def state(self, registration: Registration, language: str) -> list:
        workshop, person, funding = registration.workshop, registration.person, registration.funding
        return [
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

    def context(self, registration: Registration, language: str) -> dict:
        return {
            "registration": registration,
            "workshop": registration.workshop,
            "person": registration.person,
            "funding": registration.funding,
            "today": timezone.localdate(),
        }

    def path(self, registration: Registration, language: str) -> str:
        # Nothing about the person appears in the path.
        return f"visa-letters/{registration.workshop_id}/{uuid.uuid4().hex}.pdf"

    def filename(self, registration: Registration, language: str) -> str:
        return f"visa-letter-{registration.workshop.slug}-{registration.pk}.pdf"
