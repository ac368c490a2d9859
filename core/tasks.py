"""Celery tasks of the ground floor: the outbox and generated documents."""

from celery import shared_task

from core.services import documents, mail


# Each task sets its soft limit below its hard one: the project-wide soft limit (240 s) is above
# these hard limits, and Celery refuses to enqueue a task whose soft limit exceeds its hard one.
@shared_task(
    name="core.outbox_send", bind=True, max_retries=None, time_limit=120, soft_time_limit=100
)
def outbox_send(self, email_id: int) -> str:
    """Deliver one outbox row; safe to run twice (the row is claimed before sending)."""
    delivery = mail.email_deliver(email_id=email_id)
    if delivery.outcome == "retry":
        if self.request.is_eager:
            # In-process, a retry would run at once and its exception would reach the request
            # that queued the e-mail; the row stays queued for outbox_dispatch_pending instead.
            return delivery.outcome
        raise self.retry(countdown=delivery.retry_in)
    return delivery.outcome


@shared_task(name="core.outbox_dispatch_pending", time_limit=120, soft_time_limit=100)
def outbox_dispatch_pending() -> dict[str, int]:
    """Beat job: re-dispatch queued rows whose task was lost; fail rows hung mid-send."""
    return mail.outbox_dispatch_pending()


@shared_task(name="core.build_document", time_limit=180, soft_time_limit=150)
def build_document(document_id: int) -> bool:
    """Build one generated document if what it shows changed; safe to run twice (the file is
    swapped in by a conditional update) and never fails the worker (failures are recorded)."""
    return documents.document_build(document_id=document_id)


@shared_task(name="core.documents_dispatch_pending", time_limit=120, soft_time_limit=100)
def documents_dispatch_pending() -> int:
    """Beat job: publish again the builds whose task was lost."""
    return documents.documents_dispatch_pending()
