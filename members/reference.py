"""Loading of the reference organisations from data/*.csv, idempotent."""

import csv
from collections import Counter
from datetime import date
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from members.models import Organisation, TradeAgreement, TradeAgreementParty

PACER_PLUS = {
    "code": "pacer-plus",
    "name": "PACER Plus (Pacific Agreement on Closer Economic Relations Plus)",
    "in_force_since": date(2020, 12, 13),
}


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return [
            {key: (value or "").strip() for key, value in row.items()}
            for row in csv.DictReader(handle)
        ]


def _parse_partial_date(value: str) -> date | None:
    """'2024-08-30' or '2011-05' (month only) or ''."""
    if not value:
        return None
    parts = [int(part) for part in value.split("-")]
    return date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)


def upsert(model, lookup: dict, values: dict, counts: Counter) -> object:
    """Create or update one row, counting created / updated / unchanged under the model's name."""
    label = model._meta.verbose_name_plural
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        counts[(label, "created")] += 1
        return model.objects.create(**lookup, **values)
    changed = [field for field, value in values.items() if getattr(instance, field) != value]
    if changed:
        for field in changed:
            setattr(instance, field, values[field])
        instance.save(update_fields=changed)
        counts[(label, "updated")] += 1
    else:
        counts[(label, "unchanged")] += 1
    return instance


def _member_values(row: dict[str, str]) -> dict:
    return {
        "name": row["name"],
        "slug": slugify(row["name"])[:60],
        "oco_status": row["oco_status"],
        "joined_oco": _parse_partial_date(row["joined_oco"]),
        "country_iso2": row["iso2"],
        "time_zone": row["timezone"],
        "languages": row["official_languages"],
        "preferred_language": row["ui_language"] or "en",
        "is_wto_member": row["wto_member"] == "yes",
        "wto_member_since": _parse_partial_date(row["wto_member_since"]),
        "currency": row["currency"],
        "notes": row["notes"],
    }


@transaction.atomic
def load_organisations(data_dir: Path, counts: Counter) -> None:
    agreement = upsert(
        TradeAgreement,
        {"code": PACER_PLUS["code"]},
        {key: value for key, value in PACER_PLUS.items() if key != "code"},
        counts,
    )
    for row in read_csv(data_dir / "members.csv"):
        organisation = upsert(
            Organisation,
            {"kind": Organisation.Kind.CUSTOMS, "country_iso3": row["iso3"]},
            _member_values(row),
            counts,
        )
        if row["pacer_plus"] in TradeAgreementParty.Status.values:
            upsert(
                TradeAgreementParty,
                {"agreement": agreement, "organisation": organisation},
                {"status": row["pacer_plus"]},
                counts,
            )
        else:
            TradeAgreementParty.objects.filter(
                agreement=agreement, organisation=organisation
            ).delete()
    for row in read_csv(data_dir / "partners.csv"):
        upsert(
            Organisation,
            {"slug": row["slug"]},
            {
                "name": row["name"],
                "short_name": row["short_name"],
                "kind": row["kind"],
                "oco_status": Organisation.OcoStatus.NONE,
                "country_iso2": row["iso2"],
                "country_iso3": row["iso3"],
                "time_zone": row["timezone"],
                "languages": row["languages"],
                "preferred_language": row["ui_language"] or "en",
                "website": row["website"],
                "notes": row["notes"],
            },
            counts,
        )
