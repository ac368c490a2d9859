"""The Strategic Plan: the plans, a plan as a tree with progress, an activity's page."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core.errors import ServiceError
from core.permissions import may, require
from programmes import selectors, services
from programmes.forms import ActivityForm, ProgressUpdateForm, WorkshopLinkForm


@login_required
def plan_list(request):
    plans = list(selectors.plan_list(user=request.user))
    if plans:  # the newest plan; its page links the others
        return redirect(plans[0])
    return render(request, "programmes/strategicplan_list.html", {"plans": plans})


@login_required
def plan_detail(request, slug: str):
    plan = selectors.plan_tree(user=request.user, slug=slug)
    others = selectors.plan_list(user=request.user).exclude(pk=plan.pk)
    return render(request, "programmes/strategicplan_detail.html", {"plan": plan, "others": others})


@login_required
def activity_detail(request, pk: int):
    activity = selectors.activity_detail(user=request.user, pk=pk)
    context = {
        "activity": activity,
        "secretariat": may(request.user, "programmes.manage_programmes"),
        "indicators": selectors.activity_indicators(user=request.user, activity=activity),
    }
    if context["secretariat"]:
        context.update(
            activity_form=ActivityForm(instance=activity),
            update_form=ProgressUpdateForm(),
            link_form=WorkshopLinkForm(),
        )
    return render(request, "programmes/activity_detail.html", context)


def _done(request, activity, call, message: str):
    try:
        call()
    except ServiceError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, message)
    return redirect(activity)


@login_required
@require_POST
def activity_edit(request, pk: int):
    require(request.user, "programmes.manage_programmes")
    activity = selectors.activity_detail(user=request.user, pk=pk)
    form = ActivityForm(request.POST, instance=activity)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(activity)
    data = {name: form.cleaned_data[name] for name in form.Meta.fields}
    return _done(
        request,
        activity,
        lambda: services.activity_update(actor=request.user, activity=activity, data=data),
        _("The activity was saved."),
    )


@login_required
@require_POST
def progress_add(request, pk: int):
    require(request.user, "programmes.manage_programmes")
    activity = selectors.activity_detail(user=request.user, pk=pk)
    form = ProgressUpdateForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(activity)
    return _done(
        request,
        activity,
        lambda: services.progress_update_add(
            actor=request.user, activity=activity, **form.cleaned_data
        ),
        _("The progress update was recorded."),
    )


@login_required
@require_POST
def workshop_link(request, pk: int):
    require(request.user, "programmes.manage_programmes")
    activity = selectors.activity_detail(user=request.user, pk=pk)
    form = WorkshopLinkForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a workshop."))
        return redirect(activity)
    linked = request.POST.get("unlink") != "1"
    workshop = form.cleaned_data["workshop"]
    return _done(
        request,
        activity,
        lambda: services.activity_link_workshop(
            actor=request.user, activity=activity, workshop=workshop, linked=linked
        ),
        _("The workshop is linked to this activity.")
        if linked
        else _("The workshop is no longer linked."),
    )
