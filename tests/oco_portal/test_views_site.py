"""Site-wide views: the language switch, /healthz and the error pages."""

import json

import pytest
from django.conf import settings
from django.test import Client

from oco_portal import health
from oco_portal.views import error_400, error_500
from tests.factories import OutgoingEmailFactory

pytestmark = pytest.mark.django_db

LANGUAGE_COOKIE = settings.LANGUAGE_COOKIE_NAME


def test_set_language_sets_the_cookie_and_goes_back(client):
    response = client.post("/language/", {"language": "fr", "next": "/accounts/login/"})

    assert response.status_code == 302
    assert response.url == "/accounts/login/"
    assert response.cookies[LANGUAGE_COOKIE].value == "fr"
    page = client.get("/accounts/login/").content.decode()
    assert '<html lang="fr">' in page


def test_set_language_remembers_the_choice_of_a_signed_in_person(delegate_client, delegate):
    response = delegate_client.post("/language/", {"language": "fr", "next": "/profile/"})

    assert response.url == "/profile/"
    delegate.refresh_from_db()
    assert delegate.preferred_language == "fr"


def test_preferred_language_is_used_without_a_cookie(client, delegate):
    delegate.preferred_language = "fr"
    delegate.save()
    client.force_login(delegate)

    page = client.get("/").content.decode()

    assert '<html lang="fr">' in page


def test_set_language_refuses_an_unknown_language(delegate_client, delegate):
    response = delegate_client.post("/language/", {"language": "de", "next": "/"}, follow=True)

    assert [str(message) for message in response.context["messages"]] == [
        "That language is not available."
    ]
    assert LANGUAGE_COOKIE not in response.client.cookies
    delegate.refresh_from_db()
    assert delegate.preferred_language == "en"


def test_set_language_ignores_an_off_site_next(client):
    response = client.post("/language/", {"language": "fr", "next": "https://evil.example/"})

    assert response.status_code == 302
    assert response.url == "/"
    assert response.cookies[LANGUAGE_COOKIE].value == "fr"


def test_set_language_answers_get_with_405(client):
    assert client.get("/language/", {"language": "fr"}).status_code == 405


def test_healthz_reports_each_dependency_and_the_outbox(client):
    OutgoingEmailFactory(status="failed")
    OutgoingEmailFactory.create_batch(2)

    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert set(body["checks"]) == {"database", "cache", "broker"}
    assert all(check["ok"] for check in body["checks"].values())
    assert body["outbox"] == {"queued": 2, "sending": 0, "failed": 1}
    assert "no-cache" in response["Cache-Control"]


def test_healthz_never_shows_addresses_or_secrets(client):
    text = client.get("/healthz").content.decode()

    database = settings.DATABASES["default"]
    for secret in (settings.SECRET_KEY, str(database["NAME"]), database.get("PASSWORD")):
        if secret:
            assert secret not in text
    assert "sqlite" not in text.lower()
    assert "postgres" not in text.lower()


def test_healthz_answers_503_when_the_database_is_down(client, monkeypatch):
    def broken():
        raise ConnectionError("could not connect to postgres://oco:hunter2@db:5432/oco")

    monkeypatch.setattr(health, "_database", broken)

    response = client.get("/healthz")

    assert response.status_code == 503
    body = json.loads(response.content)
    assert body["status"] == "unavailable"
    assert body["checks"]["database"] == {"ok": False, "error": "ConnectionError"}
    assert "outbox" not in body
    assert "hunter2" not in response.content.decode()


def test_unknown_page_shows_the_portals_404(client):
    response = client.get("/no-such-page/")

    assert response.status_code == 404
    page = response.content.decode()
    assert "Page not found" in page
    assert "sign in with the account the e-mail was sent to" in page


def test_csrf_failure_shows_the_friendly_page_and_changes_nothing(delegate):
    client = Client(enforce_csrf_checks=True)
    client.force_login(delegate)

    response = client.post("/language/", {"language": "fr", "next": "/"})

    assert response.status_code == 403
    assert "This form has expired" in response.content.decode()
    assert LANGUAGE_COOKIE not in response.cookies
    delegate.refresh_from_db()
    assert delegate.preferred_language == "en"


def test_server_error_page_renders_without_a_request_context(rf):
    response = error_500(rf.get("/"))

    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page
    assert "Une erreur s'est produite" in page


def test_bad_request_page_says_nothing_was_changed(rf):
    response = error_400(rf.get("/"))

    assert response.status_code == 400
    assert "Nothing was changed" in response.content.decode()
