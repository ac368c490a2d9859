"""Public workshop pages: the list, a workshop's page, its calendar files and its agenda."""

from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from core.permissions import may
from workshops import agenda, ical, public_cache, selectors

PAGE_SIZE = 20
CALENDAR_TYPE = "text/calendar; charset=utf-8"


def _download(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    return response


def workshop_list(request):
    when = "past" if request.GET.get("when") == "past" else "upcoming"
    number = request.GET.get("page", "1")[:6]

    def build() -> str:
        queryset = selectors.workshop_list(user=request.user, when=when)
        page = Paginator(queryset, PAGE_SIZE).get_page(number)
        context = {"page": page, "when": when}
        return render_to_string("workshops/_workshop_list_body.html", context, request)

    body = public_cache.fragment(request, ("list", when, number), build)
    return render(request, "workshops/workshop_list.html", {"when": when, "body": body})


def workshop_detail(request, slug: str):
    def build() -> dict:
        workshop = selectors.workshop_detail(user=request.user, slug=slug)
        context = {
            "workshop": workshop,
            "days": agenda.agenda_days(workshop),
            "zone": agenda.zone_description(workshop),
            "documents": selectors.workshop_documents(user=request.user, workshop=workshop),
            "secretariat": may(request.user, "workshops.manage_workshops"),
        }
        if context["secretariat"]:
            context["totals"] = selectors.funding_totals(workshop)
        html = render_to_string("workshops/_workshop_detail_body.html", context, request)
        return {"title": workshop.display_title, "html": html}

    page = public_cache.fragment(request, ("workshop", slug), build)
    return render(request, "workshops/workshop_detail.html", page)


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
