"""/healthz also says when a Celery worker last answered and when beat last ran."""

import time
from io import StringIO

import pytest
from celery.signals import beat_init, before_task_publish, worker_ready
from django.core.cache import cache
from django.core.management import CommandError, call_command

from oco_portal import heartbeat
from tests.tasks import run_task_twice

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_a_broker(settings):
    """As with REDIS_URL set: tasks go to workers, so their heartbeats matter."""
    settings.CELERY_TASK_ALWAYS_EAGER = False


def test_in_process_tasks_have_no_worker_to_report(client, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = True
    body = client.get("/healthz").json()
    assert body["celery"] == {"mode": "in-process"}
    assert set(body["checks"]) == {"database", "cache", "broker"}


def test_a_worker_and_beat_never_seen_are_reported_without_failing_the_web(client, with_a_broker):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json()["celery"] == {
        "worker": {"answered": None, "recent": False},
        "beat": {"last_run": None, "recent": False},
    }


def test_recent_and_stale_heartbeats(client, with_a_broker):
    now = time.time()
    heartbeat.record("worker", at=now - 30)
    heartbeat.record("beat", at=now - heartbeat.RECENT_SECONDS - 60)

    celery = client.get("/healthz").json()["celery"]

    assert celery["worker"]["recent"] is True
    assert 29 <= celery["worker"]["seconds_ago"] <= 35
    assert celery["worker"]["answered"].endswith("+00:00")
    assert celery["beat"]["recent"] is False
    assert celery["beat"]["seconds_ago"] >= heartbeat.RECENT_SECONDS + 60


def test_the_heartbeat_task_records_that_a_worker_answered_and_is_safe_twice(with_a_broker):
    assert run_task_twice(heartbeat.HEARTBEAT_TASK) == ("ok", "ok")
    assert heartbeat.status()["worker"]["recent"] is True
    assert heartbeat.status()["beat"]["recent"] is False


def test_beat_publishing_the_heartbeat_records_its_run(with_a_broker):
    before_task_publish.send(sender="core.outbox_send", body=(), headers={})
    assert cache.get(heartbeat.KEYS["beat"]) is None

    before_task_publish.send(sender=heartbeat.HEARTBEAT_TASK, body=(), headers={})

    assert heartbeat.status()["beat"]["recent"] is True
    assert heartbeat.status()["worker"]["recent"] is False


def test_beat_and_a_worker_starting_count_as_heartbeats(with_a_broker):
    beat_init.send(sender=None)
    worker_ready.send(sender=None)
    assert heartbeat.status()["beat"]["recent"] is True
    assert heartbeat.status()["worker"]["recent"] is True


def test_beat_sends_the_heartbeat_every_minute(settings):
    entry = settings.CELERY_BEAT_SCHEDULE["portal-heartbeat"]
    assert entry["task"] == heartbeat.HEARTBEAT_TASK
    assert entry["schedule"] == heartbeat.INTERVAL_SECONDS
    assert entry["options"]["expires"] < heartbeat.INTERVAL_SECONDS


def test_the_health_command_of_the_beat_container(with_a_broker):
    with pytest.raises(CommandError, match="No beat heartbeat in the last three minutes"):
        call_command("celery_heartbeat", "beat")
    heartbeat.record("beat")
    out = StringIO()
    call_command("celery_heartbeat", "beat", stdout=out)
    assert out.getvalue().startswith("beat: ")


def test_a_cache_that_fails_never_stops_a_heartbeat(monkeypatch, with_a_broker):
    def broken(*args, **kwargs):
        raise ConnectionError("redis is down")

    monkeypatch.setattr(cache, "set", broken)
    heartbeat.record("worker")  # logged, not raised
