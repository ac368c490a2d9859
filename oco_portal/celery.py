"""The portal's Celery application; tasks are discovered in each app's tasks.py."""

import os

from celery import Celery
from celery.signals import setup_logging

from oco_portal import heartbeat  # noqa: F401 - connects the heartbeat signals

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "oco_portal.settings")

app = Celery("oco_portal")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@setup_logging.connect
def _portal_logging(loglevel=None, **kwargs) -> None:
    """Workers and beat log like the web processes (settings.LOGGING: JSON lines in
    production, with the task id and the id of the request that published the task), at the
    level given by --loglevel."""
    import logging
    from logging.config import dictConfig

    from django.conf import settings

    dictConfig(settings.LOGGING)
    if loglevel:
        logging.getLogger().setLevel(loglevel)


@app.task(name="oco_portal.ping", time_limit=10, soft_time_limit=5)
def ping() -> str:
    """Does nothing: proves a worker is consuming, and is the benchmark's empty task."""
    return "pong"
