"""Certificates through a real Celery worker on Redis to a real SMTP server: completing a
workshop builds one PDF per participant who attended and mails it once, and the task sent
again builds and mails nothing more. Skipped (by `celery_worker`) without Redis and
PostgreSQL; CI has both."""

import json
import time
from pathlib import Path

import pytest

from core.models import OutgoingEmail
from tests.workshops.attendance_helpers import approved, attend, past_workshop
from workshops.models import Certificate, EvaluationRequest
from workshops.services.workshops import workshop_complete
from workshops.tasks import issue_certificates

pytestmark = pytest.mark.services


@pytest.fixture
def worker_media(monkeypatch, settings, tmp_path) -> Path:
    """Where the worker and this process store files (set before the worker starts)."""
    root = tmp_path / "media"
    monkeypatch.setenv("MEDIA_ROOT", str(root))
    settings.MEDIA_ROOT = root
    return root


def _settled(count: int, timeout: float = 60.0) -> dict[str, int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        statuses = list(OutgoingEmail.objects.values_list("status", flat=True))
        if len(statuses) == count and set(statuses) <= {"sent", "failed"}:
            return {status: statuses.count(status) for status in set(statuses)}
        time.sleep(0.2)
    raise AssertionError(f"not settled: {list(OutgoingEmail.objects.values('status'))}")


def test_completion_mails_each_certificate_and_evaluation_once(
    worker_media, celery_worker, smtp_server, secretariat
):
    workshop = past_workshop(days=2)
    for _i in range(3):
        attend(approved(workshop), 2)
    approved(workshop)  # never came: an evaluation request, no certificate

    workshop_complete(actor=secretariat, workshop=workshop)
    issue_certificates.delay(*json.loads(json.dumps([workshop.pk])))  # as a redelivery would

    # 3 certificates and 4 evaluation requests, each sent once.
    assert _settled(7) == {"sent": 7}
    received = smtp_server.wait_for(7)
    time.sleep(1.0)  # anything sent twice would arrive now
    assert len(smtp_server.messages) == len(received) == 7
    assert set(smtp_server.received_by().values()) == {2, 1}
    assert Certificate.objects.filter(emailed_at__isnull=False).count() == 3
    assert EvaluationRequest.objects.count() == 4
    files = [p for p in worker_media.rglob("*.pdf") if p.is_file()]
    assert len(files) == 3
    assert all(p.read_bytes().startswith(b"%PDF") for p in files)
