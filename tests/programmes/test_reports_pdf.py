"""Report PDFs: built by the task with real WeasyPrint, kept until the data changes, a
failure shown and retried, and only for those who may see the donor."""

from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from core.documents import builder_for
from core.models import GeneratedDocument
from core.services.documents import document_state
from programmes import services
from programmes.services.reports import KINDS
from tests.documents import media_root_fixture, pdf_text, stored_files  # noqa: F401
from tests.factories import UserFactory
from tests.programmes.donor_fixtures import world_fixture  # noqa: F401
from tests.tasks import run_task_once
from tests.workshops.factories import RegistrationFactory
from workshops.models import Registration

pytestmark = pytest.mark.django_db


Status = GeneratedDocument.Status


def _request(world, capture, **kwargs) -> GeneratedDocument:
    with capture(execute=True):
        report_file = services.report_pdf_request(
            actor=world.korea_contact,
            donor=world.korea,
            kind="workshop",
            workshop=world.korea_workshop,
            language="en",
            **kwargs,
        )
    report_file.refresh_from_db()
    return report_file


def _run(document_id: int) -> bool:
    # The build task, its arguments through JSON as on a real broker.
    return run_task_once("core.build_document", document_id)


def _current(document: GeneratedDocument) -> bool:
    return document_state(document).current


def test_a_request_builds_the_pdf_once_and_a_repeat_builds_nothing(
    world, media_root, django_capture_on_commit_callbacks
):
    report_file = _request(world, django_capture_on_commit_callbacks)
    assert report_file.status == Status.READY
    assert report_file.file.read(5) == b"%PDF-"
    first = report_file.file.name
    assert _run(report_file.pk) is False
    assert _run(report_file.pk) is False
    again = _request(world, django_capture_on_commit_callbacks)
    assert again.pk == report_file.pk
    assert again.file.name == first
    assert len(stored_files(media_root)) == 1


def test_a_change_of_the_data_builds_a_new_file_that_replaces_the_old(
    world, media_root, django_capture_on_commit_callbacks
):
    first = _request(world, django_capture_on_commit_callbacks)
    assert _current(first)
    RegistrationFactory(
        workshop=world.korea_workshop,
        person=UserFactory(name="New Participant"),
        status=Registration.Status.APPROVED,
    )
    first.refresh_from_db()
    assert not _current(first)
    second = _request(world, django_capture_on_commit_callbacks)
    assert second.pk == first.pk
    assert second.file.name != first.file.name
    assert second.fingerprint != first.fingerprint
    assert [p.name for p in stored_files(media_root)] == [Path(second.file.name).name]


def test_each_language_has_its_own_file(world, django_capture_on_commit_callbacks):
    english = _request(world, django_capture_on_commit_callbacks)
    with django_capture_on_commit_callbacks(execute=True):
        french = services.report_pdf_request(
            actor=world.korea_contact,
            donor=world.korea,
            kind="workshop",
            workshop=world.korea_workshop,
            language="fr",
        )
    assert french.pk != english.pk
    assert GeneratedDocument.objects.filter(kind=KINDS["workshop"]).count() == 2


def test_a_failed_build_says_so_and_a_retry_builds_it(
    world, monkeypatch, client, django_capture_on_commit_callbacks
):
    def broken(self, report, language):
        raise RuntimeError("the renderer ran out of memory")

    monkeypatch.setattr(type(builder_for(KINDS["workshop"])), "render", broken)
    failed = _request(world, django_capture_on_commit_callbacks)
    assert failed.status == Status.FAILED
    assert "ran out of memory" in failed.error
    client.force_login(world.korea_contact)
    page = client.get(reverse("programmes:report-progress", args=[failed.pk])).content.decode()
    assert "The PDF could not be built." in page
    assert "Try again" in page
    assert client.get(reverse("programmes:report-download", args=[failed.pk])).status_code == 404

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/donors/kcs-test/workshops/{world.korea_workshop.slug}/pdf/")
    assert response.url == reverse("programmes:report-progress", args=[failed.pk])
    failed.refresh_from_db()
    assert failed.status == Status.READY
    assert failed.error == ""


def test_the_progress_page_polls_while_the_build_is_queued(world, client):
    report_file = services.report_pdf_request(  # queued: its task runs after commit
        actor=world.korea_contact,
        donor=world.korea,
        kind="workshop",
        workshop=world.korea_workshop,
        language="en",
    )
    client.force_login(world.korea_contact)
    url = reverse("programmes:report-progress", args=[report_file.pk])
    fragment = client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert fragment.startswith('<div id="report-progress"')
    assert f'hx-get="{url}"' in fragment
    assert "The PDF is queued" in fragment
    page = client.get(url).content.decode()  # without JavaScript, the page refreshes itself
    assert '<noscript><meta http-equiv="refresh" content="5"></noscript>' in page
    assert f'<a href="{url}">Refresh</a>' in page
    report_file.status = Status.READY  # (the file does not matter to the polling)
    report_file.save()
    assert "hx-get" not in client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'http-equiv="refresh"' not in client.get(url).content.decode()


def test_another_donor_cannot_request_or_fetch_the_pdf(
    world, client, django_capture_on_commit_callbacks
):
    report_file = _request(world, django_capture_on_commit_callbacks)
    with pytest.raises(PermissionDenied):
        services.report_pdf_request(
            actor=world.bank_contact,
            donor=world.korea,
            kind="workshop",
            workshop=world.korea_workshop,
            language="en",
        )
    client.force_login(world.bank_contact)
    for name in ("programmes:report-progress", "programmes:report-download"):
        assert client.get(reverse(name, args=[report_file.pk])).status_code == 404
        assert client.get(reverse(name, args=[report_file.pk + 1000])).status_code == 404
    assert (
        client.post(f"/donors/kcs-test/workshops/{world.korea_workshop.slug}/pdf/").status_code
        == 404
    )


def test_the_secretariat_downloads_any_donors_pdf(
    world, secretariat_client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = secretariat_client.post("/donors/wb-test/2018/pdf/")
    report_file = GeneratedDocument.objects.get(
        kind=KINDS["funding"], subject_id=world.bank.pk, scope="2018"
    )
    assert response.url == reverse("programmes:report-progress", args=[report_file.pk])
    download = secretariat_client.get(reverse("programmes:report-download", args=[report_file.pk]))
    assert download["Content-Disposition"] == 'attachment; filename="wb-test-2018-en.pdf"'
    assert b"".join(download.streaming_content).startswith(b"%PDF-")


def test_the_pdf_request_wants_a_post(world, client):
    client.force_login(world.korea_contact)
    assert client.get("/donors/kcs-test/2017/pdf/").status_code == 405


def test_the_progress_page_says_when_the_data_changed_since_the_build(
    world, client, django_capture_on_commit_callbacks
):
    report_file = _request(world, django_capture_on_commit_callbacks)
    client.force_login(world.korea_contact)
    url = reverse("programmes:report-progress", args=[report_file.pk])
    assert "The data has changed" not in client.get(url).content.decode()
    world.korea_funding.spent = 100
    world.korea_funding.save()
    page = client.get(url).content.decode()
    assert "The data has changed since this PDF was built." in page
    assert "Build it again" in page
