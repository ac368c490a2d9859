"""Writes about people: sign-up completion, profile edits and roles granted by the Secretariat."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import ServiceError, refuse_unknown_fields
from core.permissions import require
from members.models import DonorContact, FocalPoint, Organisation, User

PROFILE_FIELDS = (
    "name",
    "title",
    "gender",
    "position",
    "seniority",
    "organisation",
    "preferred_language",
    "time_zone",
)


def user_update_profile(*, user: User, data: dict) -> User:
    """Save the person's own profile fields; roles are never changed here."""
    refuse_unknown_fields(data, set(PROFILE_FIELDS))
    for field, value in data.items():
        setattr(user, field, value)
    user.full_clean(exclude=["password"])
    user.save(update_fields=list(data))
    return user


def user_complete_signup(
    *, user: User, name: str, organisation: Organisation, position: str, language: str
) -> User:
    """A newly signed-up person is a plain delegate of the organisation they chose."""
    user.name = name
    user.organisation = organisation
    user.position = position
    user.preferred_language = language
    user.is_secretariat = False
    user.is_staff = False
    user.save()
    return user


@transaction.atomic
def user_set_roles(
    *,
    actor: User,
    user: User,
    is_secretariat: bool,
    focal_point_of: list[Organisation],
    donor_contact_of: list[Organisation],
) -> User:
    """Grant or withdraw the Secretariat role and the focal-point and donor-contact links.

    Only Secretariat staff may do it, and nobody may withdraw their own Secretariat role
    (so the portal never loses its last administrator by accident).
    """
    require(actor, "members.manage_people")
    if actor.pk == user.pk and user.is_secretariat and not is_secretariat:
        raise ServiceError(_("You cannot withdraw your own Secretariat role."))
    user = User.objects.select_for_update().get(pk=user.pk)
    user.is_secretariat = is_secretariat
    user.save(update_fields=["is_secretariat"])
    _sync_links(FocalPoint, user, focal_point_of)
    _sync_links(DonorContact, user, donor_contact_of)
    return user


def _sync_links(model, user: User, organisations: list[Organisation]) -> None:
    wanted = {organisation.pk for organisation in organisations}
    model.objects.filter(user=user).exclude(organisation_id__in=wanted).delete()
    existing = set(model.objects.filter(user=user).values_list("organisation_id", flat=True))
    model.objects.bulk_create(
        [model(user=user, organisation_id=pk) for pk in sorted(wanted - existing)]
    )
