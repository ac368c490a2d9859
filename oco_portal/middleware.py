"""The portal shell's middleware: per-request preferences (time zone, language) and the
Secretariat's two-factor rule."""

from allauth.mfa.models import Authenticator
from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.translation import gettext as _

MFA_EXEMPT_PREFIXES = ("/accounts/", "/static/", "/healthz", "/ping", "/i18n/", "/media/")


class UserPreferencesMiddleware:
    """Show times in the person's zone; use their language unless they chose one this visit."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if user.is_authenticated:
            timezone.activate(user.zone)
            if settings.LANGUAGE_COOKIE_NAME not in request.COOKIES:
                translation.activate(user.preferred_language)
                request.LANGUAGE_CODE = user.preferred_language
        else:
            timezone.deactivate()
        return self.get_response(request)


class SecretariatMfaMiddleware:
    """Secretariat staff and administrators must set up an authenticator before anything else."""

    def __init__(self, get_response) -> None:
        self.get_response = get_response

    def __call__(self, request):
        user = request.user
        if (
            user.is_authenticated
            and (user.is_secretariat or user.is_staff)
            and not request.path.startswith(MFA_EXEMPT_PREFIXES)
            and not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()
        ):
            messages.warning(
                request,
                _(
                    "Secretariat staff must use two-factor sign-in. Set up an authenticator app to continue."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
