"""Forms of the programmes app, one module per part; the names are re-exported here."""

from programmes.forms.action_plans import ActionItemForm, ActionItemUpdateForm, PdfLanguageForm
from programmes.forms.strategic_plans import ActivityForm, ProgressUpdateForm, WorkshopLinkForm

__all__ = [
    "ActionItemForm",
    "ActionItemUpdateForm",
    "ActivityForm",
    "PdfLanguageForm",
    "ProgressUpdateForm",
    "WorkshopLinkForm",
]
