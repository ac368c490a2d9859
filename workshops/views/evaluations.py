"""The participant's evaluation form and the Secretariat's closing date."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import ServiceError
from workshops import selectors
from workshops.forms.attendance import EvaluationForm
from workshops.models import Registration
from workshops.services import evaluations as services


@login_required
def evaluation_form(request, slug: str):
    registration = selectors.own_registration(user=request.user, slug=slug)
    if registration.status != Registration.Status.APPROVED:
        return redirect("workshops:registration", slug=slug)
    evaluation = selectors.own_evaluation(user=request.user, registration=registration)
    form = EvaluationForm(request.POST or None, instance=evaluation)
    if request.method == "POST" and form.is_valid():
        try:
            services.evaluation_save(
                actor=request.user, registration=registration, data=form.answers()
            )
        except ServiceError as error:
            messages.error(request, error.message)
            return redirect("workshops:evaluation", slug=slug)
        messages.success(request, _("Thank you: your evaluation is saved."))
        return redirect("workshops:registration", slug=slug)
    is_open = services.evaluation_is_open(registration.workshop)
    context = {"workshop": registration.workshop, "form": form, "evaluation": evaluation}
    context["is_open"] = is_open
    return render(request, "workshops/evaluation_form.html", context)
