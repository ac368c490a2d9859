"""The delegate's registration form and the Secretariat's participant-list forms."""

import datetime as dt

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BootstrapWidgetsMixin
from members.models import Organisation, User
from workshops.forms.workshops import DateInput
from workshops.models import Funding, Registration

PROFILE_FIELDS = ("name", "position", "seniority")
# Dates far outside any workshop are typing mistakes, not travel plans.
EARLIEST, LATEST = dt.date(2000, 1, 1), dt.date(2100, 12, 31)


def _date_field(label):
    return forms.DateField(label=label, required=False, widget=DateInput())


class RegistrationForm(BootstrapWidgetsMixin, forms.Form):
    invitation = forms.CharField(required=False, widget=forms.HiddenInput, max_length=400)
    name = forms.CharField(label=_("Full name"), max_length=150)
    position = forms.CharField(label=_("Position"), max_length=150, required=False)
    seniority = forms.ChoiceField(
        label=_("Seniority level"),
        choices=[("", "—"), *User.Seniority.choices],
        required=False,
    )
    arrival_date = _date_field(_("Arrival date"))
    arrival_flight = forms.CharField(label=_("Arrival flight"), max_length=60, required=False)
    departure_date = _date_field(_("Departure date"))
    departure_flight = forms.CharField(label=_("Departure flight"), max_length=60, required=False)
    visa_letter_needed = forms.BooleanField(label=_("I need a visa support letter"), required=False)
    nationality = forms.CharField(
        label=_("Nationality"),
        max_length=100,
        required=False,
        help_text=_("Needed for the visa support letter."),
    )
    passport_number = forms.CharField(
        label=_("Passport number (optional, printed on the visa letter)"),
        max_length=30,
        required=False,
    )
    dietary_needs = forms.CharField(label=_("Dietary needs"), max_length=300, required=False)
    accessibility_needs = forms.CharField(
        label=_("Accessibility needs"), max_length=300, required=False
    )
    funding_requested = forms.BooleanField(label=_("I ask for funding"), required=False)
    funding_request_covers = forms.MultipleChoiceField(
        label=_("Funding asked for"),
        choices=Funding.Covers.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    consent = forms.BooleanField(
        label=_(
            "I agree that the OCO Secretariat uses these data to organise the workshop and "
            "report to its funders."
        ),
        required=True,
    )

    @classmethod
    def initial_for(cls, *, user: User, registration: Registration | None = None) -> dict:
        initial = {"name": user.name, "position": user.position, "seniority": user.seniority}
        if registration is not None:
            for field in Registration.DELEGATE_FIELDS:
                initial[field] = getattr(registration, field)
            initial["name"] = user.name
        return initial

    def clean(self):
        data = super().clean()
        for field in ("arrival_date", "departure_date"):
            value = data.get(field)
            if value and not EARLIEST <= value <= LATEST:
                self.add_error(field, _("Give a date between 2000 and 2100."))
        arrival, departure = data.get("arrival_date"), data.get("departure_date")
        if arrival and departure and departure < arrival:
            self.add_error("departure_date", _("The departure cannot be before the arrival."))
        if data.get("visa_letter_needed") and not (data.get("nationality") or "").strip():
            self.add_error("nationality", _("Give your nationality for the visa letter."))
        if not data.get("funding_requested"):
            data["funding_request_covers"] = []
        return data

    def service_data(self) -> dict:
        return {field: self.cleaned_data[field] for field in Registration.DELEGATE_FIELDS}

    def profile_changes(self, user: User) -> dict:
        """The profile fields the person changed here (their profile is updated too)."""
        return {
            field: self.cleaned_data[field]
            for field in PROFILE_FIELDS
            if self.cleaned_data[field] != getattr(user, field)
        }


class ParticipantFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("Any status")), *Registration.Status.choices],
        required=False,
    )
    organisation = forms.ModelChoiceField(
        label=_("Administration"),
        queryset=Organisation.objects.none(),
        required=False,
        empty_label=_("Any administration"),
    )
    funding = forms.ChoiceField(label=_("Funding"), required=False)
    visa = forms.ChoiceField(
        label=_("Visa letter"),
        choices=[("", _("Any")), ("yes", _("Needs a letter")), ("no", _("No letter"))],
        required=False,
    )

    def __init__(self, *args, workshop, fundings, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = (
            Organisation.objects.filter(registrations__workshop=workshop)
            .distinct()
            .order_by("name")
        )
        self.fields["funding"].choices = [
            ("", _("Any")),
            ("requested", _("Funding requested")),
            ("assigned", _("Any funding assigned")),
            ("none", _("No funding assigned")),
            *[(str(f.pk), f.funder.name) for f in fundings],
        ]

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        data = self.cleaned_data
        return {
            "status": data["status"],
            "organisation": data["organisation"].pk if data["organisation"] else None,
            "funding": data["funding"],
            "visa": data["visa"],
        }


BULK_ACTIONS = [
    ("approve", _("Approve")),
    ("waitlist", _("Waitlist")),
    ("decline", _("Decline (with the reason below)")),
]


class BulkActionForm(forms.Form):
    registrations = forms.TypedMultipleChoiceField(coerce=int, required=False)
    action = forms.ChoiceField(label=_("Action"), choices=BULK_ACTIONS, required=False)
    reason = forms.CharField(
        label=_("Reason for declining (the delegate is told)"), max_length=1000, required=False
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["registrations"].choices = [(pk, pk) for pk in choices]
