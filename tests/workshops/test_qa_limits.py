"""Limits QA asked for: an evaluation closing date not before the workshop's last day, and
free-text answers and expert summaries of bounded length."""

import datetime as dt

import pytest

from core.errors import ServiceError
from tests.workshops.attendance_helpers import past_workshop
from workshops.forms.attendance import EvaluationForm
from workshops.forms.experts import ExpertProfileForm
from workshops.models import ExpertiseArea, Workshop
from workshops.services.attendance import workshop_set_attendance_rules

pytestmark = pytest.mark.django_db

ANSWERS = {"relevance": 5, "content": 4, "facilitation": 4, "organisation": 3}


def test_an_evaluation_closing_before_the_last_day_is_refused(secretariat):
    workshop = past_workshop(status=Workshop.Status.COMPLETED)
    with pytest.raises(ServiceError, match="cannot close before the workshop's last day"):
        workshop_set_attendance_rules(
            actor=secretariat,
            workshop=workshop,
            share=60,
            closes_on=workshop.end_date - dt.timedelta(days=1),
        )
    workshop.refresh_from_db()
    assert workshop.evaluation_closes_on is None
    assert workshop.attendance_share_required == 75


def test_an_evaluation_may_close_on_the_last_day(secretariat):
    workshop = past_workshop(status=Workshop.Status.COMPLETED)
    workshop_set_attendance_rules(
        actor=secretariat, workshop=workshop, share=60, closes_on=workshop.end_date
    )
    workshop.refresh_from_db()
    assert workshop.evaluation_closes_on == workshop.end_date


def test_the_settings_page_shows_the_refusal(secretariat_client):
    workshop = past_workshop(status=Workshop.Status.COMPLETED)
    early = (workshop.end_date - dt.timedelta(days=10)).isoformat()
    response = secretariat_client.post(
        f"/manage/workshops/{workshop.pk}/attendance-rules/",
        {"share": "60", "closes_on": early},
        follow=True,
    )
    assert "cannot close before the workshop" in response.content.decode()
    workshop.refresh_from_db()
    assert workshop.evaluation_closes_on is None


@pytest.mark.parametrize("field", ["will_apply", "comments"])
def test_evaluation_answers_are_bounded(field):
    long_word = "x" * 2001
    form = EvaluationForm(data={**ANSWERS, field: long_word})
    assert not form.is_valid()
    assert "at most 2000 characters" in form.errors[field][0]
    assert EvaluationForm(data={**ANSWERS, field: "x" * 2000}).is_valid()


def test_expert_summary_is_bounded():
    area = ExpertiseArea.objects.create(name="Risk management QA")
    data = {"areas": [area.pk], "availability": "available", "summary": "x" * 2001}
    form = ExpertProfileForm(data=data)
    assert not form.is_valid()
    assert "at most 2000 characters" in form.errors["summary"][0]
    assert "summary" not in ExpertProfileForm(data={**data, "summary": "x" * 2000}).errors
