"""allauth adapter: every account e-mail goes through the portal's outbox."""

from dataclasses import dataclass
from urllib.parse import urlsplit

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings
from django.utils import translation

from core.services.mail import email_store

SITE_NAME = "OCO Portal"


@dataclass(frozen=True)
class PortalSite:
    """What allauth's templates read as `current_site` (the portal does not use
    django.contrib.sites, and a request's host is not a name to greet people with)."""

    name: str
    domain: str


def portal_site() -> PortalSite:
    return PortalSite(name=SITE_NAME, domain=urlsplit(settings.SITE_URL).netloc)


def _message_language(request, user) -> str | None:
    """The language of the page the message will appear on: the person's own, unless they
    chose one this visit (the rule of UserPreferencesMiddleware, which ran before sign-in)."""
    if settings.LANGUAGE_COOKIE_NAME in request.COOKIES:
        return None
    return getattr(user, "preferred_language", None) or None


class AccountAdapter(DefaultAccountAdapter):
    def add_message(self, request, level, message_template=None, message_context=None, **kwargs):
        user = (message_context or {}).get("user") or getattr(request, "user", None)
        language = _message_language(request, user) if getattr(user, "pk", None) else None
        if language is None:
            return super().add_message(request, level, message_template, message_context, **kwargs)
        with translation.override(language):
            return super().add_message(request, level, message_template, message_context, **kwargs)

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        context = {**context, "current_site": portal_site()}
        message = self.render_mail(template_prefix, email, context)
        html = ""
        for content, mimetype in getattr(message, "alternatives", []):
            if mimetype == "text/html":
                html = content
        user = context.get("user")
        email_store(
            to=email,
            subject=message.subject,
            body_text=message.body,
            body_html=html,
            template=template_prefix,
            language=translation.get_language() or "en",
            user=user if getattr(user, "pk", None) else None,
        )
