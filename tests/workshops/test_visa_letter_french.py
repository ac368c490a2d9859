"""The French visa letter: translated letterhead, and the participant's gender agreed."""

import subprocess
from pathlib import Path

import pytest

from core.documents import builder_for
from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import OpenWorkshopFactory, RegistrationFactory
from workshops.models import Registration
from workshops.services.visa_letters import KIND

LETTERS = builder_for(KIND)

pytestmark = pytest.mark.django_db


def _letter_text(tmp_path: Path, **person) -> str:
    registration = RegistrationFactory(
        workshop=OpenWorkshopFactory(title="Gestion des risques", city="Suva", country="Fiji"),
        person=UserFactory(organisation=OrganisationFactory(name="Douanes du Vanuatu"), **person),
        status=Registration.Status.APPROVED,
        visa_letter_needed=True,
        nationality="Vanuatuan",
    )
    path = tmp_path / "letter.pdf"
    path.write_bytes(LETTERS.render(registration, LETTERS.language_of(registration)))
    result = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def test_the_french_letter_has_a_french_letterhead_and_agrees_with_a_woman(tmp_path):
    text = _letter_text(tmp_path, name="Marie Kalsakau", preferred_language="fr", gender="female")
    assert "Secrétariat de l’Organisation douanière de l’Océanie, Suva, Fidji" in text
    assert "Oceania Customs Organisation Secretariat" not in text
    assert "est une participante approuvée" in text


def test_the_french_letter_agrees_with_a_man(tmp_path):
    text = _letter_text(tmp_path, name="Jean Tari", preferred_language="fr", gender="male")
    assert "est un participant approuvé" in text


def test_the_english_letter_keeps_its_letterhead(tmp_path):
    text = _letter_text(tmp_path, name="Mele Tupou", preferred_language="en", gender="female")
    assert "Oceania Customs Organisation Secretariat, Suva, Fiji" in text
    assert "is an approved participant" in text


def test_a_change_of_gender_changes_the_fingerprint():
    registration = RegistrationFactory(
        person=UserFactory(gender="male"), status=Registration.Status.APPROVED
    )
    before = LETTERS.fingerprint(registration, "en")
    registration.person.gender = "female"
    assert LETTERS.fingerprint(registration, "en") != before
