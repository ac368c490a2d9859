"""Who changed what around a workshop, from django-simple-history's records."""

from core.permissions import require
from members.models import User
from workshops.models import Document, Facilitation, Funding, SeatQuota, Session, Workshop


def _changes(record, previous) -> list[tuple[str, str, str]]:
    if previous is None:
        return []
    changes = []
    for field in record.instance_type._meta.concrete_fields:
        name = field.attname
        if name in {"updated_at", "created_at"} or not hasattr(record, name):
            continue
        old, new = getattr(previous, name), getattr(record, name)
        if old != new:
            changes.append(
                (
                    str(field.verbose_name),
                    "" if old is None else str(old),
                    "" if new is None else str(new),
                )
            )
    return changes


def workshop_history(*, user: User, workshop: Workshop, limit: int = 200) -> list[dict]:
    """Who changed what, newest first: the workshop and everything planned around it.
    One query per kind of record, whatever the number of changes."""
    require(user, "workshops.manage_workshops")
    sources = [
        Workshop.history.filter(id=workshop.pk),
        Funding.history.filter(workshop_id=workshop.pk),
        Facilitation.history.filter(workshop_id=workshop.pk),
        Session.history.filter(workshop_id=workshop.pk),
        Document.history.filter(workshop_id=workshop.pk),
        SeatQuota.history.filter(workshop_id=workshop.pk),
    ]
    entries = []
    for source in sources:
        records = list(
            source.select_related("history_user").order_by("history_date", "history_id")[:limit]
        )
        previous_by_object: dict[int, object] = {}
        for record in records:
            previous = previous_by_object.get(record.id)
            entries.append(
                {
                    "when": record.history_date,
                    "who": record.history_user,
                    "kind": record.instance_type._meta.verbose_name,
                    "object": str(record.instance),
                    "action": record.get_history_type_display(),
                    "changes": _changes(record, previous) if record.history_type == "~" else [],
                }
            )
            previous_by_object[record.id] = record
    entries.sort(key=lambda entry: entry["when"], reverse=True)
    return entries[:limit]
