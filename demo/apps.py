from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DemoConfig(AppConfig):
    """The demo data `make run` loads (`manage.py seed_demo`) and `manage.py demo_totp`, above
    every app: the accounts, the 2017 Korea workshop with its participants, an upcoming
    workshop, and the Strategic Plan links, indicators and action plans."""

    name = "demo"
    verbose_name = _("Demo data")
