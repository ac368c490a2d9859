"""The portal's Celery application; tasks are discovered in each app's tasks.py."""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oco_portal.settings")

app = Celery("oco_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="oco_portal.ping", time_limit=10, soft_time_limit=5)
def ping() -> str:
    """Does nothing: proves a worker is consuming, and is the benchmark's empty task."""
    return "pong"
