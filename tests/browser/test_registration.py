"""Registration in the browser: a delegate registers, edits and cancels; the Secretariat
approves, declines and exports; a focal point nominates from an invitation link."""

import csv
import datetime as dt
import re

import pytest
from playwright.sync_api import expect

from core.models import OutgoingEmail
from demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_email
from demo.workshops import GOVERNANCE_SLUG
from members.models import User
from tests.browser.conftest import screenshot
from tests.browser.helpers import (
    enter_totp_code,
    expect_signed_in_as,
    field,
    heading,
    navigation,
    sign_in,
)
from tests.factories import UserFactory
from workshops.models import Invitation, Registration, Workshop
from workshops.services.invitations import invitations_create
from workshops.services.registrations import registration_submit

pytestmark = pytest.mark.browser

TITLE = "Regional Workshop on Corporate Governance and Succession Planning"
HELD = "You are registered and a seat is held for you, awaiting the Secretariat's approval."
CONSENT = "I agree that the OCO Secretariat uses these data"


def _workshop() -> Workshop:
    return Workshop.objects.get(slug=GOVERNANCE_SLUG)


def _register(person: User) -> Registration:
    result = registration_submit(
        actor=person,
        workshop=_workshop(),
        data={"position": person.position, "consent": True},
    )
    return result.registration


def test_a_delegate_registers_from_the_public_list_edits_and_cancels(page, demo_data):
    workshop = _workshop()
    arrival = workshop.start_date - dt.timedelta(days=1)
    sign_in(page, demo_email("delegate.tonga"), DEMO_PASSWORD)
    expect_signed_in_as(page, "Viliami Fifita")

    navigation(page).get_by_role("link", name="Workshops").click()
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Register", exact=True).click()
    expect(heading(page, f"Register for {TITLE}")).to_be_visible()
    expect(field(page, "Full name")).to_have_value("Viliami Fifita")
    field(page, "Arrival date").fill(arrival.isoformat())
    field(page, "Arrival flight").fill("FJ 251")
    field(page, "Dietary needs").fill("Vegetarian")
    page.get_by_label(re.compile(re.escape(CONSENT))).check()
    page.get_by_role("button", name="Register", exact=True).click()

    expect(page.get_by_text(HELD)).to_be_visible()
    expect(heading(page, "Your registration")).to_be_visible()
    expect(page.get_by_text("Your seat is held while the Secretariat decides.")).to_be_visible()

    navigation(page).get_by_role("link", name="Dashboard").click()
    mine = page.locator("section").filter(has=page.get_by_role("heading", name="My workshops"))
    expect(mine.get_by_role("link", name=TITLE)).to_be_visible()
    expect(mine).to_contain_text("Submitted")
    mine.get_by_role("link", name="Edit", exact=True).click()
    expect(field(page, "Dietary needs")).to_have_value("Vegetarian")
    field(page, "Dietary needs").fill("Vegan, no nuts")
    page.get_by_role("button", name="Save", exact=True).click()
    expect(page.get_by_text("Your registration was saved.")).to_be_visible()
    expect(field(page, "Dietary needs")).to_have_value("Vegan, no nuts")
    screenshot(page, "registration-detail")

    page.get_by_role("link", name="Cancel my registration").click()
    expect(heading(page, "Cancel your registration")).to_be_visible()
    page.get_by_role("button", name="Yes, cancel my registration").click()
    expect(page.get_by_text("Your registration is cancelled.")).to_be_visible()
    expect(page.get_by_role("link", name="Register again")).to_be_visible()

    registration = Registration.objects.get(workshop=workshop, person__name="Viliami Fifita")
    assert registration.status == Registration.Status.CANCELLED
    assert registration.dietary_needs == "Vegan, no nuts"
    assert registration.arrival_flight == "FJ 251"
    assert registration.arrival_date == arrival


def _sign_in_as_secretariat(page) -> None:
    sign_in(page, demo_email("secretariat"), DEMO_PASSWORD)
    enter_totp_code(page, DEMO_TOTP_SECRET, label="Code", button="Sign In")
    expect_signed_in_as(page, "Mere Tuilagi")


def test_the_secretariat_approves_declines_and_exports_the_participants(page, demo_data):
    tonga = _register(User.objects.get(email=demo_email("delegate.tonga")))
    png = _register(User.objects.get(email=demo_email("delegate.png")))
    _sign_in_as_secretariat(page)

    navigation(page).get_by_role("link", name="Manage workshops").click()
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name="Participants", exact=True).click()
    expect(heading(page, "Participants")).to_be_visible()
    expect(page.get_by_text("2 registrations")).to_be_visible()

    row = page.get_by_role("row").filter(has_text="Viliami Fifita")
    row.get_by_role("button", name="Approve").click()
    expect(page.get_by_text("1 registration done.")).to_be_visible()
    expect(page.get_by_role("row").filter(has_text="Viliami Fifita")).to_contain_text("Approved")

    field(page, "Reason for declining (the delegate is told)").fill(
        "Your administration has already sent its seats' worth of managers."
    )
    page.get_by_role("row").filter(has_text="Kila Aopi").get_by_role(
        "button", name="Decline"
    ).click()
    expect(page.get_by_text("1 registration done.")).to_be_visible()
    declined = page.get_by_role("row").filter(has_text="Kila Aopi")
    expect(declined).to_contain_text("Declined")
    expect(declined).to_contain_text("already sent its seats' worth of managers")
    screenshot(page, "participant-list")

    page.get_by_text("Export this list").click()
    with page.expect_download() as download_info:
        page.get_by_role("button", name="CSV", exact=True).click()
    download = download_info.value
    assert download.suggested_filename.endswith(".csv")
    with open(download.path(), encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_name = {row["Name"]: row for row in rows}
    assert set(by_name) == {"Viliami Fifita", "Kila Aopi"}
    assert by_name["Viliami Fifita"]["Status"] == "Approved"
    assert by_name["Viliami Fifita"]["Administration"] == "Tonga"
    assert by_name["Kila Aopi"]["Status"] == "Declined"
    assert by_name["Kila Aopi"]["Position"] == "Customs Officer"

    tonga.refresh_from_db()
    png.refresh_from_db()
    assert tonga.status == Registration.Status.APPROVED
    assert png.status == Registration.Status.DECLINED
    assert png.decline_reason.startswith("Your administration has already sent")
    subjects = set(
        OutgoingEmail.objects.filter(template__startswith="registration_").values_list(
            "recipient", "template"
        )
    )
    assert (demo_email("delegate.tonga"), "registration_approved") in subjects
    assert (demo_email("delegate.png"), "registration_declined") in subjects


def _invitation_link(email: str) -> str:
    body = OutgoingEmail.objects.get(recipient=email, template="invitation").body_text
    match = re.search(r"https?://\S+/invitations/\S+/", body)
    assert match, body
    return match.group(0)


def _nominee(page, number: int, *, name: str, email: str, position: str) -> None:
    block = page.get_by_role("group", name=f"Delegate {number}")
    field(block, "Full name").fill(name)
    field(block, "E-mail").fill(email)
    field(block, "Position").fill(position)


def test_a_focal_point_nominates_within_the_seats_from_the_invitation_link(
    page, demo_data, live_server, settings
):
    settings.SITE_URL = live_server.url
    workshop = _workshop()
    samoa_focal = User.objects.get(email=demo_email("focal.samoa"))
    invitations_create(
        actor=User.objects.get(email=demo_email("secretariat")),
        workshop=workshop,
        organisations=[samoa_focal.organisation],
    )
    page.goto(_invitation_link(samoa_focal.email))
    expect(heading(page, "You are invited")).to_be_visible()
    page.get_by_role("main").get_by_role("link", name="Sign in", exact=True).click()
    field(page, "Email").fill(samoa_focal.email)
    field(page, "Password").fill(DEMO_PASSWORD)
    page.get_by_role("button", name="Sign In", exact=True).click()

    expect(heading(page, "Invitation to Samoa")).to_be_visible()
    expect(page.get_by_text("Seats left: 2")).to_be_visible()
    # While the page is open, a colleague registers and takes one of the two seats.
    _register(UserFactory(organisation=samoa_focal.organisation, name="Malia Tuilagi"))

    _nominee(
        page, 1, name="Tavita Lemalu", email="tavita.lemalu@customs.gov.ws", position="Manager"
    )
    _nominee(page, 2, name="Sina Aiono", email="sina.aiono@customs.gov.ws", position="Officer")
    page.get_by_role("button", name="Nominate", exact=True).click()
    expect(
        page.get_by_text("Your administration has 1 seat(s) left: nominate at most 1.")
    ).to_be_visible()
    assert not Invitation.objects.filter(email__endswith="@customs.gov.ws").exists()

    block = page.get_by_role("group", name="Delegate 2")
    for label in ("Full name", "E-mail", "Position"):
        field(block, label).fill("")
    page.get_by_role("button", name="Nominate", exact=True).click()
    expect(page.get_by_text("1 delegate nominated: they were e-mailed a link")).to_be_visible()
    expect(page.get_by_text("Seats left: 0")).to_be_visible()
    expect(
        page.get_by_text("All your administration's seats are taken or promised.")
    ).to_be_visible()
    screenshot(page, "invitation-nominated")

    nominee = User.objects.get(email="tavita.lemalu@customs.gov.ws")
    assert nominee.organisation == samoa_focal.organisation
    assert nominee.position == "Manager"
    assert Invitation.objects.get(email=nominee.email).name == "Tavita Lemalu"
    assert OutgoingEmail.objects.filter(recipient=nominee.email, template="nomination").count() == 1
    assert not User.objects.filter(email="sina.aiono@customs.gov.ws").exists()
