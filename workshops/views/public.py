"""Filled in by the workshops issue."""

from django.http import Http404


def _todo(request, *args, **kwargs):
    raise Http404


workshop_list = calendar_feed = workshop_detail = workshop_ical = agenda_print = agenda_pdf = _todo
