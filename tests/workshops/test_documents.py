"""Workshop documents: upload checks by content, deletion, and downloads per visibility and role."""

import io
import zipfile
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from tests.factories import SecretariatFactory, UserFactory
from tests.workshops.factories import (
    MINIMAL_PDF,
    DocumentFactory,
    FacilitationFactory,
    OpenWorkshopFactory,
    RegistrationFactory,
    WorkshopFactory,
)
from workshops.models import Document, Registration

pytestmark = pytest.mark.django_db

PNG = (
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00"
    b"\x1f\x15\xc4\x89\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00"
    b"\x00\x00IEND\xaeB`\x82"
)
EXECUTABLE = (
    b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff\x00\x00" + b"\x00" * 48 + b"PE\x00\x00"
)
HTML = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
NOT_A_DOCUMENT = "This file is not a PDF, an Office document or an image (PNG, JPEG, WebP), whatever its name says."


def _docx() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        )
        archive.writestr(
            "word/document.xml",
            '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>',
        )
    return buffer.getvalue()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def _stored_files(root: Path) -> list[Path]:
    return [path for path in root.rglob("*") if path.is_file()] if root.exists() else []


def _upload(
    client, workshop, name: str, data: bytes, *, visibility: str = "participants", title: str = ""
):
    return client.post(
        f"/manage/workshops/{workshop.pk}/documents/new/",
        {"title": title, "visibility": visibility, "file": SimpleUploadedFile(name, data)},
    )


# --- Upload ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "data", "kind", "content_type"),
    [
        ("agenda.pdf", MINIMAL_PDF, "pdf", "application/pdf"),
        ("group-photo.png", PNG, "png", "image/png"),
        (
            "concept-note.docx",
            _docx(),
            "docx",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
    ],
)
def test_secretariat_uploads_an_allowed_document(
    secretariat_client, media_root, name, data, kind, content_type
):
    workshop = OpenWorkshopFactory()

    response = _upload(secretariat_client, workshop, name, data, title="Workshop file")

    assert response.status_code == 302
    assert response["Location"] == f"/manage/workshops/{workshop.pk}/"
    document = Document.objects.get(workshop=workshop)
    assert (document.title, document.original_name) == ("Workshop file", name)
    assert (document.kind, document.content_type, document.size) == (kind, content_type, len(data))
    assert document.visibility == "participants"
    stored = _stored_files(media_root)
    assert len(stored) == 1
    assert stored[0].read_bytes() == data
    assert name not in str(stored[0])


def test_the_file_name_is_the_title_when_none_is_given(secretariat_client):
    workshop = OpenWorkshopFactory()

    _upload(secretariat_client, workshop, "programme.pdf", MINIMAL_PDF)

    assert Document.objects.get().title == "programme.pdf"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("agenda.pdf", EXECUTABLE),
        ("setup.exe", EXECUTABLE),
        ("agenda.pdf", HTML),
        ("photo.png", b"GIF89a\x01\x00\x01\x00\x00\x00\x00;"),
        ("report.docx", b"PK\x03\x04" + b"\x00" * 40),
    ],
)
def test_a_disguised_file_is_refused_and_nothing_is_stored(
    secretariat_client, media_root, name, data
):
    workshop = OpenWorkshopFactory()

    response = _upload(secretariat_client, workshop, name, data)

    assert response.status_code == 200
    assert NOT_A_DOCUMENT in response.content.decode()
    assert not Document.objects.exists()
    assert _stored_files(media_root) == []


def test_an_oversized_file_is_refused_and_nothing_is_stored(
    secretariat_client, media_root, settings
):
    settings.DOCUMENT_MAX_BYTES = 100
    workshop = OpenWorkshopFactory()

    response = _upload(secretariat_client, workshop, "big.pdf", MINIMAL_PDF + b"%" * 200)

    assert response.status_code == 200
    assert "The file is larger than 100\xa0bytes." in response.content.decode()
    assert not Document.objects.exists()
    assert _stored_files(media_root) == []


def test_an_empty_file_is_refused_and_nothing_is_stored(secretariat_client, media_root):
    workshop = OpenWorkshopFactory()

    response = _upload(secretariat_client, workshop, "empty.pdf", b"")

    assert response.status_code == 200
    assert "The file is empty." in response.content.decode()
    assert not Document.objects.exists()
    assert _stored_files(media_root) == []


def test_upload_form_explains_types_and_limit(secretariat_client, settings):
    settings.DOCUMENT_MAX_BYTES = 20 * 1024 * 1024
    workshop = OpenWorkshopFactory(title="Rules of Origin")

    page = secretariat_client.get(
        f"/manage/workshops/{workshop.pk}/documents/new/"
    ).content.decode()

    assert "Upload a document" in page
    assert "Rules of Origin" in page
    assert "up to 20.0\xa0MB" in page
    assert 'enctype="multipart/form-data"' in page


def test_only_the_secretariat_may_upload(client, media_root):
    workshop = OpenWorkshopFactory()
    client.force_login(UserFactory())

    assert client.get(f"/manage/workshops/{workshop.pk}/documents/new/").status_code == 404
    assert _upload(client, workshop, "agenda.pdf", MINIMAL_PDF).status_code == 404
    assert not Document.objects.exists()
    assert _stored_files(media_root) == []


# --- Delete ---------------------------------------------------------------------------------------


def test_delete_asks_for_confirmation_then_removes_row_and_file(
    secretariat_client, media_root, django_capture_on_commit_callbacks
):
    document = DocumentFactory(title="Old programme", original_name="old.pdf")
    assert len(_stored_files(media_root)) == 1

    confirm = secretariat_client.get(f"/manage/documents/{document.pk}/delete/")
    assert "Delete this document?" in confirm.content.decode()
    assert "Old programme" in confirm.content.decode()
    assert Document.objects.filter(pk=document.pk).exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post(f"/manage/documents/{document.pk}/delete/")

    assert response.status_code == 302
    assert response["Location"] == f"/manage/workshops/{document.workshop_id}/"
    assert not Document.objects.filter(pk=document.pk).exists()
    assert _stored_files(media_root) == []


def test_only_the_secretariat_may_delete(delegate_client):
    document = DocumentFactory()

    assert delegate_client.get(f"/manage/documents/{document.pk}/delete/").status_code == 404
    assert delegate_client.post(f"/manage/documents/{document.pk}/delete/").status_code == 404
    assert Document.objects.filter(pk=document.pk).exists()


# --- Download -------------------------------------------------------------------------------------


def _download(client, document):
    return client.get(f"/workshops/{document.workshop.slug}/documents/{document.pk}/")


def test_anyone_downloads_a_public_document_as_an_attachment(client):
    document = DocumentFactory(visibility="public", original_name="Concept note – 2027.pdf")

    response = _download(client, document)

    assert response.status_code == 200
    assert b"".join(response.streaming_content) == MINIMAL_PDF
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "Concept%20note%20%E2%80%93%202027.pdf" in response["Content-Disposition"]
    assert response["X-Content-Type-Options"] == "nosniff"


def test_the_stored_content_type_is_served_whatever_the_name_says(client):
    document = DocumentFactory(
        visibility="public", original_name="page.html", content_type="image/png", kind="png"
    )

    response = _download(client, document)

    assert response["Content-Type"] == "image/png"
    assert 'filename="page.html"' in response["Content-Disposition"]


def test_public_documents_of_hidden_workshops_are_404(client):
    draft_doc = DocumentFactory(workshop=WorkshopFactory(), visibility="public")
    private_doc = DocumentFactory(
        workshop=OpenWorkshopFactory(is_public=False), visibility="public"
    )

    assert _download(client, draft_doc).status_code == 404
    assert _download(client, private_doc).status_code == 404


def test_participant_documents_need_an_approved_registration_or_a_facilitation(client):
    workshop = OpenWorkshopFactory()
    document = DocumentFactory(workshop=workshop, visibility="participants")
    approved = RegistrationFactory(workshop=workshop, status=Registration.Status.APPROVED).person
    waiting = RegistrationFactory(workshop=workshop, status=Registration.Status.WAITLISTED).person
    trainer = UserFactory()
    FacilitationFactory(workshop=workshop, organisation=trainer.organisation, person=trainer)

    assert _download(client, document).status_code == 404
    for person, status in (
        (UserFactory(), 404),
        (waiting, 404),
        (approved, 200),
        (trainer, 200),
        (SecretariatFactory(), 200),
    ):
        client.force_login(person)
        assert _download(client, document).status_code == status, person


def test_secretariat_documents_only_for_the_secretariat(client):
    workshop = OpenWorkshopFactory()
    document = DocumentFactory(workshop=workshop, visibility="secretariat")
    approved = RegistrationFactory(workshop=workshop, status=Registration.Status.APPROVED).person

    assert _download(client, document).status_code == 404
    client.force_login(approved)
    assert _download(client, document).status_code == 404
    client.force_login(SecretariatFactory())
    response = _download(client, document)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]


def test_a_document_is_not_reachable_through_another_workshop(client):
    document = DocumentFactory(visibility="public")
    other = OpenWorkshopFactory()

    assert client.get(f"/workshops/{other.slug}/documents/{document.pk}/").status_code == 404


def test_stored_files_are_not_served_under_a_media_url(client, settings):
    document = DocumentFactory(visibility="public")

    assert settings.MEDIA_URL in ("", "/")
    assert client.get(f"/media/{document.file.name}").status_code == 404
    assert client.get(f"/{document.file.name}").status_code == 404
    assert not str(settings.MEDIA_ROOT).startswith(str(settings.STATIC_ROOT))


def test_a_document_whose_file_is_gone_is_404_not_a_server_error(client):
    document = DocumentFactory(visibility="public")
    document.file.storage.delete(document.file.name)

    assert _download(client, document).status_code == 404
