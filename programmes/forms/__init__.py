"""Forms of the programmes app, one module per part; the names are re-exported here."""

from programmes.forms.action_plans import ActionItemForm, ActionItemUpdateForm, PdfLanguageForm
from programmes.forms.agreements import AgreementForm
from programmes.forms.indicators import IndicatorForm, IndicatorPeriodForm
from programmes.forms.strategic_plans import ActivityForm, ProgressUpdateForm, WorkshopLinkForm

__all__ = [
    "ActionItemForm",
    "ActionItemUpdateForm",
    "ActivityForm",
    "AgreementForm",
    "IndicatorForm",
    "IndicatorPeriodForm",
    "PdfLanguageForm",
    "ProgressUpdateForm",
    "WorkshopLinkForm",
]
