"""The portal shell's views: the dashboard, the language switch and the error pages."""

from django.conf import settings
from django.contrib import messages
from django.http import HttpResponseRedirect, HttpResponseServerError
from django.shortcuts import render
from django.template import loader
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import check_for_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from members.services import people as people_services
from oco_portal.gather import dashboard_cards

LANGUAGES = ("en", "fr")


def home(request):
    if not request.user.is_authenticated:
        return render(request, "oco_portal/home_anonymous.html")
    context = {"now": timezone.now(), "cards": dashboard_cards(request)}
    return render(request, "oco_portal/home.html", context)


@require_POST
def set_language(request):
    """Switch the interface language; a signed-in person's choice is remembered on their profile."""
    language = request.POST.get("language", "")
    next_url = request.POST.get("next") or "/"
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}, request.is_secure()):
        next_url = "/"
    response = HttpResponseRedirect(next_url)
    if not check_for_language(language) or language not in LANGUAGES:
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
    return HttpResponseServerError(loader.get_template("500.html").render())
