from django import forms
from django.conf import settings
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from core.forms import BootstrapWidgetsMixin
from members.models import Organisation
from programmes.models import Activity, Agreement
from workshops.models import Workshop


class AgreementForm(BootstrapWidgetsMixin, forms.ModelForm):
    """The shape of an agreement; the service checks the rest (parties, the document's content)."""

    document_file = forms.FileField(
        label=_("Signed document"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": ".pdf,.doc,.docx,.odt,.png,.jpg,.jpeg"}),
    )

    class Meta:
        model = Agreement
        fields = [
            "title",
            "short_name",
            "parties",
            "signed_on",
            "signed_at",
            "summary",
            "activities",
            "workshops",
        ]
        widgets = {
            "parties": forms.CheckboxSelectMultiple,
            "signed_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "summary": forms.Textarea(attrs={"rows": 4}),
            "activities": forms.SelectMultiple(attrs={"size": 8}),
            "workshops": forms.SelectMultiple(attrs={"size": 6}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["parties"].queryset = Organisation.objects.order_by("name")
        self.fields["activities"].queryset = Activity.objects.select_related(
            "objective__priority__plan"
        ).order_by("objective__priority__plan__start_year", "objective__priority__number", "id")
        self.fields["activities"].label_from_instance = lambda activity: (
            f"{activity.objective.priority.plan.name} · P{activity.objective.priority.number} · "
            f"{activity.title}"
        )
        self.fields["workshops"].queryset = Workshop.objects.order_by("-start_date", "title")
        self.fields["signed_at"].help_text = _("City where it was signed, e.g. Suva.")
        self.fields["document_file"].help_text = _(
            "PDF, Word, OpenDocument or a scan (PNG, JPEG), up to %(limit)s. "
            "Leave empty to keep the current one."
        ) % {"limit": filesizeformat(settings.DOCUMENT_MAX_BYTES)}
