"""The Customs Expert database: search filters and a person's own profile."""

from django import forms
from django.utils.translation import gettext_lazy as _

from workshops.forms.attendance import limit_length
from workshops.models import ExpertiseArea, ExpertProfile


class AreaChoiceMixin:
    def label_from_instance(self, obj: ExpertiseArea) -> str:
        return obj.display_name


class AreaChoiceField(AreaChoiceMixin, forms.ModelChoiceField):
    pass


class AreaMultipleChoiceField(AreaChoiceMixin, forms.ModelMultipleChoiceField):
    pass


class ExpertFilterForm(forms.Form):
    area = AreaChoiceField(
        label=_("Area of expertise"),
        queryset=ExpertiseArea.objects.order_by("name"),
        required=False,
        empty_label=_("Any area"),
        widget=forms.Select(attrs={"class": "form-select"}),
    )
    language = forms.ChoiceField(
        label=_("Works in"),
        choices=[("", _("Any language")), ("en", _("English")), ("fr", _("French"))],
        required=False,
        widget=forms.Select(attrs={"class": "form-select"}),
    )


class ExpertProfileForm(forms.ModelForm):
    areas = AreaMultipleChoiceField(
        label=_("Areas of expertise"),
        queryset=ExpertiseArea.objects.order_by("name"),
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = ExpertProfile
        fields = [
            "areas",
            "speaks_english",
            "speaks_french",
            "other_languages",
            "availability",
            "availability_notes",
            "summary",
        ]
        widgets = {"summary": forms.Textarea(attrs={"rows": 5})}
        help_texts = {
            "summary": _("Your experience as a trainer or adviser, in a few lines."),
            "availability_notes": _("For example: not before March; two weeks a year."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        limit_length(self.fields["summary"])
