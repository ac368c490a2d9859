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


def _workshop_state(workshop: Workshop) -> list:
    """What a certificate and a letter show of the workshop (part of their fingerprints)."""
    return [
        workshop.title,
        workshop.title_fr,
        str(workshop.start_date),
        str(workshop.end_date),
        workshop.venue_line,
    ]


class ParticipantPaperBuilder(DocumentBuilder):
    """A paper of one participant (a certificate, a visa letter): in the participant's
    language, filed by workshop under a generated name (nothing about the person in it)."""

    folder: str

    def registration_of(self, subject) -> Registration:
        raise NotImplementedError

    def language_of(self, subject) -> str:
        return self.registration_of(subject).person.preferred_language or "en"

    def path(self, subject, language: str) -> str:
        workshop_id = self.registration_of(subject).workshop_id
        return f"{self.folder}/{workshop_id}/{uuid.uuid4().hex}.pdf"


@register
class CertificateBuilder(ParticipantPaperBuilder):
    kind = certificates.KIND
    subject_model = Certificate
    template = "pdf/certificate.html"
    folder = "certificates"

    def registration_of(self, certificate: Certificate) -> Registration:
        return certificate.registration

    def load(self, subject_id: int, scope: str) -> Certificate | None:
        return certificates.certificate_load(subject_id)

    def state(self, certificate: Certificate, language: str) -> list:
        registration = certificate.registration
        workshop, person = registration.workshop, registration.person
        return [
            certificate.code,
            person.name,
            person.title,
            registration.organisation.name,
            *_workshop_state(workshop),
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

    def filename(self, certificate: Certificate, language: str) -> str:
        return certificates.certificate_filename(certificate)

    def on_ready(self, document, certificate: Certificate) -> None:
        # Mailed once, after its first build (a repeat finds emailed_at claimed).
        certificates.certificate_email(certificate_id=certificate.pk)


@register
class VisaLetterBuilder(ParticipantPaperBuilder):
    kind = visa_letters.KIND
    subject_model = Registration
    template = "pdf/visa_letter.html"
    layout_version = 2
    folder = "visa-letters"

    def registration_of(self, registration: Registration) -> Registration:
        return registration

    def wanted(self, registration: Registration) -> bool:
        return visa_letters.needs_letter(registration)

    def load(self, subject_id: int, scope: str) -> Registration | None:
        return visa_letters.letter_load(subject_id)

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
            *_workshop_state(workshop),
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

    def filename(self, registration: Registration, language: str) -> str:
        return f"visa-letter-{registration.workshop.slug}-{registration.pk}.pdf"
