"""Public workshop pages: the list, a workshop's page, its calendar files and its agenda."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from workshops import agenda, ical, selectors

PAGE_SIZE = 20
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def workshop_list(request):
    when = "past" if request.GET.get("when") == "past" else "upcoming"
    queryset = selectors.workshop_list(user=request.user, when=when)
    page = Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "workshops/workshop_list.html", {"page": page, "when": when})


def workshop_detail(request, slug: str):
    workshop = selectors.workshop_detail(user=request.user, slug=slug)
    context = {
        "workshop": workshop,
        "days": agenda.agenda_days(workshop),
        "zone": agenda.zone_description(workshop),
        "documents": selectors.workshop_documents(user=request.user, workshop=workshop),
        "secretariat": selectors.is_secretariat(request.user),
    }
    if context["secretariat"]:
        context["totals"] = selectors.funding_totals(workshop)
    return render(request, "workshops/workshop_detail.html", context)


def workshop_ical(request, slug: str):
    workshop = selectors.workshop_detail(user=request.user, slug=slug)
    return _download(ical.workshop_calendar(workshop), CALENDAR_TYPE, f"{workshop.slug}.ics")


def calendar_feed(request):
    workshops = selectors.calendar_workshops(user=request.user)
    feed = ical.workshops_feed(workshops, name=_("OCO workshops"))
    return _download(feed, CALENDAR_TYPE, "oco-workshops.ics")


def agenda_print(request, slug: str):
    workshop = selectors.workshop_detail(user=request.user, slug=slug)
    context = {
        "workshop": workshop,
        "days": agenda.agenda_days(workshop),
        "zone": agenda.zone_description(workshop),
    }
    return render(request, "workshops/agenda_print.html", context)


def agenda_pdf(request, slug: str):
    workshop = selectors.workshop_detail(user=request.user, slug=slug)
    return _download(agenda.agenda_pdf(workshop), "application/pdf", f"agenda-{workshop.slug}.pdf")
