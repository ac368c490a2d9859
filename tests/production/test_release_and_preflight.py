"""`make serve` refuses to start without what production needs, saying how to set each; the
release step migrates, collects static files and checks the compiled translations."""

import os
import subprocess
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from oco_portal import preflight

GOOD = {
    "DATABASE_URL": "postgres://oco:secret@127.0.0.1:5432/oco",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
    "EMAIL_URL": "smtp+tls://mailer:secret@smtp.example.org:587",
    "SECRET_KEY": "Qm7vR2xK9pL4tW8zN1cB6hJ3fD0sG5yA-eU_iO7rT2nM4kP8wX1qZ9",
    "ALLOWED_HOSTS": "portal.oco.example",
    "SITE_URL": "https://portal.oco.example",
}
WRONG = {
    "DATABASE_URL": "sqlite:///var/db.sqlite3",
    "REDIS_URL": "",
    "EMAIL_URL": "consolemail://",
    "SECRET_KEY": "too-short",
    "ALLOWED_HOSTS": "",
}


def test_a_complete_environment_passes():
    assert preflight.problems(GOOD) == []
    assert preflight.advice(GOOD) == []


def test_each_missing_variable_is_named_with_how_to_set_it():
    found = preflight.problems({})
    assert len(found) == 5
    for line, name in zip(found, preflight.REQUIRED, strict=True):
        assert line.startswith(f"  {name} is not set: ")
    assert "postgres://" in found[0]
    assert "secrets.token_urlsafe" in found[3]


def test_wrong_values_are_named_with_what_is_wrong():
    found = "\n".join(preflight.problems(GOOD | WRONG))
    assert "DATABASE_URL must point at PostgreSQL" in found
    assert "REDIS_URL is not set" in found
    assert "EMAIL_URL must be an SMTP server" in found
    assert "SECRET_KEY must be at least 50 random characters" in found
    assert "ALLOWED_HOSTS is not set" in found


def test_without_site_url_make_serve_warns_that_links_would_point_at_localhost():
    (line,) = preflight.advice({k: v for k, v in GOOD.items() if k != "SITE_URL"})
    assert "SITE_URL is not set" in line


def test_make_serve_stops_before_starting_anything_when_variables_are_wrong():
    env = {**os.environ, **WRONG, "SITE_URL": ""}
    result = subprocess.run(
        ["make", "--no-print-directory", "serve"],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode != 0
    for name in preflight.REQUIRED:
        assert f"  {name} " in result.stderr
    assert "manage.py release" not in result.stdout  # the release step never ran
    assert "supervisord" not in result.stdout


@pytest.mark.django_db(transaction=True)
def test_the_release_step_migrates_collects_and_checks_translations(settings, tmp_path):
    settings.STATIC_ROOT = tmp_path / "static"
    out = StringIO()

    call_command("release", stdout=out, verbosity=0)

    assert (tmp_path / "static" / "vendor").is_dir()
    assert "Translations compiled: 1 catalogue(s)" in out.getvalue()
    assert "Release step done" in out.getvalue()


@pytest.mark.django_db(transaction=True)
def test_the_release_step_refuses_translations_that_are_not_compiled(
    settings, tmp_path, monkeypatch
):
    catalogue = tmp_path / "locale" / "fr" / "LC_MESSAGES"
    catalogue.mkdir(parents=True)
    source = Path(settings.BASE_DIR, "locale", "fr", "LC_MESSAGES", "django.po")
    (catalogue / "django.po").write_bytes(source.read_bytes())
    settings.LOCALE_PATHS = [tmp_path / "locale"]
    monkeypatch.setattr("shutil.which", lambda name: None)  # no gettext on this host

    with pytest.raises(CommandError, match=r"Translations are not compiled: .*django\.mo"):
        call_command("release", "--skip-collectstatic", stdout=StringIO(), verbosity=0)
