"""A focal point signs in, switches to French and looks through the member directory."""

import zoneinfo
from datetime import timedelta

import pytest
from django.utils import dateformat, timezone, translation
from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD, demo_email
from tests.browser.conftest import screenshot
from tests.browser.helpers import expect_signed_in_as, heading, navigation, sign_in

pytestmark = pytest.mark.browser

FRENCH_SPEAKING_MEMBERS = {"French Polynesia", "New Caledonia", "Vanuatu", "Wallis and Futuna"}


def _local_times(zone: str) -> set[str]:
    """The clock of `zone` as the French page wrote it: this minute or, if it just turned, the last."""
    now = timezone.now()
    with translation.override("fr"):
        return {
            dateformat.format(
                (now + timedelta(minutes=offset)).astimezone(zoneinfo.ZoneInfo(zone)),
                "l j F Y, H:i",
            )
            for offset in (-1, 0)
        }


def test_a_focal_point_reads_the_member_directory_in_french(page, live_server, demo_data):
    sign_in(page, demo_email("focal.fiji"), DEMO_PASSWORD)
    expect(page).to_have_url(f"{live_server.url}/")
    expect_signed_in_as(page, "Josaia Naivalu")

    page.get_by_role("contentinfo").get_by_role("button", name="Français").click()
    expect_signed_in_as(page, "Josaia Naivalu", greeting="Bienvenue")
    navigation(page).get_by_role("link", name="Annuaire des membres").click()

    expect(heading(page, "Annuaire des membres")).to_be_visible()
    rows = page.get_by_role("table").locator("tbody tr")
    expect(rows).to_have_count(24)
    expect(page.get_by_text("24 administrations", exact=True)).to_be_visible()
    expect(page.get_by_role("columnheader", name="Heure locale")).to_be_visible()
    screenshot(page, "directory-fr")

    page.get_by_label("Francophones").check()
    page.get_by_role("button", name="Filtrer").click()
    expect(rows).to_have_count(len(FRENCH_SPEAKING_MEMBERS))
    names = {name.strip() for name in rows.locator("td:first-child a").all_inner_texts()}
    assert names == FRENCH_SPEAKING_MEMBERS
    expect(page.get_by_label("Francophones")).to_be_checked()

    page.get_by_role("link", name="New Caledonia", exact=True).click()
    expect(heading(page, "New Caledonia")).to_be_visible()
    local_time = page.locator("dt", has_text="Heure locale").locator(
        "xpath=following-sibling::dd[1]"
    )
    expect(local_time).to_contain_text("Pacific/Noumea")
    shown = local_time.inner_text()
    assert any(expected in shown for expected in _local_times("Pacific/Noumea")), shown
