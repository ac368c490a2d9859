"""A 300-character word (or a long URL) typed by a user wraps instead of pushing the page
sideways: an action item, an evaluation comment and an expert's summary, on a desktop and a
phone."""

import pytest
from django.urls import reverse

from demo.people import DEMO_PASSWORD, DEMO_TOTP_SECRET, demo_email
from programmes.models import ActionItem
from tests.browser.helpers import enter_totp_code, sign_in
from workshops.models import Evaluation, ExpertProfile

pytestmark = pytest.mark.browser

LONG_WORD = "Customs" * 42 + "X" * 6  # 300 characters, no space
LONG_URL = "https://example.org/" + "a" * 280
WIDE_ELEMENTS = """
[...document.querySelectorAll('body *')]
    .filter(e => e.getBoundingClientRect().right > innerWidth + 1 && !e.closest('.table-responsive'))
    .slice(0, 4).map(e => e.tagName + '.' + e.className)
"""


def _long_pages() -> list[str]:
    item = ActionItem.objects.select_related("plan").order_by("pk").first()
    item.action = f"{LONG_WORD} {LONG_URL}"
    item.save()
    evaluation = Evaluation.objects.select_related("registration").order_by("pk").first()
    evaluation.comments = LONG_WORD
    evaluation.will_apply = LONG_URL
    evaluation.save()
    profile = ExpertProfile.objects.order_by("pk").first()
    profile.summary = LONG_WORD
    profile.save()
    return [
        item.plan.get_absolute_url(),
        reverse("workshops:manage-detail", kwargs={"pk": evaluation.registration.workshop_id}),
        profile.get_absolute_url(),
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_long_words_do_not_widen_the_page(new_page, demo_data, width):
    pages = _long_pages()
    page = new_page(viewport={"width": width, "height": 800})
    sign_in(page, demo_email("secretariat"), DEMO_PASSWORD)
    enter_totp_code(page, DEMO_TOTP_SECRET, label="Code", button="Sign In")
    for path in pages:
        page.goto(path)
        assert LONG_WORD in page.content(), path
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        wide = page.evaluate(WIDE_ELEMENTS)  # named in the failure message
        assert overflow <= 0, (path, overflow, wide)
