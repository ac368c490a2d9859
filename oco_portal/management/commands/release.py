"""manage.py release: the step before serving a new version (make serve, the container's
release service): migrate the database, collect the static files, check the translations."""

import gettext
import shutil
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError


class Command(BaseCommand):
    help = (
        "Migrate the database, collect the static files and check that every translation is "
        "compiled (run before starting the web, worker and beat processes of a new version)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--skip-collectstatic",
            action="store_true",
            help="the static files are already collected (the container image does it when built)",
        )

    def handle(self, *args, skip_collectstatic: bool = False, **options) -> None:
        verbosity = options["verbosity"]
        self.stdout.write("Migrating the database")
        call_command("migrate", interactive=False, verbosity=verbosity)
        if not skip_collectstatic:
            self.stdout.write(f"Collecting static files into {settings.STATIC_ROOT}")
            call_command("collectstatic", interactive=False, verbosity=max(0, verbosity - 1))
        self._check_translations()
        self.stdout.write(self.style.SUCCESS("Release step done"))

    def _check_translations(self) -> None:
        """The compiled catalogues (.mo) are committed beside their .po: check each is there
        and readable; compile a missing one where gettext is installed."""
        catalogues = [po for root in settings.LOCALE_PATHS for po in Path(root).rglob("*.po")]
        missing = [po for po in catalogues if not po.with_suffix(".mo").is_file()]
        if missing and shutil.which("msgfmt"):
            call_command("compilemessages", verbosity=0)
            missing = [po for po in catalogues if not po.with_suffix(".mo").is_file()]
        if missing:
            raise CommandError(
                "Translations are not compiled: "
                + ", ".join(str(po.with_suffix(".mo")) for po in missing)
                + ". Run `manage.py compilemessages` (it needs gettext) and commit the .mo files."
            )
        for po in catalogues:
            with po.with_suffix(".mo").open("rb") as compiled:
                try:
                    gettext.GNUTranslations(compiled)
                except OSError as error:
                    raise CommandError(f"{compiled.name} cannot be read: {error}") from error
        self.stdout.write(f"Translations compiled: {len(catalogues)} catalogue(s)")
