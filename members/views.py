"""Views of the members app: the directory, the profile, people and their roles."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.pagination import page_of
from members import selectors
from members.forms import (
    DirectoryFilterForm,
    PeopleFilterForm,
    ProfileForm,
    RolesForm,
)
from members.services import people as people_services


@login_required
def directory(request):
    form = DirectoryFilterForm(request.GET or None)
    filters, search = [], ""
    if form.is_valid():
        filters, search = form.cleaned_data["only"], form.cleaned_data["q"]
    organisations = selectors.member_directory(user=request.user, filters=filters, search=search)
    return render(
        request,
        "members/organisation_list.html",
        {"form": form, "organisations": organisations, "now": timezone.now()},
    )


@login_required
def organisation_detail(request, slug: str):
    organisation = selectors.organisation_detail(user=request.user, slug=slug)
    people = selectors.organisation_people(user=request.user, organisation=organisation)
    return render(
        request,
        "members/organisation_detail.html",
        {"organisation": organisation, "people": page_of(request, people), "now": timezone.now()},
    )


@login_required
def profile(request):
    form = ProfileForm(request.POST or None, instance=request.user)
    if request.method == "POST" and form.is_valid():
        people_services.user_update_profile(
            user=request.user, data={name: form.cleaned_data[name] for name in form.changed_data}
        )
        messages.success(request, _("Your profile was saved."))
        return redirect("members:profile")
    return render(request, "members/profile_form.html", {"form": form})


@login_required
def people(request):
    form = PeopleFilterForm(request.GET or None)
    search, role = "", ""
    if form.is_valid():
        search, role = form.cleaned_data["q"], form.cleaned_data["role"]
    queryset = selectors.people_list(user=request.user, search=search, role=role)
    return render(
        request, "members/person_list.html", {"form": form, "page": page_of(request, queryset)}
    )


@login_required
def person_roles(request, person_id: int):
    person = selectors.person_for_secretariat(user=request.user, person_id=person_id)
    focal, donor = selectors.person_links(person=person)
    initial = {
        "is_secretariat": person.is_secretariat,
        "focal_point_of": focal,
        "donor_contact_of": donor,
    }
    form = RolesForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            people_services.user_set_roles(actor=request.user, user=person, **form.cleaned_data)
        except ServiceError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("The roles of %(name)s were saved.") % {"name": person})
            return redirect("members:person-roles", person_id=person.pk)
    return render(request, "members/person_roles.html", {"person": person, "form": form})
