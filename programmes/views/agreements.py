"""Agreements (MoUs): the list and one agreement's page for signed-in people; recording,
editing and deleting them for the Secretariat; the signed document as a download."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.permissions import require
from programmes import selectors, services
from programmes.forms import AgreementForm
from workshops.services.documents import sniff


@login_required
def agreement_list(request):
    agreements = selectors.agreement_list(user=request.user)
    return render(request, "programmes/agreement_list.html", {"agreements": agreements})


@login_required
def agreement_detail(request, pk: int):
    agreement = selectors.agreement_detail(user=request.user, pk=pk)
    return render(request, "programmes/agreement_detail.html", {"agreement": agreement})


def _save(request, agreement=None):
    form = AgreementForm(request.POST or None, request.FILES or None, instance=agreement)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in AgreementForm.Meta.fields}
        try:
            saved = services.agreement_save(
                actor=request.user,
                data=data,
                agreement=agreement,
                document=form.cleaned_data["document_file"],
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("“%(title)s” was saved.") % {"title": saved.title})
            return redirect(saved)
    context = {"form": form, "agreement": agreement}
    return render(request, "programmes/agreement_form.html", context)


@login_required
def agreement_create(request):
    require(request.user, "programmes.manage_programmes")
    return _save(request)


@login_required
def agreement_edit(request, pk: int):
    require(request.user, "programmes.manage_programmes")
    agreement = selectors.agreement_detail(user=request.user, pk=pk)
    return _save(request, agreement)


@login_required
def agreement_delete(request, pk: int):
    require(request.user, "programmes.manage_programmes")
    agreement = selectors.agreement_detail(user=request.user, pk=pk)
    if request.method == "POST":
        services.agreement_delete(actor=request.user, agreement=agreement)
        messages.success(request, _("“%(title)s” was deleted.") % {"title": agreement.title})
        return redirect(reverse("programmes:agreement-list"))
    return render(request, "programmes/agreement_confirm_delete.html", {"agreement": agreement})


@login_required
def agreement_document(request, pk: int):
    agreement = selectors.agreement_detail(user=request.user, pk=pk)
    if not agreement.document:
        raise Http404
    try:
        handle = agreement.document.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    kind = sniff(handle.read())
    handle.seek(0)
    extension = kind.kind if kind and kind.kind != "office" else "doc"
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=f"{agreement.short_name or 'agreement'}-{agreement.pk}.{extension}",
        content_type=kind.content_type if kind else "application/octet-stream",
    )
    response["X-Content-Type-Options"] = "nosniff"
    patch_cache_control(response, private=True, no_store=True)
    return response
