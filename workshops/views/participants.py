"""The Secretariat's participant list of a workshop: filters, decisions one by one or in
bulk, funding, exports and visa letters."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from core.errors import ServiceError
from core.pagination import page_of
from core.permissions import require
from workshops import exports, selectors
from workshops.forms.registrations import BULK_ACTIONS, BulkActionForm, ParticipantFilterForm
from workshops.services import decisions as services
from workshops.views.registrations import visa_letter_response

PAGE_SIZE = 50
PAGE_SIZES = (20, 50, 100, 200)


def _page_size(request) -> int:
    """?per_page= one of PAGE_SIZES (a long list on a fast link), else PAGE_SIZE."""
    try:
        size = int(request.GET.get("per_page", PAGE_SIZE))
    except ValueError:
        return PAGE_SIZE
    return size if size in PAGE_SIZES else PAGE_SIZE


SINGLE_ACTIONS = {"approve", "waitlist", "decline", "funding"}


def _filtered(request, workshop):
    fundings = list(workshop.fundings.all())
    form = ParticipantFilterForm(request.GET or None, workshop=workshop, fundings=fundings)
    queryset = selectors.participant_list(user=request.user, workshop=workshop, **form.filters())
    return form, fundings, queryset


@login_required
def participant_list(request, pk: int):
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    if request.method == "POST":
        return _decide(request, workshop)
    form, fundings, queryset = _filtered(request, workshop)
    page = page_of(request, queryset, _page_size(request))
    context = {
        "page_sizes": PAGE_SIZES,
        "workshop": workshop,
        "form": form,
        "page": page,
        "fundings": fundings,
        "actions": BULK_ACTIONS,
        "columns": exports.COLUMNS,
        "default_columns": exports.DEFAULT_COLUMNS,
    }
    return render(request, "workshops/participant_list.html", context)


def _apply(request, workshop, action: str, registration_id, reason: str) -> None:
    registration = selectors.participant_for_secretariat(
        user=request.user, workshop=workshop, registration_id=registration_id
    )
    if action == "approve":
        services.registration_approve(actor=request.user, registration=registration)
    elif action == "waitlist":
        services.registration_waitlist(actor=request.user, registration=registration)
    elif action == "decline":
        services.registration_decline(actor=request.user, registration=registration, reason=reason)
    elif action == "funding":
        funding_id = request.POST.get(f"funding-{registration.pk}", "")
        funding = next((f for f in workshop.fundings.all() if str(f.pk) == funding_id), None)
        services.registration_assign_funding(
            actor=request.user, registration=registration, funding=funding
        )


def _decide(request, workshop):
    """One decision (a row's button: "approve:12") or the bulk action on the ticked rows."""
    single = request.POST.get("act", "")
    form = BulkActionForm(request.POST, choices=workshop.registrations.values_list("pk", flat=True))
    if not form.is_valid():
        messages.error(request, _("Choose an action and registrations of this workshop."))
        return _back(request, workshop)
    reason = form.cleaned_data["reason"]
    if single:
        action, _sep, registration_id = single.partition(":")
        targets = [registration_id]
    else:
        action, targets = form.cleaned_data["action"], form.cleaned_data["registrations"]
    if action not in SINGLE_ACTIONS or not targets:
        messages.error(request, _("Tick at least one registration and choose an action."))
        return _back(request, workshop)
    done, refused = 0, []
    for registration_id in targets:
        try:
            _apply(request, workshop, action, registration_id, reason)
        except ServiceError as error:
            refused.append(error.message)
        else:
            done += 1
    _report(request, done, refused)
    return _back(request, workshop)


def _report(request, done: int, refused: list[str]) -> None:
    if done:
        messages.success(
            request,
            ngettext("%(n)d registration done.", "%(n)d registrations done.", done) % {"n": done},
        )
    if refused:
        messages.error(
            request,
            ngettext("%(n)d refused: %(why)s", "%(n)d refused: %(why)s", len(refused))
            % {"n": len(refused), "why": " · ".join(refused)},
        )


def _back(request, workshop):
    query = request.POST.get("next_query", "")
    url = redirect("workshops:participant-list", pk=workshop.pk).url
    return redirect(f"{url}?{query}" if query else url)


@login_required
def participant_export(request, pk: int):
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    _form, _fundings, queryset = _filtered(request, workshop)
    columns = [c for c in request.GET.getlist("columns") if c in exports.COLUMNS]
    columns = columns or list(exports.DEFAULT_COLUMNS)
    if request.GET.get("format") == "xlsx":
        return exports.xlsx_response(workshop, queryset, columns)
    return exports.csv_response(workshop, queryset, columns)


@login_required
def participant_visa_letter(request, registration_id: int):
    require(request.user, "workshops.manage_workshops")
    registration = selectors.visa_letter_for_download(
        user=request.user, registration_id=registration_id
    )
    response = visa_letter_response(request, registration)
    return response or redirect("workshops:participant-list", pk=registration.workshop_id)
