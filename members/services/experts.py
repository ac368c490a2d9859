"""Writes about the Customs Expert database: a person's own expert profile."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import ServiceError
from members.models import ExpertProfile, User

EXPERT_FIELDS = (
    "speaks_english",
    "speaks_french",
    "other_languages",
    "availability",
    "availability_notes",
    "summary",
)


@transaction.atomic
def expert_profile_save(*, user: User, data: dict) -> ExpertProfile:
    """Create or update `user`'s own expert profile.

    A profile names at least one area of expertise and at least one working language.
    Raises ServiceError, and saves nothing, when either is missing or a field is unknown.
    """
    data = dict(data)
    areas = list(data.pop("areas", []))
    unknown = set(data) - set(EXPERT_FIELDS)
    if unknown:
        raise ServiceError(
            _("These fields cannot be changed here: %s") % ", ".join(sorted(unknown))
        )
    if not areas:
        raise ServiceError(_("Choose at least one area of expertise."))
    profile = ExpertProfile.objects.select_for_update().filter(user=user).first()
    profile = profile or ExpertProfile(user=user)
    for field, value in data.items():
        setattr(profile, field, value)
    if not (profile.speaks_english or profile.speaks_french or profile.other_languages.strip()):
        raise ServiceError(_("Say in which languages you can work."))
    profile.full_clean()
    profile.save()
    profile.areas.set(areas)
    return profile
