"""Secretariat staff sign in with an authenticator code, and must set one up before anything else."""

import pytest
from allauth.mfa.models import Authenticator
from playwright.sync_api import expect

from core.models import OutgoingEmail
from demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_email
from members.models import User
from tests.browser.helpers import (
    enter_totp_code,
    expect_signed_in_as,
    field,
    heading,
    navigation,
    sign_in,
)
from tests.factories import TEST_PASSWORD, OutgoingEmailFactory, SecretariatFactory

pytestmark = pytest.mark.browser


def test_the_demo_secretariat_signs_in_with_a_code_and_opens_the_outbox_and_people(page, demo_data):
    OutgoingEmailFactory(
        recipient="focal.samoa@demo.oco-portal.example",
        subject="Invitation: Regional workshop on risk management",
        status=OutgoingEmail.Status.SENT,
        attempts=1,
    )
    sign_in(page, demo_email("secretariat"), DEMO_PASSWORD)
    expect(heading(page, "Two-Factor Authentication")).to_be_visible()
    enter_totp_code(page, DEMO_TOTP_SECRET, label="Code", button="Sign In")
    expect_signed_in_as(page, "Mere Tuilagi")

    navigation(page).get_by_role("link", name="Secretariat").click()
    page.get_by_role("region", name="Secretariat").get_by_role("link", name="Outbox").click()
    expect(heading(page, "Outbox")).to_be_visible()
    row = page.get_by_role("row").filter(has_text="Regional workshop on risk management")
    expect(row).to_contain_text("focal.samoa@demo.oco-portal.example")
    expect(row).to_contain_text("Sent")

    navigation(page).get_by_role("link", name="Secretariat").click()
    page.get_by_role("region", name="Secretariat").get_by_role(
        "link", name="People and roles"
    ).click()
    expect(heading(page, "People")).to_be_visible()
    people = page.get_by_role("table").locator("tbody tr")
    # The 11 demo accounts and the demo participants of the 2017 workshop, on one page.
    expect(people).to_have_count(User.objects.count())
    expect(people.filter(has_text="Mere Tuilagi")).to_contain_text("Secretariat")
    expect(people.filter(has_text="Claire Wamytan")).to_contain_text("Focal point")
    expect(people.filter(has_text="Park Ji-won")).to_contain_text("Donor contact")


def test_secretariat_staff_without_an_authenticator_must_set_one_up_first(page, live_server):
    staff = SecretariatFactory(totp=False, name="Ana Seru")
    sign_in(page, staff.email, TEST_PASSWORD)

    expect(page.get_by_role("status")).to_contain_text(
        "Secretariat staff must use two-factor sign-in"
    )
    # allauth asks for the password again before an authenticator is added.
    expect(heading(page, "Confirm Access")).to_be_visible()
    field(page, "Password").fill(TEST_PASSWORD)
    page.get_by_role("button", name="Confirm", exact=True).click()
    expect(heading(page, "Activate Authenticator App")).to_be_visible()
    page.goto("/members/")
    expect(heading(page, "Activate Authenticator App")).to_be_visible()
    expect(heading(page, "Member directory")).to_have_count(0)
    page.goto("/outbox/")
    expect(heading(page, "Activate Authenticator App")).to_be_visible()

    secret = field(page, "Authenticator secret").input_value()
    assert len(secret) >= 16
    enter_totp_code(page, secret, label="Authenticator code", button="Activate")
    expect(page.get_by_role("status")).to_contain_text("activated")
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()

    navigation(page).get_by_role("link", name="Dashboard").click()
    expect_signed_in_as(page, "Ana Seru")
    navigation(page).get_by_role("link", name="Member directory").click()
    expect(heading(page, "Member directory")).to_be_visible()
    expect(page).to_have_url(f"{live_server.url}/members/")
