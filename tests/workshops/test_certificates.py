"""Certificates: eligibility, the task run twice (one file, one e-mail), the PDF in the
holder's language, the download and the public verification page."""

import json

import pytest
from django.core import mail

from core.models import OutgoingEmail
from tests.documents import (  # noqa: F401
    build,
    document_of,
    fingerprint,
    media_root_fixture,
    pdf_text,
    stored_files,
)
from tests.factories import OrganisationFactory, UserFactory
from tests.tasks import run_task_twice
from tests.workshops.attendance_helpers import approved, attend, past_workshop
from tests.workshops.factories import FundingFactory
from workshops.models import Certificate, Workshop
from workshops.services.certificates import KIND
from workshops.services.workshops import workshop_complete
from workshops.tasks import issue_certificates

pytestmark = pytest.mark.django_db


@pytest.fixture
def commit(django_capture_on_commit_callbacks):
    """Runs what is queued "after commit" (outbox deliveries) as a real commit would."""
    return lambda: django_capture_on_commit_callbacks(execute=True)


@pytest.fixture
def issue(commit):
    def run(workshop_id: int) -> int:
        # Task arguments go through JSON, as they do on a real broker.
        with commit():
            return issue_certificates.delay(*json.loads(json.dumps([workshop_id]))).get()

    return run


@pytest.fixture
def workshop():
    workshop = past_workshop(
        days=4, status=Workshop.Status.COMPLETED, title="Regional workshop on the WTO TFA"
    )
    FundingFactory(workshop=workshop, funder=OrganisationFactory(name="Korea Customs Service"))
    return workshop


def test_only_those_who_attended_the_share_get_a_certificate(workshop, issue):
    three_of_four, two_of_four = approved(workshop), approved(workshop)
    attend(three_of_four, 3)
    attend(two_of_four, 2)

    assert issue(workshop.pk) == 1

    assert list(Certificate.objects.values_list("registration", flat=True)) == [three_of_four.pk]


def test_a_lower_share_on_the_workshop_certifies_more(workshop, issue):
    workshop.attendance_share_required = 50
    workshop.save()
    two_of_four = approved(workshop)
    attend(two_of_four, 2)

    issue(workshop.pk)

    assert Certificate.objects.filter(registration=two_of_four).exists()


def test_the_task_run_twice_leaves_one_file_and_one_email(workshop, media_root, issue):
    for _i in range(2):
        attend(approved(workshop), 4)

    issue(workshop.pk)
    issue(workshop.pk)

    assert Certificate.objects.count() == 2
    assert len(stored_files(media_root)) == 2
    assert OutgoingEmail.objects.filter(template="certificate").count() == 2
    assert len(mail.outbox) == 2
    assert all(c.emailed_at and c.outgoing_email_id for c in Certificate.objects.all())
    message = mail.outbox[0]
    assert message.attachments[0][2] == "application/pdf"


def test_a_change_of_its_data_rebuilds_the_file_in_place(workshop, media_root, issue, commit):
    registration = approved(workshop)
    attend(registration, 4)
    issue(workshop.pk)
    certificate = Certificate.objects.get()
    first = stored_files(media_root)

    registration.person.name = "Mele Tupou-Fifita"
    registration.person.save()
    with commit():
        assert build(KIND, certificate.pk) is True

    files = stored_files(media_root)
    assert len(files) == 1
    assert files != first
    assert document_of(KIND, certificate.pk).fingerprint == fingerprint(KIND, certificate)
    assert len(mail.outbox) == 1  # mailed once, not again after the rebuild


def test_the_build_task_run_twice_builds_and_mails_once(workshop, media_root, commit):
    attend(approved(workshop), 4)
    certificate = Certificate.objects.create(registration=workshop.registrations.get())
    assert document_of(KIND, certificate.pk) is None
    with commit():
        assert build(KIND, certificate.pk) is True  # the row and its first build
        document = document_of(KIND, certificate.pk)
        assert run_task_twice("core.build_document", document.pk) == (False, False)
    assert len(stored_files(media_root)) == 1
    assert OutgoingEmail.objects.filter(template="certificate").count() == 1
    assert len(mail.outbox) == 1


def test_the_pdf_is_in_the_holders_language_with_its_code(workshop, tmp_path, issue):
    person = UserFactory(name="Jean-Marc Wakaty", preferred_language="fr")
    attend(approved(workshop, person=person), 4)
    issue(workshop.pk)
    certificate = Certificate.objects.get()

    text = pdf_text(document_of(KIND, certificate.pk).file.read())

    assert "Certificat de présence" in text
    assert "Jean-Marc Wakaty" in text
    assert "Korea Customs Service" in text
    assert certificate.display_code in text
    assert f"/certificates/verify/{certificate.code}/" in text
    assert "présence" in mail.outbox[0].subject


def test_completing_the_workshop_issues_certificates_after_commit(
    secretariat, django_capture_on_commit_callbacks
):
    workshop = past_workshop(days=2)
    attend(approved(workshop), 2)
    approved(workshop)  # never came

    with django_capture_on_commit_callbacks(execute=True):
        workshop_complete(actor=secretariat, workshop=workshop)

    assert Certificate.objects.count() == 1
    assert OutgoingEmail.objects.filter(template="certificate").count() == 1
    workshop.refresh_from_db()
    assert workshop.evaluation_closes_on is not None


def test_codes_are_random_not_the_pk(workshop, issue):
    for _i in range(3):
        attend(approved(workshop), 4)
    issue(workshop.pk)
    codes = list(Certificate.objects.values_list("code", flat=True))
    assert len(set(codes)) == 3
    assert all(len(code) == 16 and not code.isdigit() for code in codes)


def test_the_holder_downloads_the_certificate_others_cannot(client, workshop, issue):
    registration = approved(workshop)
    attend(registration, 4)
    issue(workshop.pk)
    url = f"/workshops/{workshop.slug}/registration/certificate.pdf"

    client.force_login(registration.person)
    response = client.get(url)
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content).startswith(b"%PDF")

    client.force_login(approved(workshop).person)
    assert client.get(url).status_code == 404


def test_verification_of_a_valid_code_shows_only_holder_workshop_and_dates(client, workshop, issue):
    registration = approved(workshop, person=UserFactory(name="Mere Tui", email="mere@example.org"))
    attend(registration, 4)
    issue(workshop.pk)
    certificate = Certificate.objects.get()

    response = client.get(f"/certificates/verify/{certificate.display_code.lower()}/")

    body = response.content.decode()
    assert response.status_code == 200
    assert "Valid" in body
    assert "Mere Tui" in body
    assert "Regional workshop on the WTO TFA" in body
    assert "mere@example.org" not in body
    assert registration.organisation.name not in body


def test_a_forged_code_says_there_is_no_such_certificate(client, workshop):
    response = client.get("/certificates/verify/ABCD-EFGH-JKMN-PQRS/")
    assert response.status_code == 404
    assert "No certificate with this code" in response.content.decode()


def test_the_verification_form_leads_to_the_code(client, workshop, issue):
    attend(approved(workshop), 4)
    issue(workshop.pk)
    certificate = Certificate.objects.get()
    response = client.get("/certificates/verify/", {"code": f" {certificate.display_code} "})
    assert response.status_code == 302
    assert response["Location"] == f"/certificates/verify/{certificate.code}/"


def test_the_secretariat_issues_certificates_again_after_a_correction(
    secretariat_client, workshop, commit
):
    late = approved(workshop)
    attend(late, 2)
    with commit():
        response = secretariat_client.post(
            f"/manage/workshops/{workshop.pk}/certificates/issue/", follow=True
        )
    assert "Certificates are being issued to those who attended." in response.content.decode()
    assert not Certificate.objects.exists()

    attend(late, 3)  # a day had been missed at check-in
    with commit():
        secretariat_client.post(f"/manage/workshops/{workshop.pk}/certificates/issue/")

    assert Certificate.objects.get().registration == late
    page = secretariat_client.get(f"/manage/workshops/{workshop.pk}/").content.decode()
    assert "1 of 1 approved participants attended at least 75% of the days." in page
    assert "Certificates: 1 issued, 1 e-mailed." in page


def test_certificates_are_not_issued_before_completion(secretariat_client):
    running = past_workshop(status=Workshop.Status.CLOSED)
    attend(approved(running), 4)
    response = secretariat_client.post(
        f"/manage/workshops/{running.pk}/certificates/issue/", follow=True
    )
    assert "Certificates are issued once the workshop is completed." in response.content.decode()
    assert not Certificate.objects.exists()


def test_a_delegate_cannot_issue_certificates(delegate_client, workshop):
    attend(approved(workshop), 4)
    response = delegate_client.post(f"/manage/workshops/{workshop.pk}/certificates/issue/")
    assert response.status_code == 404
    assert not Certificate.objects.exists()
