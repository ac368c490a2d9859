"""Loading of the workshops app's reference data from data/*.csv, idempotent: the areas of
the Customs Expert database."""

from collections import Counter
from pathlib import Path

from django.db import transaction

from members.reference import read_csv, upsert
from workshops.models import ExpertiseArea


@transaction.atomic
def load_expertise_areas(data_dir: Path, counts: Counter) -> None:
    for row in read_csv(data_dir / "expertise_areas.csv"):
        upsert(ExpertiseArea, {"name": row["name"]}, {"name_fr": row["name_fr"]}, counts)
