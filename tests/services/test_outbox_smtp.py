"""The outbox task against a real SMTP server that can be told to fail.

The task runs with `.apply()`: in-process and synchronous whatever the broker, so these tests
behave the same with or without REDIS_URL. Run in-process, the task answers "retry" and leaves
the row queued instead of raising Celery's Retry (which eager mode would propagate to the
caller); the tests then run it again, as the worker's countdown retry would
(tests/services/test_celery_worker.py checks that retry on a real worker).
"""

import json
import random
from collections import Counter

import pytest

from core.models import OutgoingEmail
from core.services.mail import email_store
from core.tasks import outbox_send

pytestmark = [pytest.mark.services, pytest.mark.django_db]


def _store(to: str, subject: str = "Invitation: Regional workshop on risk management"):
    return email_store(
        to=to,
        subject=subject,
        body_text="You are invited to the regional workshop in Suva.",
        body_html="<p>You are invited to the regional workshop in Suva.</p>",
        template="test",
        language="en",
    )


def _run_task(email_id: int):
    (email_id,) = json.loads(json.dumps([email_id]))
    return outbox_send.apply(args=[email_id])


def _deliver(email_id: int, *, limit: int = 10) -> list[str]:
    """Run the send task until it stops asking for a retry; return each run's outcome."""
    outcomes = []
    while not outcomes or outcomes[-1] == "retry":
        assert len(outcomes) < limit, f"still retrying after {limit} runs: {outcomes}"
        outcomes.append(_run_task(email_id).get())
    return outcomes


def test_running_the_send_task_twice_delivers_one_message(smtp_mailer):
    email = _store("delegate@customs.gov.fj")

    first = _run_task(email.id)
    second = _run_task(email.id)

    assert (first.get(), second.get()) == ("sent", "skipped")
    assert len(smtp_mailer.messages) == 1
    message = smtp_mailer.messages[0]
    assert message.recipients == ["delegate@customs.gov.fj"]
    assert message.message_id == email.message_id_header
    assert message.subject == "Invitation: Regional workshop on risk management"
    assert "regional workshop in Suva" in message.parsed.get_body(("plain",)).get_content()
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    assert email.sent_at is not None


@pytest.mark.parametrize("stage", ["RCPT", "DATA"])
def test_two_temporary_refusals_are_retried_and_the_message_delivered_once(smtp_mailer, stage):
    email = _store("officer@customs.gov.ws")
    smtp_mailer.respond(421, times=2, stage=stage)

    outcomes = _deliver(email.id)

    assert outcomes == ["retry", "retry", "sent"]
    assert [code for code, _rcpts in smtp_mailer.refusals] == [421, 421]
    assert smtp_mailer.message_ids() == [email.message_id_header]
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 3
    assert email.last_error == ""
    assert _run_task(email.id).get() == "skipped"
    assert len(smtp_mailer.messages) == 1


def test_a_server_that_stays_busy_fails_the_email_after_the_last_attempt(smtp_mailer, settings):
    settings.OUTBOX_MAX_ATTEMPTS = 3
    email = _store("busy@customs.gov.to")
    smtp_mailer.respond(421)

    assert _deliver(email.id) == ["retry", "retry", "failed"]

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == 3
    assert email.last_error.startswith("421 ")
    assert smtp_mailer.messages == []


@pytest.mark.parametrize(("stage", "code", "reason"), [
    ("RCPT", 550, "Mailbox unavailable"),
    ("DATA", 554, "Message rejected as spam"),
])  # fmt: skip
def test_a_permanent_refusal_fails_the_email_with_the_reason(smtp_mailer, stage, code, reason):
    email = _store("nobody@customs.gov.ki")
    smtp_mailer.respond(code, stage=stage)

    assert _run_task(email.id).get() == "failed"
    assert _run_task(email.id).get() == "skipped"

    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.FAILED
    assert email.attempts == 1
    assert email.last_error.startswith(f"{code} ")
    assert reason in email.last_error
    assert email.failed_at is not None
    assert smtp_mailer.messages == []
    assert len(smtp_mailer.refusals) == 1


def _script_batch(smtp_mailer, emails, *, max_attempts: int, seed: int) -> Counter:
    """Give each recipient a seeded random fate; return how many of each status to expect."""
    rng = random.Random(seed)
    expected = Counter()
    for email in emails:
        fate = rng.choices(
            ["accept", "greylist", "busy", "unknown", "spam"], weights=[55, 20, 5, 10, 10]
        )[0]
        rcpt = email.recipient
        if fate == "greylist":
            smtp_mailer.respond(
                rng.choice([421, 450, 451]), times=rng.randint(1, 3), recipient=rcpt
            )
        elif fate == "busy":
            smtp_mailer.respond(421, times=max_attempts, recipient=rcpt)
        elif fate == "unknown":
            smtp_mailer.respond(550, recipient=rcpt)
        elif fate == "spam":
            smtp_mailer.respond(554, stage="DATA", recipient=rcpt)
        expected["failed" if fate in {"busy", "unknown", "spam"} else "sent"] += 1
    return expected


def test_a_batch_with_injected_faults_sends_each_deliverable_email_exactly_once(
    smtp_mailer, settings
):
    emails = [_store(f"delegate{n:03}@customs.example", subject=f"Batch {n}") for n in range(200)]
    expected = _script_batch(
        smtp_mailer, emails, max_attempts=settings.OUTBOX_MAX_ATTEMPTS, seed=20170814
    )
    assert expected["failed"] > 20, "the seed must inject permanent faults"
    assert expected["sent"] > 100

    for email in emails:
        _deliver(email.id)
    for email in emails:
        assert _run_task(email.id).get() == "skipped"

    statuses = Counter(OutgoingEmail.objects.values_list("status", flat=True))
    assert statuses == expected
    assert statuses["sent"] + statuses["failed"] == 200
    sent = OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENT)
    message_ids = smtp_mailer.message_ids()
    assert len(message_ids) == len(set(message_ids)) == statuses["sent"]
    assert set(message_ids) == {email.message_id_header for email in sent}
    assert smtp_mailer.received_by() == Counter(sent.values_list("recipient", flat=True))
    assert not OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.FAILED, last_error=""
    ).exists()
