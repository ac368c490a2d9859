"""Check-in for the Secretariat and a workshop's facilitators, and the printable sheet."""

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ServiceError
from core.pdf import render_pdf
from workshops import selectors
from workshops.forms.attendance import AttendanceRulesForm, CheckInFilterForm, CheckInForm
from workshops.services import attendance as services


def _day(workshop, value: dt.date | None) -> dt.date:
    days = services.workshop_days(workshop)
    if not days:
        raise Http404
    return value if value in days else services.default_day(workshop)


@login_required
def check_in(request, slug: str):
    workshop = selectors.check_in_workshop(user=request.user, slug=slug)
    form = CheckInFilterForm(request.GET or None)
    cleaned = form.cleaned_data if form.is_valid() else {}
    day = _day(workshop, cleaned.get("day"))
    search = cleaned.get("q", "")
    participants = selectors.check_in_list(workshop=workshop, day=day, search=search)
    context = {
        "workshop": workshop,
        "day": day,
        "days": services.workshop_days(workshop),
        "search": search,
        "future": not services.day_has_come(workshop, day),
        "participants": participants,
        "present_count": sum(1 for p in participants if p.present),
    }
    return render(request, "workshops/attendance_check_in.html", context)


@login_required
@require_POST
def check_in_mark(request, slug: str, registration_id: int):
    """One tap: set a participant present or absent; with htmx only the row comes back."""
    workshop = selectors.check_in_workshop(user=request.user, slug=slug)
    registration = get_object_or_404(workshop.registrations, pk=registration_id)
    form = CheckInForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a day of the workshop and a state."))
        return _back(request, workshop, None, registration.pk)
    day = form.cleaned_data["day"]
    try:
        services.attendance_set(
            actor=request.user,
            registration=registration,
            day=day,
            present=form.cleaned_data["present"],
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return _back(request, workshop, day, registration.pk)
    if _is_htmx(request):
        return _row(request, workshop, day, registration.pk)
    return _back(request, workshop, day, registration.pk)


def _is_htmx(request) -> bool:
    return request.headers.get("HX-Request") == "true"


def _back(request, workshop, day: dt.date | None, registration_id: int):
    """To the check-in list at the same day, search and row; htmx reloads the whole page
    (HX-Redirect) so that a refusal's message shows."""
    query = {"day": day.isoformat()} if day else {}
    if request.POST.get("q"):
        query["q"] = request.POST["q"]
    base = redirect("workshops:check-in", slug=workshop.slug).url
    url = f"{base}?{urlencode(query)}#p{registration_id}"
    if _is_htmx(request):
        return HttpResponse(status=204, headers={"HX-Redirect": url})
    return redirect(url)


def _row(request, workshop, day: dt.date, registration_id: int):
    """The tapped row, and the day's count swapped out of band, for htmx."""
    participants = list(selectors.check_in_list(workshop=workshop, day=day))
    context = {
        "workshop": workshop,
        "day": day,
        "participant": next(p for p in participants if p.pk == registration_id),
        "present_count": sum(1 for p in participants if p.present),
        "total": len(participants),
        "future": not services.day_has_come(workshop, day),
        "oob": True,
    }
    return render(request, "workshops/attendance_row_htmx.html", context)


@login_required
def attendance_sheet(request, slug: str):
    """A printable sheet of one day, with a column for signatures (PDF)."""
    workshop = selectors.check_in_workshop(user=request.user, slug=slug)
    form = CheckInFilterForm(request.GET or None)
    day = _day(workshop, form.cleaned_data.get("day") if form.is_valid() else None)
    participants = selectors.check_in_list(workshop=workshop, day=day).order_by(
        "organisation__name", "person__name", "id"
    )
    pdf = render_pdf(
        "pdf/attendance_sheet.html",
        {
            "workshop": workshop,
            "day": day,
            "participants": participants,
            "today": timezone.localdate(),
        },
    )
    response = HttpResponse(pdf, content_type="application/pdf")
    name = f"attendance-{workshop.slug}-{day.isoformat()}.pdf"
    response["Content-Disposition"] = f'inline; filename="{name}"'
    return response


@login_required
@require_POST
def attendance_rules(request, pk: int):
    """Secretariat: the share of days for a certificate and the evaluation's closing date."""
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    form = AttendanceRulesForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("workshops:manage-detail", pk=workshop.pk)
    try:
        services.workshop_set_attendance_rules(
            actor=request.user,
            workshop=workshop,
            share=form.cleaned_data["share"],
            closes_on=form.cleaned_data["closes_on"],
        )
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("Certificate and evaluation settings saved."))
    return redirect("workshops:manage-detail", pk=workshop.pk)
