"""Loading of the programmes' reference data (WTO TFA measures), idempotent."""

import csv
from collections import Counter
from pathlib import Path

from django.db import transaction

from members.reference import upsert
from programmes.models import TfaMeasure


@transaction.atomic
def load_tfa_measures(data_dir: Path, counts: Counter) -> None:
    with (data_dir / "tfa_measures.csv").open(newline="", encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            code = row["measure"].strip()
            upsert(
                TfaMeasure,
                {"code": code},
                {
                    "article": int(row["article"]),
                    "article_title": row["article_title"].strip(),
                    "title": row["measure_title"].strip(),
                    "position": int(code.split(".")[1]) if "." in code else 0,
                },
                counts,
            )
