"""Celery tasks of the workshops app: invitations and their reminders.

Each takes ids only and is safe to run twice: every invitation is claimed by a conditional
UPDATE before its e-mail is queued. Delivery, with its retries on temporary SMTP failures,
is the outbox's task (members.outbox_send).
"""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from workshops.services import invitations

logger = logging.getLogger(__name__)


# Soft limits sit below hard ones (the project-wide soft limit is above these hard limits).
@shared_task(name="workshops.send_invitations", time_limit=300, soft_time_limit=270)
def send_invitations(invitation_ids: list[int]) -> int:
    """Queue the e-mail of each pending invitation; returns how many were sent now."""
    sent = 0
    for position, invitation_id in enumerate(invitation_ids):
        try:
            sent += invitations.invitation_send(invitation_id=invitation_id)
        except SoftTimeLimitExceeded:
            # The current one rolled back with its transaction: hand it and the rest on.
            rest = list(invitation_ids[position:])
            logger.warning("send_invitations: time is up, %d handed on", len(rest))
            send_invitations.delay(rest)
            break
    return sent


@shared_task(name="workshops.send_invitation_reminders", time_limit=600, soft_time_limit=540)
def send_invitation_reminders() -> int:
    """Beat job: one reminder per unanswered invitation as its deadline nears."""
    return invitations.invitations_remind_due()
