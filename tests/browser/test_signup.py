"""A customs officer creates an account in French, confirms the address and is a plain delegate."""

import re

import pytest
from playwright.sync_api import expect

from core.models import OutgoingEmail
from members.models import User
from tests.browser.helpers import expect_signed_in_as, field, heading, navigation

pytestmark = pytest.mark.browser

EMAIL = "teva.tehei@douane.example.pf"


def test_a_visitor_signs_up_in_french_confirms_the_address_and_is_a_delegate(page, demo_data):
    page.goto("/")
    page.get_by_role("contentinfo").get_by_role("button", name="Français").click()
    expect(heading(page, "Portail de l'OCO")).to_be_visible()
    page.get_by_role("main").get_by_role("link", name="Créer un compte").click()

    expect(heading(page, "Création de compte")).to_be_visible()
    field(page, "Courriel").fill(EMAIL)
    field(page, "Nom complet").fill("Teva Tehei")
    field(page, "Organisation").select_option(label="French Polynesia")
    field(page, "Fonction").fill("Inspecteur des douanes, cellule de ciblage")
    # The language of the pages is offered as the preferred one.
    expect(field(page, "Langue préférée")).to_have_value("fr")
    field(page, "Mot de passe").fill("lagon-bleu-a-papeete-2026")
    field(page, "Mot de passe (confirmation)").fill("lagon-bleu-a-papeete-2026")
    page.get_by_role("button", name="Création de compte").click()

    expect(heading(page, "Vérifiez votre adresse e-mail")).to_be_visible()
    email = OutgoingEmail.objects.get(recipient=EMAIL)
    assert email.language == "fr"
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", email.body_text)
    assert link, email.body_text

    page.goto(link.group(0))
    expect(heading(page, "Confirmer l'adresse e-mail")).to_be_visible()
    page.get_by_role("button", name="Confirmer", exact=True).click()

    expect_signed_in_as(page, "Teva Tehei", greeting="Bienvenue")
    nav = navigation(page)
    expect(nav.get_by_role("link", name="Annuaire des membres")).to_be_visible()
    expect(nav.get_by_role("link", name="Personnes")).to_have_count(0)
    expect(nav.get_by_role("link", name="Boîte d'envoi")).to_have_count(0)
    person = User.objects.get(email=EMAIL)
    assert (person.organisation.name, person.preferred_language) == ("French Polynesia", "fr")
    assert not person.is_secretariat
    assert not person.is_staff
