"""Fixtures of the members tests: the real reference data and a clean cache."""

from io import StringIO

import pytest
from django.core.cache import cache
from django.core.management import call_command


@pytest.fixture(autouse=True)
def _clear_cache():
    """allauth keeps its rate limits in the cache; one test's failed logins must not lock another."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings):
    """Hashing a password the production way takes most of a second; tests need not pay it."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def reference_data(db):
    """The 24 members, Norfolk Island, the partners and the TFA measures of data/*.csv."""
    call_command("load_reference_data", stdout=StringIO())


@pytest.fixture
def messages_of():
    """The texts of the messages a response carries (follow=True responses included)."""

    def read(response) -> list[str]:
        return [str(message) for message in response.context["messages"]]

    return read
