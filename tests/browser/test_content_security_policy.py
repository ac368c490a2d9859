"""The pages keep to their Content Security Policy: nothing the browser has to refuse."""

import pytest
from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD, demo_email
from tests.browser.helpers import expect_signed_in_as, heading, navigation, sign_in

pytestmark = pytest.mark.browser


def _violations(page) -> list[str]:
    return [line for line in page.browser_log.console if "Content Security Policy" in line]


def test_dashboard_and_directory_raise_no_csp_violation(page, demo_data):
    sign_in(page, demo_email("delegate.tonga"), DEMO_PASSWORD)
    expect_signed_in_as(page, "Viliami Fifita")
    response = page.reload()
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self' 'nonce-" in policy
    # The portal's own scripts, which carry the nonce, ran.
    page.wait_for_function("typeof bootstrap === 'object' && typeof htmx === 'object'")

    navigation(page).get_by_role("link", name="Member directory").click()
    expect(heading(page, "Member directory")).to_be_visible()
    page.get_by_label("WTO members").check()
    page.get_by_role("button", name="Filter").click()
    page.get_by_role("link", name="Tonga", exact=True).click()
    expect(heading(page, "Tonga")).to_be_visible()
    page.wait_for_load_state("load")
    assert _violations(page) == []

    # The listener does hear a violation when there is one: an image from another site.
    page.evaluate(
        "() => { const img = new Image(); img.src = 'https://cdn.example.invalid/x.png';"
        " document.body.append(img); }"
    )
    for _attempt in range(20):
        if _violations(page):
            break
        page.wait_for_timeout(100)
    assert _violations(page), page.browser_log.console
