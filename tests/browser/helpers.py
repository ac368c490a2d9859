"""What a person does in the browser, in words a person would use: labels, buttons, headings."""

import re
import time

from allauth.mfa import app_settings as mfa_settings
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from playwright.sync_api import Locator, Page, expect


def field(page: Page, label: str) -> Locator:
    """The form field with this label (crispy forms add “*” to required ones)."""
    return page.get_by_label(re.compile(rf"^\s*{re.escape(label)}\s*\*?\s*$"))


def heading(page: Page, text: str) -> Locator:
    return page.get_by_role("heading", level=1, name=text, exact=True)


def navigation(page: Page) -> Locator:
    return page.locator("nav.navbar")


def sign_in(page: Page, email: str, password: str, *, button: str = "Sign In") -> None:
    page.goto("/accounts/login/")
    field(page, "Email").fill(email)
    field(page, "Password").fill(password)
    page.get_by_role("button", name=button, exact=True).click()


def totp_code(secret: str) -> str:
    """The authenticator code of this moment, waiting for a fresh window if this one is ending.

    The portal accepts only the current 30-second window, so a code computed a second before
    the window turns would be refused by the time it is typed.
    """
    period = mfa_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < 4:
        time.sleep(left + 0.2)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def enter_totp_code(page: Page, secret: str, *, label: str, button: str) -> None:
    field(page, label).fill(totp_code(secret))
    page.get_by_role("button", name=button, exact=True).click()


def expect_signed_in_as(page: Page, name: str, *, greeting: str = "Welcome") -> None:
    expect(heading(page, f"{greeting}, {name}")).to_be_visible()
