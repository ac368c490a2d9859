"""Forms of the members app: sign-up details, profile, roles and list filters."""

from django import forms
from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from members.models import Organisation, User
from members.services.people import user_complete_signup


def _organisation_choices():
    return Organisation.objects.exclude(oco_status=Organisation.OcoStatus.FORMER).order_by("name")


class SignupForm(forms.Form):
    """Extra fields asked at sign-up (allauth's ACCOUNT_SIGNUP_FORM_CLASS)."""

    name = forms.CharField(label=_("Full name"), max_length=150)
    organisation = forms.ModelChoiceField(
        label=_("Organisation"),
        queryset=Organisation.objects.none(),
        empty_label=_("Choose your administration or organisation"),
    )
    position = forms.CharField(label=_("Position"), max_length=150, required=False)
    preferred_language = forms.ChoiceField(
        label=_("Preferred language"), choices=settings.LANGUAGES, initial="en"
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisation_choices()
        # Someone signing up on the French pages most likely wants French.
        language = translation.get_language()
        if language in dict(settings.LANGUAGES):
            self.fields["preferred_language"].initial = language

    def signup(self, request, user: User) -> None:
        user_complete_signup(
            user=user,
            name=self.cleaned_data["name"],
            organisation=self.cleaned_data["organisation"],
            position=self.cleaned_data["position"],
            language=self.cleaned_data["preferred_language"],
        )


class ProfileForm(forms.ModelForm):
    class Meta:
        model = User
        fields = [
            "title",
            "name",
            "organisation",
            "position",
            "seniority",
            "gender",
            "preferred_language",
            "time_zone",
        ]

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = _organisation_choices()
        self.fields["organisation"].required = True


class RolesForm(forms.Form):
    is_secretariat = forms.BooleanField(
        label=_("Secretariat staff (must use two-factor sign-in)"), required=False
    )
    focal_point_of = forms.ModelMultipleChoiceField(
        label=_("Focal point of"),
        queryset=Organisation.objects.filter(kind=Organisation.Kind.CUSTOMS),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    donor_contact_of = forms.ModelMultipleChoiceField(
        label=_("Donor contact of"),
        queryset=Organisation.objects.exclude(kind=Organisation.Kind.SECRETARIAT),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )


class DirectoryFilterForm(forms.Form):
    FILTERS = [
        ("wto", _("WTO members")),
        ("pacer", _("PACER Plus parties")),
        ("french", _("French-speaking")),
        ("former", _("Include former members")),
    ]
    q = forms.CharField(label=_("Search"), required=False, max_length=100)
    only = forms.MultipleChoiceField(
        label=_("Show"),
        choices=FILTERS,
        required=False,
        widget=forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"}),
    )


class PeopleFilterForm(forms.Form):
    q = forms.CharField(label=_("Name, e-mail or organisation"), required=False, max_length=100)
    role = forms.ChoiceField(
        label=_("Role"),
        required=False,
        choices=[
            ("", _("Everyone")),
            ("secretariat", _("Secretariat")),
            ("focal_point", _("Focal points")),
            ("donor", _("Donor contacts")),
        ],
    )
