"""`manage.py check --deploy` against the production settings, in a fresh process."""

import os
import secrets
import subprocess
import sys

import pytest
from django.conf import settings

# Variables that would change what the production settings read; each test sets its own.
CONTROLLED = {"DJANGO_ENV", "SECRET_KEY", "ALLOWED_HOSTS", "DEBUG", "EMAIL_URL"}


def _manage(*arguments: str, **variables: str) -> subprocess.CompletedProcess:
    environment = {key: value for key, value in os.environ.items() if key not in CONTROLLED}
    environment.update(DJANGO_ENV="production", **variables)
    return subprocess.run(
        [sys.executable, "manage.py", *arguments],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _check_deploy(**variables: str) -> subprocess.CompletedProcess:
    return _manage("check", "--deploy", "--fail-level", "WARNING", **variables)


@pytest.fixture
def secret_key() -> str:
    key = secrets.token_urlsafe(45)
    assert len(key) == 60
    return key


def test_check_deploy_passes_with_the_production_settings(secret_key):
    result = _check_deploy(SECRET_KEY=secret_key, ALLOWED_HOSTS="portal.oco.example")

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_check_deploy_passes_with_an_smtp_server_configured(secret_key):
    result = _check_deploy(
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="portal.oco.example",
        EMAIL_URL="smtp+tls://mailer:pw@smtp.oco.example:587",
    )

    assert result.returncode == 0, result.stdout + result.stderr


def test_production_without_email_url_sends_through_the_local_smtp_server(secret_key):
    result = _manage(
        "shell",
        "--no-imports",
        "-c",
        "from django.core.mail import mailers; m = mailers.default; "
        "print(type(m).__module__, m.host, m.port)",
        SECRET_KEY=secret_key,
        ALLOWED_HOSTS="portal.oco.example",
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["django.core.mail.backends.smtp", "localhost", "25"]


def test_production_without_secret_key_refuses_to_start():
    result = _check_deploy(ALLOWED_HOSTS="portal.oco.example")

    assert result.returncode != 0
    assert "SECRET_KEY must be set when DJANGO_ENV=production" in result.stderr


def test_production_with_a_short_secret_key_refuses_to_start():
    result = _check_deploy(SECRET_KEY="too-short", ALLOWED_HOSTS="portal.oco.example")

    assert result.returncode != 0
    assert "SECRET_KEY must be at least 50 random characters" in result.stderr


def test_production_without_allowed_hosts_refuses_to_start(secret_key):
    result = _check_deploy(SECRET_KEY=secret_key)

    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set when DJANGO_ENV=production" in result.stderr


def test_production_with_debug_on_refuses_to_start(secret_key):
    result = _check_deploy(SECRET_KEY=secret_key, ALLOWED_HOSTS="portal.oco.example", DEBUG="on")

    assert result.returncode != 0
    assert "DEBUG cannot be on" in result.stderr
