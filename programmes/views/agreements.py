"""Agreements (MoUs): the list and one agreement's page."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from programmes import selectors


@login_required
def agreement_list(request):
    agreements = selectors.agreement_list(user=request.user)
    return render(request, "programmes/agreement_list.html", {"agreements": agreements})


@login_required
def agreement_detail(request, pk: int):
    agreement = selectors.agreement_detail(user=request.user, pk=pk)
    return render(request, "programmes/agreement_detail.html", {"agreement": agreement})
