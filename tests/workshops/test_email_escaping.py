"""Every e-mail template pair: the subject and the text body carry the workshop's title, the
people's names and a decline reason as typed (no HTML entities), the HTML body escapes them."""

from pathlib import Path

import pytest
from django.conf import settings

from core.services.mail import email_render
from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import OpenWorkshopFactory, RegistrationFactory
from workshops.models import Invitation

pytestmark = pytest.mark.django_db

TRICKY = """Seats & funding d'entreprise "quoted" <b>"""
ESCAPED = "Seats &amp; funding d&#x27;entreprise &quot;quoted&quot; &lt;b&gt;"
TEMPLATES = sorted(
    path.name
    for path in (Path(settings.BASE_DIR) / "templates" / "emails").iterdir()
    if path.is_dir()
)


def _context() -> dict:
    organisation = OrganisationFactory(name=TRICKY)
    person = UserFactory(name=TRICKY, organisation=organisation)
    workshop = OpenWorkshopFactory(title=TRICKY, venue_name=TRICKY)
    registration = RegistrationFactory(workshop=workshop, person=person)
    invitation = Invitation.objects.create(
        workshop=workshop, organisation=organisation, name=TRICKY, email="x@example.org"
    )
    return {
        "workshop": workshop,
        "registration": registration,
        "person": person,
        "organisation": organisation,
        "invitation": invitation,
        "nominated_by": person,
        "reason": TRICKY,
        "place": 1,
        "link": "https://example.org/invitations/x/",
        "site_url": "https://example.org",
        "certificate": None,
    }


def test_every_email_template_is_listed():
    assert "registration_declined" in TEMPLATES
    assert len(TEMPLATES) >= 11


@pytest.mark.parametrize("template", TEMPLATES)
@pytest.mark.parametrize("language", ["en", "fr"])
def test_text_parts_are_raw_and_html_part_escaped(template, language):
    subject, text, html = email_render(template=template, context=_context(), language=language)
    assert TRICKY in subject
    assert TRICKY in text
    for entity in ("&amp;", "&#x27;", "&quot;", "&lt;"):
        assert entity not in subject
        assert entity not in text
    if html:
        assert ESCAPED in html
        assert TRICKY not in html
