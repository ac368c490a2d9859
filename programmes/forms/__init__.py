"""Forms of the programmes app, one module per part; the names are re-exported here."""

from programmes.forms.agreements import AgreementForm
from programmes.forms.indicators import IndicatorForm, IndicatorPeriodForm
from programmes.forms.strategic_plans import ActivityForm, ProgressUpdateForm, WorkshopLinkForm

__all__ = [
    "ActivityForm",
    "AgreementForm",
    "IndicatorForm",
    "IndicatorPeriodForm",
    "ProgressUpdateForm",
    "WorkshopLinkForm",
]
