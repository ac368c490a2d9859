"""The demo commands: seed_demo (the accounts of every role) and demo_totp."""

import re
from io import StringIO

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.core.management import CommandError, call_command
from django.urls import reverse

from demo.people import DEMO_PASSWORD, PEOPLE, demo_email
from members.models import DonorContact, FocalPoint, User

pytestmark = pytest.mark.django_db


def _run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


@pytest.fixture
def reference_data(db):
    """The organisations of data/*.csv that the demo accounts belong to."""
    call_command("load_reference_data", stdout=StringIO())


def test_seed_demo_without_reference_data_says_what_to_run_first():
    with pytest.raises(CommandError, match="load_reference_data"):
        _run("seed_demo")

    assert not User.objects.exists()


def test_seed_demo_twice_creates_then_updates_the_eleven_accounts(reference_data):
    first = _run("seed_demo")
    second = _run("seed_demo")

    assert len(PEOPLE) == 11
    assert first.count("created ") == 11
    assert second.count("updated ") == 11
    assert "created " not in second
    assert User.objects.filter(email__in=[demo_email(p.email) for p in PEOPLE]).count() == 11
    assert FocalPoint.objects.count() == 3
    assert DonorContact.objects.count() == 2
    assert Authenticator.objects.filter(type="totp").count() == 2
    for person in PEOPLE:
        user = User.objects.get(email=demo_email(person.email))
        assert user.check_password(DEMO_PASSWORD)
        assert EmailAddress.objects.get(user=user).verified
        assert user.organisation.slug == person.organisation


def test_seed_demo_gives_the_secretariat_and_admin_accounts_an_authenticator(reference_data):
    _run("seed_demo")

    with_totp = set(Authenticator.objects.filter(type="totp").values_list("user__email", flat=True))
    assert with_totp == {demo_email("secretariat"), demo_email("admin")}
    secretariat = User.objects.get(email=demo_email("secretariat"))
    assert secretariat.is_secretariat
    assert not secretariat.is_staff
    admin = User.objects.get(email=demo_email("admin"))
    assert admin.is_staff
    assert admin.is_superuser


def test_seed_demo_keeps_a_changed_password(reference_data):
    _run("seed_demo")
    user = User.objects.get(email=demo_email("delegate.tonga"))
    user.set_password("my-own-new-password-77")
    user.save()

    _run("seed_demo")

    user.refresh_from_db()
    assert user.check_password("my-own-new-password-77")


@pytest.fixture
def totp_tolerance(settings):
    """Accept the neighbouring 30-second step, so a test crossing a step boundary still passes."""
    settings.MFA_TOTP_TOLERANCE = 1


def test_demo_totp_prints_the_code_of_the_demo_authenticator(reference_data, totp_tolerance):
    _run("seed_demo")

    output = _run("demo_totp")

    code = re.match(r"(\d{6})  \(valid for \d+ more seconds\)", output).group(1)
    authenticator = Authenticator.objects.get(user__email=demo_email("secretariat"))
    assert TOTP(authenticator).validate_code(code)


def test_demo_totp_is_refused_in_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="development only"):
        _run("demo_totp")


def test_demo_secretariat_signs_in_with_password_and_demo_code(
    client, reference_data, totp_tolerance
):
    _run("seed_demo")

    response = client.post(
        reverse("account_login"),
        {"login": demo_email("secretariat"), "password": DEMO_PASSWORD},
    )
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    code = _run("demo_totp").split()[0]
    response = client.post(reverse("mfa_authenticate"), {"code": code}, follow=True)

    assert "Welcome, Mere Tuilagi" in response.content.decode()
    assert "People and roles" in response.content.decode()
