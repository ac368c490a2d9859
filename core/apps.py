from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    """The ground floor every app stands on: the outbox, generated documents, table exports
    and the permission mechanism. It knows no workshop, programme or member."""

    name = "core"
    verbose_name = _("Portal ground floor")

    def ready(self):
        # Each app's builders of generated documents register themselves (core.documents).
        from core.documents import discover

        discover()
