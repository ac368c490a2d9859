"""Sign-in limits that suit a venue: failed sign-ins are counted per account, with a far higher
ceiling per address, and the address is read through the trusted proxy."""

import os
import subprocess
import sys

import pytest
from allauth.core.internal.httpkit import get_client_ip
from django.conf import settings
from django.test import RequestFactory

from tests.factories import TEST_PASSWORD, UserFactory

pytestmark = pytest.mark.django_db

LOGIN_URL = "/accounts/login/"
HOTEL = "203.0.113.7"
REFUSED = "Too many failed login attempts"


def _sign_in(client, email: str, password: str, address: str = HOTEL):
    return client.post(LOGIN_URL, {"login": email, "password": password}, REMOTE_ADDR=address)


def _signed_in(response) -> bool:
    return response.status_code == 302 and "_auth_user_id" in response.client.session


def test_wrong_passwords_of_one_delegate_do_not_lock_out_the_venue(client):
    careless, careful = UserFactory(), UserFactory()
    for _attempt in range(5):
        response = _sign_in(client, careless.email, "not-my-password-at-all")
        assert response.status_code == 200
        assert "_auth_user_id" not in client.session

    response = _sign_in(client, careful.email, TEST_PASSWORD)

    assert _signed_in(response)
    assert int(client.session["_auth_user_id"]) == careful.pk


def test_the_limit_per_account_still_holds_from_any_address(client):
    delegate = UserFactory()
    for _attempt in range(5):
        _sign_in(client, delegate.email, "not-my-password-at-all")

    # Even the right password, even from another address, is refused for a while.
    response = _sign_in(client, delegate.email, TEST_PASSWORD, address="198.51.100.20")

    assert response.status_code == 200
    assert REFUSED in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_an_address_spraying_passwords_over_many_accounts_is_stopped(client, settings):
    ceiling = 60
    assert settings.ACCOUNT_RATE_LIMITS["login_failed"].startswith(f"{ceiling}/5m/ip,")
    accounts = UserFactory.create_batch(ceiling // 4 + 1)
    attempts = [(account, n) for account in accounts for n in range(4)][:ceiling]
    for account, n in attempts:
        _sign_in(client, account.email, f"spring-password-{n}")
    untouched = UserFactory()

    response = _sign_in(client, untouched.email, TEST_PASSWORD)
    from_elsewhere = _sign_in(client, untouched.email, TEST_PASSWORD, address="198.51.100.20")

    assert REFUSED in response.content.decode()
    assert _signed_in(from_elsewhere)


def test_behind_the_proxy_the_client_address_comes_from_the_forwarded_header(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.9.9.9, " + HOTEL
    )
    # The proxy appended the address it saw; what the client wrote before it is not believed.
    assert get_client_ip(request) == HOTEL


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 0
    request = RequestFactory().get("/", REMOTE_ADDR=HOTEL, HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert get_client_ip(request) == HOTEL


def _trusted_proxies(**environment: str) -> int:
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": "Qm7vR2xK9pL4tW8zN1cB6hJ3fD0sG5yA-eU_iO7rT2nM4kP8wX1qZ9",
        "ALLOWED_HOSTS": "portal.oco.example",
        **environment,
    }
    env.pop("TRUSTED_PROXY_COUNT", None)
    script = "from django.conf import settings; print(settings.ALLAUTH_TRUSTED_PROXY_COUNT)"
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return int(result.stdout.strip().splitlines()[-1])


def test_in_production_the_tls_proxy_in_front_is_trusted_unless_there_is_none():
    assert _trusted_proxies() == 1
    assert _trusted_proxies(BEHIND_TLS_PROXY="false") == 0
