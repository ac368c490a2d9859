"""Forms of invitations: whom the Secretariat invites, and whom a focal point nominates.
Each checks the shape of the input; the services decide what is accepted."""

import csv
import io

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, User
from workshops.services.invitations import Person, target_organisations

MAX_CSV_BYTES = 2 * 1024 * 1024


class InviteForm(forms.Form):
    all_members = forms.BooleanField(label=_("All member administrations"), required=False)
    wto_members = forms.BooleanField(
        label=_("Member administrations that are WTO members"), required=False
    )
    pacer_plus = forms.BooleanField(label=_("Parties to PACER Plus"), required=False)
    organisations = forms.ModelMultipleChoiceField(
        label=_("Hand-picked organisations"),
        queryset=Organisation.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Administrations are invited through their focal points."),
    )
    people = forms.CharField(
        label=_("Individuals"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_(
            "One person a line: name, e-mail, organisation (its name or ISO country code)."
        ),
    )
    csv_file = forms.FileField(
        label=_("Or a CSV file of individuals"),
        required=False,
        help_text=_("Columns: name,email,organisation, with or without a header line."),
    )

    def clean_people(self) -> list[Person]:
        return _rows(self.cleaned_data["people"].splitlines(), start=1, typed=True)

    def clean_csv_file(self) -> list[Person]:
        upload = self.cleaned_data["csv_file"]
        if not upload:
            return []
        if upload.size > MAX_CSV_BYTES:
            raise ValidationError(_("The CSV file is larger than 2 MB."))
        try:
            text = upload.read().decode("utf-8-sig")
        except UnicodeDecodeError:
            raise ValidationError(_("Save the CSV file as UTF-8 and try again.")) from None
        return _rows(text.splitlines(), start=1, typed=False)

    def clean(self):
        data = super().clean()
        chosen = (
            data.get("all_members")
            or data.get("wto_members")
            or data.get("pacer_plus")
            or data.get("organisations")
            or data.get("people")
            or data.get("csv_file")
        )
        if not self.errors and not chosen:
            raise ValidationError(_("Choose whom to invite."))
        return data

    def targets(self) -> dict:
        """What invitations_create takes: the administrations chosen by group or by name, and
        the people typed in or read from the CSV file."""
        data = self.cleaned_data
        organisations = target_organisations(
            all_members=data["all_members"],
            wto_members=data["wto_members"],
            pacer_plus=data["pacer_plus"],
            organisations=data["organisations"],
        )
        return {"organisations": organisations, "people": data["people"] + data["csv_file"]}


def _rows(lines: list[str], *, start: int, typed: bool) -> list[Person]:
    people = []
    for line, cells in enumerate(csv.reader(io.StringIO("\n".join(lines))), start=start):
        cells = [cell.strip() for cell in cells]
        if not any(cells):
            continue
        if (
            line == start
            and not typed
            and [cell.lower() for cell in cells[:2]] == ["name", "email"]
        ):
            continue
        name, email, organisation = [*cells, "", "", ""][:3]
        people.append(Person(name=name, email=email, organisation=organisation, line=line))
    return people


class NomineeForm(forms.Form):
    name = forms.CharField(label=_("Full name"), max_length=150)
    email = forms.EmailField(label=_("E-mail"))
    position = forms.CharField(label=_("Position"), max_length=150, required=False)
    seniority = forms.ChoiceField(
        label=_("Seniority level"),
        choices=[("", "—"), *User.Seniority.choices],
        required=False,
    )
    gender = forms.ChoiceField(
        label=_("Gender"), choices=[("", "—"), *User.Gender.choices], required=False
    )


class BaseNomineeFormSet(forms.BaseFormSet):
    def nominees(self) -> list[dict]:
        return [form.cleaned_data for form in self.forms if form.cleaned_data]


def nominee_formset(*, seats_left: int, data=None):
    """One empty row per seat left; empty rows are ignored."""
    formset_class = forms.formset_factory(
        NomineeForm,
        formset=BaseNomineeFormSet,
        extra=max(seats_left, 1),
        max_num=max(seats_left, 1),
    )
    return formset_class(data=data, prefix="nominee")
