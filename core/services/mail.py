"""Writes to the outbox: queue, deliver (claiming the row first), resend, recover."""

import logging
import smtplib
import socket
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import F, Q
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.models import OutgoingAttachment, OutgoingEmail
from core.permissions import require
from core.queue import enqueue, enqueue_on_commit

logger = logging.getLogger(__name__)

# A row left in "sending" longer than a task may run was interrupted mid-delivery.
STALE_SENDING_AFTER = timedelta(seconds=settings.CELERY_TASK_TIME_LIMIT * 2)
# A queued row whose task has not run by then is dispatched again (the claim makes it harmless).
LOST_TASK_AFTER = timedelta(minutes=2)
MAX_BACKOFF_SECONDS = 1800
SEND_TASK = "core.outbox_send"


@dataclass(frozen=True)
class Delivery:
    outcome: str  # "sent", "skipped", "retry" or "failed"
    retry_in: float = 0.0


def _enqueue(email_ids: list[int]) -> None:
    for email_id in email_ids:
        enqueue_on_commit(SEND_TASK, email_id)


def email_render(*, template: str, context: dict, language: str) -> tuple[str, str, str]:
    """Render subject, text and HTML of `templates/emails/<template>/` in `language`."""
    with translation.override(language):
        subject = render_to_string(f"emails/{template}/subject.txt", context)
        body_text = render_to_string(f"emails/{template}/body.txt", context)
        try:
            body_html: str = render_to_string(f"emails/{template}/body.html", context)
        except TemplateDoesNotExist:
            body_html = ""
    return " ".join(subject.split()), body_text, body_html


def email_queue(
    *,
    to: str,
    template: str,
    context: dict,
    language: str = "en",
    user: Any = None,
    attachments: list[tuple[str, bytes, str]] | None = None,
    dispatch: bool = True,
) -> OutgoingEmail:
    """Render an e-mail in the recipient's language and queue it for delivery after commit.
    `attachments` are (file name, content, content type), stored with the row. With
    dispatch=False no task is queued: the caller delivers it (email_deliver_many), and
    outbox_dispatch_pending picks it up if that never happens."""
    subject, body_text, body_html = email_render(
        template=template, context=context, language=language
    )
    return email_store(
        to=to,
        subject=subject,
        body_text=body_text,
        body_html=body_html,
        template=template,
        language=language,
        user=user,
        attachments=attachments,
        dispatch=dispatch,
    )


def email_store(
    *,
    to: str,
    subject: str,
    body_text: str,
    body_html: str = "",
    template: str,
    language: str,
    user: Any = None,
    attachments: list[tuple[str, bytes, str]] | None = None,
    dispatch: bool = True,
) -> OutgoingEmail:
    """Store an already rendered e-mail in the outbox and send it once the transaction commits."""
    with transaction.atomic():
        email = OutgoingEmail.objects.create(
            recipient=to,
            recipient_user=user,
            subject=subject[:300],
            body_text=body_text,
            body_html=body_html,
            template=template,
            language=language,
        )
        OutgoingAttachment.objects.bulk_create(
            OutgoingAttachment(email=email, filename=name, content=content, content_type=kind)
            for name, content, kind in attachments or []
        )
        if dispatch:
            _enqueue([email.id])
    return email


def _is_temporary(error: Exception) -> bool:
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(400 <= code < 500 for code, _msg in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return 400 <= error.smtp_code < 500
    return isinstance(error, (smtplib.SMTPServerDisconnected, ConnectionError, socket.timeout))


def _reply(code: int, message: bytes | str) -> str:
    if isinstance(message, bytes):
        message = message.decode("utf-8", "replace")
    return f"{code} {message}"


def _describe(error: Exception) -> str:
    if isinstance(error, smtplib.SMTPResponseException):
        return _reply(error.smtp_code, error.smtp_error)
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        # A server usually refuses a mailbox at RCPT, before DATA: report its reply, not a repr.
        return "; ".join(_reply(code, message) for code, message in error.recipients.values())
    return f"{type(error).__name__}: {error}"


def _message(email: OutgoingEmail) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=email.subject,
        body=email.body_text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email.recipient],
        headers={"Message-ID": email.message_id_header},
    )
    if email.body_html:
        message.attach_alternative(email.body_html, "text/html")
    for attachment in email.attachments.all():
        message.attach(attachment.filename, bytes(attachment.content), attachment.content_type)
    return message


def email_deliver(*, email_id: int) -> Delivery:
    """Send one queued e-mail.

    The row is claimed (queued → sending) by a single conditional UPDATE, so a second task
    for the same row, on this worker or another, finds nothing to claim and sends nothing.
    A temporary SMTP failure (4xx, a dropped connection) puts the row back in the queue with
    a backoff until OUTBOX_MAX_ATTEMPTS; a permanent one (5xx) marks it failed with its reason.
    """
    email = _claim(email_id)
    if email is None:
        return Delivery("skipped")
    return _send(email, connection=None)


def _claim(email_id: int) -> OutgoingEmail | None:
    claimed = OutgoingEmail.objects.filter(id=email_id, status=OutgoingEmail.Status.QUEUED).update(
        status=OutgoingEmail.Status.SENDING, attempts=F("attempts") + 1, claimed_at=timezone.now()
    )
    return OutgoingEmail.objects.get(id=email_id) if claimed else None


def _send(email: OutgoingEmail, connection) -> Delivery:
    message = _message(email)
    try:
        if connection is None:
            message.send()
        else:
            connection.send_messages([message])
    except Exception as error:  # noqa: BLE001 - every failure is recorded on the row
        return _record_failure(email, error)
    OutgoingEmail.objects.filter(id=email.id).update(
        status=OutgoingEmail.Status.SENT, sent_at=timezone.now(), last_error=""
    )
    return Delivery("sent")


def email_deliver_many(*, email_ids: list[int]) -> dict[str, int]:
    """Send queued e-mails over one SMTP connection (mass mail: invitations). Each row is
    claimed like email_deliver's, so rows another task has taken are skipped; a temporary
    failure hands that row to core.outbox_send with its backoff. Returns the outcomes."""
    outcomes = {"sent": 0, "skipped": 0, "retry": 0, "failed": 0}
    connection = mailers.default
    try:
        for email_id in email_ids:
            email = _claim(email_id)
            if email is None:
                outcomes["skipped"] += 1
                continue
            delivery = _send(email, connection)
            outcomes[delivery.outcome] += 1
            if delivery.outcome == "retry":
                enqueue(SEND_TASK, email.id, countdown=delivery.retry_in)
                connection.close()  # a dropped or refusing session: start the next one afresh
    finally:
        connection.close()
    return outcomes


def _record_failure(email: OutgoingEmail, error: Exception) -> Delivery:
    description = _describe(error)[:2000]
    if _is_temporary(error) and email.attempts < settings.OUTBOX_MAX_ATTEMPTS:
        delay = min(
            settings.OUTBOX_RETRY_BASE_SECONDS * 2 ** (email.attempts - 1), MAX_BACKOFF_SECONDS
        )
        OutgoingEmail.objects.filter(id=email.id).update(
            status=OutgoingEmail.Status.QUEUED,
            last_error=description,
            next_attempt_at=timezone.now() + timedelta(seconds=delay),
        )
        logger.warning("E-mail %s deferred (%s); retry in %ss", email.id, description, delay)
        return Delivery("retry", retry_in=delay)
    OutgoingEmail.objects.filter(id=email.id).update(
        status=OutgoingEmail.Status.FAILED, last_error=description, failed_at=timezone.now()
    )
    logger.error("E-mail %s failed: %s", email.id, description)
    return Delivery("failed")


def email_resend(*, actor: Any, email_id: int) -> OutgoingEmail:
    """Queue again a failed e-mail, or send now one waiting for its next retry (without a
    worker, in development, nothing else would). Anything else is refused; so is an actor
    without core.resend_email (PermissionDenied)."""
    require(actor, "core.resend_email")
    with transaction.atomic():
        requeued = (
            OutgoingEmail.objects.filter(id=email_id)
            .filter(
                Q(status=OutgoingEmail.Status.FAILED)
                | Q(status=OutgoingEmail.Status.QUEUED, next_attempt_at__isnull=False)
            )
            .update(status=OutgoingEmail.Status.QUEUED, attempts=0, next_attempt_at=None)
        )
        if not requeued:
            raise ServiceError(
                _("Only a failed e-mail, or one waiting to be retried, can be sent again.")
            )
        _enqueue([email_id])
    return OutgoingEmail.objects.get(id=email_id)


def outbox_dispatch_pending() -> dict[str, int]:
    """Recover from lost tasks: queue again what waits too long, fail what hangs mid-send.

    A row stuck in "sending" may or may not have reached the server; it is marked failed
    with that explanation rather than sent again, so nobody receives it twice.
    """
    now = timezone.now()
    interrupted = OutgoingEmail.objects.filter(
        status=OutgoingEmail.Status.SENDING, claimed_at__lt=now - STALE_SENDING_AFTER
    ).update(
        status=OutgoingEmail.Status.FAILED,
        failed_at=now,
        last_error="Delivery was interrupted; it may not have arrived. Check, then resend.",
    )
    waiting = list(
        OutgoingEmail.objects.filter(status=OutgoingEmail.Status.QUEUED)
        .filter(
            Q(next_attempt_at__isnull=True, created_at__lt=now - LOST_TASK_AFTER)
            | Q(next_attempt_at__lt=now - LOST_TASK_AFTER)
        )
        .values_list("id", flat=True)[:1000]
    )
    _enqueue(waiting)
    return {"requeued": len(waiting), "interrupted": interrupted}
