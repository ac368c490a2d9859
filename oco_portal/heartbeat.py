"""Heartbeats of the Celery processes, kept in the cache and reported by /healthz.

Beat sends `oco_portal.heartbeat` every minute. The moment beat publishes one (or starts) is
recorded as beat's last run; a worker that runs it (or becomes ready) records that a worker
answered. Any worker of the portal's queue will do: with several, /healthz says that at
least one answered. A failure to record never stops beat or a worker.
"""

import logging
import time
from datetime import UTC, datetime

from celery.signals import beat_init, before_task_publish, worker_ready
from django.conf import settings
from django.core.cache import cache

logger = logging.getLogger(__name__)

HEARTBEAT_TASK = "oco_portal.heartbeat"
INTERVAL_SECONDS = 60
# Three missed beats: a process silent for longer is reported as not recent.
RECENT_SECONDS = 3 * INTERVAL_SECONDS
KEYS = {"worker": "portal:heartbeat:worker", "beat": "portal:heartbeat:beat"}
LABELS = {"worker": "answered", "beat": "last_run"}
KEEP_SECONDS = 7 * 24 * 3600


def record(process: str, *, at: float | None = None) -> None:
    """Note that `process` ("worker" or "beat") was alive at `at` (now by default)."""
    try:
        cache.set(KEYS[process], at if at is not None else time.time(), timeout=KEEP_SECONDS)
    except Exception:  # a heartbeat must never take its process down
        logger.warning("Could not record the %s heartbeat", process, exc_info=True)


def status(*, now: float | None = None) -> dict:
    """When a worker last answered and when beat last ran, and whether each is recent."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return {"mode": "in-process"}
    now = time.time() if now is None else now
    result = {}
    for process, key in KEYS.items():
        try:
            seen = cache.get(key)
        except Exception:  # noqa: BLE001 - the cache check of /healthz reports the cause
            seen = None
        if seen is None:
            result[process] = {LABELS[process]: None, "recent": False}
            continue
        age = max(0.0, now - float(seen))
        result[process] = {
            LABELS[process]: datetime.fromtimestamp(float(seen), UTC).isoformat(timespec="seconds"),
            "seconds_ago": round(age),
            "recent": age <= RECENT_SECONDS,
        }
    return result


@before_task_publish.connect
def _heartbeat_published(sender=None, **kwargs) -> None:
    if sender == HEARTBEAT_TASK:
        record("beat")


@beat_init.connect
def _beat_started(**kwargs) -> None:
    record("beat")


@worker_ready.connect
def _worker_ready(**kwargs) -> None:
    record("worker")
