"""`make serve` on the real servers: the variables checked, the release step, then gunicorn, a
Celery worker and beat under supervisord. SIGTERM while the worker is sending an e-mail to a
slow SMTP server stops all three cleanly, and the e-mail arrives once."""

import asyncio
import json
import logging
import os
import re
import secrets
import signal
import subprocess
import threading
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

import pytest
import redis
from aiosmtpd.controller import Controller
from django.conf import settings
from django.db import connection, transaction

from core.models import OutgoingEmail
from core.services.mail import email_store
from oco_portal.celery import app as celery_app
from oco_portal.redaction import REDACTED
from tests.services.smtp import SmtpServer, _free_port

pytestmark = pytest.mark.services

STACK_START_TIMEOUT = 180.0
TOKEN = "eyJpIjo0MiwibiI6IjVhYzFmZDk4NzZhYiJ9:Ql8xWb3gT0mLr5nYc2KpZ7vA9sDfE1hJ4uNwXyRz0aQ"
SIGNATURE = TOKEN.split(":")[1]


@dataclass
class SlowSmtpServer(SmtpServer):
    """Takes `delay` seconds to accept a message; `data_started` is set when one begins."""

    delay: float = 5.0
    data_started: threading.Event = field(default_factory=threading.Event)

    async def handle_DATA(self, server, session, envelope):  # noqa: N802
        self.data_started.set()
        await asyncio.sleep(self.delay)
        return await super().handle_DATA(server, session, envelope)


@pytest.fixture
def slow_smtp():
    aiosmtpd_log = logging.getLogger("mail.log")
    level = aiosmtpd_log.level
    aiosmtpd_log.setLevel(logging.WARNING)
    server = SlowSmtpServer()
    for _attempt in range(5):
        server.port = _free_port(server.host)
        controller = Controller(server, hostname=server.host, port=server.port, ready_timeout=10)
        try:
            controller.start()
        except (OSError, RuntimeError):
            continue
        break
    else:
        raise RuntimeError("Could not start the slow SMTP server")
    yield server
    controller.stop()
    aiosmtpd_log.setLevel(level)


def _database_url() -> str:
    """The test database, for the stack's processes."""
    info = connection.settings_dict
    credentials = quote(info["USER"] or "", safe="")
    if info["PASSWORD"]:
        credentials += ":" + quote(info["PASSWORD"], safe="")
    host, port = info["HOST"] or "127.0.0.1", info["PORT"] or 5432
    return f"postgres://{credentials}@{host}:{port}/{quote(info['NAME'], safe='')}"


@dataclass
class Stack:
    process: subprocess.Popen
    log_path: Path
    port: int

    def log(self) -> str:
        return self.log_path.read_text(errors="replace")

    def get(self, path: str) -> tuple[int, dict, bytes]:
        request = urllib.request.Request(
            f"http://127.0.0.1:{self.port}{path}", headers={"X-Forwarded-Proto": "https"}
        )
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, dict(response.headers), response.read()
        except urllib.error.HTTPError as error:
            return error.code, dict(error.headers), error.read()

    def wait_until_ready(self) -> dict:
        """/healthz through gunicorn, once a worker has answered and beat has run."""
        deadline = time.monotonic() + STACK_START_TIMEOUT
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(
                    f"make serve exited with {self.process.returncode}:\n{self.log()}"
                )
            try:
                status, _headers, body = self.get("/healthz")
            except OSError:
                status = 0
            if status == 200:
                health = json.loads(body)
                celery = health["celery"]
                if celery["worker"]["recent"] and celery["beat"]["recent"]:
                    return health
            time.sleep(0.5)
        raise AssertionError(f"The stack was not ready in {STACK_START_TIMEOUT}s:\n{self.log()}")

    def stop(self, *, timeout: float = 90.0) -> int:
        self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=timeout)


@pytest.fixture
def stack(transactional_db, slow_smtp, tmp_path):
    if connection.vendor != "postgresql" or not settings.REDIS_URL:
        pytest.skip(
            "needs PostgreSQL and Redis: set DATABASE_URL=postgres://... and REDIS_URL=redis://... "
            "(CI does); the stack's processes share the test database and the broker"
        )
    port = _free_port("127.0.0.1")
    env = {
        **os.environ,
        "DATABASE_URL": _database_url(),
        "REDIS_URL": settings.REDIS_URL,
        "REDIS_CACHE_URL": settings.REDIS_CACHE_URL,
        "CELERY_QUEUE": settings.CELERY_TASK_DEFAULT_QUEUE,
        "EMAIL_URL": f"smtp://{slow_smtp.host}:{slow_smtp.port}",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "127.0.0.1",
        "SITE_URL": f"http://127.0.0.1:{port}",
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": "1",
        "WEB_THREADS": "2",
        "CELERY_CONCURRENCY": "1",
        "STATIC_ROOT": str(tmp_path / "static"),
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CELERY_BEAT_SCHEDULE_FILE": str(tmp_path / "celerybeat-schedule"),
        "DB_CONN_MAX_AGE": "0",
        "LOG_FORMAT": "",
    }
    log_path = tmp_path / "make-serve.log"
    with log_path.open("wb") as log_file:
        process = subprocess.Popen(
            ["make", "--no-print-directory", "serve"],
            cwd=settings.BASE_DIR,
            env=env,
            stdin=subprocess.DEVNULL,
            stdout=log_file,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    running = Stack(process=process, log_path=log_path, port=port)
    try:
        yield running
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=10)


@pytest.fixture
def publish_to_the_broker():
    """Tasks published here go to the stack's worker, not run in this process."""
    eager = celery_app.conf.task_always_eager
    celery_app.conf.task_always_eager = False
    yield
    celery_app.conf.task_always_eager = eager


def _json_lines(log: str) -> list[dict]:
    return [json.loads(line) for line in log.splitlines() if line.startswith('{"time"')]


def _process_ids(log: str) -> list[int]:
    """supervisord's and the processes it started."""
    started = re.findall(r"supervisord started with pid (\d+)", log)
    spawned = re.findall(r"spawned: '\w+' with pid (\d+)", log)
    assert len(started) == 1
    assert len(spawned) == 3
    return [int(pid) for pid in started + spawned]


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_sigterm_during_a_delivery_stops_the_stack_cleanly_and_sends_the_email_once(
    stack, slow_smtp, publish_to_the_broker
):
    health = stack.wait_until_ready()
    assert health["status"] == "ok"
    assert health["checks"]["broker"]["ok"] is True
    status, headers, _body = stack.get(f"/invitations/{TOKEN}/")
    assert status == 404
    request_id = headers["X-Request-ID"]

    with transaction.atomic():
        email = email_store(
            to="delegate@customs.gov.ws",
            subject="Invitation: regional workshop on risk management",
            body_text="You are invited to the regional workshop in Apia.",
            template="test",
            language="en",
        )
    assert slow_smtp.data_started.wait(timeout=60), stack.log()

    exit_code = stack.stop()  # the message is on the wire: the worker must finish it

    log = stack.log()
    # make passed SIGTERM on to supervisord and waited for it before dying of the signal.
    assert exit_code == -signal.SIGTERM
    assert "received SIGTERM indicating exit request" in log
    for process in ("web", "worker", "beat"):
        assert f"stopped: {process} (exit status 0)" in log, log
    assert not [pid for pid in _process_ids(log) if _alive(pid)]
    assert "Warm shutdown" in log
    (message,) = slow_smtp.messages
    email.refresh_from_db()
    assert email.status == OutgoingEmail.Status.SENT
    assert email.attempts == 1
    assert message.message_id == email.message_id_header
    time.sleep(1)
    assert len(slow_smtp.messages) == 1

    lines = _json_lines(log)
    (sent,) = [
        line
        for line in lines
        if line["logger"] == "celery.app.trace" and "core.outbox_send" in line["message"]
    ]
    assert sent["service"] == "worker"
    assert sent["task"] == "core.outbox_send"
    assert f"core.outbox_send[{sent['task_id']}] succeeded" in sent["message"]
    # The worker acknowledged the task before it stopped: the broker holds nothing to redo.
    broker = redis.Redis.from_url(settings.REDIS_URL)
    assert broker.llen(settings.CELERY_TASK_DEFAULT_QUEUE) == 0
    assert not [entry for entry in broker.hvals("unacked") if sent["task_id"].encode() in entry]
    of_the_request = [line for line in lines if line.get("request_id") == request_id]
    assert {line["logger"] for line in of_the_request} >= {"django.request", "gunicorn.access"}
    assert all(line["service"] == "web" for line in of_the_request)
    access = next(line for line in of_the_request if line["logger"] == "gunicorn.access")
    assert access["path"] == f"/invitations/{REDACTED}/"
    assert SIGNATURE not in log
