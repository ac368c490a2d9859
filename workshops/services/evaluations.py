"""The post-workshop evaluation: asked once by e-mail, answered once, editable until it
closes."""

import datetime as dt

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ServiceError, refuse_unknown_fields
from core.permissions import require
from core.services.mail import email_queue
from members.models import User
from workshops.models import Evaluation, EvaluationRequest, Registration, Workshop
from workshops.models.attendance import EVALUATION_QUESTIONS

ANSWER_FIELDS = (*EVALUATION_QUESTIONS, "will_apply", "comments")
# When the Secretariat has not set a closing date, answers are taken this long after completion.
DEFAULT_OPEN_DAYS = 30


def evaluation_is_open(workshop: Workshop) -> bool:
    """A completed workshop takes answers until the end of its closing date at the venue."""
    if workshop.status != Workshop.Status.COMPLETED:
        return False
    if workshop.evaluation_closes_on is None:
        return True
    return timezone.now().astimezone(workshop.zone).date() <= workshop.evaluation_closes_on


def default_closing_date(workshop: Workshop) -> dt.date:
    return timezone.now().astimezone(workshop.zone).date() + dt.timedelta(days=DEFAULT_OPEN_DAYS)


def _check_can_answer(*, actor: User, registration: Registration) -> None:
    if registration.person_id != actor.pk or registration.status != Registration.Status.APPROVED:
        raise ServiceError(_("Only approved participants can evaluate this workshop."))
    workshop = registration.workshop
    if workshop.status != Workshop.Status.COMPLETED:
        raise ServiceError(_("The evaluation opens when the workshop is completed."))
    if not evaluation_is_open(workshop):
        raise ServiceError(
            _("The evaluation closed on %(date)s: answers can no longer be given or changed.")
            % {"date": workshop.evaluation_closes_on.isoformat()}
        )


def _clean(data: dict) -> dict:
    refuse_unknown_fields(data, set(ANSWER_FIELDS))
    answers = dict(data)
    for question in EVALUATION_QUESTIONS:
        if answers.get(question) not in (1, 2, 3, 4, 5):
            raise ServiceError(_("Give each rating from 1 to 5."))
    return answers


@transaction.atomic
def evaluation_submit(*, actor: User, registration: Registration, data: dict) -> Evaluation:
    """The participant's one answer. Raises ServiceError if they already answered (they
    edit it instead), are not an approved participant, or the evaluation is not open."""
    require(actor, "workshops.evaluate", registration)
    _check_can_answer(actor=actor, registration=registration)
    answers = _clean(data)
    try:
        with transaction.atomic():
            return Evaluation.objects.create(registration=registration, **answers)
    except IntegrityError:
        raise ServiceError(
            _("You have already evaluated this workshop: change your answer instead.")
        ) from None


@transaction.atomic
def evaluation_update(*, actor: User, evaluation: Evaluation, data: dict) -> Evaluation:
    """Change an answer until the evaluation closes. Raises ServiceError after."""
    require(actor, "workshops.evaluate", evaluation.registration)
    evaluation = (
        Evaluation.objects.select_for_update()
        .select_related("registration__workshop")
        .get(pk=evaluation.pk)
    )
    _check_can_answer(actor=actor, registration=evaluation.registration)
    for field, value in _clean(data).items():
        setattr(evaluation, field, value)
    evaluation.save()
    return evaluation


def evaluation_request_send(*, registration_id: int) -> bool:
    """E-mail one approved participant the link to the survey, once: the request row is
    inserted first (unique per registration) in the same transaction as the outbox row, so a
    second run inserts nothing and mails nothing. Returns whether an e-mail was queued."""
    registration = (
        Registration.objects.select_related("person", "workshop")
        .filter(pk=registration_id, status=Registration.Status.APPROVED)
        .first()
    )
    if registration is None or not evaluation_is_open(registration.workshop):
        return False
    with transaction.atomic():
        request, created = EvaluationRequest.objects.get_or_create(registration=registration)
        if not created:
            return False
        person, workshop = registration.person, registration.workshop
        request.outgoing_email = email_queue(
            to=person.email,
            template="evaluation_invitation",
            context={
                "person": person,
                "workshop": workshop,
                "url": settings.SITE_URL
                + reverse("workshops:evaluation", kwargs={"slug": workshop.slug}),
            },
            language=person.preferred_language or "en",
            user=person,
        )
        request.save(update_fields=["outgoing_email"])
    return True


def evaluation_requests_send(*, workshop_id: int) -> int:
    """Ask every approved participant of a completed workshop; returns how many were mailed."""
    ids = Registration.objects.filter(
        workshop_id=workshop_id,
        workshop__status=Workshop.Status.COMPLETED,
        status=Registration.Status.APPROVED,
        evaluation_request__isnull=True,
    ).values_list("pk", flat=True)
    return sum(evaluation_request_send(registration_id=pk) for pk in list(ids))


def evaluation_save(*, actor: User, registration: Registration, data: dict) -> Evaluation:
    """The participant's answer: the first one submitted, later ones changing it (both while
    the evaluation is open)."""
    evaluation = Evaluation.objects.filter(registration=registration).first()
    if evaluation is None:
        return evaluation_submit(actor=actor, registration=registration, data=data)
    return evaluation_update(actor=actor, evaluation=evaluation, data=data)
