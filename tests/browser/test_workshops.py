"""The Secretariat plans a workshop in the browser; a visitor finds it on the public list."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_email
from tests.browser.conftest import screenshot
from tests.browser.helpers import enter_totp_code, field, heading, navigation, sign_in
from workshops.models import Workshop

pytestmark = pytest.mark.browser

TITLE = "Regional Workshop on Rules of Origin"


def _sign_in_as_secretariat(page) -> None:
    sign_in(page, demo_email("secretariat"), DEMO_PASSWORD)
    enter_totp_code(page, DEMO_TOTP_SECRET, label="Code", button="Sign In")
    expect(heading(page, "Welcome, Mere Tuilagi")).to_be_visible()


def _add_session(page, title: str, start: str, end: str) -> None:
    page.get_by_role("link", name="Add session").click()
    field(page, "Title").fill(title)
    page.get_by_label("Day").select_option(index=0)
    field(page, "Starts at").fill(start)
    field(page, "Ends at").fill(end)
    page.get_by_label("New Zealand").check()
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The session was saved.")).to_be_visible()


def test_secretariat_plans_and_opens_a_workshop_that_a_visitor_then_finds(new_page, demo_data):
    start = timezone.localdate() + dt.timedelta(days=40)
    page = new_page()
    _sign_in_as_secretariat(page)

    navigation(page).get_by_role("link", name="Manage workshops").click()
    page.get_by_role("link", name="New workshop").click()
    field(page, "Title").fill(TITLE)
    field(page, "First day").fill(start.isoformat())
    field(page, "Last day").fill((start + dt.timedelta(days=2)).isoformat())
    field(page, "Venue").fill("Grand Pacific Hotel")
    field(page, "City").fill("Suva")
    field(page, "Country").fill("Fiji")
    field(page, "Time zone of the venue").fill("Pacific/Fiji")
    field(page, "Capacity").fill("30")
    field(page, "Registration deadline (day)").fill((start - dt.timedelta(days=10)).isoformat())
    field(page, "Registration deadline (time at the venue)").fill("17:00")
    page.get_by_role("button", name="Create draft").click()
    expect(page.get_by_text("The workshop was created as a draft.")).to_be_visible()

    page.get_by_role("link", name="Add funding").click()
    page.get_by_label("Funder").select_option(label="Korea Customs Service")
    field(page, "Amount (budget)").fill("80000")
    field(page, "Currency").fill("usd")
    page.get_by_label("Airfare").check()
    page.get_by_label("Per diem").check()
    field(page, "Funded seats").fill("20")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("The funding was saved.")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Korea Customs Service")).to_contain_text(
        "80,000.00 USD"
    )

    page.get_by_role("link", name="Manage facilitators").click()
    page.get_by_label("Organisation").select_option(label="New Zealand")
    page.get_by_role("button", name="Add facilitator").click()
    expect(page.get_by_text("was added.")).to_be_visible()
    page.get_by_role("link", name=TITLE).first.click()

    _add_session(page, "Origin criteria and cumulation", "09:00", "10:30")
    _add_session(page, "Verification of origin", "11:00", "12:30")

    page.get_by_role("button", name="Open registration").click()
    expect(page.get_by_text("Registration is open.")).to_be_visible()
    screenshot(page, "workshop-manage")
    workshop = Workshop.objects.get(title=TITLE)
    assert workshop.status == Workshop.Status.OPEN
    assert workshop.sessions.count() == 2
    assert workshop.fundings.get().currency == "USD"

    visitor = new_page()
    visitor.goto("/")
    navigation(visitor).get_by_role("link", name="Workshops").click()
    visitor.get_by_role("link", name=TITLE).click()
    expect(visitor.get_by_role("heading", level=1)).to_contain_text(TITLE)
    expect(visitor.get_by_text("Origin criteria and cumulation")).to_be_visible()
    expect(visitor.get_by_text("Verification of origin")).to_be_visible()
    expect(visitor.get_by_text("Korea Customs Service").first).to_be_visible()
    expect(visitor.get_by_text(re.compile(r"80,?000"))).to_have_count(0)
    screenshot(visitor, "workshop-public")


def test_a_visitor_does_not_find_drafts_and_sees_the_demo_workshops(new_page, demo_data):
    Workshop.objects.create(title="Secret planning draft", slug="secret-planning-draft")
    visitor = new_page()
    visitor.goto("/workshops/")
    expect(
        visitor.get_by_role(
            "link", name="Regional Workshop on Corporate Governance and Succession Planning"
        )
    ).to_be_visible()
    expect(visitor.get_by_text("Secret planning draft")).to_have_count(0)
    response = visitor.goto("/workshops/secret-planning-draft/")
    assert response.status == 404
    visitor.goto("/workshops/?when=past")
    expect(
        visitor.get_by_role(
            "link",
            name="Regional Workshop on the Implementation of the WTO Trade Facilitation Agreement",
        )
    ).to_be_visible()
