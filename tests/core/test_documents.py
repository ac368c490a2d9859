"""Generated documents (core): a request queues one build, a build happens only on a changed
fingerprint and swaps the file in once, a failure is recorded and never raised, lost builds are
dispatched again. Shown on visa letters, the simplest kind; every kind shares this code."""

import ast
import datetime as dt
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.utils import timezone

from core.documents import DocumentBuilder, builder_for, register
from core.models import GeneratedDocument
from core.services import documents
from tests.documents import build, document_of, media_root_fixture, stored_files  # noqa: F401
from tests.factories import SecretariatFactory
from tests.tasks import run_task_twice
from tests.workshops.factories import RegistrationFactory
from workshops.models import Registration
from workshops.services.visa_letters import KIND

pytestmark = pytest.mark.django_db
LETTERS = builder_for(KIND)


@pytest.fixture
def registration():
    return RegistrationFactory(
        status=Registration.Status.APPROVED, visa_letter_needed=True, nationality="Fijian"
    )


def test_a_request_queues_one_build_after_commit_and_a_repeat_none(
    registration, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as queued:
        first = documents.document_request(kind=KIND, subject_id=registration.pk)
        again = documents.document_request(kind=KIND, subject_id=registration.pk)
    assert first.pk == again.pk
    assert first.status == "queued"
    assert len(queued) == 1  # the second found the build under way


def test_a_current_file_is_not_built_again(registration, media_root):
    assert build(KIND, registration.pk) is True
    document = document_of(KIND, registration.pk)
    assert run_task_twice("core.build_document", document.pk) == (False, False)
    assert documents.document_request(kind=KIND, subject_id=registration.pk).status == "ready"
    assert len(stored_files(media_root)) == 1


def test_a_build_left_building_is_asked_for_again_once_stale(
    registration, django_capture_on_commit_callbacks
):
    documents.document_request(kind=KIND, subject_id=registration.pk)
    lost = timezone.now() - documents.STALE_AFTER - dt.timedelta(seconds=1)
    GeneratedDocument.objects.update(status="building", requested_at=lost)
    with django_capture_on_commit_callbacks() as queued:
        document = documents.document_request(kind=KIND, subject_id=registration.pk)
    assert len(queued) == 1
    assert document.status == "queued"
    assert document.requested_at > lost


def test_the_beat_job_publishes_lost_builds_again(registration, media_root):
    documents.document_request(kind=KIND, subject_id=registration.pk)  # never committed
    long_ago = timezone.now() - dt.timedelta(hours=1)
    GeneratedDocument.objects.update(requested_at=long_ago)
    assert run_task_twice("core.documents_dispatch_pending") == (1, 0)
    assert document_of(KIND, registration.pk).status == "ready"
    assert len(stored_files(media_root)) == 1


def test_a_failure_is_recorded_with_its_reason_and_not_raised(
    registration, media_root, monkeypatch
):
    def broken(self, subject, language):
        raise OSError("the disk is full")

    monkeypatch.setattr(type(LETTERS), "render", broken)
    assert build(KIND, registration.pk) is False
    document = document_of(KIND, registration.pk)
    assert (document.status, document.error) == ("failed", "OSError: the disk is full")
    assert not documents.document_state(document).current
    monkeypatch.undo()
    assert build(KIND, registration.pk) is True
    document.refresh_from_db()
    assert (document.status, document.error) == ("ready", "")


def test_of_two_builds_at_once_one_file_stays(registration, media_root, monkeypatch):
    """The second run stores its file first; the first, swapping on the file it started
    from, finds it changed and deletes its own."""
    render = type(LETTERS).render
    runs = []

    def render_while_another_runs(self, subject, language):
        runs.append(len(runs))
        if len(runs) == 1:
            assert build(KIND, registration.pk) is True  # the other run, while this renders
        return render(self, subject, language)

    monkeypatch.setattr(type(LETTERS), "render", render_while_another_runs)
    assert build(KIND, registration.pk) is False
    assert runs == [0, 1]
    document = document_of(KIND, registration.pk)
    assert document.status == "ready"
    assert [p.relative_to(media_root).as_posix() for p in stored_files(media_root)] == [
        document.file.name
    ]


def test_the_old_file_is_deleted_only_after_the_swap_commits(
    registration, media_root, django_capture_on_commit_callbacks
):
    build(KIND, registration.pk)
    old = document_of(KIND, registration.pk).file.name
    Registration.objects.filter(pk=registration.pk).update(nationality="Samoan")
    with django_capture_on_commit_callbacks() as after_commit:
        assert build(KIND, registration.pk) is True
    assert (media_root / old).exists()
    for callback in after_commit:
        callback()
    assert not (media_root / old).exists()
    assert len(stored_files(media_root)) == 1


def test_a_subject_that_needs_no_document_gets_none(registration, media_root):
    Registration.objects.filter(pk=registration.pk).update(visa_letter_needed=False)
    assert documents.document_request(kind=KIND, subject_id=registration.pk) is None
    assert build(KIND, registration.pk) is False
    assert document_of(KIND, registration.pk).status == "failed"
    assert stored_files(media_root) == []


def test_deleting_the_subject_deletes_its_documents(registration):
    build(KIND, registration.pk)
    registration.workshop.delete()
    assert not GeneratedDocument.objects.exists()


def test_a_language_the_kind_is_not_built_in_is_refused(registration):
    with pytest.raises(ValueError, match="not built in"):
        documents.document_request(kind=KIND, subject_id=registration.pk, language="fr")
    with pytest.raises(LookupError):
        builder_for("workshops.unknown")


def test_two_builders_may_not_share_a_kind():
    class Another(DocumentBuilder):
        kind = KIND

    with pytest.raises(ValueError, match="Two document builders"):
        register(Another)
    assert builder_for(KIND) is LETTERS


def test_core_imports_no_app_above_it():
    """Core is the ground floor: each app registers its builders, core names none of them."""
    above = ("members", "workshops", "programmes", "oco_portal")
    core = Path(django_settings.BASE_DIR) / "core"
    imported = set()
    for path in core.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.ImportFrom) and node.module:
                imported.add(node.module.split(".")[0])
            elif isinstance(node, ast.Import):
                imported.update(alias.name.split(".")[0] for alias in node.names)
    assert not imported & set(above)


def test_the_admin_lists_documents_read_only(client, registration):
    build(KIND, registration.pk)
    client.force_login(SecretariatFactory(is_secretariat=False, is_staff=True, is_superuser=True))
    listing = client.get("/admin/core/generateddocument/").content.decode()
    assert "workshops.visa_letter" in listing
    document = document_of(KIND, registration.pk)
    client.post(f"/admin/core/generateddocument/{document.pk}/change/", {"status": "failed"})
    document.refresh_from_db()
    assert document.status == "ready"
    assert client.get("/admin/core/generateddocument/add/").status_code == 403
