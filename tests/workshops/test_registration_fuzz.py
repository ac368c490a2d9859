"""Form fuzzing: whatever is posted to the registration form, no error page, and a refused
submission saves nothing (neither a registration nor a change of profile)."""

import pytest
from django.db import transaction
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from members.models import User
from tests.workshops.factories import OpenWorkshopFactory
from workshops.models import Registration

pytestmark = pytest.mark.django_db

TEXT = st.text(max_size=320)
DATE = st.one_of(st.dates().map(lambda d: d.isoformat()), TEXT, st.just(""))
BOOLEAN = st.sampled_from(["on", "", "true", "false", "0", "1"])
COVERS = st.lists(st.sampled_from(["airfare", "per_diem", "venue", "bogus", ""]), max_size=4)
FIELDS = {
    "name": TEXT,
    "position": TEXT,
    "seniority": st.sampled_from(["", "officer", "manager", "chief", "x" * 20]),
    "arrival_date": DATE,
    "departure_date": DATE,
    "arrival_flight": TEXT,
    "departure_flight": TEXT,
    "visa_letter_needed": BOOLEAN,
    "nationality": TEXT,
    "passport_number": TEXT,
    "dietary_needs": TEXT,
    "accessibility_needs": TEXT,
    "funding_requested": BOOLEAN,
    "funding_request_covers": COVERS,
    "consent": BOOLEAN,
    "invitation": TEXT,
}
FORM = st.fixed_dictionaries({}, optional=FIELDS)


@pytest.fixture
def workshop():
    return OpenWorkshopFactory()


@settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(data=FORM)
def test_fuzzed_registration_form_never_fails_and_a_refusal_saves_nothing(
    delegate_client, delegate, workshop, data
):
    before = User.objects.values("name", "position", "seniority").get(pk=delegate.pk)
    url = f"/workshops/{workshop.slug}/register/"
    with transaction.atomic():
        response = delegate_client.post(url, data)
        assert response.status_code in (200, 302)
        if response.status_code == 200:
            assert not Registration.objects.exists()
            assert User.objects.values("name", "position", "seniority").get(pk=delegate.pk) == (
                before
            )
        else:
            registration = Registration.objects.get(workshop=workshop, person=delegate)
            assert registration.consent is True
        transaction.set_rollback(True)
