"""Pages of the ground floor: the outbox (who may see it is decided by core.view_outbox)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import selectors
from core.errors import ServiceError
from core.forms import OutboxFilterForm
from core.pagination import page_of
from core.services import mail


@login_required
def outbox(request):
    form = OutboxFilterForm(request.GET or None)
    status, search = "", ""
    if form.is_valid():
        status, search = form.cleaned_data["status"], form.cleaned_data["q"]
    queryset = selectors.outbox_list(user=request.user, status=status, search=search)
    counts = selectors.outbox_counts(user=request.user)
    return render(
        request,
        "core/outgoingemail_list.html",
        {"form": form, "page": page_of(request, queryset), "counts": counts},
    )


@login_required
def outbox_detail(request, email_id: int):
    email = selectors.outbox_email(user=request.user, email_id=email_id)
    return render(request, "core/outgoingemail_detail.html", {"email": email})


@login_required
@require_POST
def outbox_resend(request, email_id: int):
    email = selectors.outbox_email(user=request.user, email_id=email_id)
    try:
        mail.email_resend(actor=request.user, email_id=email.pk)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(
            request, _("The e-mail to %(to)s is queued again.") % {"to": email.recipient}
        )
    return redirect("core:outbox-detail", email_id=email.pk)
