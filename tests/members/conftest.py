"""Fixtures of the members tests (the empty cache and fast hashing are tests/conftest.py's)."""

from io import StringIO

import pytest
from django.core.management import call_command


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
