"""Celery tasks of the members app: the outbox."""

from celery import shared_task

from members.services import outbox


@shared_task(name="members.outbox_send", bind=True, max_retries=None, time_limit=120)
def outbox_send(self, email_id: int) -> str:
    """Deliver one outbox row; safe to run twice (the row is claimed before sending)."""
    delivery = outbox.email_deliver(email_id=email_id)
    if delivery.outcome == "retry":
        raise self.retry(countdown=delivery.retry_in)
    return delivery.outcome


@shared_task(name="members.outbox_dispatch_pending", time_limit=120)
def outbox_dispatch_pending() -> dict[str, int]:
    """Beat job: re-dispatch queued rows whose task was lost; fail rows hung mid-send."""
    return outbox.outbox_dispatch_pending()
