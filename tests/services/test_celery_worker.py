"""A real Celery worker process, on Redis and the PostgreSQL test database, sending over SMTP.

Skipped (by the `celery_worker` fixture, with the reason) without REDIS_URL and a PostgreSQL
DATABASE_URL; CI sets both, so CI runs these.
"""

import json
import re
import time

import pytest
from django.core import mail
from django.db import transaction

from core.models import OutgoingEmail
from core.services.mail import email_store
from core.tasks import outbox_send
from tests.factories import OutgoingEmailFactory

pytestmark = pytest.mark.services

TIMEOUT = 30.0


def _wait_until_settled(ids: list[int], *, timeout: float = TIMEOUT) -> dict[int, OutgoingEmail]:
    deadline = time.monotonic() + timeout
    while True:
        rows = OutgoingEmail.objects.in_bulk(ids)
        if all(
            row.status in {OutgoingEmail.Status.SENT, OutgoingEmail.Status.FAILED}
            for row in rows.values()
        ):
            return rows
        if time.monotonic() > deadline:
            states = {row.id: (row.status, row.attempts, row.last_error) for row in rows.values()}
            raise AssertionError(f"Rows not settled in {timeout}s: {states}")
        time.sleep(0.1)


def test_worker_sends_emails_queued_in_a_committed_transaction(celery_worker, smtp_server):
    greylisted = "greylisted@customs.gov.pg"
    smtp_server.respond(421, times=1, recipient=greylisted)
    recipients = [f"delegate{n}@customs.gov.sb" for n in range(5)] + [greylisted]

    with transaction.atomic():
        emails = [
            email_store(
                to=to,
                subject=f"Invitation {n}: Regional workshop on risk management",
                body_text="You are invited to the regional workshop in Suva.",
                template="test",
                language="en",
            )
            for n, to in enumerate(recipients)
        ]

    rows = _wait_until_settled([email.id for email in emails])
    messages = smtp_server.wait_for(len(emails))
    assert {row.status for row in rows.values()} == {OutgoingEmail.Status.SENT}
    assert sorted(message.message_id for message in messages) == sorted(
        row.message_id_header for row in rows.values()
    )
    assert smtp_server.received_by() == dict.fromkeys(recipients, 1)
    by_recipient = {row.recipient: row for row in rows.values()}
    assert by_recipient[greylisted].attempts == 2  # refused once, retried by the worker
    assert by_recipient["delegate0@customs.gov.sb"].attempts == 1
    assert re.search(r"Task core\.outbox_send\[[\w-]+\] retry: Retry in 0\.2s", celery_worker.log())
    assert mail.outbox == []  # nothing was sent in this process: the worker did it


def test_the_same_email_sent_by_several_tasks_arrives_once(celery_worker, smtp_server):
    email = OutgoingEmailFactory(recipient="focal.point@customs.gov.vu")  # committed, no task yet
    (email_id,) = json.loads(json.dumps([email.id]))

    first = outbox_send.delay(email_id)
    second = outbox_send.delay(email_id)
    # The broker handing the first message out again (a worker lost before its ack).
    outbox_send.apply_async(args=[email_id], task_id=first.id)

    outcomes = celery_worker.wait_for_outcomes(first.id, 2) + celery_worker.wait_for_outcomes(
        second.id, 1
    )
    assert sorted(outcomes) == ["sent", "skipped", "skipped"]
    assert smtp_server.message_ids() == [email.message_id_header]
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
