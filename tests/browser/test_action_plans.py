"""Action plans in the browser: a focal point adds a national action and downloads the national
plan as a PDF; the Secretariat starts, fills and adopts a workshop's regional plan."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_email
from programmes.models import ActionPlan
from tests.browser.helpers import enter_totp_code, field, heading, navigation, sign_in

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


def test_a_focal_point_adds_a_national_action_and_downloads_the_plan_pdf(page, demo_data):
    sign_in(page, demo_email("focal.fiji"), DEMO_PASSWORD)
    page.get_by_role("link", name="National action plans and overdue actions").click()
    expect(heading(page, "Overdue actions")).to_be_visible()
    page.get_by_role("link", name="Fiji – Regional Workshop on the Implementation").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("National action plan of Fiji")

    page.get_by_role("link", name="Add an action").click()
    field(page, "Action").fill("Train twenty officers in risk profiling")
    field(page, "Start").fill("2026-02-01")
    field(page, "End").fill("2026-01-01")
    field(page, "WTO TFA measure").select_option(label="7.4 Risk Management")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The end cannot be before the start.")).to_be_visible()
    field(page, "End").fill("2026-11-30")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The action was added.")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Train twenty officers in risk profiling")
    expect(row).to_contain_text("7.4 Risk Management")

    page.get_by_role("link", name="PDF", exact=True).click()
    page.get_by_label("English").check()
    page.get_by_role("button", name="Prepare the PDF").click()
    download_link = page.get_by_role("link", name="Download (English)")
    expect(download_link).to_be_visible()
    with page.expect_download() as download_info:
        download_link.click()
    download = download_info.value
    assert download.suggested_filename.endswith("-en.pdf")
    assert Path(download.path()).read_bytes().startswith(b"%PDF")


def test_the_secretariat_starts_and_adopts_a_regional_plan(page, demo_data):
    sign_in(page, demo_email("secretariat"), DEMO_PASSWORD)
    enter_totp_code(page, DEMO_TOTP_SECRET, label="Code", button="Sign In")
    navigation(page).get_by_role("link", name="Manage workshops").click()
    page.get_by_role("link", name="Regional Workshop on Corporate Governance").first.click()
    page.get_by_role("link", name="Action plans").click()
    expect(heading(page, "Action plans")).to_be_visible()
    page.get_by_role("button", name="Start the regional plan").click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Regional action plan")
    page.get_by_role("button", name="Adopt the plan").click()
    expect(page.get_by_text("A plan without items cannot be adopted.")).to_be_visible()

    page.get_by_role("link", name="Add an action").click()
    field(page, "Action").fill("Share a succession-planning toolkit with members")
    field(page, "Start").fill("2026-03-01")
    field(page, "End").fill("2026-12-31")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The action was added.")).to_be_visible()
    page.get_by_role("button", name="Adopt the plan").click()
    expect(page.get_by_text("The plan is adopted.")).to_be_visible()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Adopted")
    expect(page.get_by_role("button", name="Adopt the plan")).to_have_count(0)
    plan = ActionPlan.objects.get(workshop__slug__startswith="regional-workshop-corporate")
    assert plan.status == "adopted"
    assert plan.adopted_by.email == demo_email("secretariat")
