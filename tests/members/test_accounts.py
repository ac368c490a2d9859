"""Accounts through allauth's real views: sign-up, verification, sign-in, MFA rule, admin, reset."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import reverse

from core.models import OutgoingEmail
from members.models import FocalPoint, User
from tests.factories import TEST_PASSWORD, OrganisationFactory, SecretariatFactory, UserFactory

pytestmark = pytest.mark.django_db

SIGNUP_URL = "/accounts/signup/"
LOGIN_URL = "/accounts/login/"


@pytest.fixture
def tonga(db):
    return OrganisationFactory(name="Tonga Customs", slug="tonga")


def _signup_data(organisation, **overrides) -> dict:
    return {
        "email": "Viliami.Fifita@Customs.Example",
        "password1": "reef-lagoon-canoe-42",
        "password2": "reef-lagoon-canoe-42",
        "name": "Viliami Fifita",
        "organisation": organisation.pk,
        "position": "Senior Customs Officer",
        "preferred_language": "fr",
    } | overrides


def test_signup_page_asks_for_the_portal_fields(client, tonga):
    page = client.get(SIGNUP_URL).content.decode()

    assert 'name="name"' in page
    assert 'name="position"' in page
    assert "Tonga Customs" in page


def test_signup_creates_an_unverified_plain_delegate_and_queues_the_verification_email(
    client, tonga, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(SIGNUP_URL, _signup_data(tonga))

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    user = User.objects.get(email="viliami.fifita@customs.example")
    assert user.name == "Viliami Fifita"
    assert user.organisation == tonga
    assert user.position == "Senior Customs Officer"
    assert user.preferred_language == "fr"
    assert not user.is_secretariat
    assert not user.is_staff
    assert not FocalPoint.objects.filter(user=user).exists()
    address = EmailAddress.objects.get(user=user)
    assert not address.verified
    email = OutgoingEmail.objects.get(recipient=address.email)
    assert email.recipient_user == user
    assert email.status == OutgoingEmail.Status.SENT
    assert "/accounts/confirm-email/" in email.body_text
    assert len(mailoutbox) == 1
    assert mailoutbox[0].to == [address.email]
    assert mailoutbox[0].extra_headers["Message-ID"] == email.message_id_header
    assert "_auth_user_id" not in client.session


def test_signup_refuses_an_eleven_character_password(client, tonga):
    response = client.post(
        SIGNUP_URL, _signup_data(tonga, password1="reef-lagoon", password2="reef-lagoon")
    )

    assert response.status_code == 200
    assert "at least 12 characters" in response.content.decode()
    assert not User.objects.exists()
    assert not OutgoingEmail.objects.exists()


def test_signup_refuses_a_common_password(client, tonga):
    response = client.post(
        SIGNUP_URL, _signup_data(tonga, password1="password1234", password2="password1234")
    )

    assert response.status_code == 200
    assert "too common" in response.content.decode()
    assert not User.objects.exists()


def test_signup_refuses_a_former_member_as_organisation(client):
    norfolk = OrganisationFactory(name="Norfolk Island", oco_status="former")

    response = client.post(SIGNUP_URL, _signup_data(norfolk))

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not User.objects.exists()


def test_login_with_an_unverified_address_does_not_sign_in(client):
    user = UserFactory(verified=False)
    EmailAddress.objects.create(user=user, email=user.email, verified=False, primary=True)

    response = client.post(LOGIN_URL, {"login": user.email, "password": TEST_PASSWORD})

    assert response.status_code == 302
    assert response.url == reverse("account_email_verification_sent")
    assert "_auth_user_id" not in client.session
    assert client.get("/").context["user"].is_anonymous


def test_login_of_a_verified_person_signs_in_and_shows_the_dashboard(client):
    user = UserFactory(name="Marie Kalsakau")

    response = client.post(
        LOGIN_URL, {"login": user.email.upper(), "password": TEST_PASSWORD}, follow=True
    )

    assert response.redirect_chain[-1][0] == "/"
    assert client.session["_auth_user_id"] == str(user.pk)
    assert "Welcome, Marie Kalsakau" in response.content.decode()


def test_login_with_a_wrong_password_is_refused_with_a_message(client):
    user = UserFactory()

    response = client.post(LOGIN_URL, {"login": user.email, "password": "not-the-password"})

    assert response.status_code == 200
    assert "not correct" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_secretariat_without_an_authenticator_is_sent_to_set_one_up(client, messages_of):
    secretariat = SecretariatFactory(totp=False)
    client.post(LOGIN_URL, {"login": secretariat.email, "password": TEST_PASSWORD})
    assert client.session["_auth_user_id"] == str(secretariat.pk)

    response = client.get("/")
    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")

    # allauth asks for the password again before an authenticator is added.
    followed = client.get("/members/", follow=True)
    assert followed.redirect_chain[0] == (reverse("mfa_activate_totp"), 302)
    assert followed.redirect_chain[-1][0].startswith(reverse("account_reauthenticate"))
    assert any("must use two-factor sign-in" in text for text in messages_of(followed))
    assert 'name="password"' in followed.content.decode()


def test_secretariat_with_an_authenticator_sees_the_dashboard(client):
    client.force_login(SecretariatFactory(name="Mere Tuilagi"))

    response = client.get("/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "Welcome, Mere Tuilagi" in page
    assert "0 queued, 0 failed" in page


def test_administrator_without_an_authenticator_is_sent_to_set_one_up(client):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url == reverse("mfa_activate_totp")


def test_anonymous_admin_visit_goes_to_the_portal_sign_in(client):
    response = client.get("/admin/", follow=True)

    assert response.redirect_chain[-1][0].startswith(LOGIN_URL)
    page = response.content.decode()
    assert 'name="login"' in page
    assert 'name="username"' not in page


def test_admin_refuses_a_signed_in_person_who_is_not_staff(client):
    client.force_login(UserFactory())

    response = client.get("/admin/login/")

    assert response.status_code == 403
    assert "Your account cannot do this" in response.content.decode()


def test_password_reset_queues_an_email_for_a_known_address(
    client, mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(email="focal.fiji@customs.example")

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/accounts/password/reset/", {"email": user.email})

    assert response.status_code == 302
    email = OutgoingEmail.objects.get(recipient=user.email)
    assert "/accounts/password/reset/key/" in email.body_text
    assert [message.to for message in mailoutbox] == [[user.email]]


def test_password_reset_for_an_unknown_address_sends_no_reset_link(
    client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/accounts/password/reset/", {"email": "nobody@example.org"})

    assert not OutgoingEmail.objects.filter(body_text__contains="/password/reset/key/").exists()


def test_following_the_verification_link_verifies_the_address_and_signs_in(
    client, tonga, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(SIGNUP_URL, _signup_data(tonga))
    link = re.search(r"http://testserver(/accounts/confirm-email/\S+/)", mailoutbox[0].body)

    page = client.get(link.group(1)).content.decode()
    assert "viliami.fifita@customs.example" in page
    response = client.post(link.group(1), follow=True)

    assert EmailAddress.objects.get(email="viliami.fifita@customs.example").verified
    user = User.objects.get(email="viliami.fifita@customs.example")
    assert client.session["_auth_user_id"] == str(user.pk)
    assert response.redirect_chain[-1][0] == "/"
    page = response.content.decode()
    assert "Viliami Fifita" in page
    assert '<html lang="fr">' in page  # the language chosen at sign-up
