"""A delegate follows the Strategic Plan from the navigation down to an activity and its workshop."""

import pytest
from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD, demo_email
from tests.browser.helpers import navigation, sign_in

pytestmark = pytest.mark.browser


def test_a_delegate_opens_the_plan_and_an_activity_with_its_workshop(page, demo_data):
    sign_in(page, demo_email("delegate.tonga"), DEMO_PASSWORD)
    navigation(page).get_by_role("link", name="Strategic Plan").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Strategic Plan 2022-2027")
    expect(page.get_by_role("heading", name="Priority 1: Customs Leadership")).to_be_visible()
    page.get_by_role("link", name="Strategic Plan 2017-2022").click()
    activity = page.get_by_role(
        "link", name="Regional support for implementation of the WTO Trade Facilitation Agreement"
    )
    expect(activity).to_be_visible()
    activity.click()
    expect(
        page.get_by_role("heading", level=2, name="Workshops serving this activity")
    ).to_be_visible()
    expect(
        page.get_by_role(
            "link",
            name="Regional Workshop on the Implementation of the WTO Trade Facilitation Agreement",
        )
    ).to_be_visible()
    expect(page.get_by_role("heading", name="Status and lead")).to_have_count(0)
