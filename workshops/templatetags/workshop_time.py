"""Instants shown with their zone: the venue's, and the viewer's where it differs."""

import zoneinfo

from django import template
from django.templatetags.tz import do_timezone
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


def _label(value, zone: zoneinfo.ZoneInfo) -> str:
    local = value.astimezone(zone)
    abbreviation = local.tzname() or ""
    offset = local.strftime("%z")
    offset = f"UTC{offset[:3]}:{offset[3:]}" if offset else ""
    name = abbreviation if abbreviation and not abbreviation.startswith(("+", "-")) else offset
    return f"{date_format(local, 'l j F Y, H:i')} {name} ({zone.key})"


@register.simple_tag(takes_context=True)
def instant(context, value, venue_zone: str, plain: bool = False):
    """`{% instant workshop.registration_deadline workshop.time_zone %}`; `plain=True` gives
    the venue's time as bare text, for plain-text e-mails."""
    if value is None:
        return "—"
    venue = zoneinfo.ZoneInfo(venue_zone)
    if plain:
        return _label(value, venue)
    viewer = timezone.get_current_timezone()
    venue_text = _label(value, venue)
    viewer_key = getattr(viewer, "key", None)
    request = context.get("request")
    signed_in = bool(request and request.user.is_authenticated)
    if not signed_in or viewer_key in (None, venue.key):
        return format_html('<span class="instant">{}</span>', venue_text)
    if value.astimezone(viewer).utcoffset() == value.astimezone(venue).utcoffset():
        return format_html('<span class="instant">{}</span>', venue_text)
    return format_html(
        '<span class="instant">{}</span> <span class="instant-viewer text-body-secondary">· {} {}</span>',
        venue_text,
        _("your time:"),
        _label(value, viewer),
    )


@register.filter
def in_zone(value, zone_name: str):
    """The instant converted to a zone, for date/time filters: {{ s.starts_at|in_zone:w.time_zone|time:"H:i" }}.

    Django's date and time filters convert aware datetimes to the active (viewer's) zone
    first; the tz library's `timezone` filter marks its result so they leave it alone."""
    if value is None:
        return None
    return do_timezone(value, zoneinfo.ZoneInfo(zone_name))
