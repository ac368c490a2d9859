"""Attendance in the browser: a facilitator checks people in on a phone-size window; a
participant downloads a certificate and fills the evaluation."""

import datetime as dt
import re
import zoneinfo
from pathlib import Path

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from tests.browser.conftest import screenshot
from tests.browser.helpers import field, heading, sign_in
from tests.factories import TEST_PASSWORD, UserFactory
from tests.workshops.factories import FacilitationFactory, RegistrationFactory, WorkshopFactory
from workshops.models import Attendance, Certificate, Evaluation, Registration, Workshop
from workshops.services.certificates import certificates_create

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}
NAMES = ["Losa Faleolo", "Jone Vaka", "Mere Tui", "Kila Aopi"]


def _running_workshop() -> Workshop:
    today = timezone.now().astimezone(zoneinfo.ZoneInfo("Pacific/Fiji")).date()
    return WorkshopFactory(
        title="Regional workshop on risk management",
        start_date=today - dt.timedelta(days=1),
        end_date=today + dt.timedelta(days=1),
        status=Workshop.Status.CLOSED,
        time_zone="Pacific/Fiji",
    )


def test_a_facilitator_checks_in_three_participants_on_a_phone(new_page, transactional_db):
    workshop = _running_workshop()
    facilitator = UserFactory(name="Aroha Ngata")
    FacilitationFactory(workshop=workshop, person=facilitator)
    for name in NAMES:
        RegistrationFactory(
            workshop=workshop, person=UserFactory(name=name), status=Registration.Status.APPROVED
        )
    page = new_page(viewport=PHONE, is_mobile=True, has_touch=True)

    sign_in(page, facilitator.email, TEST_PASSWORD)
    page.goto(f"/workshops/{workshop.slug}/participants/")
    page.get_by_role("link", name="Check-in").click()
    expect(heading(page, "Check-in")).to_be_visible()

    field(page, "Search by name or administration").fill("mere")
    page.get_by_role("button", name="Search").click()
    page.get_by_role("button", name="Mark Mere Tui present").tap()
    expect(page.get_by_role("button", name="Mark Mere Tui absent")).to_be_visible()
    page.goto(f"/workshops/{workshop.slug}/check-in/")
    for name in ("Losa Faleolo", "Jone Vaka"):
        page.get_by_role("button", name=f"Mark {name} present").tap()
        expect(page.get_by_role("button", name=f"Mark {name} absent")).to_be_visible()

    # htmx swapped the rows and the count in place, without a reload.
    expect(page.get_by_text("3 of 4 shown present.")).to_be_visible()
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    screenshot(page, "check-in-phone")
    page.reload()
    expect(page.get_by_text("3 of 4 shown present.")).to_be_visible()
    expect(page.get_by_role("button", name="Mark Kila Aopi present")).to_be_visible()
    present = Attendance.objects.filter(registration__workshop=workshop)
    assert sorted(a.registration.person.name for a in present) == sorted(NAMES[:3])
    assert {a.recorded_by_id for a in present} == {facilitator.pk}


def _rate(page, question: str, rating: int) -> None:
    group = page.get_by_role("group", name=re.compile(rf"^{question}"))
    group.get_by_label(str(rating), exact=True).check()


def test_a_participant_downloads_the_certificate_and_fills_the_evaluation(
    page, transactional_db, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path / "media"
    workshop = _running_workshop()
    workshop.status = Workshop.Status.COMPLETED
    workshop.evaluation_closes_on = workshop.end_date + dt.timedelta(days=30)
    workshop.save()
    person = UserFactory(name="Mele Tupou")
    registration = RegistrationFactory(
        workshop=workshop, person=person, status=Registration.Status.APPROVED
    )
    for offset in range(3):
        Attendance.objects.create(
            registration=registration, day=workshop.start_date + dt.timedelta(days=offset)
        )
    certificates_create(workshop=workshop)
    certificate = Certificate.objects.get()

    sign_in(page, person.email, TEST_PASSWORD)
    page.goto(f"/workshops/{workshop.slug}/registration/")
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download your certificate of attendance (PDF)").click()
    path = Path(download_info.value.path())
    assert path.read_bytes().startswith(b"%PDF")
    assert download_info.value.suggested_filename == f"certificate-{workshop.slug}.pdf"

    page.get_by_role("link", name="Evaluate the workshop").click()
    expect(heading(page, "Evaluate the workshop")).to_be_visible()
    _rate(page, "Relevance to your work", 5)
    _rate(page, "Content", 4)
    _rate(page, "Facilitation", 4)
    _rate(page, "Organisation", 3)
    field(page, "What you will apply in your work").fill("A risk profile for sea cargo")
    page.get_by_role("button", name="Send my evaluation").click()
    expect(page.get_by_text("Thank you: your evaluation is saved.")).to_be_visible()
    expect(page.get_by_role("link", name="Change your evaluation of the workshop")).to_be_visible()

    evaluation = Evaluation.objects.get()
    assert (evaluation.relevance, evaluation.content, evaluation.organisation) == (5, 4, 3)
    assert evaluation.will_apply == "A risk profile for sea cargo"

    page.goto(f"/certificates/verify/{certificate.display_code}/")
    expect(page.get_by_text("Valid", exact=True)).to_be_visible()
    expect(page.locator("#main").get_by_text("Mele Tupou")).to_be_visible()
