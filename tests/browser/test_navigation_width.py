"""The Secretariat's navigation, its longest, fits a 1280-pixel window in English and French:
longer labels wrap inside the bar instead of pushing the page sideways."""

import pytest
from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_email
from members.models import User
from tests.browser.helpers import enter_totp_code, navigation, sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize(("language", "sign_out"), [("en", "Sign out"), ("fr", "Se déconnecter")])
def test_the_longest_navigation_fits_1280_pixels(new_page, demo_data, language, sign_out):
    User.objects.filter(email=demo_email("secretariat")).update(preferred_language=language)
    page = new_page(viewport={"width": 1280, "height": 800})
    sign_in(page, demo_email("secretariat"), DEMO_PASSWORD)
    enter_totp_code(page, DEMO_TOTP_SECRET, label="Code", button="Sign In")
    page.goto("/plans/")
    expect(navigation(page).get_by_role("button", name=sign_out)).to_be_in_viewport()
    overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
    assert overflow <= 0
