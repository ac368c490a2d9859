"""Forms of the ground floor: the Bootstrap look of light forms, and the outbox filter.

A light Bootstrap look for forms on pages that must stay fast (crispy's rendering costs
several milliseconds per field): widgets get Bootstrap's classes, and
templates/_partials/field.html lays out label, widget, help and errors.
"""

from typing import TYPE_CHECKING

from django import forms
from django.utils.translation import gettext_lazy as _

from core.models import OutgoingEmail

CHECKS = (forms.CheckboxInput, forms.CheckboxSelectMultiple, forms.RadioSelect)

# The mixin goes before a Form class; type checkers see the form it will be part of.
if TYPE_CHECKING:
    _Form = forms.BaseForm
else:
    _Form = object


class BootstrapWidgetsMixin(_Form):
    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            widget = field.widget
            if isinstance(widget, forms.HiddenInput):
                continue
            if isinstance(widget, CHECKS):
                css = "form-check-input"
            elif isinstance(widget, forms.Select):
                css = "form-select"
            else:
                css = "form-control"
            widget.attrs["class"] = f"{widget.attrs.get('class', '')} {css}".strip()

    def full_clean(self) -> None:
        super().full_clean()
        for name in self.errors:
            if name in self.fields:
                widget = self.fields[name].widget
                widget.attrs["class"] = f"{widget.attrs.get('class', '')} is-invalid".strip()
                widget.attrs["aria-invalid"] = "true"


class OutboxFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All")), *list(OutgoingEmail.Status.choices)],
        required=False,
    )
    q = forms.CharField(label=_("Recipient or subject"), required=False, max_length=200)
