"""Invitations through a real Celery worker on Redis to a real SMTP server: each invitation
is e-mailed once, whatever the task repeats or the server's temporary refusals, and nothing is
lost. Skipped (by the `celery_worker` fixture) without Redis and PostgreSQL; CI has both."""

import json
import time

import pytest

from core.models import OutgoingEmail
from tests.factories import OrganisationFactory
from tests.workshops.factories import OpenWorkshopFactory
from workshops.models import Invitation
from workshops.services.invitations import Person, invitations_create
from workshops.tasks import send_invitations

pytestmark = pytest.mark.services


def _invite(secretariat, count: int) -> list[int]:
    workshop = OpenWorkshopFactory()
    OrganisationFactory(name="Solomon Islands", slug="solomon-islands")
    people = [
        Person(
            name=f"Officer {n}", email=f"officer{n}@customs.gov.sb", organisation="solomon-islands"
        )
        for n in range(count)
    ]
    report = invitations_create(actor=secretariat, workshop=workshop, people=people)
    assert report.created == count
    return list(Invitation.objects.filter(workshop=workshop).values_list("pk", flat=True))


def _settled(count: int, timeout: float = 60.0) -> dict[str, int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        statuses = list(OutgoingEmail.objects.values_list("status", flat=True))
        if len(statuses) == count and set(statuses) <= {"sent", "failed"}:
            return {status: statuses.count(status) for status in set(statuses)}
        time.sleep(0.2)
    raise AssertionError(f"not settled: {OutgoingEmail.objects.values('status').distinct()}")


def test_the_invitation_task_sent_again_mails_each_invitation_once(
    celery_worker, smtp_server, secretariat
):
    ids = _invite(secretariat, 20)  # queued once by the service, after commit
    payload = json.loads(json.dumps(ids))
    send_invitations.delay(payload)  # and twice more, as a redelivery would
    send_invitations.delay(payload)
    assert _settled(20) == {"sent": 20}
    received = smtp_server.wait_for(20)
    time.sleep(1.0)  # anything sent twice would arrive now
    assert len(smtp_server.messages) == len(received) == 20
    assert set(smtp_server.received_by().values()) == {1}
    assert set(Invitation.objects.values_list("status", flat=True)) == {"sent"}


def test_a_batch_with_refusals_loses_nothing(celery_worker, smtp_server, secretariat):
    smtp_server.respond(421, times=15)  # busy for a while: retried with backoff
    smtp_server.respond(550, recipient="officer7@customs.gov.sb")  # no such mailbox: failed
    _invite(secretariat, 60)
    outcome = _settled(60, timeout=90.0)
    assert outcome == {"sent": 59, "failed": 1}
    assert OutgoingEmail.objects.get(status="failed").recipient == "officer7@customs.gov.sb"
    assert "550" in OutgoingEmail.objects.get(status="failed").last_error
    assert sum(smtp_server.received_by().values()) == 59
    assert set(smtp_server.received_by().values()) == {1}
