"""The portal's logs: one line per event on the console, as JSON in production.

Every line carries the id of the request it belongs to (django-guid sets it, echoes it in the
X-Request-ID response header and hands it on to the tasks the request publishes) and, in a
Celery worker, the id and name of the running task. Secrets of links (invitation tokens,
account keys, signed values) are redacted from every line, whatever logged them.

Used by settings.LOGGING, by the Celery processes (oco_portal.celery) and by gunicorn's
logger (oco_portal.gunicorn_logging); reads no Django setting, so gunicorn's master can use it.
"""

import logging
import os
from datetime import UTC, datetime

from celery import current_task
from django.utils.log import ServerFormatter
from django_guid import get_guid
from pythonjsonlogger.core import RESERVED_ATTRS
from pythonjsonlogger.json import JsonFormatter

from oco_portal.redaction import redact

PLAIN_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
JSON_FIELDS = ["asctime", "levelname", "name", "message", "request_id", "task_id", "task"]
# Record attributes never written: Django's request object (its repr holds the full path,
# already logged, redacted, in the message) and runserver's own timestamp.
NOT_LOGGED = ["request", "server_time"]


def log_format(environ=os.environ) -> str:
    """ "json" or "plain": LOG_FORMAT if set, JSON lines in production, plain text otherwise."""
    chosen = environ.get("LOG_FORMAT", "").strip().lower()
    if chosen in {"json", "plain"}:
        return chosen
    return "json" if environ.get("DJANGO_ENV") == "production" else "plain"


class RequestContextFilter(logging.Filter):
    """Adds request_id, task_id and task (the running Celery task's name) to every record."""

    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = get_guid()
        task = current_task._get_current_object() if current_task else None
        record.task_id = task.request.id if task is not None else None
        record.task = task.name if task is not None else None
        return True


class PlainFormatter(logging.Formatter):
    """Django's usual text lines, with the secrets of links redacted."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class RunserverFormatter(ServerFormatter):
    """runserver's request lines, coloured as Django prints them, with links redacted."""

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


class JsonLinesFormatter(JsonFormatter):
    """One JSON object per line: time (UTC), level, logger, message, request_id, task_id,
    task, service (OCO_SERVICE: web, worker or beat), exc_info and any extra fields."""

    def __init__(self, **kwargs) -> None:
        service = os.environ.get("OCO_SERVICE", "")
        super().__init__(
            JSON_FIELDS,
            rename_fields={"asctime": "time", "levelname": "level", "name": "logger"},
            static_fields={"service": service} if service else None,
            reserved_attrs=[*RESERVED_ATTRS, *NOT_LOGGED],
            **kwargs,
        )

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:  # noqa: N802
        return datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds")

    def format(self, record: logging.LogRecord) -> str:
        return redact(super().format(record))


def logging_config(*, json_lines: bool, level: str = "INFO") -> dict:
    """The dictConfig of every portal process: one console handler, redacted, with context."""
    formatter = "json" if json_lines else "plain"
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "filters": {"context": {"()": "oco_portal.logs.RequestContextFilter"}},
        "formatters": {
            "plain": {"()": "oco_portal.logs.PlainFormatter", "fmt": PLAIN_FORMAT},
            "json": {"()": "oco_portal.logs.JsonLinesFormatter"},
            # runserver's request lines, as Django prints them, but redacted.
            "server": {
                "()": "oco_portal.logs.RunserverFormatter",
                "fmt": "[{server_time}] {message}",
                "style": "{",
            },
        },
        "handlers": {
            "console": {
                "class": "logging.StreamHandler",
                "formatter": formatter,
                "filters": ["context"],
            },
            "server": {
                "class": "logging.StreamHandler",
                "formatter": formatter if json_lines else "server",
                "filters": ["context"],
            },
        },
        "root": {"handlers": ["console"], "level": level},
        "loggers": {
            # Django's own handlers would print its warnings a second time, unredacted.
            "django": {"handlers": [], "level": "INFO", "propagate": True},
            "django.server": {"handlers": ["server"], "level": "INFO", "propagate": False},
            "django.db.backends": {"level": "INFO"},
            # WeasyPrint and fontTools report every rendering step at INFO.
            "weasyprint": {"level": "WARNING"},
            "fontTools": {"level": "WARNING"},
            # django-guid reports every id it sets at INFO.
            "django_guid": {"level": "WARNING"},
        },
    }
