"""Writes of the programmes app, one module per part; the names are re-exported here."""

from programmes.services.action_plans import (
    action_item_add,
    action_item_delete,
    action_item_edit,
    action_item_update_add,
    action_plan_adopt,
    action_plan_create,
)
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
    "progress_update_add",
]
