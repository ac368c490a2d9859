"""Visa support letters: built by a task with real WeasyPrint, rebuilt only on change,
downloadable by the delegate and the Secretariat only."""

import pytest

from tests.documents import build, document_of, media_root_fixture, pdf_text, stored_files  # noqa: F401
from tests.factories import OrganisationFactory, UserFactory
from tests.tasks import run_task_twice
from tests.workshops.factories import FundingFactory, OpenWorkshopFactory, RegistrationFactory
from workshops.models import Registration
from workshops.services.visa_letters import KIND

pytestmark = pytest.mark.django_db


@pytest.fixture
def registration():
    workshop = OpenWorkshopFactory(
        title="Regional workshop on <risk> management", city="Suva", country="Fiji"
    )
    person = UserFactory(
        name="Mele <b>Tupou</b>", organisation=OrganisationFactory(name="Tonga Customs")
    )
    return RegistrationFactory(
        workshop=workshop,
        person=person,
        status=Registration.Status.APPROVED,
        visa_letter_needed=True,
        nationality="Tongan",
        passport_number="T1234567",
        funding=FundingFactory(workshop=workshop, funder=OrganisationFactory(name="KCS")),
    )


def _run(registration_id: int) -> bool:
    # The build task, its arguments through JSON as on a real broker.
    return build(KIND, registration_id)


def _letter(registration_id: int):
    """The stored letter's file."""
    return document_of(KIND, registration_id).file


def test_letter_shows_the_person_and_the_workshop(registration, media_root, tmp_path):
    assert _run(registration.pk) is True
    letter = _letter(registration.pk)
    assert letter.name.startswith(f"visa-letters/{registration.workshop_id}/")
    assert "Mele" not in letter.name
    text = pdf_text(letter.read())
    assert "Oceania Customs Organisation Secretariat, Suva, Fiji" in text
    assert "To the consular officer" in text
    assert "Mele <b>Tupou</b>" in text  # escaped: shown as typed, not as markup
    assert "Regional workshop on <risk> management" in text
    assert "Tongan" in text
    assert "T1234567" in text
    assert "Tonga Customs" in text
    assert "KCS" in text


def test_task_run_twice_makes_one_file(registration, media_root):
    assert _run(registration.pk) is True
    assert _run(registration.pk) is False
    document = document_of(KIND, registration.pk)
    assert run_task_twice("core.build_document", document.pk) == (False, False)
    assert len(stored_files(media_root)) == 1


def test_a_change_of_its_data_rebuilds_and_removes_the_old_file_after_commit(
    registration, media_root, django_capture_on_commit_callbacks
):
    _run(registration.pk)
    first = _letter(registration.pk).name
    Registration.objects.filter(pk=registration.pk).update(passport_number="T7654321")
    with django_capture_on_commit_callbacks(execute=True):
        assert _run(registration.pk) is True
        assert len(stored_files(media_root)) == 2  # the old file is kept until the swap commits
    files = stored_files(media_root)
    assert len(files) == 1
    assert _letter(registration.pk).name != first


def test_no_letter_for_a_registration_not_approved_or_not_asking(media_root):
    pending = RegistrationFactory(visa_letter_needed=True, nationality="Fijian")
    not_asking = RegistrationFactory(status="approved")
    assert _run(pending.pk) is False
    assert _run(not_asking.pk) is False
    assert stored_files(media_root) == []


def test_approval_queues_the_letter(secretariat_client, django_capture_on_commit_callbacks):
    registration = RegistrationFactory(visa_letter_needed=True, nationality="Fijian")
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(
            f"/manage/workshops/{registration.workshop_id}/participants/",
            {"act": f"approve:{registration.pk}"},
        )
    document = document_of(KIND, registration.pk)
    assert document.file
    assert document.fingerprint


def test_delegate_downloads_their_letter_as_an_attachment(client, registration):
    _run(registration.pk)
    client.force_login(registration.person)
    response = client.get(f"/workshops/{registration.workshop.slug}/registration/visa-letter.pdf")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert b"".join(response.streaming_content).startswith(b"%PDF")


def test_secretariat_downloads_any_letter(secretariat_client, registration):
    _run(registration.pk)
    response = secretariat_client.get(f"/manage/registrations/{registration.pk}/visa-letter.pdf")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")


def test_others_get_404(client, registration):
    _run(registration.pk)
    other = UserFactory()
    client.force_login(other)
    assert client.get(f"/manage/registrations/{registration.pk}/visa-letter.pdf").status_code == 404
    slug = registration.workshop.slug
    assert client.get(f"/workshops/{slug}/registration/visa-letter.pdf").status_code == 404
    facilitator_view = client.get(f"/workshops/{slug}/participants/")
    assert facilitator_view.status_code == 404


def test_a_declined_registration_has_no_letter_to_download(client, registration):
    _run(registration.pk)
    Registration.objects.filter(pk=registration.pk).update(status="declined")
    client.force_login(registration.person)
    slug = registration.workshop.slug
    assert client.get(f"/workshops/{slug}/registration/visa-letter.pdf").status_code == 404


def test_an_edit_by_the_delegate_rebuilds_the_letter(
    client, registration, media_root, django_capture_on_commit_callbacks
):
    _run(registration.pk)
    first = _letter(registration.pk).name
    client.force_login(registration.person)
    slug = registration.workshop.slug
    page = client.get(f"/workshops/{slug}/registration/").content.decode()
    assert 'value="T1234567"' in page
    form = {
        "name": "Mele Tupou",
        "nationality": "Tongan",
        "visa_letter_needed": "on",
        "passport_number": "T7654321",
        "consent": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/workshops/{slug}/registration/", form)
    assert response.status_code == 302
    letter = _letter(registration.pk)
    assert letter.name != first
    assert len(stored_files(media_root)) == 1
    assert "T7654321" in pdf_text(letter.read())
