"""The whole invitation flow on real parts: gunicorn serving the portal, a Celery worker on
Redis, PostgreSQL, aiosmtpd on loopback, and Chromium driving gunicorn's address.

The Secretariat invites Samoa in the browser; the test reads the invitation from the SMTP
server, follows its link as Samoa's focal point and nominates a delegate; the nomination
e-mail's link brings the delegate to the registration form; the Secretariat approves and the
approval e-mail arrives with the workshop as an .ics attachment.

Skipped without a PostgreSQL DATABASE_URL and a REDIS_URL (CI sets both).
"""

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from io import StringIO
from pathlib import Path

import icalendar
import pytest
from django.conf import settings as django_settings
from django.contrib.auth.hashers import PBKDF2PasswordHasher
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import Browser, Page, expect, sync_playwright

from demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_email
from members.models import User
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP
from tests.browser.helpers import (
    enter_totp_code,
    expect_signed_in_as,
    field,
    heading,
    navigation,
    sign_in,
)
from tests.services.conftest import _worker_database_url
from tests.services.needs import needs_postgres, needs_redis
from tests.services.smtp import ReceivedMessage, SmtpServer
from workshops.models import Registration

pytestmark = [pytest.mark.services, needs_postgres, needs_redis]

TITLE = "Regional Workshop on Corporate Governance and Succession Planning"
NOMINEE_NAME = "Tavita Lemalu"
NOMINEE_EMAIL = "tavita.lemalu@customs.gov.ws"
NOMINEE_PASSWORD = "a-password-set-by-reset-2026"
SERVER_START_TIMEOUT = 30.0
MAIL_TIMEOUT = 30.0
LINK = re.compile(r"https?://\S+/invitations/\S+/")


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _set_password(email: str, password: str) -> None:
    """A hash gunicorn's default hashers accept (the test process hashes with MD5), cheap
    enough for a test. For the nominee it stands in for the password-reset step."""
    hasher = PBKDF2PasswordHasher()
    encoded = hasher.encode(password, hasher.salt(), iterations=1000)
    User.objects.filter(email=email).update(password=encoded)


@pytest.fixture
def site_url(monkeypatch) -> str:
    """gunicorn's address, chosen first: the worker builds the invitation links with it."""
    url = f"http://127.0.0.1:{_free_port()}"
    monkeypatch.setenv("SITE_URL", url)  # read by the worker the `celery_worker` fixture starts
    return url


@pytest.fixture
def demo_accounts(transactional_db) -> None:
    call_command("load_reference_data", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    for person in ("secretariat", "focal.samoa"):
        _set_password(demo_email(person), DEMO_PASSWORD)


@pytest.fixture
def worker(site_url, demo_accounts, celery_worker):
    return celery_worker


@dataclass
class Gunicorn:
    process: subprocess.Popen
    log_path: Path
    url: str

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def assert_alive(self) -> None:
        if self.process.poll() is not None:
            raise AssertionError(f"gunicorn exited with {self.process.returncode}:\n{self.log()}")


def _wait_until_serving(server: Gunicorn) -> None:
    deadline = time.monotonic() + SERVER_START_TIMEOUT
    while True:
        server.assert_alive()
        try:
            with urllib.request.urlopen(f"{server.url}/workshops/", timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, TimeoutError):
            pass
        if time.monotonic() > deadline:
            raise AssertionError(f"gunicorn did not serve in time:\n{server.log()}")
        time.sleep(0.2)


@pytest.fixture
def gunicorn(site_url, worker, tmp_path) -> Iterator[Gunicorn]:
    """gunicorn on the test database, publishing tasks to the worker's queue."""
    port = site_url.rsplit(":", 1)[1]
    env = {key: value for key, value in os.environ.items() if key != "EMAIL_URL"}
    env.update(
        {
            "DATABASE_URL": _worker_database_url(),
            "DB_CONN_MAX_AGE": "0",
            "REDIS_URL": django_settings.REDIS_URL,
            "CELERY_QUEUE": worker.queue,
            "CACHE_KEY_PREFIX": f"e2e-{uuid.uuid4().hex[:8]}",
            "DJANGO_ENV": "test",
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "SITE_URL": site_url,
        }
    )
    log_path = tmp_path / "gunicorn.log"
    command = [
        sys.executable,
        "-m",
        "gunicorn",
        "oco_portal.wsgi",
        "-b",
        f"127.0.0.1:{port}",
        "-w",
        "2",
        "--timeout",
        "60",
        "--error-logfile",
        "-",
    ]
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            command,
            cwd=django_settings.BASE_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    server = Gunicorn(process=process, log_path=log_path, url=site_url)
    try:
        _wait_until_serving(server)
        yield server
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@pytest.fixture
def chromium(monkeypatch) -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"No Chromium at {CHROMIUM}: install Debian's chromium or set PLAYWRIGHT_CHROMIUM"
        )
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _page(browser: Browser, server: Gunicorn, errors: list[str]) -> Page:
    """A fresh context (its own cookies) on gunicorn's address, recording server errors."""
    context = browser.new_context(base_url=server.url, locale="en-GB", viewport=DESKTOP)
    context.set_default_timeout(15_000)
    page = context.new_page()
    page.on(
        "response",
        lambda response: (
            errors.append(f"{response.status} {response.url}") if response.status >= 500 else None
        ),
    )
    return page


def _mail_to(smtp: SmtpServer, recipient: str, *, count: int) -> ReceivedMessage:
    """The last of the first `count` messages to `recipient`, waiting for it (bounded)."""
    deadline = time.monotonic() + MAIL_TIMEOUT
    while True:
        mine = [m for m in list(smtp.messages) if recipient in m.recipients]
        if len(mine) >= count:
            return mine[count - 1]
        if time.monotonic() > deadline:
            received = [(m.recipients, m.subject) for m in smtp.messages]
            raise AssertionError(
                f"No message {count} to {recipient} in {MAIL_TIMEOUT}s: {received}"
            )
        time.sleep(0.1)


def _link(message: ReceivedMessage) -> str:
    text = message.parsed.get_body(preferencelist=("plain",)).get_content()
    match = LINK.search(text)
    assert match, text
    return match.group(0)


def _sign_in_from_welcome(page: Page, email: str, password: str) -> None:
    expect(heading(page, "You are invited")).to_be_visible()
    page.get_by_role("main").get_by_role("link", name="Sign in", exact=True).click()
    field(page, "Email").fill(email)
    field(page, "Password").fill(password)
    page.get_by_role("button", name="Sign In", exact=True).click()


def _open_workshop_page(page: Page, link: str) -> None:
    navigation(page).get_by_role("link", name="Manage workshops").click()
    page.get_by_role("link", name=TITLE).click()
    page.get_by_role("link", name=link, exact=True).click()


def test_invite_nominate_register_approve_through_gunicorn_celery_and_smtp(
    gunicorn, worker, smtp_server, chromium
):
    # Under Playwright's sync API the ORM calls of the test body open a connection of their
    # own; closing it lets the test database be dropped at the end of the session.
    try:
        _invite_nominate_register_approve(gunicorn, smtp_server, chromium)
    finally:
        connections.close_all()


def _invite_nominate_register_approve(gunicorn: Gunicorn, smtp_server, chromium) -> None:
    started = time.monotonic()
    errors: list[str] = []
    focal_email = demo_email("focal.samoa")

    secretariat = _page(chromium, gunicorn, errors)
    sign_in(secretariat, demo_email("secretariat"), DEMO_PASSWORD)
    enter_totp_code(secretariat, DEMO_TOTP_SECRET, label="Code", button="Sign In")
    expect_signed_in_as(secretariat, "Mere Tuilagi")
    _open_workshop_page(secretariat, "Invitations")
    secretariat.get_by_role("link", name="Send invitations").click()
    secretariat.get_by_label("Samoa", exact=True).check()
    secretariat.get_by_role("button", name="Send invitations").click()
    expect(secretariat.get_by_text("1 invitation is being sent.")).to_be_visible()

    invitation = _mail_to(smtp_server, focal_email, count=1)
    assert invitation.subject.strip() == f"Invitation: {TITLE}"
    link = _link(invitation)
    assert link.startswith(gunicorn.url)
    secretariat.get_by_role("link", name="Follow the sending").click()
    expect(secretariat.get_by_text("Sent: 1")).to_be_visible()

    focal = _page(chromium, gunicorn, errors)
    focal.goto(link)
    _sign_in_from_welcome(focal, focal_email, DEMO_PASSWORD)
    expect(heading(focal, "Invitation to Samoa")).to_be_visible()
    expect(focal.get_by_text("Seats left: 2")).to_be_visible()
    block = focal.get_by_role("group", name="Delegate 1")
    field(block, "Full name").fill(NOMINEE_NAME)
    field(block, "E-mail").fill(NOMINEE_EMAIL)
    field(block, "Position").fill("Manager, Revenue Collection")
    focal.get_by_role("button", name="Nominate", exact=True).click()
    expect(focal.get_by_text("1 delegate nominated")).to_be_visible()

    nomination = _mail_to(smtp_server, NOMINEE_EMAIL, count=1)
    nominee_link = _link(nomination)
    assert nominee_link != link
    _set_password(NOMINEE_EMAIL, NOMINEE_PASSWORD)

    delegate = _page(chromium, gunicorn, errors)
    delegate.goto(nominee_link)
    _sign_in_from_welcome(delegate, NOMINEE_EMAIL, NOMINEE_PASSWORD)
    expect(heading(delegate, f"Invitation for {NOMINEE_NAME}")).to_be_visible()
    delegate.get_by_role("link", name="Register for this workshop").click()
    expect(field(delegate, "Full name")).to_have_value(NOMINEE_NAME)
    field(delegate, "Arrival flight").fill("NZ 990")
    delegate.get_by_label(re.compile("I agree that the OCO Secretariat")).check()
    delegate.get_by_role("button", name="Register", exact=True).click()
    expect(delegate.get_by_text("a seat is held for you")).to_be_visible()
    _mail_to(smtp_server, NOMINEE_EMAIL, count=2)  # "registration received"

    _open_workshop_page(secretariat, "Participants")
    row = secretariat.get_by_role("row").filter(has_text=NOMINEE_NAME)
    expect(row).to_contain_text("Samoa")
    row.get_by_role("button", name="Approve").click()
    expect(secretariat.get_by_text("1 registration done.")).to_be_visible()
    expect(secretariat.get_by_role("row").filter(has_text=NOMINEE_NAME)).to_contain_text("Approved")

    approval = _mail_to(smtp_server, NOMINEE_EMAIL, count=3)
    assert approval.subject.strip() == f"Approved: {TITLE}"
    calendars = [
        part
        for part in approval.parsed.iter_attachments()
        if part.get_content_type() == "text/calendar"
    ]
    assert len(calendars) == 1, [p.get_content_type() for p in approval.parsed.iter_attachments()]
    assert calendars[0].get_filename().endswith(".ics")
    calendar = icalendar.Calendar.from_ical(calendars[0].get_payload(decode=True))
    summaries = [str(event["SUMMARY"]) for event in calendar.walk("VEVENT")]
    assert TITLE in summaries, summaries

    registration = Registration.objects.get(person__email=NOMINEE_EMAIL)
    assert registration.status == Registration.Status.APPROVED
    assert registration.organisation.name == "Samoa"
    assert registration.nominated_by.email == focal_email
    assert registration.arrival_flight == "NZ 990"
    assert sorted(smtp_server.received_by().items()) == [(focal_email, 1), (NOMINEE_EMAIL, 3)]
    assert not errors, f"server errors: {errors}\n{gunicorn.log()}"
    assert time.monotonic() - started < 90
