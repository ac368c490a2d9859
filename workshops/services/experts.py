"""Writes about the Customs Expert database: a person's own expert profile."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import ServiceError, refuse_unknown_fields
from core.permissions import require
from members.models import User
from workshops.models import ExpertProfile

EXPERT_FIELDS = (
    "speaks_english",
    "speaks_french",
    "other_languages",
    "availability",
    "availability_notes",
    "summary",
)


@transaction.atomic
def expert_profile_save(*, actor: User, person: User, data: dict) -> ExpertProfile:
    """Create or update `person`'s expert profile; only the person themselves may.

    A profile names at least one area of expertise and at least one working language.
    Raises NotPermitted when `actor` is not `person`, and ServiceError, saving nothing, when
    an area or a language is missing or a field is unknown.
    """
    require(actor, "workshops.change_expert_profile", person)
    data = dict(data)
    areas = list(data.pop("areas", []))
    refuse_unknown_fields(data, set(EXPERT_FIELDS))
    if not areas:
        raise ServiceError(_("Choose at least one area of expertise."))
    profile = ExpertProfile.objects.select_for_update().filter(user=person).first()
    profile = profile or ExpertProfile(user=person)
    for field, value in data.items():
        setattr(profile, field, value)
    if not (profile.speaks_english or profile.speaks_french or profile.other_languages.strip()):
        raise ServiceError(_("Say in which languages you can work."))
    profile.full_clean()
    profile.save()
    profile.areas.set(areas)
    return profile
