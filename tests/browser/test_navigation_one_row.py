"""The Secretariat's navigation, its longest, stays on one row at 1280 pixels in English."""

import pytest
from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_email
from tests.browser.helpers import enter_totp_code, heading, navigation, sign_in

pytestmark = pytest.mark.browser

LINK_TOPS = """
[...document.querySelectorAll('nav.navbar .navbar-nav .nav-link')]
    .map(link => Math.round(link.getBoundingClientRect().top))
"""


def test_the_secretariat_navigation_is_one_row_in_english(new_page, demo_data):
    page = new_page(viewport={"width": 1280, "height": 800})
    sign_in(page, demo_email("secretariat"), DEMO_PASSWORD)
    enter_totp_code(page, DEMO_TOTP_SECRET, label="Code", button="Sign In")
    page.goto("/plans/")
    tops = page.evaluate(LINK_TOPS)
    assert len(tops) >= 7
    assert len(set(tops)) == 1, tops


def test_the_secretariat_entry_leads_to_its_pages_without_javascript(new_page, demo_data):
    page = new_page(viewport={"width": 1280, "height": 800}, java_script_enabled=False)
    sign_in(page, demo_email("secretariat"), DEMO_PASSWORD)
    enter_totp_code(page, DEMO_TOTP_SECRET, label="Code", button="Sign In")
    navigation(page).get_by_role("link", name="Secretariat").click()
    secretariat = page.get_by_role("region", name="Secretariat")
    for name in ("Manage workshops", "People and roles", "Outbox", "Donor reports"):
        expect(secretariat.get_by_role("link", name=name)).to_be_visible()
    secretariat.get_by_role("link", name="Outbox").click()
    expect(heading(page, "Outbox")).to_be_visible()
