"""Certificates: the holder's download, the public verification page, the Secretariat's
request to issue them again after a correction."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.document_pages import document_response
from core.services.documents import document_current
from workshops import selectors
from workshops.forms.attendance import VerifyForm
from workshops.models import Workshop
from workshops.models.attendance import normalise_certificate_code
from workshops.services import certificates as services


@login_required
def certificate_download(request, slug: str):
    """The holder's PDF; when it is missing or out of date a build is queued first."""
    registration = selectors.own_registration(user=request.user, slug=slug)
    certificate = selectors.my_certificate(user=request.user, registration_id=registration.pk)
    document = document_current(kind=services.KIND, subject_id=certificate.pk)
    if document is None:
        messages.info(request, _("Your certificate is being prepared: try again shortly."))
        return redirect("workshops:registration", slug=slug)
    return document_response(document)


def certificate_verify_form(request):
    """Anyone can type a code; it leads to the verification page of that code."""
    form = VerifyForm(request.GET or None)
    if form.is_valid():
        return redirect("workshops:certificate-verify", code=form.cleaned_data["code"])
    return render(request, "workshops/certificate_verify_form.html", {"form": form})


def certificate_verify(request, code: str):
    """Public: holder, workshop and dates of a valid code, nothing else; 404 otherwise."""
    certificate = selectors.certificate_by_code(normalise_certificate_code(code))
    if certificate is None:
        return render(
            request,
            "workshops/certificate_verify_invalid.html",
            {"form": VerifyForm(initial={"code": code})},
            status=404,
        )
    return render(request, "workshops/certificate_verify.html", {"certificate": certificate})


@login_required
@require_POST
def certificates_issue(request, pk: int):
    """Secretariat: issue certificates again (new ones after a correction of attendance)."""
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    if workshop.status != Workshop.Status.COMPLETED:
        messages.error(request, _("Certificates are issued once the workshop is completed."))
    else:
        services.certificates_request(workshop=workshop)
        messages.success(request, _("Certificates are being issued to those who attended."))
    return redirect("workshops:manage-detail", pk=workshop.pk)
