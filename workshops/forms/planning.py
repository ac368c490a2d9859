"""The Secretariat's planning forms: funding, facilitators, seats per administration, sessions.
Each checks the shape of the input and hands cleaned data to one service."""

import datetime as dt
import re
from itertools import groupby

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, User
from workshops.forms.workshops import TimeInput
from workshops.models import Facilitation, Funding, Session, Workshop

NOT_NEGATIVE = ("amount", "funded_seats", "committed", "disbursed", "spent")


class FundingForm(forms.ModelForm):
    covers = forms.MultipleChoiceField(
        label=_("What it covers"),
        choices=Funding.Covers.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Funding
        fields = [
            "funder",
            "amount",
            "currency",
            "covers",
            "eligible_all_members",
            "eligible_organisations",
            "funded_seats",
            "committed",
            "disbursed",
            "spent",
            "notes",
        ]
        labels = {
            "amount": _("Amount (budget)"),
            "committed": _("Committed so far"),
            "disbursed": _("Disbursed so far"),
            "spent": _("Spent so far"),
        }
        help_texts = {
            "currency": _("Three letters, such as USD, FJD, AUD or KRW."),
            "eligible_organisations": _(
                "Only when not all member administrations are eligible: for example the "
                "Caribbean administrations funded by the World Bank in 2017."
            ),
            "funded_seats": _("How many participants this funding pays for."),
        }
        widgets = {
            "eligible_organisations": forms.CheckboxSelectMultiple(
                attrs={"class": "form-check-input"}
            ),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["funder"].queryset = Organisation.objects.order_by("name")
        self.fields["eligible_organisations"].queryset = Organisation.objects.exclude(
            kind=Organisation.Kind.SECRETARIAT
        ).order_by("name")
        self.fields["currency"].widget.attrs.update({"size": 3, "autocapitalize": "characters"})
        for name in NOT_NEGATIVE:
            field = self.fields[name]
            if field.min_value is None:
                field.min_value = 0
                field.validators.append(MinValueValidator(0))
            field.widget.attrs["min"] = 0
            field.error_messages["min_value"] = _(
                "Enter zero or more: negative numbers are not accepted."
            )

    def clean_currency(self) -> str:
        value = self.cleaned_data["currency"].strip().upper()
        if not re.fullmatch(r"[A-Z]{3}", value):
            raise ValidationError(_("Give the currency as three letters, such as USD or FJD."))
        return value

    def clean(self):
        data = super().clean()
        if (
            not data.get("eligible_all_members")
            and not data.get("eligible_organisations")
            and "eligible_organisations" not in self.errors
        ):
            self.add_error(
                "eligible_organisations",
                _("Name the eligible organisations, or make all member administrations eligible."),
            )
        return data

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["eligible_organisations"] = list(data["eligible_organisations"])
        return data


def _person_label(person: User) -> str:
    return f"{person.name} ({person.position})" if person.position else person.name


class FacilitationForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose the organisation"),
    )
    person = forms.ModelChoiceField(
        label=_("Person (optional)"),
        queryset=User.objects.none(),
        required=False,
        help_text=_("Someone of the organisation chosen above; leave empty to name only it."),
    )
    role = forms.ChoiceField(
        label=_("Role"), choices=Facilitation.Role.choices, initial=Facilitation.Role.FACILITATOR
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name")
        people = (
            User.objects.filter(is_active=True, organisation__isnull=False)
            .select_related("organisation")
            .order_by("organisation__name", "name", "pk")
        )
        person = self.fields["person"]
        person.queryset = people
        # Grouped by organisation so that a page without JavaScript still reads well.
        person.choices = [
            ("", _("Nobody in particular")),
            *(
                (name, [(p.pk, _person_label(p)) for p in group])
                for name, group in groupby(people, key=lambda p: p.organisation.name)
            ),
        ]


class SeatsForm(forms.Form):
    """One field per administration: a number overrides the workshop's default seats; an
    empty field puts the administration back on the default."""

    def __init__(self, *args, rows: list[dict], default_seats: int, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            organisation = row["organisation"]
            self.fields[self._name(organisation)] = forms.IntegerField(
                label=organisation.name,
                required=False,
                min_value=0,
                max_value=999,
                initial=row["seats"] if row["overridden"] else None,
                error_messages={
                    "min_value": _("Seats cannot be negative."),
                    "invalid": _("Enter a whole number of seats, or leave empty."),
                },
                widget=forms.NumberInput(attrs={"min": 0, "placeholder": default_seats}),
            )

    @staticmethod
    def _name(organisation: Organisation) -> str:
        return f"seats_{organisation.pk}"

    def table(self) -> list[dict]:
        return [{**row, "field": self[self._name(row["organisation"])]} for row in self.rows]

    def quotas(self) -> dict[Organisation, int | None]:
        return {
            row["organisation"]: self.cleaned_data[self._name(row["organisation"])]
            for row in self.rows
        }


def zone_label(workshop: Workshop) -> str:
    """The venue's zone as on its first day: “Asia/Seoul (KST, UTC+09:00)”."""
    noon = dt.datetime.combine(workshop.start_date, dt.time(12), tzinfo=workshop.zone)
    offset = noon.strftime("%z")
    utc = f"UTC{offset[:3]}:{offset[3:]}"
    abbreviation = noon.tzname() or ""
    if abbreviation and not abbreviation.startswith(("+", "-")):
        return f"{workshop.time_zone} ({abbreviation}, {utc})"
    return f"{workshop.time_zone} ({utc})"


class SessionForm(forms.Form):
    """A session on one of the workshop's days; times are read in the venue's zone."""

    title = forms.CharField(label=_("Title"), max_length=200)
    title_fr = forms.CharField(label=_("Title in French"), max_length=200, required=False)
    day = forms.TypedChoiceField(label=_("Day"), coerce=dt.date.fromisoformat)
    start = forms.TimeField(label=_("Starts at"), widget=TimeInput())
    end = forms.TimeField(label=_("Ends at"), widget=TimeInput())
    room = forms.CharField(label=_("Room"), max_length=100, required=False)
    description = forms.CharField(
        label=_("Description"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    facilitators = forms.ModelMultipleChoiceField(
        label=_("Facilitators"),
        queryset=Facilitation.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, workshop: Workshop, session: Session | None = None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        first, last = workshop.start_date, workshop.end_date
        days = [first + dt.timedelta(days=n) for n in range((last - first).days + 1)]
        day = self.fields["day"]
        day.choices = [(d.isoformat(), date_format(d, "l j F Y")) for d in days]
        day.error_messages["invalid_choice"] = _(
            "Choose one of the workshop's days, from %(first)s to %(last)s."
        ) % {"first": date_format(first, "j F Y"), "last": date_format(last, "j F Y")}
        self.zone_label = zone_label(workshop)
        self.fields["start"].help_text = self.fields["end"].help_text = _(
            "Time at the venue: %(zone)s."
        ) % {"zone": self.zone_label}
        self.fields["facilitators"].queryset = workshop.facilitations.select_related(
            "organisation", "person"
        ).order_by("organisation__name", "id")
        self.day_outside = None
        if session is not None and not self.is_bound:
            starts = session.starts_at.astimezone(workshop.zone)
            if starts.date() not in days:
                self.day_outside = starts.date()
            self.initial.update(
                title=session.title,
                title_fr=session.title_fr,
                day=starts.date().isoformat(),
                start=starts.time(),
                end=session.ends_at.astimezone(workshop.zone).time(),
                room=session.room,
                description=session.description,
                facilitators=[f.pk for f in session.facilitators.all()],
            )

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end <= start:
            self.add_error("end", _("A session must end after it starts."))
        return data

    def service_data(self) -> dict:
        data = dict(self.cleaned_data)
        data["facilitators"] = list(data["facilitators"])
        return data
