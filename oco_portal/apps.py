from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    """The portal shell above the apps: the dashboard, error pages, health, the language
    switch, middleware, and the commands that concern the whole portal."""

    name = "oco_portal"
    verbose_name = _("OCO Portal")
