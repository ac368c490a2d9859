"""Browser tests: the system's Chromium, driven by Playwright, against pytest-django's live server.

Chromium is Debian's (/usr/bin/chromium, or PLAYWRIGHT_CHROMIUM); Playwright's own browser
downloads are not used. Each test gets a fresh browser context (cookies, storage) and a
flushed database (`transactional_db`), so the live server thread sees what the test creates.
"""

import os
import re
from collections.abc import Iterator
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from playwright.sync_api import Browser, ConsoleMessage, Page, Response, sync_playwright

CHROMIUM = os.environ.get("PLAYWRIGHT_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
ARTIFACTS = Path(settings.BASE_DIR) / "test-artifacts"
DESKTOP = {"width": 1280, "height": 900}


@pytest.fixture(scope="package")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.skip(
            f"No Chromium at {CHROMIUM}: install Debian's chromium or set PLAYWRIGHT_CHROMIUM"
        )
    # Playwright's sync API keeps an asyncio loop running in this thread, and the tests reach
    # the database from it (set-up, checks); Django refuses that unless told it is safe here.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def demo_data(transactional_db) -> None:
    """Reference organisations and the demo accounts, as `make run` loads them."""
    call_command("load_reference_data", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())


class BrowserLog:
    """What the page said on its console and which server errors it met."""

    def __init__(self) -> None:
        self.console: list[str] = []
        self.server_errors: list[str] = []

    def on_console(self, message: ConsoleMessage) -> None:
        self.console.append(f"{message.type}: {message.text}")

    def on_page_error(self, error) -> None:
        self.console.append(f"pageerror: {error}")

    def on_response(self, response: Response) -> None:
        if response.status >= 500:
            self.server_errors.append(f"{response.status} {response.url}")


def _open_page(browser: Browser, live_server, **options) -> tuple[Page, BrowserLog]:
    context = browser.new_context(
        base_url=live_server.url, **{"locale": "en-GB", "viewport": DESKTOP, **options}
    )
    context.set_default_timeout(10_000)
    page = context.new_page()
    log = BrowserLog()
    page.on("console", log.on_console)
    page.on("pageerror", log.on_page_error)
    page.on("response", log.on_response)
    return page, log


@pytest.fixture
def new_page(browser, live_server, transactional_db):
    """Open pages in fresh contexts: `new_page(java_script_enabled=False, viewport=...)`."""
    opened: list[tuple[Page, BrowserLog]] = []

    def factory(**options) -> Page:
        page, log = _open_page(browser, live_server, **options)
        opened.append((page, log))
        page.browser_log = log  # read by the tests that check the console
        return page

    yield factory
    for page, log in opened:
        page.context.close()
        assert not log.server_errors, f"server errors: {log.server_errors}"


@pytest.fixture
def page(new_page) -> Page:
    return new_page()


def screenshot(page: Page, name: str) -> Path:
    ARTIFACTS.mkdir(exist_ok=True)
    path = ARTIFACTS / f"{re.sub(r'[^a-z0-9-]+', '-', name.lower())}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
