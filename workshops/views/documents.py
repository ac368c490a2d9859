"""Workshop documents: download after a permission check; upload and delete by the Secretariat."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _

from core.errors import ServiceError
from workshops import selectors
from workshops.forms.documents import DocumentForm
from workshops.models import Document
from workshops.services import documents as services


def document_download(request, slug: str, document_id: int):
    document = selectors.document_for_download(
        user=request.user, slug=slug, document_id=document_id
    )
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    response = FileResponse(
        handle,
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    if document.visibility == Document.Visibility.PUBLIC:
        patch_cache_control(response, public=True, max_age=3600)
    else:
        patch_cache_control(response, private=True, no_store=True)
    return response


@login_required
def document_upload(request, pk: int):
    workshop = selectors.manage_workshop(user=request.user, pk=pk)
    form = DocumentForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            document = services.document_upload(
                actor=request.user,
                workshop=workshop,
                title=form.cleaned_data["title"],
                upload=form.cleaned_data["file"],
                visibility=form.cleaned_data["visibility"],
            )
        except ServiceError as error:
            form.add_error("file", error.message)
        else:
            messages.success(request, _("“%(title)s” was uploaded.") % {"title": document.title})
            return redirect("workshops:manage-detail", pk=workshop.pk)
    return render(request, "workshops/document_form.html", {"form": form, "workshop": workshop})


@login_required
def document_delete(request, document_id: int):
    document = selectors.document_for_secretariat(user=request.user, document_id=document_id)
    workshop = document.workshop
    if request.method == "POST":
        services.document_delete(actor=request.user, document=document)
        messages.success(request, _("“%(title)s” was deleted.") % {"title": document.title})
        return redirect("workshops:manage-detail", pk=workshop.pk)
    return render(
        request,
        "workshops/document_confirm_delete.html",
        {"document": document, "workshop": workshop},
    )
