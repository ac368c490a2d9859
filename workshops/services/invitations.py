"""Invitations: their signed links, whom to invite, sending through the outbox, reminders.

A link carries `{"i": id, "n": nonce}` signed (HMAC-SHA256 with the portal's key) under its
own salt; only the 128-bit nonce is stored, so a task can rebuild the link from the id and a
leaked database row alone gives no link. Every send claims its row with a conditional UPDATE
before the e-mail is queued, in the same transaction: a task run twice, or on two workers at
once, queues one e-mail per invitation and one reminder per invitation.
"""

import datetime as dt
import logging
import secrets
from dataclasses import dataclass, field

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.permissions import require
from core.queue import enqueue_on_commit
from core.services.mail import email_deliver_many, email_queue
from members.models import FocalPoint, Organisation, TradeAgreementParty, User
from workshops.models import Invitation, Workshop

logger = logging.getLogger(__name__)

TOKEN_SALT = "workshops.invitation"  # noqa: S105 - a salt, not a secret
PACER_PLUS = "pacer-plus"
# Ids per send task: small enough that a task ends well inside its time limit.
SEND_BATCH_SIZE = 200


class InvalidInvitationLinkError(ServiceError):
    """The link was altered, is unknown or no longer matches its invitation."""


class ClosedInvitationLinkError(ServiceError):
    """The link is genuine but its workshop no longer takes answers."""


# --- Tokens ----------------------------------------------------------------------------------


def new_nonce() -> str:
    return secrets.token_hex(16)


def invitation_token(invitation: Invitation) -> str:
    # A plain Signer, not dumps(): the link of an invitation is the same every time it is
    # written (it expires with the deadline, not with a timestamp of its own).
    return signing.Signer(salt=TOKEN_SALT).sign_object({"i": invitation.pk, "n": invitation.nonce})


def invitation_path(invitation: Invitation) -> str:
    return reverse("workshops:invitation", kwargs={"token": invitation_token(invitation)})


def invitation_link(invitation: Invitation) -> str:
    return settings.SITE_URL + invitation_path(invitation)


def invitation_from_token(token: str) -> Invitation:
    """The invitation a link stands for. Raises InvalidInvitationLinkError for a tampered, unknown
    or superseded link, ClosedInvitationLinkError when its workshop is not open or past its
    deadline (the link expires with the deadline). Changes nothing."""
    try:
        payload = signing.Signer(salt=TOKEN_SALT).unsign_object(token)
        invitation_id, nonce = int(payload["i"]), str(payload["n"])
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        raise InvalidInvitationLinkError(_("This invitation link is not valid.")) from None
    invitation = (
        Invitation.objects.select_related("workshop", "organisation")
        .filter(pk=invitation_id)
        .first()
    )
    if invitation is None or not secrets.compare_digest(invitation.nonce, nonce):
        raise InvalidInvitationLinkError(_("This invitation link is not valid."))
    check_open(invitation.workshop)
    return invitation


def check_open(workshop: Workshop) -> None:
    if workshop.status != Workshop.Status.OPEN:
        raise ClosedInvitationLinkError(_("Registration for this workshop is closed."))
    if workshop.registration_deadline and timezone.now() > workshop.registration_deadline:
        raise ClosedInvitationLinkError(
            _("The registration deadline has passed: this invitation has expired.")
        )


# --- Whom to invite --------------------------------------------------------------------------


@dataclass(frozen=True)
class Person:
    """One individual to invite, as typed in or read from a CSV row (line 0 when typed)."""

    name: str
    email: str
    organisation: str
    line: int = 0


@dataclass
class InvitationReport:
    created: int = 0
    administrations: int = 0
    rejected: list[dict] = field(default_factory=list)

    def reject(self, *, what: str, reason: str, line: int = 0) -> None:
        self.rejected.append({"line": line, "what": what, "reason": reason})


def member_administrations():
    return Organisation.objects.filter(
        kind=Organisation.Kind.CUSTOMS, oco_status=Organisation.OcoStatus.MEMBER
    )


def target_organisations(
    *,
    all_members: bool = False,
    wto_members: bool = False,
    pacer_plus: bool = False,
    organisations=(),
) -> list[Organisation]:
    """The union of the chosen groups, by name. WTO members are member administrations
    that are WTO members; PACER Plus parties are those whose status is "party"."""
    rule = Q(pk__in=[organisation.pk for organisation in organisations])
    if all_members:
        rule |= Q(kind=Organisation.Kind.CUSTOMS, oco_status=Organisation.OcoStatus.MEMBER)
    if wto_members:
        rule |= Q(
            kind=Organisation.Kind.CUSTOMS,
            oco_status=Organisation.OcoStatus.MEMBER,
            is_wto_member=True,
        )
    if pacer_plus:
        parties = TradeAgreementParty.objects.filter(
            agreement__code=PACER_PLUS, status=TradeAgreementParty.Status.PARTY
        ).values("organisation_id")
        rule |= Q(pk__in=parties)
    return list(Organisation.objects.filter(rule).order_by("name"))


def _organisation_index() -> dict[str, Organisation]:
    index: dict[str, Organisation] = {}
    for organisation in Organisation.objects.all():
        for key in (
            organisation.country_iso3,
            organisation.country_iso2,
            organisation.short_name,
            organisation.slug,
            organisation.name,
        ):
            if key:
                index[key.strip().casefold()] = organisation
    return index


def _normalised(email: str) -> str:
    return email.strip().lower()


def _valid_email(email: str) -> bool:
    try:
        validate_email(email)
    except ValidationError:
        return False
    return True


# --- Creating and sending --------------------------------------------------------------------


def _language(email: str, organisation: Organisation | None, users: dict[str, User]) -> str:
    user = users.get(email)
    if user is not None:
        return user.preferred_language
    return organisation.preferred_language if organisation else "en"


class _Batch:
    """Invitations to create in one go, refusing duplicates and those already invited."""

    def __init__(self, workshop: Workshop, actor: User, report: InvitationReport) -> None:
        self.workshop, self.actor, self.report = workshop, actor, report
        self.existing = set(workshop.invitations.values_list("email", flat=True))
        self.rows: dict[str, tuple[str, Organisation | None]] = {}

    def add(self, *, email: str, name: str, organisation, what: str, line: int = 0) -> bool:
        if email in self.existing:
            self.report.reject(what=what, reason=_("already invited"), line=line)
            return False
        if email in self.rows:
            self.report.reject(what=what, reason=_("duplicate"), line=line)
            return False
        self.rows[email] = (name, organisation)
        return True

    def save(self) -> list[int]:
        users = {user.email: user for user in User.objects.filter(email__in=list(self.rows))}
        Invitation.objects.bulk_create(
            [
                Invitation(
                    workshop=self.workshop,
                    organisation=organisation,
                    name=name,
                    email=email,
                    language=_language(email, organisation, users),
                    nonce=new_nonce(),
                    created_by=self.actor,
                )
                for email, (name, organisation) in self.rows.items()
            ],
            ignore_conflicts=True,  # a concurrent request may have invited the same address
        )
        return list(
            Invitation.objects.filter(
                workshop=self.workshop,
                email__in=list(self.rows),
                status=Invitation.Status.PENDING,
                outgoing_email__isnull=True,
            ).values_list("pk", flat=True)
        )


def _add_administrations(batch: _Batch, organisations: list[Organisation]) -> None:
    focal = FocalPoint.objects.filter(organisation__in=organisations).select_related("user")
    by_organisation: dict[int, list[User]] = {}
    for link in focal.order_by("user__email"):
        by_organisation.setdefault(link.organisation_id, []).append(link.user)
    for organisation in organisations:
        people = by_organisation.get(organisation.pk)
        if not people:
            batch.report.reject(what=organisation.name, reason=_("no focal point to invite"))
            continue
        batch.report.administrations += 1
        for user in people:
            what = f"{organisation.name}: {user.email}"
            batch.add(email=_normalised(user.email), name="", organisation=organisation, what=what)


def _add_people(batch: _Batch, people: list[Person]) -> None:
    index = _organisation_index()
    for person in people:
        email = _normalised(person.email)
        what = ", ".join(part for part in (person.name, person.email, person.organisation) if part)
        if not person.name.strip():
            batch.report.reject(what=what, reason=_("name missing"), line=person.line)
            continue
        if not _valid_email(email):
            batch.report.reject(what=what, reason=_("bad e-mail address"), line=person.line)
            continue
        organisation = index.get(person.organisation.strip().casefold())
        if organisation is None:
            batch.report.reject(what=what, reason=_("unknown organisation"), line=person.line)
            continue
        batch.add(
            email=email,
            name=person.name.strip(),
            organisation=organisation,
            what=what,
            line=person.line,
        )


def _enqueue_send(invitation_ids: list[int]) -> None:
    for start in range(0, len(invitation_ids), SEND_BATCH_SIZE):
        enqueue_on_commit(
            "workshops.send_invitations", invitation_ids[start : start + SEND_BATCH_SIZE]
        )


@transaction.atomic
def invitations_create(
    *,
    actor: User,
    workshop: Workshop,
    organisations: list[Organisation] = (),
    people: list[Person] = (),
) -> InvitationReport:
    """Invite administrations (one invitation per focal point's address) and individuals.

    Only an open workshop before its deadline takes invitations (ServiceError otherwise).
    Rows are inserted in bulk; the e-mails are sent by `workshops.send_invitations` tasks
    queued after commit, so the request returns at once. What is refused is reported per row
    (no focal point, bad e-mail, unknown organisation, duplicate, already invited)."""
    require(actor, "workshops.invite")
    check_open(workshop)
    report = InvitationReport()
    batch = _Batch(workshop, actor, report)
    _add_administrations(batch, list(organisations))
    _add_people(batch, list(people))
    if batch.rows:
        ids = batch.save()
        report.created = len(ids)
        _enqueue_send(ids)
    return report


def _email_context(invitation: Invitation) -> dict:
    return {
        "invitation": invitation,
        "workshop": invitation.workshop,
        "organisation": invitation.organisation,
        "link": invitation_link(invitation),
        "site_url": settings.SITE_URL,
    }


def invitation_send(*, invitation_id: int) -> int | None:
    """Claim one pending invitation (pending → sent) and store its e-mail in the outbox, in one
    transaction; returns the e-mail's id for the caller to deliver (invitations_deliver), or
    None when there was nothing to send (already sent, answered, or the workshop no longer
    open). An e-mail stored but never delivered is picked up by outbox_dispatch_pending."""
    with transaction.atomic():
        invitation = (
            Invitation.objects.select_related("workshop", "organisation")
            .filter(pk=invitation_id, status=Invitation.Status.PENDING)
            .first()
        )
        if invitation is None:
            return None
        try:
            check_open(invitation.workshop)
        except ClosedInvitationLinkError:
            return None
        claimed = Invitation.objects.filter(
            pk=invitation_id, status=Invitation.Status.PENDING
        ).update(status=Invitation.Status.SENT)
        if not claimed:
            return None
        email = email_queue(
            to=invitation.email,
            template="invitation",
            context=_email_context(invitation),
            language=invitation.language,
            dispatch=False,
        )
        Invitation.objects.filter(pk=invitation_id).update(outgoing_email=email)
    return email.id


def invitations_deliver(*, email_ids: list[int]) -> dict[str, int]:
    """Deliver a batch of invitation e-mails over one SMTP connection."""
    return email_deliver_many(email_ids=email_ids)


def invitations_due_for_reminder() -> list[int]:
    now = timezone.now()
    soon = now + dt.timedelta(days=settings.INVITATION_REMINDER_DAYS)
    return list(
        Invitation.objects.filter(
            status=Invitation.Status.SENT,
            reminders_sent=0,
            workshop__status=Workshop.Status.OPEN,
            workshop__registration_deadline__gt=now,
            workshop__registration_deadline__lte=soon,
        ).values_list("pk", flat=True)
    )


def invitation_remind(*, invitation_id: int) -> bool:
    """Send the one reminder of an unanswered invitation: claim it (reminders 0 → 1), then
    queue the e-mail, in one transaction. False when it was already reminded or answered."""
    with transaction.atomic():
        claimed = Invitation.objects.filter(
            pk=invitation_id, status=Invitation.Status.SENT, reminders_sent=0
        ).update(reminders_sent=1, last_reminder_at=timezone.now())
        if not claimed:
            return False
        invitation = Invitation.objects.select_related("workshop", "organisation").get(
            pk=invitation_id
        )
        email_queue(
            to=invitation.email,
            template="invitation_reminder",
            context=_email_context(invitation),
            language=invitation.language,
        )
    return True


def invitations_remind_due() -> int:
    return sum(invitation_remind(invitation_id=pk) for pk in invitations_due_for_reminder())
