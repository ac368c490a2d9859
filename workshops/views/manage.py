"""The Secretariat's workshop pages: list, create, edit, clone, status changes, history."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.errors import ServiceError
from core.pagination import page_of
from core.permissions import require
from workshops import selectors
from workshops.forms.workshops import CancelForm, ManageFilterForm, WorkshopForm
from workshops.services import workshops as services

TRANSITIONS = {
    # Lazy: translated in the language of each request, not of the one that imported this.
    "open": (services.workshop_open, gettext_lazy("Registration is open.")),
    "close": (services.workshop_close, gettext_lazy("Registration is closed.")),
    "complete": (services.workshop_complete, gettext_lazy("The workshop is marked completed.")),
}


@login_required
def workshop_list(request):
    form = ManageFilterForm(request.GET or None)
    status = search = ""
    if form.is_valid():
        status, search = form.cleaned_data["status"], form.cleaned_data["q"]
    queryset = selectors.manage_list(user=request.user, status=status, search=search)
    page = page_of(request, queryset, 25)
    return render(request, "workshops/manage_list.html", {"form": form, "page": page})


@login_required
def workshop_create(request):
    require(request.user, "workshops.manage_workshops")
    form = WorkshopForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            workshop = services.workshop_create(actor=request.user, data=form.service_data())
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The workshop was created as a draft."))
            return redirect("workshops:manage-detail", pk=workshop.pk)
    return render(request, "workshops/manage_form.html", {"form": form})


@login_required
def workshop_edit(request, pk: int):
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    form = WorkshopForm(request.POST or None, instance=workshop)
    if request.method == "POST" and form.is_valid():
        try:
            services.workshop_update(
                actor=request.user, workshop=workshop, data=form.service_data()
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The workshop was saved."))
            return redirect("workshops:manage-detail", pk=workshop.pk)
    return render(request, "workshops/manage_form.html", {"form": form, "workshop": workshop})


@login_required
def workshop_detail(request, pk: int):
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    context = {
        "workshop": workshop,
        "totals": selectors.funding_totals(workshop),
        "seats": selectors.seats_overview(user=request.user, workshop=workshop),
    }
    return render(request, "workshops/manage_detail.html", context)


@login_required
@require_POST
def workshop_transition(request, pk: int, action: str):
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    if action not in TRANSITIONS:
        raise Http404
    service, done = TRANSITIONS[action]
    try:
        service(actor=request.user, workshop=workshop)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, str(done))
    return redirect("workshops:manage-detail", pk=workshop.pk)


@login_required
def workshop_cancel(request, pk: int):
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    active = workshop.registrations.filter(status__in=workshop.registrations.model.ACTIVE).count()
    form = CancelForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            told = services.workshop_cancel(
                actor=request.user,
                workshop=workshop,
                reason=form.cleaned_data["reason"],
                confirmed=form.cleaned_data["confirm"],
            )
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(
                request,
                _("The workshop is cancelled; %(n)d registrants are being told.") % {"n": told},
            )
            return redirect("workshops:manage-detail", pk=workshop.pk)
    return render(
        request,
        "workshops/manage_cancel.html",
        {"workshop": workshop, "form": form, "active": active},
    )


@login_required
@require_POST
def workshop_clone(request, pk: int):
    source = selectors.manage_workshop(user=request.user, pk=pk)
    clone = services.workshop_clone(actor=request.user, source=source)
    messages.success(
        request,
        _(
            "A copy was created as a draft, with funding, facilitators, seats and documents. Set its dates and agenda."
        ),
    )
    return redirect("workshops:manage-edit", pk=clone.pk)


@login_required
def workshop_history(request, pk: int):
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    records = selectors.workshop_history(user=request.user, workshop=workshop)
    return render(
        request, "workshops/manage_history.html", {"workshop": workshop, "records": records}
    )
