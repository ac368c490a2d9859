from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core.forms import BootstrapWidgetsMixin
from members.models import Organisation
from programmes.models import Activity
from workshops.models import Workshop


class ActivityForm(BootstrapWidgetsMixin, forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["status", "lead", "start_year", "end_year", "notes"]
        widgets = {"notes": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["lead"].queryset = Organisation.objects.order_by("name")


class ProgressUpdateForm(BootstrapWidgetsMixin, forms.Form):
    date = forms.DateField(
        label=_("Date"), initial=timezone.localdate, widget=forms.DateInput(attrs={"type": "date"})
    )
    text = forms.CharField(
        label=_("What happened"), widget=forms.Textarea(attrs={"rows": 3}), max_length=4000
    )


class WorkshopLinkForm(BootstrapWidgetsMixin, forms.Form):
    workshop = forms.ModelChoiceField(
        label=_("Workshop serving this activity"), queryset=Workshop.objects.order_by("-start_date")
    )
