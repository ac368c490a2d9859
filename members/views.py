"""Views of the members app: home, directory, profile, people, language, errors."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from core import selectors as core_selectors
from core.errors import ServiceError
from members import selectors
from members.forms import (
    DirectoryFilterForm,
    PeopleFilterForm,
    ProfileForm,
    RolesForm,
)
from members.services import people as people_services

PAGE_SIZE = 50


def _page(request, queryset, size: int = PAGE_SIZE):
    return Paginator(queryset, size).get_page(request.GET.get("page"))


def home(request):
    if not request.user.is_authenticated:
        return render(request, "members/home_anonymous.html")
    context = {"now": timezone.now()}
    if request.user.is_secretariat:
        context["outbox_counts"] = core_selectors.outbox_counts(user=request.user)
    return render(request, "members/home.html", context)


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
        {"organisation": organisation, "people": _page(request, people), "now": timezone.now()},
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
        request, "members/person_list.html", {"form": form, "page": _page(request, queryset)}
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


@require_POST
def set_language(request):
    """Switch the interface language; a signed-in person's choice is remembered on their profile."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if not check_for_language(language) or language not in ("en", "fr"):
        messages.error(request, _("That language is not available."))
        return response
    if request.user.is_authenticated and request.user.preferred_language != language:
        people_services.user_update_profile(
            user=request.user, data={"preferred_language": language}
        )
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=365 * 24 * 3600,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


def csrf_failure(request, reason: str = ""):
    return render(request, "403_csrf.html", {"reason": reason}, status=403)


def error_404(request, exception=None):
    return render(request, "404.html", status=404)


def error_403(request, exception=None):
    return render(request, "403.html", status=403)


def error_400(request, exception=None):
    return render(request, "400.html", status=400)


def error_500(request):
    """Rendered without the request context: it must work when everything else is broken."""
    from django.template import loader

    return HttpResponseServerError(loader.get_template("500.html").render())
