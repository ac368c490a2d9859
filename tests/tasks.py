"""Running Celery tasks in tests as a worker would."""

import json
from typing import Any

from core.queue import task_named


def run_task_twice(name: str, *args: Any) -> tuple[Any, Any]:
    """Run task `name` twice in this process, its arguments round-tripped through JSON as the
    broker carries them; returns both results. A task safe to run twice changes nothing the
    second time, which the caller asserts."""
    task = task_named(name)
    payload = json.loads(json.dumps(list(args)))
    first = task.apply(args=payload, throw=True).get()
    second = task.apply(args=json.loads(json.dumps(list(args))), throw=True).get()
    return first, second


def run_task_once(name: str, *args: Any) -> Any:
    """Run task `name` once in this process, its arguments round-tripped through JSON."""
    return task_named(name).apply(args=json.loads(json.dumps(list(args))), throw=True).get()
