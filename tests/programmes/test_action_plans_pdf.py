"""Action-plan PDFs: built by the Celery task on real WeasyPrint, one file per plan and
language, rebuilt only when the plan changed, failures recorded and retried from the page."""

import subprocess
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone

from core.documents import builder_for
from core.models import GeneratedDocument
from programmes.selectors.action_plans import plan_document
from programmes.services import action_plan_pdfs
from programmes.services.action_plan_pdfs import KIND
from tests.documents import build, document_of, media_root_fixture, pdf_text, stored_files  # noqa: F401
from tests.programmes.factories import (
    ActionItemFactory,
    ActionPlanFactory,
    NationalPlanFactory,
    tfa_measures,
)
from tests.workshops.factories import FundingFactory, WorkshopFactory

pytestmark = pytest.mark.django_db

HOSTILE_IMG = "<img src=http://example.org/tracker.png>"
HOSTILE_SCRIPT = "<script>alert('x')</script>"


def _build(plan_id: int, language: str) -> bool:
    # The build task, its arguments through JSON as they go through the broker.
    return build(KIND, plan_id, language=language)


def _building(plan, language: str, actor) -> GeneratedDocument:
    """A document of the plan marked as being built just now."""
    action_plan_pdfs.action_plan_pdf_request(actor=actor, plan=plan, language=language)
    document = document_of(KIND, plan.pk, language=language)
    GeneratedDocument.objects.filter(pk=document.pk).update(
        status="building", requested_at=timezone.now()
    )
    return document


@pytest.fixture
def regional():
    measures = tfa_measures()
    workshop = WorkshopFactory(title="Regional workshop on trade facilitation", city="Seoul")
    FundingFactory(workshop=workshop, funder__name="Korea Customs Service")
    plan = ActionPlanFactory(workshop=workshop)
    ActionItemFactory(
        plan=plan,
        action=f"Publish enquiry point guide {HOSTILE_IMG}",
        tfa_measure=measures["1.3"],
        assistance_needed=HOSTILE_SCRIPT,
    )
    ActionItemFactory(plan=plan, action="Regional risk workshop", tfa_measure=measures["7.4"])
    fiji = NationalPlanFactory(workshop=workshop, administration__name="Fiji Revenue (test)")
    ActionItemFactory(plan=fiji, action="Pre-arrival processing of manifests")
    return plan


def test_the_regional_pdf_holds_the_cover_the_items_and_escaped_user_text(regional, media_root):
    built = _build(regional.pk, "en")
    assert built is True, list(GeneratedDocument.objects.values("status", "error"))
    (path,) = stored_files(media_root)
    text = pdf_text(path)
    for expected in [
        "Regional action plan",
        "Regional workshop on trade facilitation",
        "Korea Customs Service",
        "Article 1: Publication and Availability of Information",
        "Article 7: Release and Clearance of Goods",
        "Regional risk workshop",
        "Part 2. National actions, by administration",
        "Fiji Revenue (test)",
        "Pre-arrival processing of manifests",
        "Page 2 of",
        "Generated on",
    ]:
        assert expected in text, expected
    # User text is shown as text (the line may break inside the URL), never fetched or run.
    squeezed = text.replace(" ", "")
    assert HOSTILE_IMG.replace(" ", "") in squeezed
    assert HOSTILE_SCRIPT.replace(" ", "") in squeezed
    pages = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True).stdout
    assert "Pages:" in pages
    # One page as an image, to look at (test-artifacts/ is where the browser tests put theirs).
    artifacts = Path(django_settings.BASE_DIR) / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "2", "-l", "2", str(path), str(artifacts / "plan")],
        check=True,
    )
    assert list(artifacts.glob("plan-*2.png"))


def test_the_french_pdf_is_in_french(regional, media_root):
    assert _build(regional.pk, "fr") is True
    (path,) = stored_files(media_root)
    text = pdf_text(path)
    assert "Plan d’action régional" in text
    assert "Article 7 : Release and Clearance of Goods" in text
    assert "Page 1 sur" in text


def test_the_task_run_twice_leaves_one_file_and_a_change_replaces_it(
    regional, media_root, django_capture_on_commit_callbacks
):
    assert _build(regional.pk, "en") is True
    assert _build(regional.pk, "en") is False
    (first,) = stored_files(media_root)
    item = regional.items.first()
    item.action = "A changed action"
    item.save()
    with django_capture_on_commit_callbacks(execute=True):
        assert _build(regional.pk, "en") is True
    (second,) = stored_files(media_root)
    assert second != first
    assert not first.exists()
    assert "A changed action" in pdf_text(second)
    row = document_of(KIND, regional.pk, language="en")
    assert row.status == "ready"
    assert row.fingerprint


def test_a_change_of_a_national_item_changes_the_regional_fingerprint(regional):
    plans = builder_for(KIND)
    before = plans.fingerprint(plan_document(plan_id=regional.pk), "en")
    national = regional.workshop.action_plans.get(level="national").items.get()
    national.status = "done"
    national.save()
    view = plan_document(plan_id=regional.pk)
    assert plans.fingerprint(view, "en") != before
    assert plans.fingerprint(view, "fr") != plans.fingerprint(view, "en")


def test_a_failed_build_is_shown_with_a_retry_that_works(
    regional, secretariat_client, monkeypatch, media_root, django_capture_on_commit_callbacks
):
    def broken(self, view, language):
        raise OSError("the disk is full")

    monkeypatch.setattr(type(builder_for(KIND)), "render", broken)
    url = reverse("programmes:actionplan-pdf", kwargs={"pk": regional.pk})
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(url, {"language": "en"})
    page = secretariat_client.get(url).content.decode()
    assert "The PDF could not be built:" in page
    assert "the disk is full" in page
    assert ">Retry</button>" in page
    assert not stored_files(media_root)

    monkeypatch.undo()
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(url, {"language": "en"})
    page = secretariat_client.get(url).content.decode()
    assert "could not be built" not in page
    assert "Download (English)" in page
    download = secretariat_client.get(
        reverse("programmes:actionplan-pdf-download", kwargs={"pk": regional.pk, "language": "en"})
    )
    assert download["Content-Type"] == "application/pdf"
    assert b"".join(download.streaming_content).startswith(b"%PDF")


def test_while_building_the_page_refreshes_itself_with_htmx(
    regional, secretariat, secretariat_client
):
    _building(regional, "en", secretariat)
    url = reverse("programmes:actionplan-pdf-status", kwargs={"pk": regional.pk})
    fragment = secretariat_client.get(url, HTTP_HX_REQUEST="true").content.decode()
    assert 'hx-trigger="every 2s"' in fragment
    assert "Building… this page refreshes itself." in fragment
    assert "<html" not in fragment


def test_a_request_while_a_build_is_under_way_queues_nothing_more(regional, secretariat):
    row = _building(regional, "en", secretariat)
    action_plan_pdfs.action_plan_pdf_request(actor=secretariat, plan=regional, language="en")
    row.refresh_from_db()
    assert row.status == "building"
    assert not row.file


def test_an_out_of_date_pdf_is_not_downloaded(regional, secretariat_client, media_root):
    _build(regional.pk, "en")
    item = regional.items.first()
    item.action = "Changed since"
    item.save()
    url = reverse(
        "programmes:actionplan-pdf-download", kwargs={"pk": regional.pk, "language": "en"}
    )
    response = secretariat_client.get(url)
    assert response.status_code == 302
    assert response["Location"] == reverse("programmes:actionplan-pdf", kwargs={"pk": regional.pk})
