"""allauth's account e-mails name the portal ("Hello from OCO Portal!"), not an empty site."""

import pytest
from django.utils import translation

from tests.factories import TEST_PASSWORD, OrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_the_password_reset_email_names_the_portal(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(email="focal.fiji@customs.example")
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": user.email})

    [message] = mailoutbox
    assert "Hello from OCO Portal!" in message.body
    assert "Thank you for using OCO Portal!" in message.body


def test_the_french_password_reset_email_names_the_portal(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(email="delegate.vanuatu@customs.example")
    client.cookies["django_language"] = "fr"
    try:
        with django_capture_on_commit_callbacks(execute=True):
            client.post("/accounts/password/reset/", {"email": user.email})
    finally:
        translation.activate("en")

    [message] = mailoutbox
    assert "Bonjour, c'est OCO Portal" in message.body
    assert "c'est  !" not in message.body


def test_the_verification_email_names_the_portal(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    organisation = OrganisationFactory(name="Tonga Customs", slug="tonga")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            "/accounts/signup/",
            {
                "email": "viliami.fifita@customs.example",
                "password1": "reef-lagoon-canoe-42",
                "password2": "reef-lagoon-canoe-42",
                "name": "Viliami Fifita",
                "organisation": organisation.pk,
                "position": "Senior Customs Officer",
                "preferred_language": "en",
            },
        )

    [message] = mailoutbox
    assert "Hello from OCO Portal!" in message.body
    assert "from !" not in message.body


def test_the_signed_in_message_is_in_the_users_language(client):
    user = UserFactory(name="Marie Kalsakau", preferred_language="fr")
    try:
        response = client.post(
            "/accounts/login/", {"login": user.email, "password": TEST_PASSWORD}, follow=True
        )
    finally:
        translation.activate("en")

    page = response.content.decode()
    assert "Connexion avec" in page
    assert "Successfully signed in" not in page


def test_a_language_chosen_this_visit_wins_for_the_signed_in_message(client):
    user = UserFactory(name="Marie Kalsakau", preferred_language="fr")
    client.cookies["django_language"] = "en"
    response = client.post(
        "/accounts/login/", {"login": user.email, "password": TEST_PASSWORD}, follow=True
    )

    assert "Successfully signed in" in response.content.decode()
