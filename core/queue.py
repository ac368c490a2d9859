"""Publishing tasks by their stable name, after the transaction commits.

Services name the task they want run (`"core.outbox_send"`) instead of importing the task
module, which imports the services: no import circle, and a task keeps its name wherever its
code moves. Every task takes ids (JSON values) only and is safe to run twice.

A publish that fails because the broker is unreachable does not fail the request that asked
for it: what the task was to do is recorded in the database before (an outbox row, a pending
invitation, a document marked queued), and the beat jobs dispatch what has waited too long.
"""

import logging
from typing import Any

from celery import current_app
from django.db import transaction
from kombu.exceptions import OperationalError

logger = logging.getLogger(__name__)

# A broker that does not answer is given this much before the publish is left to beat.
PUBLISH_RETRY_POLICY = {"max_retries": 1, "interval_start": 0, "interval_step": 0.2}


def task_named(name: str):
    """The registered task called `name`; the apps' task modules are imported on first use."""
    tasks = current_app.tasks
    if name not in tasks:
        current_app.loader.import_default_modules()
    return tasks[name]


def enqueue(name: str, *args: Any, countdown: float | None = None) -> bool:
    """Publish task `name` now. Returns False (and logs) when the broker cannot be reached."""
    task = task_named(name)
    try:
        task.apply_async(args=args, countdown=countdown, retry_policy=PUBLISH_RETRY_POLICY)
    except OperationalError as error:
        logger.warning("Task %s not published (%s); beat will dispatch it", name, error)
        return False
    return True


def enqueue_on_commit(name: str, *args: Any, countdown: float | None = None) -> None:
    """Publish task `name` once the current transaction commits (at once outside one)."""
    transaction.on_commit(lambda: enqueue(name, *args, countdown=countdown))
