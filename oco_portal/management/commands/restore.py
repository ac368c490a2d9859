"""manage.py restore ARCHIVE: a backup brought back into an empty database and the storage."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from oco_portal import backups


class Command(BaseCommand):
    help = (
        "Restore an archive written by `manage.py backup` into the database of DATABASE_URL, "
        "which must be empty, and into the storage; then check row counts and checksums."
    )
    requires_system_checks = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("archive", type=Path, help="the oco-backup-<time>.tar to restore")

    def handle(self, *args, archive: Path, **options) -> None:
        if not archive.is_file():
            raise CommandError(f"No backup at {archive}.")
        try:
            restored = backups.restore(archive_path=archive)
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {restored.tables} tables ({restored.rows} rows) and "
                f"{restored.files} files ({restored.files_already_there} were already there "
                "with the same content); row counts and checksums match the backup."
            )
        )
