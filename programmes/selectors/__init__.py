"""Reads of the programmes app, one module per part; the names are re-exported here."""

from programmes.selectors.agreements import agreement_detail, agreement_list
from programmes.selectors.strategic_plans import (
    Progress,
    activity_detail,
    plan_list,
    plan_tree,
    progress_of,
)

__all__ = [
    "Progress",
    "activity_detail",
    "agreement_detail",
    "agreement_list",
    "plan_list",
    "plan_tree",
    "progress_of",
]
