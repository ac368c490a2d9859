"""Workshop action plans: the plans of a workshop, one plan, its items and their follow-up,
adoption, the PDF page (htmx refreshes it while the PDF is built) and the overdue items."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.document_pages import document_response, progress_context
from core.errors import ServiceError
from core.permissions import may
from members.models import Organisation
from programmes import services
from programmes.forms import ActionItemForm, ActionItemUpdateForm, PdfLanguageForm
from programmes.models import ActionPlan
from programmes.selectors import action_plans as selectors
from programmes.services import action_plan_pdfs


@login_required
def plan_list(request, pk: int):
    context = {"plans": selectors.workshop_plans(user=request.user, workshop_pk=pk)}
    return render(request, "programmes/actionplan_list.html", context)


@login_required
@require_POST
def plan_create(request, pk: int):
    plans = selectors.workshop_plans(user=request.user, workshop_pk=pk)
    administration = None
    if request.POST.get("administration", "").isdigit():
        administration = get_object_or_404(Organisation, pk=request.POST["administration"])
    try:
        plan = services.action_plan_create(
            actor=request.user,
            workshop=plans.workshop,
            level=request.POST.get("level", ""),
            administration=administration,
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect("programmes:actionplan-list", pk=pk)
    return redirect(plan)


@login_required
def plan_detail(request, pk: int):
    view = selectors.plan_detail(user=request.user, pk=pk)
    context = {
        "view": view,
        "plan": view.plan,
        "workshop": view.plan.workshop,
        "today": timezone.localdate(),
    }
    return render(request, "programmes/actionplan_detail.html", context)


def _item_kwargs(form: ActionItemForm) -> dict:
    return dict(form.cleaned_data)


def _item_page(request, plan: ActionPlan, form: ActionItemForm, item=None, status: int = 200):
    context = {"plan": plan, "workshop": plan.workshop, "form": form, "item": item}
    return render(request, "programmes/actionplan_item_form.html", context, status=status)


@login_required
def item_add(request, pk: int):
    plan = selectors.plan_for_user(user=request.user, pk=pk)
    if not selectors.may_edit_items(request.user, plan):
        raise Http404
    if request.method != "POST":
        initial = {"responsible": plan.administration_id, "status": "planned"}
        return _item_page(request, plan, ActionItemForm(initial=initial))
    form = ActionItemForm(request.POST)
    if form.is_valid():
        try:
            services.action_item_add(actor=request.user, plan=plan, **_item_kwargs(form))
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The action was added."))
            return redirect(plan)
    return _item_page(request, plan, form, status=400)


@login_required
def item_edit(request, pk: int):
    item = selectors.item_for_user(user=request.user, pk=pk, purpose="edit")
    if request.method != "POST":
        form = ActionItemForm(initial=ActionItemForm.initial_for(item))
        return _item_page(request, item.plan, form, item)
    form = ActionItemForm(request.POST)
    if form.is_valid():
        try:
            services.action_item_edit(actor=request.user, item=item, **_item_kwargs(form))
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The action was saved."))
            return redirect(item.plan)
    return _item_page(request, item.plan, form, item, status=400)


@login_required
@require_POST
def item_delete(request, pk: int):
    item = selectors.item_for_user(user=request.user, pk=pk, purpose="edit")
    try:
        services.action_item_delete(actor=request.user, item=item)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The action was deleted."))
    return redirect(item.plan)


@login_required
def item_follow_up(request, pk: int):
    item = selectors.item_for_user(user=request.user, pk=pk, purpose="follow-up")
    form = ActionItemUpdateForm(request.POST or None, initial={"status_after": item.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.action_item_update_add(actor=request.user, item=item, **form.cleaned_data)
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The follow-up was recorded."))
            return redirect("programmes:actionplan-item-follow-up", pk=item.pk)
    context = {
        "item": item,
        "plan": item.plan,
        "form": form,
        "updates": item.updates.select_related("author"),
        "history": item.history.select_related("history_user").order_by("-history_date")[:50],
    }
    status = 400 if request.method == "POST" else 200
    return render(request, "programmes/actionplan_item_followup.html", context, status=status)


@login_required
@require_POST
def plan_adopt(request, pk: int):
    plan = selectors.plan_for_user(user=request.user, pk=pk)
    if not may(request.user, "programmes.manage_programmes"):
        raise Http404
    try:
        services.action_plan_adopt(actor=request.user, plan=plan)
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The plan is adopted."))
    return redirect(plan)


def _pdf_context(plan: ActionPlan) -> dict:
    page = reverse("programmes:actionplan-pdf", kwargs={"pk": plan.pk})
    context = progress_context(
        action_plan_pdfs.action_plan_pdf_states(plan=plan),
        dom_id="pdf-states",
        poll_url=reverse("programmes:actionplan-pdf-status", kwargs={"pk": plan.pk}),
        page_url=page,
        retry_url=page,
        download_url=lambda state: reverse(
            "programmes:actionplan-pdf-download", args=[plan.pk, state.language]
        ),
    )
    return {"plan": plan, "workshop": plan.workshop, **context}


@login_required
def plan_pdf(request, pk: int):
    """The language choice and the state of each language's PDF; POST asks for a build."""
    plan = selectors.plan_for_user(user=request.user, pk=pk)
    if request.method == "POST":
        form = PdfLanguageForm(request.POST)
        if form.is_valid():
            action_plan_pdfs.action_plan_pdf_request(
                actor=request.user, plan=plan, language=form.cleaned_data["language"]
            )
        else:
            messages.error(request, _("Choose English or French."))
        return redirect("programmes:actionplan-pdf", pk=plan.pk)
    context = _pdf_context(plan)
    context["form"] = PdfLanguageForm(initial={"language": request.LANGUAGE_CODE[:2]})
    return render(request, "programmes/actionplan_pdf.html", context)


@login_required
def plan_pdf_status(request, pk: int):
    """The states block alone, for htmx; the whole page without JavaScript."""
    plan = selectors.plan_for_user(user=request.user, pk=pk)
    if request.headers.get("HX-Request") != "true":
        return redirect("programmes:actionplan-pdf", pk=plan.pk)
    return render(request, "core/_document_states.html", _pdf_context(plan))


@login_required
def plan_pdf_download(request, pk: int, language: str):
    plan = selectors.plan_for_user(user=request.user, pk=pk)
    states = {s.language: s for s in action_plan_pdfs.action_plan_pdf_states(plan=plan)}
    state = states.get(language)
    if state is None or not state.current:
        messages.info(request, _("The PDF is not ready: prepare it first."))
        return redirect("programmes:actionplan-pdf", pk=plan.pk)
    return document_response(state.document)


@login_required
def overdue(request):
    groups = selectors.overdue_items(user=request.user)
    context = {"groups": groups, "my_plans": selectors.my_national_plans(user=request.user)}
    return render(request, "programmes/actionplan_overdue.html", context)
