"""Celery tasks of the portal shell."""

from celery import shared_task

from oco_portal import heartbeat as heartbeats


@shared_task(name=heartbeats.HEARTBEAT_TASK, time_limit=10, soft_time_limit=5, ignore_result=True)
def heartbeat() -> str:
    """Sent by beat every minute: the worker that runs it records that a worker answered.
    Running it twice records the time twice, nothing more."""
    heartbeats.record("worker")
    return "ok"
