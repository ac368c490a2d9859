"""allauth adapter: every account e-mail goes through the portal's outbox."""

from allauth.account.adapter import DefaultAccountAdapter
from django.utils import translation

from members.services.outbox import email_store


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
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
