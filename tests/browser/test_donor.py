"""A donor signs in, opens what their organisation funded and downloads the PDF and the XLSX."""

import io
import subprocess
from pathlib import Path

import pytest
from openpyxl import load_workbook
from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD, demo_email
from demo.workshops import KOREA_SLUG
from members.models import User
from tests.browser.conftest import screenshot
from tests.browser.helpers import heading, navigation, sign_in
from tests.workshops.factories import RegistrationFactory
from workshops.models import Funding, Registration

pytestmark = pytest.mark.browser
KOREA_TITLE = "Regional Workshop on the Implementation of the WTO Trade Facilitation Agreement"


@pytest.fixture
def korea_participant(demo_data, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    funding = Funding.objects.get(workshop__slug=KOREA_SLUG, funder__slug="korea-customs-service")
    person = User.objects.get(email=demo_email("delegate.tonga"))
    RegistrationFactory(
        workshop=funding.workshop,
        person=person,
        organisation=person.organisation,
        status=Registration.Status.APPROVED,
        funding=funding,
        passport_number="T-PASSPORT-77",
        arrival_flight="FJ-123",
    )
    return person


def _violations(page) -> list[str]:
    return [line for line in page.browser_log.console if "Content Security Policy" in line]


def test_a_donor_opens_the_dashboard_and_downloads_the_pdf_and_the_xlsx(page, korea_participant):
    sign_in(page, demo_email("donor.kcs"), DEMO_PASSWORD)
    navigation(page).get_by_role("link", name="My funding").click()
    expect(heading(page, "What Korea Customs Service funded")).to_be_visible()
    korea = page.locator(f'section[data-workshop="{KOREA_SLUG}"]')
    expect(korea.get_by_role("heading", name=KOREA_TITLE)).to_be_visible()
    approved = Registration.objects.filter(
        workshop__slug=KOREA_SLUG, status=Registration.Status.APPROVED
    )
    expect(korea.locator('[data-figure="participants"]')).to_have_text(str(approved.count()))
    funded = approved.filter(funding__funder__slug="korea-customs-service").count()
    expect(korea.locator('[data-figure="seats-used"]')).to_have_text(str(funded))
    expect(korea.get_by_role("cell", name="Viliami Fifita")).to_be_visible()
    # The charts are images drawn on the server, shown without any script.
    charts = korea.locator('img[src^="data:image/svg+xml"]')
    expect(charts).to_have_count(3)
    assert charts.first.evaluate("img => img.naturalWidth") > 0
    page.wait_for_load_state("load")
    screenshot(page, "donor-dashboard")
    assert _violations(page) == []

    page.get_by_role("link", name=KOREA_TITLE).first.click()
    expect(heading(page, f"Workshop report: {KOREA_TITLE}")).to_be_visible()
    assert _violations(page) == []

    with page.expect_download() as xlsx_info:
        page.get_by_role("link", name="Spreadsheet (XLSX)").click()
    book = load_workbook(io.BytesIO(Path(xlsx_info.value.path()).read_bytes()))
    rows = [row for row in book["Participants"].values if row[1] == "Viliami Fifita"]
    assert rows[0][1:5] == ("Viliami Fifita", "Tonga", rows[0][3], "Male")

    page.get_by_role("button", name="PDF", exact=True).click()
    expect(heading(page, "Report PDF")).to_be_visible()
    with page.expect_download() as pdf_info:
        page.get_by_role("link", name="Download the PDF").click()
    pdf = Path(pdf_info.value.path()).read_bytes()
    text = subprocess.run(["pdftotext", "-", "-"], input=pdf, capture_output=True, check=True)
    words = " ".join(text.stdout.decode().split())
    assert "Viliami Fifita" in words
    assert "T-PASSPORT-77" not in words
    assert "FJ-123" not in words
    assert _violations(page) == []


def test_a_donor_cannot_open_another_donors_dashboard(page, demo_data):
    sign_in(page, demo_email("donor.worldbank"), DEMO_PASSWORD)
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    response = page.goto("/donors/korea-customs-service/")
    assert response.status == 404
    response = page.goto("/donors/world-bank/")
    assert response.status == 200
    expect(page.locator(f'section[data-workshop="{KOREA_SLUG}"]')).to_be_visible()
