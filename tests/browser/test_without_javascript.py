"""On a phone with JavaScript off, a French-speaking focal point signs in and switches language."""

import pytest
from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD, demo_email
from members.models import User
from tests.browser.helpers import expect_signed_in_as, heading, navigation, sign_in

pytestmark = pytest.mark.browser

PHONE = {"width": 390, "height": 844}


def test_sign_in_navigation_and_language_switch_work_without_javascript(new_page, demo_data):
    page = new_page(java_script_enabled=False, viewport=PHONE)
    sign_in(page, demo_email("focal.newcaledonia"), DEMO_PASSWORD)

    # Her profile says French: the portal answers in French without being asked.
    expect_signed_in_as(page, "Claire Wamytan", greeting="Bienvenue")
    assert page.evaluate("typeof bootstrap") == "undefined"  # the portal's scripts did not run
    assert page.locator("html").get_attribute("lang") == "fr"
    directory = navigation(page).get_by_role("link", name="Annuaire des membres")
    expect(directory).to_be_visible()  # the collapsed menu is open when scripts cannot open it
    directory.click()
    expect(heading(page, "Annuaire des membres")).to_be_visible()

    page.get_by_role("contentinfo").get_by_role("button", name="English").click()
    expect(heading(page, "Member directory")).to_be_visible()
    assert User.objects.get(email=demo_email("focal.newcaledonia")).preferred_language == "en"

    page.get_by_role("contentinfo").get_by_role("button", name="Français").click()
    expect(heading(page, "Annuaire des membres")).to_be_visible()
