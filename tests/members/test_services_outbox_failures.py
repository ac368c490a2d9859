"""How the outbox classifies SMTP failures: retry what is temporary, fail what is permanent.

A tiny backend stands in for the SMTP server here; the real server tests live in tests/services/.
"""

import smtplib
from datetime import timedelta

import pytest
from django.core.mail.backends.base import BaseEmailBackend
from django.utils import timezone

from core.models import OutgoingEmail
from core.services import mail as outbox
from core.services.mail import email_deliver, email_store
from core.tasks import outbox_send
from tests.factories import OutgoingEmailFactory

pytestmark = pytest.mark.django_db


class RaisingBackend(BaseEmailBackend):
    """Stand-in for an SMTP server that answers every message with `error`."""

    error: Exception = smtplib.SMTPServerDisconnected("not set")

    def send_messages(self, messages):
        raise type(self).error


@pytest.fixture
def smtp_answers(settings, monkeypatch):
    """Make the default mailer raise the given exception for every message."""

    def answer(error: Exception) -> None:
        monkeypatch.setattr(RaisingBackend, "error", error)
        settings.MAILERS = {"default": {"BACKEND": f"{__name__}.RaisingBackend"}}

    return answer


def _store(**overrides) -> OutgoingEmail:
    arguments = {
        "to": "delegate@tonga.example",
        "subject": "Your account",
        "body_text": "Hello Viliami",
        "template": "account/email/test",
        "language": "en",
    }
    return email_store(**(arguments | overrides))


def test_temporary_smtp_failure_puts_the_email_back_in_the_queue(settings, smtp_answers):
    settings.OUTBOX_RETRY_BASE_SECONDS = 30.0
    smtp_answers(smtplib.SMTPResponseException(421, b"Service not available, try later"))
    email = OutgoingEmailFactory()
    before = timezone.now()

    delivery = email_deliver(email_id=email.pk)

    assert delivery.outcome == "retry"
    assert delivery.retry_in == 30.0
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.QUEUED
    assert email.attempts == 1
    assert email.last_error == "421 Service not available, try later"
    assert email.next_attempt_at >= before + timedelta(seconds=30)
    assert email.failed_at is None


def test_retry_delay_doubles_with_each_attempt(settings, smtp_answers):
    settings.OUTBOX_RETRY_BASE_SECONDS = 30.0
    smtp_answers(smtplib.SMTPServerDisconnected("Connection unexpectedly closed"))
    email = OutgoingEmailFactory(attempts=2)

    delivery = email_deliver(email_id=email.pk)

    assert delivery.outcome == "retry"
    assert delivery.retry_in == 120.0
    assert "SMTPServerDisconnected" in OutgoingEmail.objects.get(pk=email.pk).last_error


def test_retry_delay_is_capped(settings, smtp_answers):
    settings.OUTBOX_RETRY_BASE_SECONDS = 30.0
    settings.OUTBOX_MAX_ATTEMPTS = 50
    smtp_answers(smtplib.SMTPResponseException(451, "Greylisted"))
    email = OutgoingEmailFactory(attempts=20)

    assert email_deliver(email_id=email.pk).retry_in == outbox.MAX_BACKOFF_SECONDS


def test_permanent_smtp_failure_marks_the_email_failed_without_retry(smtp_answers):
    smtp_answers(smtplib.SMTPResponseException(550, b"5.1.1 Mailbox unavailable"))
    email = OutgoingEmailFactory()

    delivery = email_deliver(email_id=email.pk)

    assert delivery.outcome == "failed"
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert "550" in email.last_error
    assert "Mailbox unavailable" in email.last_error
    assert email.next_attempt_at is None
    assert email.failed_at is not None


def test_refused_recipient_with_a_permanent_code_is_a_permanent_failure(smtp_answers):
    smtp_answers(smtplib.SMTPRecipientsRefused({"x@example.org": (550, b"no such user")}))
    email = OutgoingEmailFactory()

    assert email_deliver(email_id=email.pk).outcome == "failed"
    assert OutgoingEmail.objects.get(pk=email.pk).status == OutgoingEmail.Status.FAILED


def test_temporary_failure_on_the_last_allowed_attempt_fails_the_email(settings, smtp_answers):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    smtp_answers(smtplib.SMTPResponseException(421, b"try later"))
    email = OutgoingEmailFactory(attempts=2)

    delivery = email_deliver(email_id=email.pk)

    assert delivery.outcome == "failed"
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == 3
    assert email.last_error.startswith("421")


def test_in_process_task_leaves_a_temporarily_failed_email_queued_without_raising(
    smtp_answers, django_capture_on_commit_callbacks
):
    smtp_answers(smtplib.SMTPResponseException(421, b"try later"))

    with django_capture_on_commit_callbacks(execute=True):
        email = _store()

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.QUEUED
    assert email.attempts == 1
    assert email.next_attempt_at is not None
    assert outbox_send.delay(email.pk).get() == "retry"
    assert OutgoingEmail.objects.get(pk=email.pk).attempts == 2
