"""CSRF is enforced on every route of the portal: a POST without a token, even signed in as
Secretariat staff, is refused with the friendly page before any view runs."""

import re

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

pytestmark = pytest.mark.django_db

CONVERTER = re.compile(r"<(?:(\w+):)?\w+>")
FILL = {"int": "1", "slug": "x", "str": "x", "path": "x", None: "x"}


def _routes(patterns, prefix=""):
    for pattern in patterns:
        route = prefix + str(pattern.pattern)
        if isinstance(pattern, URLResolver):
            yield from _routes(pattern.url_patterns, route)
        elif isinstance(pattern, URLPattern) and not set(route) & set("^$()?\\"):
            yield "/" + CONVERTER.sub(lambda match: FILL.get(match.group(1), "x"), route)


ROUTES = sorted(set(_routes(get_resolver().url_patterns)))


def test_the_portal_has_the_routes_this_test_walks():
    assert "/manage/workshops/1/participants/" in ROUTES
    assert "/workshops/x/register/" in ROUTES
    assert "/accounts/login/" in ROUTES
    assert len(ROUTES) > 60


@pytest.mark.parametrize("route", ROUTES)
def test_a_post_without_a_csrf_token_is_refused(route, secretariat):
    client = Client(enforce_csrf_checks=True)
    client.force_login(secretariat)
    response = client.post(route, {"anything": "1"})
    assert response.status_code == 403, route
    assert "This form has expired" in response.content.decode()
