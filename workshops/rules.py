"""Who may do what with workshops, invitations, registrations, attendance and the Customs
Expert database.

Selectors, services, views and templates ask through core.permissions (`may`, `require`,
`{% may %}`); the roles come from members.rules. Every write service of this app checks its
actor against one of these permissions before it changes anything.
"""

import rules

from members.rules import is_focal_point_of, is_secretariat, is_signed_in
from workshops.models import Facilitation, Invitation, Registration, Workshop


@rules.predicate
def is_facilitator_of(user, workshop: Workshop) -> bool:
    """A person named on one of the workshop's facilitations."""
    if workshop is None or not is_signed_in(user):
        return False
    return Facilitation.objects.filter(workshop=workshop, person=user).exists()


@rules.predicate
def is_approved_participant_of(user, workshop: Workshop) -> bool:
    if workshop is None or not is_signed_in(user):
        return False
    return Registration.objects.filter(
        workshop=workshop, person=user, status=Registration.Status.APPROVED
    ).exists()


@rules.predicate
def is_own_registration(user, registration: Registration) -> bool:
    return bool(
        registration is not None and is_signed_in(user) and registration.person_id == user.pk
    )


@rules.predicate
def is_invitation_to_administration(user, invitation: Invitation) -> bool:
    return invitation is not None and invitation.is_for_administration


@rules.predicate
def is_invited_person(user, invitation: Invitation) -> bool:
    return (
        invitation is not None
        and is_signed_in(user)
        and user.email.lower() == invitation.email.lower()
    )


@rules.predicate
def speaks_for_invited_administration(user, invitation: Invitation) -> bool:
    return invitation is not None and is_focal_point_of(user, invitation.organisation_id)


# The Secretariat's work on a workshop: its pages, planning, life cycle, documents.
rules.add_perm("workshops.manage_workshops", is_secretariat)
rules.add_perm("workshops.plan_workshop", is_secretariat)
rules.add_perm("workshops.invite", is_secretariat)
rules.add_perm("workshops.decide_registration", is_secretariat)

# Check-in: the Secretariat and the workshop's own facilitators.
rules.add_perm("workshops.check_in", is_secretariat | is_facilitator_of)
# Participants' material (documents shown to participants).
rules.add_perm(
    "workshops.see_participant_material",
    is_secretariat | is_approved_participant_of | is_facilitator_of,
)


@rules.predicate
def may_register_for(user, workshop: Workshop) -> bool:
    """A public workshop, or one the person was invited to (or registered for before)."""
    if workshop is None or not is_signed_in(user):
        return False
    if workshop.is_public:
        return True
    invited = Invitation.objects.filter(workshop=workshop, email__iexact=user.email)
    registered = Registration.objects.filter(workshop=workshop, person=user)
    return invited.exists() or registered.exists()


# A delegate's own registration, and the evaluation of a workshop they took part in.
rules.add_perm("workshops.register", may_register_for)
rules.add_perm("workshops.change_registration", is_own_registration)
rules.add_perm("workshops.evaluate", is_own_registration)

# An invitation to an administration is answered (nominations, a refusal) by its focal points or
# the Secretariat; its page is theirs too. A named invitation's page is its invitee's.
rules.add_perm(
    "workshops.answer_invitation",
    is_invitation_to_administration & (is_secretariat | speaks_for_invited_administration),
)
rules.add_perm(
    "workshops.view_invitation",
    (is_invitation_to_administration & (is_secretariat | speaks_for_invited_administration))
    | (~is_invitation_to_administration & (is_secretariat | is_invited_person)),
)


# --- The Customs Expert database ----------------------------------------------------------
# Every signed-in person may search it and read the profiles; a profile is changed only by
# the person it describes.


@rules.predicate
def is_the_person(user, person) -> bool:
    """`person` (a User or its id) is the acting user."""
    if person is None or not is_signed_in(user):
        return False
    return user.pk == getattr(person, "pk", person)


rules.add_perm("workshops.view_experts", is_signed_in)
rules.add_perm("workshops.change_expert_profile", is_the_person)
