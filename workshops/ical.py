"""iCalendar files (RFC 5545): one workshop with its sessions, and a feed of workshops.

A workshop is an all-day event (DTEND is the day after the last day, as the RFC requires);
each session is a timed event in the venue's zone, with that zone's VTIMEZONE included.
UIDs are stable so that importing a file again updates events instead of duplicating them.
"""

import datetime as dt
import logging
from collections.abc import Iterable

from django.conf import settings
from icalendar import Calendar, Event, vDuration

from workshops.models import Session, Workshop

logger = logging.getLogger(__name__)
PRODID = "-//Oceania Customs Organisation//OCO Portal//EN"
UID_DOMAIN = "oco-portal"
# VTIMEZONE rules are written for this margin around the events, which keeps files small.
ZONE_MARGIN = dt.timedelta(days=366)
FEED_REFRESH = dt.timedelta(hours=12)


def _absolute(path: str) -> str:
    return f"{settings.SITE_URL}{path}"


def _status(workshop: Workshop) -> str:
    if workshop.status == Workshop.Status.CANCELLED:
        return "CANCELLED"
    if workshop.status == Workshop.Status.DRAFT:
        return "TENTATIVE"
    return "CONFIRMED"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("name", name)
    calendar.add("x-wr-calname", name)
    return calendar


def workshop_event(workshop: Workshop) -> Event | None:
    """The workshop as an all-day event, or None while it has no dates or has dates a
    calendar cannot hold (the day after 31 December 9999 does not exist)."""
    if not (workshop.start_date and workshop.end_date):
        return None
    try:
        day_after = workshop.end_date + dt.timedelta(days=1)
    except OverflowError:
        logger.warning("Workshop %s left out of a calendar: its dates overflow", workshop.pk)
        return None
    event = Event()
    event.add("uid", f"workshop-{workshop.pk}@{UID_DOMAIN}")
    event.add("dtstamp", workshop.updated_at)
    event.add("last-modified", workshop.updated_at)
    event.add("dtstart", workshop.start_date)
    event.add("dtend", day_after)
    event.add("summary", workshop.display_title)
    if workshop.venue_line:
        event.add("location", workshop.venue_line)
    if workshop.display_description:
        event.add("description", workshop.display_description)
    event.add("url", _absolute(workshop.get_absolute_url()))
    event.add("status", _status(workshop))
    return event


def _session_event(workshop: Workshop, session: Session) -> Event:
    event = Event()
    event.add("uid", f"session-{session.pk}@{UID_DOMAIN}")
    event.add("dtstamp", workshop.updated_at)
    event.add("dtstart", session.starts_at.astimezone(workshop.zone))
    event.add("dtend", session.ends_at.astimezone(workshop.zone))
    event.add("summary", f"{session.display_title} – {workshop.display_title}")
    location = ", ".join(part for part in (session.room, workshop.venue_line) if part)
    if location:
        event.add("location", location)
    facilitators = "; ".join(str(f) for f in session.facilitators.all())
    description = "\n".join(part for part in (session.description, facilitators) if part)
    if description:
        event.add("description", description)
    event.add("url", _absolute(workshop.get_absolute_url()))
    event.add("status", _status(workshop))
    return event


def workshop_calendar(workshop: Workshop) -> bytes:
    """The workshop and its (prefetched) sessions, with the venue's VTIMEZONE."""
    calendar = _calendar(workshop.display_title)
    event = workshop_event(workshop)
    if event is not None:
        calendar.add_component(event)
    sessions = list(workshop.sessions.all())
    for session in sessions:
        calendar.add_component(_session_event(workshop, session))
    if sessions:
        calendar.add_missing_timezones(
            first_date=sessions[0].starts_at.date() - ZONE_MARGIN,
            last_date=sessions[-1].ends_at.date() + ZONE_MARGIN,
        )
    return calendar.to_ical()


def workshops_feed(workshops: Iterable[Workshop], name: str) -> bytes:
    """A feed of workshops, one all-day event each (all-day events need no VTIMEZONE)."""
    calendar = _calendar(name)
    calendar.add("refresh-interval", FEED_REFRESH, parameters={"VALUE": "DURATION"})
    calendar.add("x-published-ttl", vDuration(FEED_REFRESH))
    for workshop in workshops:
        event = workshop_event(workshop)
        if event is not None:
            calendar.add_component(event)
    return calendar.to_ical()
