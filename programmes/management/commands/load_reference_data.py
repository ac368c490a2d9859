"""manage.py load_reference_data: organisations, trade agreements and TFA measures."""

from collections import Counter
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from members.reference import load_organisations
from programmes.reference import load_strategic_plans, load_tfa_measures
from workshops.reference import load_expertise_areas


class Command(BaseCommand):
    help = "Load the reference data in data/*.csv (organisations, TFA measures, strategic plans). Safe to run again: updates, never duplicates."

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--data-dir", default=str(Path(settings.BASE_DIR) / "data"), help="Folder of the CSVs."
        )

    def handle(self, *args, **options) -> None:
        data_dir = Path(options["data_dir"])
        if not (data_dir / "members.csv").exists():
            raise CommandError(f"No members.csv in {data_dir}.")
        counts: Counter = Counter()
        try:
            load_organisations(data_dir, counts)
            load_expertise_areas(data_dir, counts)
            load_tfa_measures(data_dir, counts)
            load_strategic_plans(data_dir, counts)
        except (KeyError, ValueError) as error:
            raise CommandError(f"The reference data could not be read: {error!r}") from error
        for label in dict.fromkeys(label for label, _outcome in counts):
            self.stdout.write(
                f"{label}: {counts[(label, 'created')]} created, "
                f"{counts[(label, 'updated')]} updated, {counts[(label, 'unchanged')]} unchanged"
            )
