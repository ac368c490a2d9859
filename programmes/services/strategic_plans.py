"""Writes of the programmes app: activity status, progress updates, links to workshops."""

from django.db import transaction
from django.utils.translation import gettext as _

from core.errors import ServiceError, refuse_unknown_fields
from core.permissions import require
from members.models import User
from programmes.models import Activity, ProgressUpdate
from workshops.models import Workshop


@transaction.atomic
def activity_update(*, actor: User, activity: Activity, data: dict) -> Activity:
    """Change an activity's status, lead, time frame or notes (Secretariat only)."""
    require(actor, "programmes.manage_programmes")
    allowed = {"status", "lead", "start_year", "end_year", "notes"}
    refuse_unknown_fields(data, allowed)
    start, end = data.get("start_year"), data.get("end_year")
    if start and end and end < start:
        raise ServiceError(_("The last year cannot be before the first year."))
    for field, value in data.items():
        setattr(activity, field, value)
    activity.full_clean()
    activity.save()
    return activity


@transaction.atomic
def progress_update_add(*, actor: User, activity: Activity, date, text: str) -> ProgressUpdate:
    """Record what happened on an activity, dated and signed (Secretariat only)."""
    require(actor, "programmes.manage_programmes")
    if not text.strip():
        raise ServiceError(_("Say what happened."))
    return ProgressUpdate.objects.create(
        activity=activity, date=date, text=text.strip(), author=actor
    )


@transaction.atomic
def activity_link_workshop(
    *, actor: User, activity: Activity, workshop: Workshop, linked: bool
) -> None:
    """Link a workshop to an activity it serves, or unlink it (Secretariat only)."""
    require(actor, "programmes.manage_programmes")
    if linked:
        activity.workshops.add(workshop)
    else:
        activity.workshops.remove(workshop)
