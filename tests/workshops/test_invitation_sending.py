"""Sending invitations and reminders: one e-mail per invitation whatever the repeats,
through the outbox, in the invitee's language, and nothing sent inside the request."""

import datetime as dt
import json

import pytest
from django.core import mail
from django.test import override_settings
from django.utils import timezone

from core.models import OutgoingEmail
from tests.factories import FocalPointFactory, OrganisationFactory
from tests.workshops.factories import OpenWorkshopFactory
from workshops import tasks
from workshops.models import Invitation, Workshop
from workshops.services import invitations as services

pytestmark = pytest.mark.django_db


def _invitations(workshop, n: int, **fields) -> list[Invitation]:
    organisation = fields.pop("organisation", None) or OrganisationFactory()
    return Invitation.objects.bulk_create(
        Invitation(
            workshop=workshop,
            organisation=organisation,
            name=f"Invitee {i}",
            email=f"invitee{i}@example.org",
            nonce=services.new_nonce(),
            **fields,
        )
        for i in range(n)
    )


def _as_json(ids):
    return json.loads(json.dumps(ids))


def test_the_task_run_twice_queues_one_email_per_invitation(django_capture_on_commit_callbacks):
    workshop = OpenWorkshopFactory()
    invitations = _invitations(workshop, 3)
    ids = _as_json([invitation.pk for invitation in invitations])

    with django_capture_on_commit_callbacks(execute=True):
        first = tasks.send_invitations(ids)
    with django_capture_on_commit_callbacks(execute=True):
        second = tasks.send_invitations(ids)

    assert (first, second) == (3, 0)
    assert OutgoingEmail.objects.filter(template="invitation").count() == 3
    assert len(mail.outbox) == 3
    for invitation in Invitation.objects.select_related("outgoing_email"):
        assert invitation.status == Invitation.Status.SENT
        assert invitation.outgoing_email.recipient == invitation.email
        assert invitation.outgoing_email.status == OutgoingEmail.Status.SENT


def test_the_email_is_personal_with_the_link_and_the_deadline_in_the_venue_zone():
    workshop = OpenWorkshopFactory(
        title="Rules of origin", time_zone="Pacific/Apia", city="Apia", country="Samoa"
    )
    Workshop.objects.filter(pk=workshop.pk).update(
        registration_deadline=dt.datetime(2030, 1, 10, 4, 0, tzinfo=dt.UTC)
    )
    workshop.refresh_from_db()
    (invitation,) = _invitations(workshop, 1)

    tasks.send_invitations(_as_json([invitation.pk]))

    email = OutgoingEmail.objects.get()
    assert email.subject == "Invitation: Rules of origin"
    assert "Dear Invitee 0," in email.body_text
    assert services.invitation_link(invitation) in email.body_text
    assert services.invitation_link(invitation) in email.body_html
    # 04:00 UTC on 10 January is 17:00 the same day in Apia (UTC+13).
    assert "Thursday 10 January 2030, 17:00" in email.body_text
    assert "(Pacific/Apia)" in email.body_text
    assert "Apia, Samoa" in email.body_html


def test_a_french_speaking_invitee_gets_the_email_in_french():
    workshop = OpenWorkshopFactory(title="Origin", title_fr="Règles d'origine")
    focal = FocalPointFactory()
    invitation = Invitation.objects.create(
        workshop=workshop,
        organisation=focal.organisation,
        email=focal.user.email,
        language="fr",
        nonce=services.new_nonce(),
    )

    tasks.send_invitations(_as_json([invitation.pk]))

    email = OutgoingEmail.objects.get()
    assert email.language == "fr"
    assert email.subject == "Invitation : Règles d'origine"
    assert "points focal" not in email.body_text
    assert "point focal" in email.body_text
    assert "Date limite d'inscription" in email.body_text


def test_nothing_is_sent_for_a_workshop_closed_since_the_invitation_was_queued():
    workshop = OpenWorkshopFactory()
    invitations = _invitations(workshop, 2)
    Workshop.objects.filter(pk=workshop.pk).update(status=Workshop.Status.CLOSED)

    assert tasks.send_invitations(_as_json([i.pk for i in invitations])) == 0
    assert not OutgoingEmail.objects.exists()
    assert set(Invitation.objects.values_list("status", flat=True)) == {"pending"}


def test_queueing_500_invitations_creates_500_rows_and_sends_nothing_in_the_request(
    secretariat, django_capture_on_commit_callbacks
):
    workshop = OpenWorkshopFactory()
    organisation = OrganisationFactory(name="Big Administration", slug="big")
    people = [
        services.Person(name=f"Officer {i}", email=f"officer{i}@example.org", organisation="big")
        for i in range(500)
    ]

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        report = services.invitations_create(actor=secretariat, workshop=workshop, people=people)

    assert report.created == 500
    assert Invitation.objects.filter(workshop=workshop, organisation=organisation).count() == 500
    assert not OutgoingEmail.objects.exists()
    assert set(Invitation.objects.values_list("status", flat=True)) == {"pending"}
    # One task per batch of ids, published after commit.
    assert len(callbacks) == -(-500 // services.SEND_BATCH_SIZE)

    for callback in callbacks:
        callback()
    assert OutgoingEmail.objects.filter(template="invitation").count() == 500
    assert set(Invitation.objects.values_list("status", flat=True)) == {"sent"}


def _due(workshop_days: int = 3, **fields) -> Invitation:
    workshop = OpenWorkshopFactory()
    Workshop.objects.filter(pk=workshop.pk).update(
        registration_deadline=timezone.now() + dt.timedelta(days=workshop_days)
    )
    workshop.refresh_from_db()
    (invitation,) = _invitations(workshop, 1, status=Invitation.Status.SENT, **fields)
    return invitation


@override_settings(INVITATION_REMINDER_DAYS=7)
def test_the_reminder_job_run_twice_sends_one_reminder(django_capture_on_commit_callbacks):
    invitation = _due(workshop_days=3)

    with django_capture_on_commit_callbacks(execute=True):
        first = tasks.send_invitation_reminders()
    with django_capture_on_commit_callbacks(execute=True):
        second = tasks.send_invitation_reminders()

    assert (first, second) == (1, 0)
    invitation.refresh_from_db()
    assert invitation.reminders_sent == 1
    assert invitation.last_reminder_at
    email = OutgoingEmail.objects.get(template="invitation_reminder")
    assert email.recipient == invitation.email
    assert email.subject.startswith("Reminder: ")
    assert services.invitation_link(invitation) in email.body_text
    assert len(mail.outbox) == 1


@override_settings(INVITATION_REMINDER_DAYS=7)
def test_no_reminder_too_early_after_the_deadline_or_once_answered():
    _due(workshop_days=20)
    _due(workshop_days=-1)
    answered = _due(workshop_days=3)
    Invitation.objects.filter(pk=answered.pk).update(status=Invitation.Status.ANSWERED)
    declined = _due(workshop_days=2)
    Invitation.objects.filter(pk=declined.pk).update(status=Invitation.Status.DECLINED)
    pending = _due(workshop_days=2)
    Invitation.objects.filter(pk=pending.pk).update(status=Invitation.Status.PENDING)

    assert tasks.send_invitation_reminders() == 0
    assert not OutgoingEmail.objects.exists()


def test_the_reminder_job_is_on_the_beat_schedule():
    from django.conf import settings

    entries = {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}
    assert "workshops.send_invitation_reminders" in entries
    assert settings.INVITATION_REMINDER_DAYS == 7
