"""Writes of the programmes app, one module per part; the names are re-exported here."""

from programmes.services.action_plans import (
    action_item_add,
    action_item_delete,
    action_item_edit,
    action_item_update_add,
    action_plan_adopt,
    action_plan_create,
)
from programmes.services.agreements import agreement_delete, agreement_save
from programmes.services.indicators import (
    indicator_delete,
    indicator_period_delete,
    indicator_period_save,
    indicator_save,
)
from programmes.services.reports import report_pdf_request
from programmes.services.strategic_plans import (
    activity_link_workshop,
    activity_update,
    progress_update_add,
)

__all__ = [
    "action_item_add",
    "action_item_delete",
    "action_item_edit",
    "action_item_update_add",
    "action_plan_adopt",
    "action_plan_create",
    "activity_link_workshop",
    "activity_update",
    "agreement_delete",
    "agreement_save",
    "indicator_delete",
    "indicator_period_delete",
    "indicator_period_save",
    "indicator_save",
    "progress_update_add",
    "report_pdf_request",
]
