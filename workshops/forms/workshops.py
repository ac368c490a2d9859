"""The Secretariat's workshop form: dates, venue and zone, capacity, deadline."""

import datetime as dt
import zoneinfo

from django import forms
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, validate_time_zone
from workshops.models import Workshop
from workshops.services.workshops import EARLIEST_YEAR, LATEST_YEAR

PACIFIC_ZONES = [
    "Pacific/Fiji",
    "Pacific/Apia",
    "Pacific/Pago_Pago",
    "Pacific/Tongatapu",
    "Pacific/Efate",
    "Pacific/Noumea",
    "Pacific/Tahiti",
    "Pacific/Port_Moresby",
    "Pacific/Guadalcanal",
    "Pacific/Tarawa",
    "Pacific/Kiritimati",
    "Pacific/Majuro",
    "Pacific/Palau",
    "Pacific/Guam",
    "Pacific/Auckland",
    "Australia/Sydney",
    "Asia/Seoul",
    "Asia/Dili",
]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs):
        super().__init__(format="%Y-%m-%d", **kwargs)


class TimeInput(forms.TimeInput):
    input_type = "time"

    def __init__(self, **kwargs):
        super().__init__(format="%H:%M", **kwargs)


class WorkshopForm(forms.ModelForm):
    deadline_date = forms.DateField(
        label=_("Registration deadline (day)"), required=False, widget=DateInput()
    )
    deadline_time = forms.TimeField(
        label=_("Registration deadline (time at the venue)"),
        required=False,
        initial=dt.time(23, 59),
        widget=TimeInput(),
    )

    class Meta:
        model = Workshop
        # The deadline is typed as a date and a time (see service_data).
        fields = [f for f in Workshop.EDITABLE_FIELDS if f != "registration_deadline"]
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 4}),
            "description_fr": forms.Textarea(attrs={"rows": 4}),
            "time_zone": forms.TextInput(attrs={"list": "pacific-zones"}),
        }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["host"].queryset = Organisation.objects.order_by("name")
        self.zone_choices = PACIFIC_ZONES
        deadline = self.instance.registration_deadline if self.instance.pk else None
        if deadline and not self.is_bound:
            local = deadline.astimezone(self.instance.zone)
            self.initial["deadline_date"] = local.date()
            self.initial["deadline_time"] = local.time().replace(second=0, microsecond=0)

    def clean_time_zone(self) -> str:
        value = self.cleaned_data["time_zone"].strip()
        validate_time_zone(value)
        return value

    def _check_years(self, data: dict) -> None:
        for name in ("start_date", "end_date", "deadline_date"):
            day = data.get(name)
            if day and not EARLIEST_YEAR <= day.year <= LATEST_YEAR:
                self.add_error(
                    name,
                    _("Give a date between %(first)d and %(last)d.")
                    % {"first": EARLIEST_YEAR, "last": LATEST_YEAR},
                )

    def clean(self):
        data = super().clean()
        self._check_years(data)
        start, end = data.get("start_date"), data.get("end_date")
        if start and end and end < start:
            self.add_error("end_date", _("The last day cannot be before the first day."))
        day, time, zone = (
            data.get("deadline_date"),
            data.get("deadline_time"),
            data.get("time_zone"),
        )
        data["registration_deadline"] = None
        if day and zone:
            deadline = dt.datetime.combine(
                day, time or dt.time(23, 59), tzinfo=zoneinfo.ZoneInfo(zone)
            )
            data["registration_deadline"] = deadline
            if start and deadline > dt.datetime.combine(
                start, dt.time.min, tzinfo=zoneinfo.ZoneInfo(zone)
            ):
                self.add_error(
                    "deadline_date",
                    _("The registration deadline must be before the workshop starts."),
                )
        elif time and not day:
            self.add_error("deadline_date", _("Give the day of the deadline too."))
        return data

    def service_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self.Meta.fields}
        data["registration_deadline"] = self.cleaned_data["registration_deadline"]
        return data


class CancelForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason (sent to the registrants)"),
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=2000,
    )
    confirm = forms.BooleanField(label=_("Yes, cancel this workshop and tell everyone registered"))


class ManageFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), required=False, choices=[("", _("All")), *Workshop.Status.choices]
    )
    q = forms.CharField(label=_("Title or city"), required=False, max_length=100)
