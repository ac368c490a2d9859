"""Errors of the web and Celery processes reported to Sentry when SENTRY_DSN is set; without
it, sentry-sdk is never initialised and nothing leaves the machine.

Events carry no personal data (send_default_pii off) and pass through `scrub_event`, which
redacts the secrets of links (invitation tokens, account keys, signed values) as the logs do.
"""

from typing import Any

import sentry_sdk
from sentry_sdk.integrations.celery import CeleryIntegration
from sentry_sdk.integrations.django import DjangoIntegration

from oco_portal.redaction import redact


def sentry_init(
    *, dsn: str, environment: str, release: str = "", traces_sample_rate: float = 0.0
) -> bool:
    """Start reporting to `dsn`; does nothing and returns False when `dsn` is empty."""
    if not dsn:
        return False
    sentry_sdk.init(
        dsn=dsn,
        environment=environment,
        release=release or None,
        integrations=[DjangoIntegration(), CeleryIntegration()],
        send_default_pii=False,
        traces_sample_rate=traces_sample_rate,
        before_send=scrub_event,
        before_send_transaction=scrub_event,
        before_breadcrumb=scrub_breadcrumb,
    )
    return True


def _scrub(value: Any) -> Any:
    if isinstance(value, str):
        return redact(value)
    if isinstance(value, dict):
        return {key: _scrub(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_scrub(item) for item in value]
    return value


def scrub_event(event: dict, hint: dict | None = None) -> dict:
    """The event with every string redacted; a bare query string is read as a query."""
    scrubbed = _scrub(event)
    request = scrubbed.get("request") or {}
    if isinstance(request.get("query_string"), str) and request["query_string"]:
        request["query_string"] = redact("?" + request["query_string"])[1:]
    return scrubbed


def scrub_breadcrumb(crumb: dict, hint: dict | None = None) -> dict:
    return _scrub(crumb)
