"""Programmes: the Strategic Plan and its activities, the workshops that serve them, the WTO TFA
measures, and the agreements under which work is done."""

from programmes.models.action_plans import ActionItem, ActionItemUpdate, ActionPlan
from programmes.models.agreements import Agreement
from programmes.models.indicators import Indicator, IndicatorPeriod
from programmes.models.strategic_plans import (
    Activity,
    Objective,
    Priority,
    ProgressUpdate,
    StrategicPlan,
    TfaMeasure,
)

__all__ = [
    "ActionItem",
    "ActionItemUpdate",
    "ActionPlan",
    "Activity",
    "Agreement",
    "Indicator",
    "IndicatorPeriod",
    "Objective",
    "Priority",
    "ProgressUpdate",
    "StrategicPlan",
    "TfaMeasure",
]
