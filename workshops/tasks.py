"""Celery tasks of the workshops app: invitations and their reminders, and what follows the
completion of a workshop (certificates, evaluation requests).

Each takes ids only and is safe to run twice: every invitation is claimed by a conditional
UPDATE before its e-mail is stored, and every e-mail before it is sent. Invitations are
delivered in batches over one SMTP connection; retries of temporary SMTP failures are the
outbox's task (core.outbox_send).
"""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded

from workshops.services import certificates, evaluations, invitations

logger = logging.getLogger(__name__)


# Soft limits sit below hard ones (the project-wide soft limit is above these hard limits).
@shared_task(name="workshops.send_invitations", time_limit=300, soft_time_limit=270)
def send_invitations(invitation_ids: list[int]) -> int:
    """Store the e-mail of each pending invitation, then deliver them over one SMTP
    connection; returns how many invitations were sent now."""
    email_ids: list[int] = []
    for position, invitation_id in enumerate(invitation_ids):
        try:
            email_id = invitations.invitation_send(invitation_id=invitation_id)
        except SoftTimeLimitExceeded:
            # The current one rolled back with its transaction: hand it and the rest on. What
            # is stored but not delivered is sent by outbox_dispatch_pending.
            rest = list(invitation_ids[position:])
            logger.warning("send_invitations: time is up, %d handed on", len(rest))
            send_invitations.delay(rest)
            return len(email_ids)
        if email_id is not None:
            email_ids.append(email_id)
    invitations.invitations_deliver(email_ids=email_ids)
    return len(email_ids)


@shared_task(name="workshops.send_invitation_reminders", time_limit=600, soft_time_limit=540)
def send_invitation_reminders() -> int:
    """Beat job: one reminder per unanswered invitation as its deadline nears."""
    return invitations.invitations_remind_due()


@shared_task(name="workshops.issue_certificates", time_limit=120, soft_time_limit=100)
def issue_certificates(workshop_id: int) -> int:
    """Create the certificates of a completed workshop and ask for each one's PDF (mailed once
    built); returns how many certificates the workshop has."""
    return certificates.certificates_issue(workshop_id=workshop_id)


@shared_task(name="workshops.request_evaluations", time_limit=300, soft_time_limit=270)
def request_evaluations(workshop_id: int) -> int:
    """E-mail the evaluation survey to each approved participant who was not asked yet."""
    return evaluations.evaluation_requests_send(workshop_id=workshop_id)
