"""The delegate's registration (form, edit, cancel, visa letter), the focal point's and the
facilitator's views of a workshop's registrations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.document_pages import document_response
from core.errors import ServiceError
from core.services.documents import document_current
from members.services.people import user_update_profile
from workshops import selectors_invitations, selectors_registrations
from workshops.forms.registrations import RegistrationForm
from workshops.models import Invitation, Registration, Workshop
from workshops.services import registrations as services
from workshops.services import visa_letters


def _invitation(token: str, slug: str, user) -> Invitation | None:
    """The invitation a link stands for when it is valid, for this workshop and addressed to
    this person (a forwarded link opens nothing), else None."""
    if not token:
        return None
    from workshops.services.invitations import invitation_from_token

    try:
        invitation = invitation_from_token(token)
    except ServiceError:
        return None
    if invitation.workshop.slug != slug or invitation.email.lower() != user.email.lower():
        return None
    return invitation


def _nominator(invitation: Invitation | None):
    """The focal point who nominated this person, when the invitation came from a nomination."""
    creator = invitation.created_by if invitation else None
    return creator if creator and not creator.is_secretariat else None


def _closed_reason(workshop: Workshop) -> str:
    if workshop.status != Workshop.Status.OPEN:
        return _("Registration for this workshop is closed.")
    if workshop.registration_deadline and timezone.now() > workshop.registration_deadline:
        return _("The registration deadline has passed.")
    return ""


def _submitted_message(result: services.Submitted) -> str:
    registration = result.registration
    if result.waitlist_place is not None:
        return _(
            "The workshop is full for now: you are on the waiting list, number %(n)d for "
            "%(org)s. You will be told by e-mail if a seat frees."
        ) % {"n": result.waitlist_place, "org": registration.organisation.name}
    return _("You are registered and a seat is held for you, awaiting the Secretariat's approval.")


@login_required
def register(request, slug: str):
    token = request.POST.get("invitation") or request.GET.get("invitation", "")
    invitation = _invitation(token, slug, request.user)
    workshop = invitation.workshop if invitation else None
    workshop = workshop or selectors_registrations.registration_workshop(
        user=request.user, slug=slug
    )
    existing = Registration.objects.filter(
        workshop=workshop, person=request.user, status__in=Registration.ACTIVE
    ).exists()
    if existing:
        messages.info(request, _("You are already registered for this workshop."))
        return redirect("workshops:registration", slug=slug)
    closed = _closed_reason(workshop)
    initial = {**RegistrationForm.initial_for(user=request.user), "invitation": token}
    form = RegistrationForm(request.POST or None, initial=initial)
    if request.method == "POST" and not closed and form.is_valid():
        try:
            with transaction.atomic():
                _update_profile(request.user, form)
                result = services.registration_submit(
                    person=request.user,
                    workshop=workshop,
                    data=form.service_data(),
                    invitation=invitation,
                    nominated_by=_nominator(invitation),
                )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _submitted_message(result))
            return redirect("workshops:registration", slug=slug)
    context = {"workshop": workshop, "form": form, "closed": closed}
    return render(request, "workshops/registration_form.html", context)


def _update_profile(user, form: RegistrationForm) -> None:
    changes = form.profile_changes(user)
    if changes:
        try:
            user_update_profile(user=user, data=changes)
        except ValidationError as error:
            raise ServiceError(" ".join(error.messages)) from None


def _editable(registration: Registration) -> bool:
    workshop = registration.workshop
    before_deadline = not (
        workshop.registration_deadline and timezone.now() > workshop.registration_deadline
    )
    return (
        registration.status in Registration.ACTIVE
        and before_deadline
        and not services.workshop_has_begun(workshop)
    )


def _cancellable(registration: Registration) -> bool:
    return registration.status in Registration.ACTIVE and not services.workshop_has_begun(
        registration.workshop
    )


@login_required
def registration_detail(request, slug: str):
    """The person's registration: its status, and the form to change it until the deadline."""
    registration = selectors_registrations.own_registration(user=request.user, slug=slug)
    editable = _editable(registration)
    initial = RegistrationForm.initial_for(user=request.user, registration=registration)
    form = RegistrationForm(request.POST or None, initial=initial) if editable else None
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            with transaction.atomic():
                _update_profile(request.user, form)
                registration = services.registration_update(
                    person=request.user, registration=registration, data=form.service_data()
                )
                visa_letters.visa_letter_request(registration=registration)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your registration was saved."))
            return redirect("workshops:registration", slug=slug)
    context = {
        "registration": registration,
        "workshop": registration.workshop,
        "form": form,
        "editable": editable,
        "cancellable": _cancellable(registration),
        "begun": services.workshop_has_begun(registration.workshop),
        "letter_ready": visa_letters.needs_letter(registration),
    }
    return render(request, "workshops/registration_detail.html", context)


@login_required
def registration_cancel(request, slug: str):
    registration = selectors_registrations.own_registration(user=request.user, slug=slug)
    if registration.status not in Registration.ACTIVE:
        messages.info(request, _("This registration is already cancelled or declined."))
        return redirect("workshops:registration", slug=slug)
    if not _cancellable(registration):
        messages.error(request, services.BEGUN_MESSAGE)
        return redirect("workshops:registration", slug=slug)
    if request.method == "POST":
        try:
            services.registration_cancel(person=request.user, registration=registration)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Your registration is cancelled."))
        return redirect("workshops:registration", slug=slug)
    return render(
        request,
        "workshops/registration_confirm_cancel.html",
        {"registration": registration, "workshop": registration.workshop},
    )


def visa_letter_response(request, registration: Registration):
    """The stored letter as an attachment; when it is missing or out of date, a build is
    queued and the person is asked to come back."""
    document = document_current(kind=visa_letters.KIND, subject_id=registration.pk)
    if document is None:
        messages.info(request, _("The visa letter is being prepared: try again shortly."))
        return None
    return document_response(document)


@login_required
def visa_letter_download(request, slug: str):
    registration = selectors_registrations.own_registration(user=request.user, slug=slug)
    registration = selectors_registrations.visa_letter_for_download(
        user=request.user, registration_id=registration.pk
    )
    response = visa_letter_response(request, registration)
    return response or redirect("workshops:registration", slug=slug)


@login_required
def administration_registrations(request, slug: str):
    workshop, organisations, registrations = selectors_registrations.focal_point_registrations(
        user=request.user, slug=slug
    )
    nominees = selectors_invitations.focal_point_nominees(
        user=request.user, workshop=workshop, organisations=organisations
    )
    context = {
        "workshop": workshop,
        "organisations": organisations,
        "registrations": registrations,
        "nominees": nominees,
    }
    return render(request, "workshops/registration_administration.html", context)


@login_required
def facilitator_participants(request, slug: str):
    workshop, participants = selectors_registrations.facilitator_participants(
        user=request.user, slug=slug
    )
    context = {"workshop": workshop, "participants": participants}
    return render(request, "workshops/participant_facilitator.html", context)
