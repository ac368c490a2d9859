"""Invitations: the Secretariat invites and follows the sending; the link's landing page lets a
focal point nominate or decline, and a named invitee register."""

from urllib.parse import urlencode

from allauth.account.adapter import get_adapter
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST

from core.errors import ServiceError
from core.pagination import page_of
from core.permissions import require
from workshops import selectors
from workshops.forms.invitations import InviteForm, nominee_formset
from workshops.models import Invitation
from workshops.selectors import manage_workshop
from workshops.services import invitations as services
from workshops.services import nominations

PAGE_SIZE = 100


# --- Secretariat -----------------------------------------------------------------------------


@login_required
def invitation_create(request, pk: int):
    workshop = selectors.open_workshop_to_invite(user=request.user, pk=pk)
    posted = request.method == "POST"
    form = InviteForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        try:
            report = services.invitations_create(
                actor=request.user, workshop=workshop, **form.targets()
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            return render(
                request,
                "workshops/invitation_report.html",
                {"workshop": workshop, "report": report},
            )
    return render(request, "workshops/invitation_form.html", {"workshop": workshop, "form": form})


def _progress_context(request, pk: int) -> dict:
    workshop = manage_workshop(user=request.user, pk=pk)
    invitations = selectors.invitation_list(user=request.user, workshop=workshop)
    return {
        "workshop": workshop,
        "page": page_of(request, invitations, PAGE_SIZE),
        "counts": selectors.invitation_counts(user=request.user, workshop=workshop),
    }


@login_required
def invitation_list(request, pk: int):
    return render(request, "workshops/invitation_list.html", _progress_context(request, pk))


@login_required
def invitation_progress(request, pk: int):
    """The progress block alone for htmx; the whole page for a browser without JavaScript."""
    context = _progress_context(request, pk)
    if request.headers.get("HX-Request") == "true":
        return render(request, "workshops/invitation_progress.html", context)
    return render(request, "workshops/invitation_list.html", context)


# --- The link --------------------------------------------------------------------------------


def _verified(request, token: str):
    """(invitation, None), or (None, the page that explains why the link cannot be used)."""
    try:
        return services.invitation_from_token(token), None
    except services.InvalidInvitationLinkError as error:
        page = render(request, "workshops/invitation_invalid.html", {"message": error}, status=404)
    except services.ClosedInvitationLinkError as error:
        page = render(request, "workshops/invitation_closed.html", {"message": error}, status=410)
    return None, page


def _register_url(invitation: Invitation, token: str) -> str | None:
    try:
        path = reverse("workshops:register", kwargs={"slug": invitation.workshop.slug})
    except NoReverseMatch:
        return None
    return f"{path}?{urlencode({'invitation': token})}"


def _nomination_page(request, invitation: Invitation, token: str, formset=None, status=200):
    workshop, organisation = invitation.workshop, invitation.organisation
    seats = nominations.administration_seats(workshop=workshop, organisation=organisation)
    context = {
        "invitation": invitation,
        "workshop": workshop,
        "organisation": organisation,
        "token": token,
        "seats": seats,
        "formset": formset or nominee_formset(seats_left=seats.left),
    }
    return render(request, "workshops/invitation_nominate.html", context, status=status)


def invitation_landing(request, token: str):
    invitation, refusal = _verified(request, token)
    if refusal:
        return refusal
    if not request.user.is_authenticated:
        if not invitation.is_for_administration:
            # The link proves the address: an account signed up with it needs no confirmation.
            get_adapter(request).stash_verified_email(request, invitation.email)
        context = {"invitation": invitation, "workshop": invitation.workshop, "next": request.path}
        return render(request, "workshops/invitation_welcome.html", context)
    require(request.user, "workshops.view_invitation", invitation)
    if invitation.is_for_administration:
        return _nomination_page(request, invitation, token)
    context = {
        "invitation": invitation,
        "workshop": invitation.workshop,
        "register_url": _register_url(invitation, token),
        "registration": selectors.registration_of(user=request.user, workshop=invitation.workshop),
    }
    return render(request, "workshops/invitation_named.html", context)


@login_required
@require_POST
def invitation_nominate(request, token: str):
    invitation, refusal = _verified(request, token)
    if refusal:
        return refusal
    require(request.user, "workshops.answer_invitation", invitation)
    seats = nominations.administration_seats(
        workshop=invitation.workshop, organisation=invitation.organisation
    )
    formset = nominee_formset(seats_left=seats.left, data=request.POST)
    if not formset.is_valid():
        return _nomination_page(request, invitation, token, formset, status=400)
    try:
        created = nominations.invitation_nominate(
            actor=request.user, invitation=invitation, nominees=formset.nominees()
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return _nomination_page(request, invitation, token, formset, status=400)
    messages.success(request, _nominated_message(len(created)))
    return redirect("workshops:invitation", token=token)


def _nominated_message(count: int) -> str:
    return ngettext(
        "%(n)d delegate nominated: they were e-mailed a link to complete their registration.",
        "%(n)d delegates nominated: they were e-mailed a link to complete their registration.",
        count,
    ) % {"n": count}


@login_required
@require_POST
def invitation_decline(request, token: str):
    invitation, refusal = _verified(request, token)
    if refusal:
        return refusal
    require(request.user, "workshops.answer_invitation", invitation)
    try:
        nominations.invitation_decline(actor=request.user, invitation=invitation)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The invitation is declined on behalf of your administration."))
    return redirect("workshops:invitation", token=token)
