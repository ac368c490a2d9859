"""Who may do what in the members app, and the roles every other app's rules build on.

Roles: Secretariat staff (`is_secretariat`), focal points of an administration and donor
contacts of an organisation (links kept in FocalPoint and DonorContact), and every signed-in
person. See core.permissions for how the portal asks.
"""

import rules


@rules.predicate
def is_signed_in(user) -> bool:
    return bool(user and user.is_authenticated)


@rules.predicate
def is_secretariat(user) -> bool:
    return bool(user and user.is_authenticated and user.is_secretariat)


@rules.predicate
def is_focal_point_of(user, organisation) -> bool:
    """Focal point of `organisation` (an Organisation or its id)."""
    if organisation is None or not is_signed_in(user):
        return False
    organisation_id = getattr(organisation, "pk", organisation)
    return user.focal_points.filter(organisation_id=organisation_id).exists()


@rules.predicate
def is_donor_contact_of(user, organisation) -> bool:
    """Donor contact of `organisation` (an Organisation or its id)."""
    if organisation is None or not is_signed_in(user):
        return False
    organisation_id = getattr(organisation, "pk", organisation)
    return user.donor_contacts.filter(organisation_id=organisation_id).exists()


# The ground floor's own permissions are granted here, where the roles are known.
rules.add_perm("core.view_outbox", is_secretariat)
rules.add_perm("core.resend_email", is_secretariat)

rules.add_perm("members.view_directory", is_signed_in)
rules.add_perm("members.manage_people", is_secretariat)
