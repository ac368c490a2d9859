"""The outbox services: store, deliver once, resend, recover.

E-mails go to Django's locmem backend (pytest-django's `mailoutbox`). Celery runs eagerly,
so a task queued with `delay_on_commit` runs when the captured on-commit callbacks execute.
"""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied
from django.utils import timezone

from core.errors import ServiceError
from core.models import OutgoingEmail
from core.services.mail import (
    LOST_TASK_AFTER,
    STALE_SENDING_AFTER,
    email_deliver,
    email_queue,
    email_resend,
    email_store,
    outbox_dispatch_pending,
)
from core.tasks import outbox_send
from tests.factories import OutgoingEmailFactory, UserFactory

pytestmark = pytest.mark.django_db


def _store(**overrides) -> OutgoingEmail:
    arguments = {
        "to": "delegate@tonga.example",
        "subject": "Your account",
        "body_text": "Hello Viliami",
        "template": "account/email/test",
        "language": "en",
    }
    return email_store(**(arguments | overrides))


def test_email_store_queues_a_row_and_sends_nothing_before_commit(
    mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        email = _store()

    assert len(callbacks) == 1
    assert OutgoingEmail.objects.get(pk=email.pk).status == OutgoingEmail.Status.QUEUED
    assert mailoutbox == []


def test_email_store_sends_once_the_transaction_commits(
    mailoutbox, django_capture_on_commit_callbacks
):
    user = UserFactory(email="delegate@tonga.example")

    with django_capture_on_commit_callbacks(execute=True):
        email = _store(body_html="<p>Hello Viliami</p>", user=user)

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    assert email.sent_at is not None
    assert email.recipient_user == user
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["delegate@tonga.example"]
    assert message.subject == "Your account"
    assert message.extra_headers["Message-ID"] == email.message_id_header
    assert message.message()["Message-ID"] == email.message_id_header
    assert message.alternatives[0].content == "<p>Hello Viliami</p>"


def test_email_store_keeps_the_subject_within_the_column():
    email = _store(subject="x" * 400)

    assert len(OutgoingEmail.objects.get(pk=email.pk).subject) == 300


def test_email_queue_renders_the_templates_in_the_recipients_language(
    settings, tmp_path, mailoutbox, django_capture_on_commit_callbacks
):
    folder = tmp_path / "emails" / "greeting"
    folder.mkdir(parents=True)
    (folder / "subject.txt").write_text(
        "{% load i18n %}\n  {% translate 'January' %}, {{ name }}\n", encoding="utf-8"
    )
    (folder / "body.txt").write_text("{% load i18n %}{% get_current_language as L %}{{ L }}")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path]}]

    with django_capture_on_commit_callbacks(execute=True):
        email = email_queue(
            to="claire@douane.example",
            template="greeting",
            context={"name": "Claire"},
            language="fr",
        )

    email.refresh_from_db()
    assert email.subject == "janvier, Claire"
    assert email.body_text == "fr"
    assert email.body_html == ""
    assert email.language == "fr"
    assert mailoutbox[0].subject == "janvier, Claire"
    assert mailoutbox[0].alternatives == []


def test_second_delivery_of_the_same_email_sends_nothing(mailoutbox):
    email = OutgoingEmailFactory()

    first = email_deliver(email_id=email.pk)
    second = email_deliver(email_id=email.pk)

    assert first.outcome == "sent"
    assert second.outcome == "skipped"
    assert len(mailoutbox) == 1
    email.refresh_from_db()
    assert email.attempts == 1


def test_outbox_send_task_run_twice_sends_once(mailoutbox):
    email = OutgoingEmailFactory()
    (email_id,) = json.loads(json.dumps([email.pk]))

    assert outbox_send.delay(email_id).get() == "sent"
    assert outbox_send.delay(email_id).get() == "skipped"
    assert len(mailoutbox) == 1


def test_email_resend_refuses_an_email_that_has_not_failed(
    secretariat, django_capture_on_commit_callbacks
):
    for status in (OutgoingEmail.Status.QUEUED, OutgoingEmail.Status.SENT):
        email = OutgoingEmailFactory(status=status, attempts=1)

        with (
            django_capture_on_commit_callbacks() as callbacks,
            pytest.raises(ServiceError, match="Only a failed e-mail"),
        ):
            email_resend(actor=secretariat, email_id=email.pk)

        assert callbacks == []
        assert OutgoingEmail.objects.get(pk=email.pk).status == status


def test_email_resend_sends_now_an_email_waiting_for_its_retry(
    secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    email = OutgoingEmailFactory(
        status=OutgoingEmail.Status.QUEUED,
        attempts=2,
        last_error="421 try later",
        next_attempt_at=timezone.now() + timedelta(minutes=10),
    )

    with django_capture_on_commit_callbacks(execute=True):
        email_resend(actor=secretariat, email_id=email.pk)

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.next_attempt_at is None
    assert len(mailoutbox) == 1


def test_email_resend_queues_a_failed_email_again(
    secretariat, mailoutbox, django_capture_on_commit_callbacks
):
    email = OutgoingEmailFactory(
        status=OutgoingEmail.Status.FAILED, attempts=5, last_error="550 no such user"
    )

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        requeued = email_resend(actor=secretariat, email_id=email.pk)

    assert requeued.status == OutgoingEmail.Status.QUEUED
    assert requeued.attempts == 0
    assert len(callbacks) == 1
    callbacks[0]()
    assert OutgoingEmail.objects.get(pk=email.pk).status == OutgoingEmail.Status.SENT
    assert len(mailoutbox) == 1


def _age(email: OutgoingEmail, **fields) -> None:
    OutgoingEmail.objects.filter(pk=email.pk).update(**fields)


def test_outbox_dispatch_pending_dispatches_queued_emails_whose_task_was_lost(
    mailoutbox, django_capture_on_commit_callbacks
):
    now = timezone.now()
    lost = OutgoingEmailFactory(recipient="lost@example.org")
    _age(lost, created_at=now - LOST_TASK_AFTER - timedelta(minutes=1))
    OutgoingEmailFactory(recipient="fresh@example.org")
    deferred = OutgoingEmailFactory(recipient="deferred@example.org")
    _age(
        deferred,
        created_at=now - timedelta(hours=1),
        next_attempt_at=now + timedelta(minutes=5),
    )

    with django_capture_on_commit_callbacks(execute=True):
        result = outbox_dispatch_pending()

    assert result == {"requeued": 1, "interrupted": 0}
    assert [message.to for message in mailoutbox] == [["lost@example.org"]]
    assert OutgoingEmail.objects.get(pk=lost.pk).status == OutgoingEmail.Status.SENT
    assert OutgoingEmail.objects.get(pk=deferred.pk).status == OutgoingEmail.Status.QUEUED


def test_outbox_dispatch_pending_fails_emails_stuck_in_sending_without_sending_them(
    mailoutbox, django_capture_on_commit_callbacks
):
    now = timezone.now()
    stuck = OutgoingEmailFactory(status=OutgoingEmail.Status.SENDING, attempts=1)
    _age(stuck, claimed_at=now - STALE_SENDING_AFTER - timedelta(seconds=5))
    busy = OutgoingEmailFactory(status=OutgoingEmail.Status.SENDING, attempts=1)
    _age(busy, claimed_at=now - timedelta(seconds=30))

    with django_capture_on_commit_callbacks(execute=True):
        result = outbox_dispatch_pending()

    assert result == {"requeued": 0, "interrupted": 1}
    stuck.refresh_from_db()
    assert stuck.status == OutgoingEmail.Status.FAILED
    assert stuck.failed_at is not None
    assert "interrupted" in stuck.last_error
    assert OutgoingEmail.objects.get(pk=busy.pk).status == OutgoingEmail.Status.SENDING
    assert mailoutbox == []


def test_deliver_many_sends_each_queued_row_once_and_skips_rows_already_taken(mailoutbox):
    from core.services.mail import email_deliver_many

    rows = [_store(to=f"officer{n}@customs.gov.to", dispatch=False) for n in range(3)]
    taken = OutgoingEmailFactory(status=OutgoingEmail.Status.SENDING)

    outcomes = email_deliver_many(email_ids=[row.pk for row in rows] + [taken.pk, rows[0].pk])

    assert outcomes == {"sent": 3, "skipped": 2, "retry": 0, "failed": 0}
    assert sorted(message.to[0] for message in mailoutbox) == [
        f"officer{n}@customs.gov.to" for n in range(3)
    ]
    assert set(
        OutgoingEmail.objects.filter(pk__in=[r.pk for r in rows]).values_list("status", flat=True)
    ) == {"sent"}


def test_email_resend_refuses_an_actor_who_may_not_and_changes_nothing(delegate):
    email = OutgoingEmailFactory(status=OutgoingEmail.Status.FAILED, attempts=5)

    with pytest.raises(PermissionDenied):
        email_resend(actor=delegate, email_id=email.pk)

    email.refresh_from_db()
    assert (email.status, email.attempts) == (OutgoingEmail.Status.FAILED, 5)
