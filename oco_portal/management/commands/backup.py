"""manage.py backup: the database and every stored file in one dated archive."""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from oco_portal import backups


class Command(BaseCommand):
    help = (
        "Write the database (pg_dump, custom format) and every file of the storage into "
        "one archive, oco-backup-<UTC time>.tar, in --output-dir (default var/backups)."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--output-dir",
            type=Path,
            default=Path(settings.VAR_DIR) / "backups",
            help="folder that receives the archive (created if missing)",
        )

    def handle(self, *args, output_dir: Path, **options) -> None:
        try:
            path, manifest = backups.backup(output_dir=output_dir)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        tables = manifest["database"]["tables"]
        self.stdout.write(
            self.style.SUCCESS(
                f"Backed up {len(tables)} tables ({sum(tables.values())} rows) and "
                f"{len(manifest['files'])} files to {path}"
            )
        )
