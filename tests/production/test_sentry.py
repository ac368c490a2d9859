"""Sentry reports errors of the Django and Celery processes when SENTRY_DSN is set, and is off
(nothing initialised, nothing sent) without it."""

import gzip
import json
import os
import subprocess
import sys
import threading
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.conf import settings

from oco_portal.redaction import REDACTED
from oco_portal.sentry import scrub_event

TOKEN = "eyJpIjo0MiwibiI6IjVhYzFmZDk4NzZhYiJ9:Ql8xWb3gT0mLr5nYc2KpZ7vA9sDfE1hJ4uNwXyRz0aQ"
SIGNATURE = TOKEN.split(":")[1]
PROBE = f"""
import django, json, sentry_sdk
django.setup()
client = sentry_sdk.get_client()
print(json.dumps({{"active": client.is_active(), "integrations": sorted(client.integrations)}}))
sentry_sdk.capture_message("Probe from /invitations/{TOKEN}/")
sentry_sdk.flush(timeout=10)
"""


class _Collector(BaseHTTPRequestHandler):
    received: list[bytes]

    def do_POST(self):
        body = self.rfile.read(int(self.headers["Content-Length"]))
        encoding = self.headers.get("Content-Encoding", "")
        if encoding == "gzip":
            body = gzip.decompress(body)
        elif encoding == "deflate":
            body = zlib.decompress(body)
        elif encoding == "br":  # sentry-sdk compresses with Brotli when it is installed
            import brotli

            body = brotli.decompress(body)
        self.received.append(body)
        self.send_response(200)
        self.end_headers()
        self.wfile.write(b"{}")

    def log_message(self, *args):
        pass


@pytest.fixture
def sentry_server():
    """A stand-in for Sentry on loopback that keeps every envelope it is sent."""
    handler = type("Collector", (_Collector,), {"received": []})
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield server, handler.received
    server.shutdown()
    server.server_close()


def _probe(sentry_dsn: str | None) -> dict:
    env = {key: value for key, value in os.environ.items() if not key.startswith("SENTRY_")}
    env["DJANGO_ENV"] = "test"
    if sentry_dsn is not None:
        env["SENTRY_DSN"] = sentry_dsn
    result = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_sentry_dsn_nothing_is_initialised_or_sent(sentry_server):
    _server, received = sentry_server

    state = _probe(None)

    assert state["active"] is False
    assert received == []


def test_with_sentry_dsn_django_and_celery_errors_are_reported_without_secrets(sentry_server):
    server, received = sentry_server
    port = server.server_address[1]

    state = _probe(f"http://publickey@127.0.0.1:{port}/1")

    assert state["active"] is True
    assert {"django", "celery"} <= set(state["integrations"])
    sent = b"".join(received).decode()
    assert "Probe from /invitations/" in sent
    assert REDACTED in sent
    assert SIGNATURE not in sent


def test_events_are_scrubbed_of_tokens_everywhere():
    event = {
        "request": {
            "url": f"https://portal.example/invitations/{TOKEN}/",
            "query_string": f"invitation={TOKEN}&page=2",
            "headers": {"Referer": f"https://portal.example/invitations/{TOKEN}/nominate/"},
        },
        "breadcrumbs": {"values": [{"message": f"Not Found: /invitations/{TOKEN}/"}]},
        "exception": {"values": [{"value": f"Bad link /invitations/{TOKEN}/"}]},
    }

    scrubbed = scrub_event(event, {})

    assert SIGNATURE not in json.dumps(scrubbed)
    assert scrubbed["request"]["query_string"] == f"invitation={REDACTED}&page=2"
