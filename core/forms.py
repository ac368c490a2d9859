"""Forms of the ground floor: the outbox filter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import OutgoingEmail


class OutboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), *list(OutgoingEmail.Status.choices)],
        required=False,
    )
    q = forms.CharField(label=_("Recipient or subject"), required=False, max_length=200)
