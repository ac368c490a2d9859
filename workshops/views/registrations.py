"""The delegate's registration (form, edit, cancel, visa letter), the focal point's and the
facilitator's views of a workshop's registrations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.document_pages import document_response
from core.errors import ServiceError
from core.services.documents import document_current
from workshops import selectors
from workshops.forms.registrations import RegistrationForm
from workshops.models import Registration
from workshops.services import registrations as services
from workshops.services import visa_letters


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
    workshop, invitation = selectors.registration_target(user=request.user, slug=slug, token=token)
    existing = selectors.registration_of(user=request.user, workshop=workshop)
    if existing and existing.is_active:
        messages.info(request, _("You are already registered for this workshop."))
        return redirect("workshops:registration", slug=slug)
    initial = {**RegistrationForm.initial_for(user=request.user), "invitation": token}
    form = RegistrationForm(request.POST or None, initial=initial)
    if request.method == "POST" and workshop.is_open_for_registration and form.is_valid():
        try:
            result = services.registration_submit(
                actor=request.user,
                workshop=workshop,
                data=form.service_data(),
                profile=form.profile_changes(request.user),
                invitation=invitation,
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _submitted_message(result))
            return redirect("workshops:registration", slug=slug)
    context = {"workshop": workshop, "form": form}
    return render(request, "workshops/registration_form.html", context)


@login_required
def registration_detail(request, slug: str):
    """The person's registration: its status, and the form to change it until the deadline."""
    registration = selectors.own_registration(user=request.user, slug=slug)
    initial = RegistrationForm.initial_for(user=request.user, registration=registration)
    form = None
    if registration.is_changeable:
        form = RegistrationForm(request.POST or None, initial=initial)
    if request.method == "POST" and form is not None and form.is_valid():
        try:
            services.registration_update(
                actor=request.user,
                registration=registration,
                data=form.service_data(),
                profile=form.profile_changes(request.user),
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your registration was saved."))
            return redirect("workshops:registration", slug=slug)
    context = {"registration": registration, "workshop": registration.workshop, "form": form}
    return render(request, "workshops/registration_detail.html", context)


@login_required
def registration_cancel(request, slug: str):
    registration = selectors.own_registration(user=request.user, slug=slug)
    if registration.status not in Registration.ACTIVE:
        messages.info(request, _("This registration is already cancelled or declined."))
        return redirect("workshops:registration", slug=slug)
    if not registration.is_cancellable:
        messages.error(request, services.BEGUN_MESSAGE)
        return redirect("workshops:registration", slug=slug)
    if request.method == "POST":
        try:
            services.registration_cancel(actor=request.user, registration=registration)
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
    registration = selectors.own_registration(user=request.user, slug=slug)
    registration = selectors.visa_letter_for_download(
        user=request.user, registration_id=registration.pk
    )
    response = visa_letter_response(request, registration)
    return response or redirect("workshops:registration", slug=slug)


@login_required
def administration_registrations(request, slug: str):
    workshop, organisations, registrations = selectors.focal_point_registrations(
        user=request.user, slug=slug
    )
    nominees = selectors.focal_point_nominees(
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
    workshop, participants = selectors.facilitator_participants(user=request.user, slug=slug)
    context = {"workshop": workshop, "participants": participants}
    return render(request, "workshops/participant_facilitator.html", context)
