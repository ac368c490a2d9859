"""Check-in: who was present on which day of a workshop."""

import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.permissions import require
from members.models import User
from workshops.models import Attendance, Registration, Workshop

# Check-in happens while a workshop runs and, to correct a slip, after it is completed.
CHECK_IN_STATUSES = (Workshop.Status.OPEN, Workshop.Status.CLOSED, Workshop.Status.COMPLETED)


def workshop_days(workshop: Workshop) -> list[dt.date]:
    if not (workshop.start_date and workshop.end_date):
        return []
    count = (workshop.end_date - workshop.start_date).days + 1
    return [workshop.start_date + dt.timedelta(days=n) for n in range(count)]


def venue_today(workshop: Workshop) -> dt.date:
    return timezone.now().astimezone(workshop.zone).date()


def day_has_come(workshop: Workshop, day: dt.date) -> bool:
    """Attendance is recorded for today at the venue and the days before, never ahead."""
    return day <= venue_today(workshop)


def default_day(workshop: Workshop) -> dt.date | None:
    """Today at the venue when the workshop runs, else its first day."""
    days = workshop_days(workshop)
    today = venue_today(workshop)
    if today in days:
        return today
    return days[0] if days else None


@transaction.atomic
def attendance_set(*, actor: User, registration: Registration, day: dt.date, present: bool) -> bool:
    """Mark an approved participant present (or not) on one day of the workshop. Setting
    the state it already has changes nothing, so a repeated tap or form is harmless.
    Returns the new state. Raises ServiceError for a registration that is not approved, a
    day outside the workshop's dates or still ahead at the venue, or a workshop not running."""
    require(actor, "workshops.check_in", registration.workshop)
    registration = (
        Registration.objects.select_for_update().select_related("workshop").get(pk=registration.pk)
    )
    workshop = registration.workshop
    if workshop.status not in CHECK_IN_STATUSES:
        raise ServiceError(_("Attendance can be recorded only for a workshop that takes place."))
    if registration.status != Registration.Status.APPROVED:
        raise ServiceError(_("Only approved participants can be checked in."))
    if day not in workshop_days(workshop):
        raise ServiceError(_("%(day)s is not a day of this workshop.") % {"day": day.isoformat()})
    if not day_has_come(workshop, day):
        raise ServiceError(
            _("%(day)s has not come yet at the venue: attendance is recorded on the day.")
            % {"day": day.isoformat()}
        )
    if present:
        Attendance.objects.get_or_create(
            registration=registration, day=day, defaults={"recorded_by": actor}
        )
    else:
        Attendance.objects.filter(registration=registration, day=day).delete()
    return present


@transaction.atomic
def workshop_set_attendance_rules(
    *, actor: User, workshop: Workshop, share: int, closes_on: dt.date | None
) -> Workshop:
    """The Secretariat sets the share of days that earns a certificate (1-100 %) and the
    last day evaluations are taken (none: open while the workshop is completed). Issued
    certificates stay; "Issue certificates" adds those a lower share now reaches."""
    require(actor, "workshops.plan_workshop")
    if not 1 <= share <= 100:
        raise ServiceError(_("The share of days must be between 1 and 100 %."))
    workshop = Workshop.objects.select_for_update().get(pk=workshop.pk)
    if closes_on and workshop.end_date and closes_on < workshop.end_date:
        raise ServiceError(
            _("Evaluations cannot close before the workshop's last day (%(day)s).")
            % {"day": workshop.end_date.isoformat()}
        )
    workshop.attendance_share_required = share
    workshop.evaluation_closes_on = closes_on
    workshop.save()
    return workshop
