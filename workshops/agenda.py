"""A workshop's agenda: sessions grouped by day in the venue's zone, and its PDF.

The PDF is small, so it is rendered in the request; its bytes are cached under a key built
from everything the PDF shows, so a change to the workshop or its agenda makes a new one.
"""

import datetime as dt
import hashlib
import json
from dataclasses import dataclass

from django.core.cache import cache
from django.utils import timezone
from django.utils.translation import get_language

from core.pdf import render_pdf
from workshops.models import Session, Workshop

PDF_CACHE_SECONDS = 7 * 24 * 3600
# Bumped when templates/pdf/agenda.html or static/css/pdf.css change in a way that matters.
PDF_LAYOUT_VERSION = 1


@dataclass(frozen=True)
class AgendaDay:
    date: dt.date
    sessions: list[Session]


def agenda_days(workshop: Workshop) -> list[AgendaDay]:
    """The (prefetched) sessions grouped by their day at the venue, in order."""
    days: dict[dt.date, list[Session]] = {}
    for session in sorted(workshop.sessions.all(), key=lambda s: (s.starts_at, s.pk)):
        days.setdefault(session.starts_at.astimezone(workshop.zone).date(), []).append(session)
    return [AgendaDay(date=day, sessions=sessions) for day, sessions in days.items()]


def zone_description(workshop: Workshop) -> str:
    """The venue's zone with its abbreviation and offset, e.g. "Asia/Seoul (KST, UTC+09:00)"."""
    if workshop.start_date:
        moment = dt.datetime.combine(workshop.start_date, dt.time(12), tzinfo=workshop.zone)
    else:
        moment = timezone.now().astimezone(workshop.zone)
    offset = moment.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}"
    abbreviation = moment.tzname() or ""
    if abbreviation and not abbreviation.startswith(("+", "-")):
        return f"{workshop.time_zone} ({abbreviation}, {offset})"
    return f"{workshop.time_zone} ({offset})"


def _fingerprint(workshop: Workshop) -> str:
    sessions = [
        [
            session.pk,
            session.title,
            session.title_fr,
            session.starts_at.isoformat(),
            session.ends_at.isoformat(),
            session.room,
            [
                [f.pk, str(f.organisation), str(f.person or ""), f.role]
                for f in session.facilitators.all()
            ],
        ]
        for session in workshop.sessions.all()
    ]
    state = [PDF_LAYOUT_VERSION, workshop.pk, workshop.updated_at.isoformat(), sessions]
    return hashlib.sha256(json.dumps(state).encode()).hexdigest()[:32]


def agenda_pdf(workshop: Workshop) -> bytes:
    """The agenda as PDF bytes, from the cache when nothing it shows has changed."""
    key = f"workshops:agenda-pdf:{workshop.pk}:{get_language()}:{_fingerprint(workshop)}"
    data = cache.get(key)
    if data is None:
        data = render_pdf(
            "pdf/agenda.html",
            {
                "workshop": workshop,
                "days": agenda_days(workshop),
                "zone": zone_description(workshop),
                "generated_on": timezone.now().astimezone(workshop.zone).date(),
            },
        )
        cache.set(key, data, PDF_CACHE_SECONDS)
    return data
