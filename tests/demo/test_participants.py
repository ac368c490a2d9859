"""The demo participants of the 2017 Korea workshop: attendance, certificates, evaluations;
seeded without e-mail, and a second seed changes nothing."""

from io import StringIO

import pytest
from django.core.management import call_command

from core.models import OutgoingEmail
from demo.workshops import KOREA_SLUG
from members.models import User
from workshops.models import Attendance, Certificate, Evaluation, Registration, Workshop
from workshops.selectors.attendance import attended_registrations

pytestmark = pytest.mark.django_db


def _snapshot() -> list:
    return [
        list(User.objects.order_by("pk").values_list("pk", "email", "name")),
        list(Registration.objects.order_by("pk").values_list("pk", "status", "funding")),
        list(Attendance.objects.order_by("pk").values_list("pk", "registration", "day")),
        list(Certificate.objects.order_by("pk").values_list("pk", "code", "emailed_at")),
        list(Evaluation.objects.order_by("pk").values_list("pk", "relevance", "comments")),
    ]


def test_the_korea_workshop_has_demo_participants_and_a_second_seed_changes_nothing():
    call_command("load_reference_data", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    first = _snapshot()
    call_command("seed_demo", stdout=StringIO())

    assert _snapshot() == first
    korea = Workshop.objects.get(slug=KOREA_SLUG)
    registrations = korea.registrations.filter(status=Registration.Status.APPROVED)
    assert registrations.count() == 20
    assert registrations.filter(person__email__endswith="@demo.oco-portal.example").count() == 20
    assert registrations.filter(funding__funder__slug="korea-customs-service").count() >= 10
    assert len({r.organisation_id for r in registrations}) == 20
    assert {r.person.gender for r in registrations} >= {"female", "male"}
    attended = attended_registrations(Workshop.objects.filter(pk=korea.pk))
    assert 17 <= attended.count() < 20
    assert set(Certificate.objects.values_list("registration", flat=True)) == {
        r.pk for r in attended
    }
    assert Evaluation.objects.filter(registration__workshop=korea).count() == 5
    assert not OutgoingEmail.objects.exists()
