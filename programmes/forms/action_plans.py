"""Forms of workshop action plans; they hand cleaned data to programmes.services.action_plans."""

from itertools import groupby

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import BootstrapWidgetsMixin
from members.models import Organisation
from programmes.models import ActionItem, ActionPlan, TfaMeasure

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def tfa_measure_choices() -> list:
    """The measures under one heading per article, for a select with optgroups."""
    measures = TfaMeasure.objects.order_by("article", "position").values_list(
        "article", "article_title", "code", "title"
    )
    choices: list = [("", _("None"))]
    for (article, article_title), rows in groupby(measures, key=lambda m: (m[0], m[1])):
        choices.append(
            (
                _("Article %(number)s: %(title)s") % {"number": article, "title": article_title},
                [(code, f"{code} {title}") for *_a, code, title in rows],
            )
        )
    return choices


class ActionItemForm(BootstrapWidgetsMixin, forms.Form):
    action = forms.CharField(
        label=_("Action"), max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )
    responsible = forms.ModelChoiceField(
        label=_("Responsible organisation"), queryset=Organisation.objects.none(), required=False
    )
    start_date = forms.DateField(label=_("Start"), widget=DATE)
    end_date = forms.DateField(label=_("End"), widget=DATE)
    tfa_measure_code = forms.ChoiceField(label=_("WTO TFA measure"), required=False)
    tfa_category = forms.ChoiceField(
        label=_("TFA category of the administration"),
        choices=[("", _("Not known")), *ActionItem.TfaCategory.choices],
        required=False,
    )
    assistance_needed = forms.CharField(
        label=_("Technical assistance needed"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    status = forms.ChoiceField(label=_("Status"), choices=ActionItem.Status.choices)

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["responsible"].queryset = Organisation.objects.order_by("name")
        self.fields["tfa_measure_code"].choices = tfa_measure_choices()

    def clean(self) -> dict:
        data = super().clean()
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The end cannot be before the start."))
        return data

    @staticmethod
    def initial_for(item: ActionItem) -> dict:
        return {
            "action": item.action,
            "responsible": item.responsible_id,
            "start_date": item.start_date,
            "end_date": item.end_date,
            "tfa_measure_code": item.tfa_measure.code if item.tfa_measure else "",
            "tfa_category": item.tfa_category,
            "assistance_needed": item.assistance_needed,
            "status": item.status,
        }


class ActionItemUpdateForm(BootstrapWidgetsMixin, forms.Form):
    date = forms.DateField(label=_("Date"), initial=timezone.localdate, widget=DATE)
    status_after = forms.ChoiceField(label=_("Status now"), choices=ActionItem.Status.choices)
    text = forms.CharField(
        label=_("What happened"), max_length=4000, widget=forms.Textarea(attrs={"rows": 3})
    )


class PdfLanguageForm(forms.Form):
    language = forms.ChoiceField(
        label=_("Language"), choices=ActionPlan.PdfLanguage.choices, widget=forms.RadioSelect
    )
