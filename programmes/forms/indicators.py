from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BootstrapWidgetsMixin
from programmes.models import Indicator, IndicatorPeriod


class IndicatorForm(BootstrapWidgetsMixin, forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["title", "unit", "source", "baseline", "baseline_year"]
        widgets = {"source": forms.RadioSelect}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["source"].help_text = _(
            "Officers trained are the approved participants of the workshops linked to this "
            "activity who attended enough of the workshop's days, counted once per period."
        )

    def validate_unique(self) -> None:
        """Uniqueness is the service's (the activity is not a field of the form)."""


class IndicatorPeriodForm(BootstrapWidgetsMixin, forms.ModelForm):
    class Meta:
        model = IndicatorPeriod
        fields = ["start", "end", "target", "actual", "comment"]
        widgets = {
            "start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "comment": forms.Textarea(attrs={"rows": 2}),
        }

    def __init__(self, *args, indicator: Indicator, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if indicator.is_computed:
            del self.fields["actual"]

    def validate_unique(self) -> None:
        """Overlaps are the service's."""

    def _post_clean(self) -> None:
        """Model validation (the period's order) is the service's, with its own message."""
