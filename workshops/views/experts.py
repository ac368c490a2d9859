"""The Customs Expert database: search, profiles with past facilitations, one's own profile."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.pagination import page_of
from workshops import selectors
from workshops.forms.experts import ExpertFilterForm, ExpertProfileForm
from workshops.services.experts import expert_profile_save

PAGE_SIZE = 25


@login_required
def expert_list(request):
    form = ExpertFilterForm(request.GET or None)
    area, language = None, ""
    if form.is_valid():
        area, language = form.cleaned_data["area"], form.cleaned_data["language"]
    queryset = selectors.expert_search(
        user=request.user, area=area.pk if area else None, language=language
    )
    page = page_of(request, queryset, PAGE_SIZE)
    return render(request, "workshops/expert_list.html", {"form": form, "page": page})


@login_required
def expert_detail(request, pk: int):
    profile, facilitations = selectors.expert_detail(user=request.user, pk=pk)
    return render(
        request,
        "workshops/expert_detail.html",
        {"profile": profile, "facilitations": facilitations},
    )


@login_required
def expert_edit(request):
    profile = getattr(request.user, "expert_profile", None)
    form = ExpertProfileForm(request.POST or None, instance=profile)
    if request.method == "POST" and form.is_valid():
        try:
            profile = expert_profile_save(
                actor=request.user, person=request.user, data=form.cleaned_data
            )
        except ServiceError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("Your expert profile was saved."))
            return redirect(profile.get_absolute_url())
    return render(request, "workshops/expert_form.html", {"form": form, "profile": profile})
