"""Panels of attendance, certificates and evaluations included in pages other apps' views
render (the registration page, the Secretariat's workshop page). Each asks one selector."""

from django import template

from workshops import selectors
from workshops.forms.attendance import AttendanceRulesForm
from workshops.models import Certificate, Evaluation, Registration, Workshop
from workshops.services.attendance import workshop_days
from workshops.services.evaluations import evaluation_is_open

register = template.Library()


@register.inclusion_tag("workshops/attendance_registration_panel.html")
def after_workshop_panel(registration: Registration) -> dict:
    """The participant's certificate and evaluation links, once the workshop is completed."""
    workshop = registration.workshop
    approved = registration.status == Registration.Status.APPROVED
    completed = workshop.status == Workshop.Status.COMPLETED
    if not (approved and completed):
        return {"show": False}
    return {
        "show": True,
        "workshop": workshop,
        "has_certificate": Certificate.objects.filter(registration=registration).exists(),
        "evaluated": Evaluation.objects.filter(registration=registration).exists(),
        "evaluation_open": evaluation_is_open(workshop),
    }


@register.inclusion_tag("workshops/attendance_manage_panel.html", takes_context=True)
def attendance_manage_panel(context, workshop: Workshop) -> dict:
    """Attendance, certificates and evaluation results on the Secretariat's workshop page."""
    attended = selectors.attended_registrations(Workshop.objects.filter(pk=workshop.pk))
    certificates = Certificate.objects.filter(registration__workshop=workshop)
    return {
        "request": context.get("request"),
        "csrf_token": context.get("csrf_token"),
        "workshop": workshop,
        "has_days": bool(workshop_days(workshop)),
        "approved": workshop.registrations.filter(status=Registration.Status.APPROVED).count(),
        "attended": attended.count(),
        "certificates": certificates.count(),
        "certificates_mailed": certificates.filter(emailed_at__isnull=False).count(),
        "summary": selectors.evaluation_summary(workshop),
        "comments": selectors.evaluation_comments(user=context["request"].user, workshop=workshop),
        "rules_form": AttendanceRulesForm(
            initial={
                "share": workshop.attendance_share_required,
                "closes_on": workshop.evaluation_closes_on,
            }
        ),
    }
