"""Forms of check-in, certificate verification and the evaluation survey."""

from django import forms
from django.core import validators
from django.utils.translation import gettext_lazy as _

from core.forms import BootstrapWidgetsMixin
from workshops.forms.workshops import DateInput
from workshops.models import Evaluation
from workshops.models.attendance import EVALUATION_QUESTIONS, normalise_certificate_code

RATINGS = [(n, str(n)) for n in range(1, 6)]

# Free-text answers: plenty for a few paragraphs, bounded so a pasted wall of text is refused.
FREE_TEXT_MAX_LENGTH = 2000


def limit_length(field: forms.CharField, max_length: int = FREE_TEXT_MAX_LENGTH) -> None:
    """Give a form's text field a maximum length, checked on the server and in the browser."""
    field.max_length = max_length
    field.validators.append(validators.MaxLengthValidator(max_length))
    field.widget.attrs["maxlength"] = str(max_length)


class CheckInForm(forms.Form):
    """One tap: the day and the state the participant should have (not a toggle, so a form
    sent twice on a poor connection leaves the same state)."""

    day = forms.DateField()
    present = forms.TypedChoiceField(choices=[("1", "1"), ("0", "0")], coerce=lambda v: v == "1")


class CheckInFilterForm(forms.Form):
    day = forms.DateField(required=False)
    q = forms.CharField(required=False, max_length=100)


class VerifyForm(BootstrapWidgetsMixin, forms.Form):
    code = forms.CharField(
        label=_("Verification code"),
        max_length=40,
        help_text=_("As printed on the certificate, for example ABCD-EFGH-JKMN-PQRS."),
    )

    def clean_code(self) -> str:
        return normalise_certificate_code(self.cleaned_data["code"])


class EvaluationForm(BootstrapWidgetsMixin, forms.ModelForm):
    class Meta:
        model = Evaluation
        fields = [*EVALUATION_QUESTIONS, "will_apply", "comments"]
        widgets = {
            **{question: forms.RadioSelect(choices=RATINGS) for question in EVALUATION_QUESTIONS},
            "will_apply": forms.Textarea(attrs={"rows": 3}),
            "comments": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {"relevance": _("1 = poor, 5 = excellent, for each rating.")}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_length(self.fields["will_apply"])
        limit_length(self.fields["comments"])

    def answers(self) -> dict:
        return {name: self.cleaned_data[name] for name in self.Meta.fields}


class AttendanceRulesForm(BootstrapWidgetsMixin, forms.Form):
    share = forms.IntegerField(
        label=_("Attendance needed for a certificate (%)"), min_value=1, max_value=100
    )
    closes_on = forms.DateField(label=_("Evaluation closes on"), required=False, widget=DateInput())
