"""Indicators of an activity and their periods, kept by the Secretariat."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.permissions import require
from programmes import selectors, services
from programmes.forms import IndicatorForm, IndicatorPeriodForm


def _indicator_form(request, activity, indicator=None):
    form = IndicatorForm(request.POST or None, instance=indicator)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in IndicatorForm.Meta.fields}
        try:
            saved = services.indicator_save(
                actor=request.user, activity=activity, data=data, indicator=indicator
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The indicator “%(title)s” was saved.") % {"title": saved})
            return redirect(saved)
    context = {"form": form, "activity": activity, "indicator": indicator}
    return render(request, "programmes/indicator_form.html", context)


@login_required
def indicator_create(request, pk: int):
    require(request.user, "programmes.manage_programmes")
    activity = selectors.activity_detail(user=request.user, pk=pk)
    return _indicator_form(request, activity)


@login_required
def indicator_edit(request, pk: int):
    indicator = selectors.indicator_for_secretariat(user=request.user, pk=pk)
    return _indicator_form(request, indicator.activity, indicator)


@login_required
def indicator_delete(request, pk: int):
    indicator = selectors.indicator_for_secretariat(user=request.user, pk=pk)
    if request.method == "POST":
        services.indicator_delete(actor=request.user, indicator=indicator)
        messages.success(
            request, _("The indicator “%(title)s” was deleted.") % {"title": indicator}
        )
        return redirect(indicator.activity)
    context = {"object": indicator, "activity": indicator.activity, "period": None}
    return render(request, "programmes/indicator_confirm_delete.html", context)


def _period_form(request, indicator, period=None):
    form = IndicatorPeriodForm(request.POST or None, instance=period, indicator=indicator)
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_period_save(
                actor=request.user, indicator=indicator, data=form.cleaned_data, period=period
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(
                request, _("The period of “%(title)s” was saved.") % {"title": indicator}
            )
            return redirect(indicator)
    context = {
        "form": form,
        "indicator": indicator,
        "activity": indicator.activity,
        "period": period,
    }
    return render(request, "programmes/indicatorperiod_form.html", context)


@login_required
def period_create(request, pk: int):
    indicator = selectors.indicator_for_secretariat(user=request.user, pk=pk)
    return _period_form(request, indicator)


@login_required
def period_edit(request, pk: int):
    period = selectors.period_for_secretariat(user=request.user, pk=pk)
    return _period_form(request, period.indicator, period)


@login_required
def period_delete(request, pk: int):
    period = selectors.period_for_secretariat(user=request.user, pk=pk)
    indicator = period.indicator
    if request.method == "POST":
        services.indicator_period_delete(actor=request.user, period=period)
        messages.success(request, _("The period was deleted."))
        return redirect(indicator)
    context = {"object": indicator, "activity": indicator.activity, "period": period}
    return render(request, "programmes/indicator_confirm_delete.html", context)
