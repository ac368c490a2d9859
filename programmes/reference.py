"""Loading of the programmes' reference data (TFA measures, strategic plans), idempotent."""

import csv
from collections import Counter
from pathlib import Path

from django.db import transaction
from django.utils.text import slugify

from members.reference import upsert
from programmes.models import Activity, Objective, Priority, StrategicPlan, TfaMeasure


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


@transaction.atomic
def load_strategic_plans(data_dir: Path, counts: Counter) -> None:
    """Plans, priorities, objectives and activities; a row without an objective describes a
    priority, one without an activity an objective. Order in the file is kept."""
    with (data_dir / "strategic_plans.csv").open(newline="", encoding="utf-8") as handle:
        rows = [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]
    positions: Counter = Counter()
    seen: dict[tuple, object] = {}

    def once(model, lookup: dict, values: dict):
        """Each plan, priority and objective is counted once, however many rows repeat it."""
        key = (model.__name__, *sorted((k, getattr(v, "pk", v)) for k, v in lookup.items()))
        if key not in seen:
            seen[key] = upsert(model, lookup, values, counts)
        return seen[key]

    for row in rows:
        plan = once(
            StrategicPlan,
            {"name": row["plan"]},
            {
                "slug": slugify(row["plan"]),
                "start_year": int(row["start_year"]),
                "end_year": int(row["end_year"]),
            },
        )
        priority = once(
            Priority,
            {"plan": plan, "number": int(row["priority_number"])},
            {"title": row["priority_title"], "overall_objective": row["overall_objective"]},
        )
        if not row["objective"]:
            continue
        existing = Objective.objects.filter(priority=priority, title=row["objective"]).first()
        if existing is None and ("Objective", priority.pk, row["objective"]) not in seen:
            positions[("objective", priority.pk)] += 1
        objective = once(
            Objective,
            {"priority": priority, "title": row["objective"]},
            {"position": existing.position if existing else positions[("objective", priority.pk)]},
        )
        seen[("Objective", priority.pk, row["objective"])] = objective
        if not row["activity"]:
            continue
        activity = Activity.objects.filter(objective=objective, title=row["activity"]).first()
        if activity is None:
            positions[("activity", objective.pk)] += 1
        upsert(
            Activity,
            {"objective": objective, "title": row["activity"]},
            {
                "source": row["source"],
                "position": activity.position
                if activity
                else positions[("activity", objective.pk)],
            },
            counts,
        )
