"""French wording: greetings that read naturally, and colons with a space before them."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation

from tests.factories import UserFactory
from tests.workshops.factories import WorkshopFactory

PO_FILE = Path(settings.BASE_DIR) / "locale" / "fr" / "LC_MESSAGES" / "django.po"
TEMPLATES = Path(settings.BASE_DIR) / "templates"
# A colon written after a translated label, outside the string, cannot get French spacing.
COLON_OUTSIDE = re.compile(r'\{% translate "[^"]*" %\}:')
# Left to the engineer who owns these templates at the time of writing (reported).
NOT_YET: set[str] = set()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("language", "greeting"),
    [("fr", "Bonjour Marie Kalsakau,"), ("en", "Dear Marie Kalsakau,")],
)
def test_emails_greet_the_person_by_name(language, greeting):
    person, workshop = UserFactory(name="Marie Kalsakau"), WorkshopFactory()
    with translation.override(language):
        body = render_to_string(
            "emails/registration_declined/body.txt",
            {"person": person, "workshop": workshop, "reason": "Full"},
        )
    assert body.startswith(greeting)
    assert "Madame, Monsieur" not in body


def test_french_translations_put_a_space_before_colons():
    glued = [
        entry.msgstr
        for entry in polib.pofile(str(PO_FILE))
        if re.search(r"[^\W\d_]:(\s|$)", entry.msgstr)
    ]
    assert glued == []


def test_templates_keep_colons_inside_translated_strings():
    offenders = [
        str(path.relative_to(TEMPLATES))
        for path in TEMPLATES.rglob("*")
        if path.is_file()
        and COLON_OUTSIDE.search(path.read_text())
        and str(path.relative_to(TEMPLATES)) not in NOT_YET
    ]
    assert offenders == []
