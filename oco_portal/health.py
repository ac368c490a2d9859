"""/healthz: is the portal able to serve? Reports dependencies, never their addresses."""

import time

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache

from core.models import OutgoingEmail
from oco_portal import heartbeat


def _check(probe) -> dict:
    started = time.monotonic()
    try:
        probe()
    except Exception as error:  # noqa: BLE001 - a failing dependency is the answer, not a crash
        return {"ok": False, "error": type(error).__name__}
    return {"ok": True, "ms": round((time.monotonic() - started) * 1000, 1)}


def _database() -> None:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")


def _cache() -> None:
    cache.set("healthz", "1", timeout=10)
    if cache.get("healthz") != "1":
        raise RuntimeError("cache did not keep a value")


def _broker() -> None:
    from oco_portal.celery import app

    with app.connection_for_write() as conn:
        conn.ensure_connection(max_retries=1, timeout=2)


@never_cache
def healthz(request):
    checks = {"database": _check(_database), "cache": _check(_cache)}
    if settings.CELERY_TASK_ALWAYS_EAGER:
        checks["broker"] = {"ok": True, "mode": "in-process"}
    else:
        checks["broker"] = _check(_broker)
    healthy = all(check["ok"] for check in checks.values())
    body = {"status": "ok" if healthy else "unavailable", "checks": checks}
    body["celery"] = heartbeat.status()  # reported, never a cause of 503
    if checks["database"]["ok"]:
        body["outbox"] = {
            "queued": OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED).count(),
            "sending": OutgoingEmail.objects.filter(status=OutgoingEmail.Status.SENDING).count(),
            "failed": OutgoingEmail.objects.filter(status=OutgoingEmail.Status.FAILED).count(),
        }
    return JsonResponse(body, status=200 if healthy else 503)


def ping(request):
    """Liveness only: answers without touching the database, cache or broker."""
    return HttpResponse("ok", content_type="text/plain")
