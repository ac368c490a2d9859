"""The evaluation: asked once on completion, one answer per participant, editable until
the closing date, refused after; results for the Secretariat on the workshop page."""

import datetime as dt
import json

import pytest
from django.core import mail
from django.utils import timezone

from core.errors import ServiceError
from core.models import OutgoingEmail
from tests.workshops.attendance_helpers import approved, past_workshop
from tests.workshops.factories import RegistrationFactory
from workshops.models import Evaluation, EvaluationRequest, Registration, Workshop
from workshops.services.evaluations import evaluation_submit, evaluation_update
from workshops.tasks import request_evaluations

pytestmark = pytest.mark.django_db

ANSWERS = {"relevance": 5, "content": 4, "facilitation": 4, "organisation": 3}
FORM = {**ANSWERS, "will_apply": "Risk profiles at the border", "comments": "Great hosts"}


@pytest.fixture
def workshop():
    return past_workshop(status=Workshop.Status.COMPLETED)


def _in_two_days():
    return timezone.localdate() + dt.timedelta(days=2)


def test_a_participant_answers_once(workshop):
    registration = approved(workshop)
    evaluation_submit(actor=registration.person, registration=registration, data=ANSWERS)
    with pytest.raises(ServiceError, match="already evaluated"):
        evaluation_submit(
            actor=registration.person, registration=registration, data={**ANSWERS, "content": 1}
        )
    assert Evaluation.objects.get().content == 4


def test_an_answer_can_be_changed_until_the_closing_date(workshop):
    workshop.evaluation_closes_on = _in_two_days()
    workshop.save()
    registration = approved(workshop)
    evaluation = evaluation_submit(
        actor=registration.person, registration=registration, data=ANSWERS
    )
    evaluation_update(
        actor=registration.person, evaluation=evaluation, data={**ANSWERS, "relevance": 2}
    )
    assert Evaluation.objects.get().relevance == 2


def test_after_the_closing_date_nothing_changes(workshop):
    registration = approved(workshop)
    evaluation = evaluation_submit(
        actor=registration.person, registration=registration, data=ANSWERS
    )
    workshop.evaluation_closes_on = timezone.localdate() - dt.timedelta(days=2)
    workshop.save()
    with pytest.raises(ServiceError, match="evaluation closed on"):
        evaluation_update(
            actor=registration.person, evaluation=evaluation, data={**ANSWERS, "relevance": 1}
        )
    assert Evaluation.objects.get().relevance == 5


def test_only_approved_participants_of_a_completed_workshop_answer():
    running = past_workshop(status=Workshop.Status.CLOSED)
    registration = approved(running)
    with pytest.raises(ServiceError, match="opens when the workshop is completed"):
        evaluation_submit(actor=registration.person, registration=registration, data=ANSWERS)
    waitlisted = RegistrationFactory(
        workshop=past_workshop(status=Workshop.Status.COMPLETED),
        status=Registration.Status.WAITLISTED,
    )
    with pytest.raises(ServiceError, match="Only approved participants"):
        evaluation_submit(actor=waitlisted.person, registration=waitlisted, data=ANSWERS)
    assert not Evaluation.objects.exists()


def test_a_rating_outside_one_to_five_is_refused(workshop):
    registration = approved(workshop)
    with pytest.raises(ServiceError, match="from 1 to 5"):
        evaluation_submit(
            actor=registration.person, registration=registration, data={**ANSWERS, "content": 9}
        )


def test_the_request_task_run_twice_mails_each_participant_once(
    workshop, django_capture_on_commit_callbacks
):
    approved(workshop)
    approved(workshop)
    RegistrationFactory(workshop=workshop, status=Registration.Status.DECLINED)

    for _i in range(2):
        with django_capture_on_commit_callbacks(execute=True):
            request_evaluations.delay(*json.loads(json.dumps([workshop.pk]))).get()

    assert EvaluationRequest.objects.count() == 2
    assert OutgoingEmail.objects.filter(template="evaluation_invitation").count() == 2
    assert len(mail.outbox) == 2
    assert f"/workshops/{workshop.slug}/evaluation/" in mail.outbox[0].body


def test_the_form_saves_and_then_edits_the_answer(client, workshop):
    registration = approved(workshop)
    client.force_login(registration.person)
    url = f"/workshops/{workshop.slug}/evaluation/"

    response = client.post(url, FORM, follow=True)
    assert "Thank you: your evaluation is saved." in response.content.decode()
    page = client.get(url).content.decode()
    assert "You have answered; you can change your answer below." in page
    client.post(url, {**FORM, "comments": "Even better on reflection"})

    evaluation = Evaluation.objects.get()
    assert evaluation.comments == "Even better on reflection"
    assert evaluation.will_apply == "Risk profiles at the border"


def test_the_form_after_closing_says_so_and_refuses(client, workshop):
    workshop.evaluation_closes_on = timezone.localdate() - dt.timedelta(days=2)
    workshop.save()
    registration = approved(workshop)
    client.force_login(registration.person)
    url = f"/workshops/{workshop.slug}/evaluation/"

    assert "answers can no longer be given or changed" in client.get(url).content.decode()
    response = client.post(url, FORM, follow=True)
    assert "answers can no longer be given or changed" in response.content.decode()
    assert not Evaluation.objects.exists()


def test_someone_not_registered_gets_no_form(client, workshop, delegate):
    client.force_login(delegate)
    assert client.get(f"/workshops/{workshop.slug}/evaluation/").status_code == 404


def test_results_on_the_secretariats_workshop_page(secretariat_client, workshop):
    for relevance in (5, 3):
        registration = approved(workshop)
        evaluation_submit(
            actor=registration.person,
            registration=registration,
            data={**ANSWERS, "relevance": relevance, "comments": f"Comment {relevance}"},
        )

    page = secretariat_client.get(f"/manage/workshops/{workshop.pk}/").content.decode()

    assert "2 answers." in page
    assert '<td class="text-end">4.0</td>' in page
    assert "Comment 5" in page
    assert "Comment 3" in page


def test_the_secretariat_sets_the_share_and_the_closing_date(secretariat_client, workshop):
    response = secretariat_client.post(
        f"/manage/workshops/{workshop.pk}/attendance-rules/",
        {"share": "60", "closes_on": "2030-01-31"},
        follow=True,
    )
    assert "Certificate and evaluation settings saved." in response.content.decode()
    workshop.refresh_from_db()
    assert workshop.evaluation_closes_on == dt.date(2030, 1, 31)
    assert workshop.attendance_share_required == 60


def test_a_share_above_100_is_refused(secretariat_client, workshop):
    response = secretariat_client.post(
        f"/manage/workshops/{workshop.pk}/attendance-rules/", {"share": "120"}, follow=True
    )
    assert "less than or equal to 100" in response.content.decode()
    workshop.refresh_from_db()
    assert workshop.attendance_share_required == 75


def test_a_delegate_cannot_set_the_rules(delegate_client, workshop):
    response = delegate_client.post(
        f"/manage/workshops/{workshop.pk}/attendance-rules/",
        {"share": "10", "closes_on": "2030-01-31"},
    )
    assert response.status_code == 404
    workshop.refresh_from_db()
    assert workshop.evaluation_closes_on is None
    assert workshop.attendance_share_required == 75
