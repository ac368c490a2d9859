"""Log lines: JSON objects carrying the id of their request (and the task id in Celery), and
never an invitation token, an account key or a signed link."""

import io
import json
import logging
import os
import runpy
import subprocess
import sys
import uuid
from datetime import timedelta
from types import SimpleNamespace

import pytest
from django.conf import settings
from gunicorn.config import Config

from oco_portal.celery import app as celery_app
from oco_portal.gunicorn_logging import PortalLogger
from oco_portal.logs import JsonLinesFormatter, PlainFormatter, RequestContextFilter
from oco_portal.redaction import REDACTED, redact
from tests.workshops.factories import OpenWorkshopFactory
from workshops.models import Invitation
from workshops.services import invitations

# What invitation_token() makes: a signed JSON payload, "value:signature".
TOKEN = "eyJpIjo0MiwibiI6IjVhYzFmZDk4NzZhYiJ9:Ql8xWb3gT0mLr5nYc2KpZ7vA9sDfE1hJ4uNwXyRz0aQ"
SIGNATURE = TOKEN.split(":")[1]


@pytest.fixture
def json_lines():
    """The JSON lines the root logger writes during the test, through the portal's formatter
    and filter (those of settings.LOGGING in production)."""
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.setFormatter(JsonLinesFormatter())
    handler.addFilter(RequestContextFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    yield lambda: [json.loads(line) for line in stream.getvalue().splitlines()]
    root.removeHandler(handler)


@pytest.mark.parametrize(
    "text",
    [
        f"GET /invitations/{TOKEN}/ HTTP/1.1",
        f"Not Found: /invitations/{TOKEN}/nominate/",
        f"/accounts/login/?next=%2Finvitations%2F{TOKEN.replace(':', '%3A')}%2F",
        f"/workshops/risk/register/?invitation={TOKEN}",
        f"https://portal.example/workshops/risk/register/?invitation={TOKEN.replace(':', '%3A')}",
        f"/accounts/password/reset/key/2-c8x7a9-{SIGNATURE}/",
        f"/accounts/confirm-email/{SIGNATURE.lower()}/",
        f"/somewhere/?token={SIGNATURE}&page=2",
    ],
)
def test_secrets_of_links_are_redacted(text):
    redacted = redact(text)
    assert SIGNATURE not in redacted
    assert SIGNATURE.lower() not in redacted
    assert REDACTED in redacted


def test_ordinary_paths_are_left_alone():
    for path in ("/manage/workshops/3/invitations/progress/", "/workshops/?page=2", "/healthz"):
        assert redact(path) == path


@pytest.mark.django_db
def test_every_line_of_a_request_carries_its_id_and_no_token(client, json_lines):
    response = client.get(f"/invitations/{TOKEN}/")

    assert response.status_code == 404
    request_id = response["X-Request-ID"]
    lines = json_lines()
    warning = next(line for line in lines if line["logger"] == "django.request")
    assert warning["level"] == "WARNING"
    assert warning["message"] == f"Not Found: /invitations/{REDACTED}/"
    assert {line["request_id"] for line in lines} == {request_id}
    assert {"time", "level", "logger", "message", "task_id"} <= set(warning)
    assert SIGNATURE not in json.dumps(lines)


@pytest.mark.django_db
def test_a_real_invitation_token_never_reaches_the_logs(client, json_lines):
    invitation = Invitation.objects.create(
        workshop=OpenWorkshopFactory(),
        email="delegate@customs.gov.to",
        nonce=invitations.new_nonce(),
        status=Invitation.Status.SENT,
    )
    token = invitations.invitation_token(invitation)
    logging.getLogger("workshops").warning(
        "Link opened: %s", invitations.invitation_link(invitation)
    )
    client.get(f"/invitations/{token}/decline/")  # signed out: a redirect to sign in

    written = json.dumps(json_lines())
    assert token.split(":")[1] not in written
    assert REDACTED in written


@pytest.mark.django_db
def test_the_request_id_of_the_proxy_is_kept_and_a_malformed_one_replaced(client):
    from_proxy = uuid.uuid4().hex
    assert client.get("/ping", HTTP_X_REQUEST_ID=from_proxy)["X-Request-ID"] == from_proxy

    replaced = client.get("/ping", HTTP_X_REQUEST_ID="<script>")["X-Request-ID"]
    assert replaced != "<script>"
    assert uuid.UUID(replaced)


@celery_app.task(name="tests.production.log_inside_a_task")
def _log_inside_a_task() -> None:
    logging.getLogger("tests.production").warning("inside the task")


def test_lines_logged_by_a_task_carry_its_id_and_name(json_lines):
    _log_inside_a_task.apply(task_id="task-2026-0001")

    (line,) = [line for line in json_lines() if line["message"] == "inside the task"]
    assert line["task_id"] == "task-2026-0001"
    assert line["task"] == "tests.production.log_inside_a_task"


def test_outside_a_task_and_a_request_the_ids_are_empty(json_lines):
    logging.getLogger("tests.production").warning("on its own")

    (line,) = json_lines()
    assert line["request_id"] is None
    assert line["task_id"] is None


def test_plain_lines_are_redacted_too():
    record = logging.LogRecord(
        "django.request",
        logging.WARNING,
        __file__,
        1,
        "Gone: %s",
        (f"/invitations/{TOKEN}/",),
        None,
    )
    assert PlainFormatter("%(message)s").format(record) == f"Gone: /invitations/{REDACTED}/"


def test_production_logs_are_json_lines_from_the_settings():
    """The real settings in production: one JSON object per line, redacted."""
    env = {
        **os.environ,
        "DJANGO_ENV": "production",
        "SECRET_KEY": "x" * 30 + "abcdefghijklmnopqrstuvwxyz",
        "ALLOWED_HOSTS": "portal.example",
        "LOG_FORMAT": "",
        "OCO_SERVICE": "worker",
    }
    script = (
        "import django, logging; django.setup(); "
        f"logging.getLogger('workshops').warning('Opened /invitations/{TOKEN}/')"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    (line,) = [json.loads(text) for text in result.stderr.splitlines() if text.startswith("{")]
    assert line["message"] == f"Opened /invitations/{REDACTED}/"
    assert line["logger"] == "workshops"
    assert line["level"] == "WARNING"
    assert line["service"] == "worker"


# --- gunicorn's access log -------------------------------------------------------------------


def _access(logger: PortalLogger, path: str, query: str = "") -> None:
    raw_uri = path + (f"?{query}" if query else "")
    environ = {
        "REQUEST_METHOD": "GET",
        "RAW_URI": raw_uri,
        "SERVER_PROTOCOL": "HTTP/1.1",
        "PATH_INFO": path,
        "QUERY_STRING": query,
        "REMOTE_ADDR": "127.0.0.1",
        "HTTP_REFERER": f"https://portal.example/invitations/{TOKEN}/",
        "HTTP_USER_AGENT": "Firefox",
    }
    response = SimpleNamespace(
        status="404 Not Found",
        sent=512,
        headers=[("X-Request-ID", "3f2a9c0d1e6b4a7f8c5d2e1f0a9b8c7d")],
    )
    request = SimpleNamespace(
        headers=[("HOST", "portal.example"), ("REFERER", environ["HTTP_REFERER"])]
    )
    logger.access(response, request, environ, timedelta(milliseconds=42))


def _gunicorn_logger() -> PortalLogger:
    config = Config()
    config.set("accesslog", "-")
    config.set("errorlog", "-")
    return PortalLogger(config)


def test_gunicorn_access_lines_are_json_with_the_request_id_and_no_token(monkeypatch, capsys):
    monkeypatch.setenv("LOG_FORMAT", "json")
    logger = _gunicorn_logger()

    _access(logger, f"/invitations/{TOKEN}/", f"next=%2Fx%2F&s={TOKEN}")

    output = capsys.readouterr().out
    assert SIGNATURE not in output
    line = json.loads(output.strip().splitlines()[-1])
    assert line["logger"] == "gunicorn.access"
    assert line["path"] == f"/invitations/{REDACTED}/?next=%2Fx%2F&s={REDACTED}"
    assert line["referer"] == f"https://portal.example/invitations/{REDACTED}/"
    assert line["status"] == 404
    assert line["request_id"] == "3f2a9c0d1e6b4a7f8c5d2e1f0a9b8c7d"
    assert line["duration_ms"] == 42.0


def test_gunicorn_text_access_lines_are_redacted_too(monkeypatch, capsys):
    monkeypatch.setenv("LOG_FORMAT", "plain")
    conf = runpy.run_path(str(settings.BASE_DIR / "gunicorn.conf.py"))
    logger = _gunicorn_logger()
    logger.cfg.set("access_log_format", conf["access_log_format"])

    _access(logger, f"/invitations/{TOKEN}/")

    output = capsys.readouterr().out
    assert SIGNATURE not in output
    assert f'"GET /invitations/{REDACTED}/ HTTP/1.1" 404 512' in output
    assert output.rstrip().endswith("3f2a9c0d1e6b4a7f8c5d2e1f0a9b8c7d")
