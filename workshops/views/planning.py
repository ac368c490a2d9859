"""The Secretariat's planning pages: funding, facilitators, seats per administration, agenda.
Anyone else gets 404 (from the selectors); every change goes through one planning service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.errors import ServiceError
from workshops import selectors
from workshops.forms.planning import FacilitationForm, FundingForm, SeatsForm, SessionForm
from workshops.models import Funding, Session, Workshop
from workshops.services import planning as services


def _to_workshop(workshop: Workshop):
    return redirect("workshops:manage-detail", pk=workshop.pk)


def _confirm_delete(request, template: str, context: dict, delete, done: str):
    """GET asks for confirmation; POST deletes, or shows why it could not."""
    if request.method == "POST":
        try:
            delete()
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, done)
            return _to_workshop(context["workshop"])
    return render(request, template, context)


# --- Funding ---------------------------------------------------------------------------------


@login_required
def funding_create(request, pk: int):
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    return _funding_form(request, workshop, None)


@login_required
def funding_edit(request, funding_id: int):
    funding = selectors.manage_funding(user=request.user, funding_id=funding_id)
    return _funding_form(request, funding.workshop, funding)


def _funding_form(request, workshop: Workshop, funding: Funding | None):
    form = FundingForm(request.POST or None, instance=funding or Funding(workshop=workshop))
    if request.method == "POST" and form.is_valid():
        try:
            services.funding_save(
                actor=request.user, workshop=workshop, funding=funding, data=form.service_data()
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The funding was saved."))
            return _to_workshop(workshop)
    context = {"workshop": workshop, "funding": funding, "form": form}
    return render(request, "workshops/funding_form.html", context)


@login_required
def funding_delete(request, funding_id: int):
    funding = selectors.manage_funding(user=request.user, funding_id=funding_id)
    return _confirm_delete(
        request,
        "workshops/funding_confirm_delete.html",
        {
            "workshop": funding.workshop,
            "funding": funding,
            "holders": selectors.funding_holders(user=request.user, funding=funding),
        },
        lambda: services.funding_delete(actor=request.user, funding=funding),
        _("The funding from %(funder)s was deleted.") % {"funder": funding.funder},
    )


# --- Facilitators ----------------------------------------------------------------------------


@login_required
def facilitators(request, pk: int):
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    form = FacilitationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            facilitation = services.facilitation_add(
                actor=request.user, workshop=workshop, **form.cleaned_data
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("%(who)s was added.") % {"who": facilitation})
            return redirect("workshops:facilitators", pk=workshop.pk)
    return render(request, "workshops/facilitation_list.html", {"workshop": workshop, "form": form})


@login_required
def facilitation_remove(request, facilitation_id: int):
    facilitation = selectors.manage_facilitation(user=request.user, facilitation_id=facilitation_id)
    if request.method == "POST":
        try:
            services.facilitation_remove(actor=request.user, facilitation=facilitation)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("%(who)s was removed.") % {"who": facilitation})
        return redirect("workshops:facilitators", pk=facilitation.workshop_id)
    # The confirmation is a step of the list page itself.
    workshop = selectors.manage_workshop(user=request.user, pk=facilitation.workshop_id)
    context = {"workshop": workshop, "form": FacilitationForm(), "confirm": facilitation}
    return render(request, "workshops/facilitation_list.html", context)


# --- Seats -----------------------------------------------------------------------------------


@login_required
def seats(request, pk: int):
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    rows = selectors.seats_overview(user=request.user, workshop=workshop)
    form = SeatsForm(request.POST or None, rows=rows, default_seats=workshop.default_seats)
    if request.method == "POST" and form.is_valid():
        try:
            changed = services.seat_quotas_set(
                actor=request.user, workshop=workshop, quotas=form.quotas()
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request,
                ngettext(
                    "Seats changed for %(n)d administration.",
                    "Seats changed for %(n)d administrations.",
                    changed,
                )
                % {"n": changed},
            )
            return redirect("workshops:seats", pk=workshop.pk)
    context = {"workshop": workshop, "form": form, "total": sum(row["seats"] for row in rows)}
    return render(request, "workshops/seat_quota_list.html", context)


# --- Agenda ----------------------------------------------------------------------------------


@login_required
def session_create(request, pk: int):
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    return _session_form(request, workshop, None)


@login_required
def session_edit(request, session_id: int):
    session = selectors.manage_session(user=request.user, session_id=session_id)
    return _session_form(request, session.workshop, session)


def _session_form(request, workshop: Workshop, session: Session | None):
    context = {"workshop": workshop, "session": session, "form": None}
    if not (workshop.start_date and workshop.end_date):
        return render(request, "workshops/session_form.html", context)
    form = SessionForm(request.POST or None, workshop=workshop, session=session)
    if request.method == "POST" and form.is_valid():
        try:
            services.session_save(
                actor=request.user, workshop=workshop, session=session, **form.service_data()
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The session was saved."))
            return _to_workshop(workshop)
    context["form"] = form
    return render(request, "workshops/session_form.html", context)


@login_required
def session_delete(request, session_id: int):
    session = selectors.manage_session(user=request.user, session_id=session_id)
    return _confirm_delete(
        request,
        "workshops/session_confirm_delete.html",
        {"workshop": session.workshop, "session": session},
        lambda: services.session_delete(actor=request.user, session=session),
        _("The session “%(title)s” was deleted.") % {"title": session.title},
    )
