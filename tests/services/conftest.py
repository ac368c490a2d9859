"""Fixtures that start real servers: an SMTP server (aiosmtpd) and a Celery worker process.

Even when EMAIL_URL is set in the environment, these tests start their own aiosmtpd server
instead of using it: they need to script faults (421, 550, ...) and to see exactly which
messages arrived, which no shared SMTP server lets them do.
"""

import logging
import os
import re
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote

import pytest
from django.conf import settings as django_settings
from django.db import connection

from oco_portal.celery import app as celery_app
from tests.services.smtp import SmtpServer, start_smtp_server

WORKER_START_TIMEOUT = 60.0
TASK_TIMEOUT = 30.0


@pytest.fixture
def smtp_server():
    # aiosmtpd logs every SMTP command at INFO; a failure report needs only the outbox's lines.
    aiosmtpd_log = logging.getLogger("mail.log")
    level = aiosmtpd_log.level
    aiosmtpd_log.setLevel(logging.WARNING)
    server, controller = start_smtp_server()
    try:
        yield server
    finally:
        controller.stop()
        aiosmtpd_log.setLevel(level)


@pytest.fixture
def smtp_mailer(settings, smtp_server) -> SmtpServer:
    """Point the default mailer at the test SMTP server.

    Django's test environment replaces MAILERS with locmem, so it is overridden here again.
    """
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": smtp_server.host, "port": smtp_server.port, "timeout": 5},
        }
    }
    settings.OUTBOX_RETRY_BASE_SECONDS = 0.001
    return smtp_server


def _worker_database_url() -> str:
    """The URL of the database this test runs on: the test database, not the configured one."""
    info = connection.settings_dict
    credentials = quote(info["USER"] or "", safe="")
    if info["PASSWORD"]:
        credentials += ":" + quote(info["PASSWORD"], safe="")
    host = info["HOST"] or "127.0.0.1"
    port = info["PORT"] or 5432
    return f"postgres://{credentials}@{host}:{port}/{quote(info['NAME'], safe='')}"


@dataclass
class CeleryWorker:
    process: subprocess.Popen
    log_path: Path
    queue: str

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def task_outcomes(self, task_id: str) -> list[str]:
        """Return values the worker logged for `task_id`, one per run that succeeded."""
        pattern = re.compile(
            rf"Task core\.outbox_send\[{re.escape(task_id)}\] succeeded in [\d.e-]+s: '(\w+)'"
        )
        return pattern.findall(self.log())

    def wait_for_outcomes(self, task_id: str, count: int, *, timeout: float = TASK_TIMEOUT):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            outcomes = self.task_outcomes(task_id)
            if len(outcomes) >= count:
                return outcomes
            self.assert_alive()
            time.sleep(0.1)
        raise AssertionError(
            f"Task {task_id} did not finish {count} time(s) in {timeout}s. Worker log:\n{self.log()}"
        )

    def assert_alive(self) -> None:
        if self.process.poll() is not None:
            raise AssertionError(
                f"The Celery worker exited with {self.process.returncode}:\n{self.log()}"
            )


def _other_consumers(queue: str) -> list[str]:
    replies = celery_app.control.inspect(timeout=1.0).active_queues() or {}
    return [
        worker
        for worker, queues in replies.items()
        if any(declared["name"] == queue for declared in queues)
    ]


@pytest.fixture
def celery_worker(transactional_db, smtp_server, tmp_path):
    """A real `celery worker` process on REDIS_URL and the test database, sending to `smtp_server`.

    The worker and this process share one queue: the one settings read from CELERY_QUEUE
    (`make test` makes it unique per run), so tasks published here reach only this worker.
    """
    if not django_settings.REDIS_URL:
        pytest.skip("needs Redis: set REDIS_URL, e.g. redis://127.0.0.1:6379/14 (CI does)")
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: set DATABASE_URL, e.g. postgres://postgres@127.0.0.1:5432/oco_dev "
            "(CI does); a worker process cannot share the SQLite test database"
        )
    assert not celery_app.conf.task_always_eager, "the test process must publish to Redis"
    queue = django_settings.CELERY_TASK_DEFAULT_QUEUE
    assert celery_app.conf.task_default_queue == queue
    others = _other_consumers(queue)
    assert not others, (
        f"Other workers ({', '.join(others)}) consume queue {queue!r} on {django_settings.REDIS_URL}; "
        "set CELERY_QUEUE to a name of your own (make test does)."
    )

    env = {
        **os.environ,
        "DATABASE_URL": _worker_database_url(),
        "REDIS_URL": django_settings.REDIS_URL,
        "CELERY_QUEUE": queue,
        "EMAIL_URL": f"smtp://{smtp_server.host}:{smtp_server.port}",
        "DJANGO_ENV": "test",
        "OUTBOX_RETRY_BASE_SECONDS": "0.2",
        "DB_CONN_MAX_AGE": "0",
    }
    log_path = tmp_path / "celery-worker.log"
    command = [
        sys.executable,
        "-m",
        "celery",
        "-A",
        "oco_portal",
        "worker",
        "--pool=solo",
        "--concurrency=1",
        "-Q",
        queue,
        "--loglevel=INFO",
        "--hostname",
        f"services-{uuid.uuid4().hex[:8]}@%h",
        "--without-gossip",
        "--without-mingle",
    ]
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            command,
            cwd=django_settings.BASE_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
        )
    worker = CeleryWorker(process=process, log_path=log_path, queue=queue)
    try:
        deadline = time.monotonic() + WORKER_START_TIMEOUT
        while " ready." not in worker.log():
            worker.assert_alive()
            if time.monotonic() > deadline:
                raise AssertionError(f"The Celery worker was not ready in time:\n{worker.log()}")
            time.sleep(0.1)
        yield worker
    finally:
        process.terminate()
        try:
            process.wait(timeout=15)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)
