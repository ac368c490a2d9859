"""Whom the Secretariat invites: groups of administrations from the real reference data,
individuals typed in or read from a CSV file, with a report of what was refused and why."""

from io import StringIO

import pytest
from django.core.management import call_command

from members.models import Organisation
from tests.factories import FocalPointFactory, UserFactory
from tests.workshops.factories import OpenWorkshopFactory
from workshops.forms.invitations import InviteForm
from workshops.models import Invitation
from workshops.services import invitations as services

pytestmark = pytest.mark.django_db

WTO_MEMBERS = {
    "Australia",
    "Fiji",
    "New Zealand",
    "Papua New Guinea",
    "Samoa",
    "Solomon Islands",
    "Timor-Leste",
    "Tonga",
    "Vanuatu",
}
PACER_PLUS_PARTIES = {
    "Australia",
    "Cook Islands",
    "Kiribati",
    "New Zealand",
    "Niue",
    "Samoa",
    "Solomon Islands",
    "Tonga",
    "Tuvalu",
    "Vanuatu",
}


@pytest.fixture
def reference_data(db):
    call_command("load_reference_data", stdout=StringIO())


def _names(organisations) -> set[str]:
    return {organisation.name for organisation in organisations}


def _focal_point(organisation: Organisation, **user_fields):
    user = UserFactory(organisation=organisation, **user_fields)
    return FocalPointFactory(user=user, organisation=organisation)


def test_all_members_are_the_24_member_administrations(reference_data):
    chosen = services.target_organisations(all_members=True)
    assert len(chosen) == 24
    assert "Norfolk Island" not in _names(chosen)  # a former member
    assert "OCO Secretariat" not in _names(chosen)


def test_wto_members_only(reference_data):
    assert _names(services.target_organisations(wto_members=True)) == WTO_MEMBERS


def test_pacer_plus_parties_leave_out_signatories_that_have_not_ratified(reference_data):
    chosen = _names(services.target_organisations(pacer_plus=True))
    assert chosen == PACER_PLUS_PARTIES
    assert "Nauru" not in chosen  # signed, not ratified


def test_groups_and_hand_picked_organisations_add_up_without_repeats(reference_data):
    nauru = Organisation.objects.get(slug="nauru")
    chosen = services.target_organisations(wto_members=True, pacer_plus=True, organisations=[nauru])
    assert _names(chosen) == WTO_MEMBERS | PACER_PLUS_PARTIES | {"Nauru"}
    assert len(chosen) == len(_names(chosen))


def test_an_administration_is_invited_through_each_of_its_focal_points(reference_data, secretariat):
    workshop = OpenWorkshopFactory()
    samoa = Organisation.objects.get(slug="samoa")
    fiji = Organisation.objects.get(slug="fiji")
    first, second = _focal_point(samoa), _focal_point(samoa, preferred_language="fr")
    _focal_point(fiji)

    report = services.invitations_create(
        actor=secretariat,
        workshop=workshop,
        organisations=services.target_organisations(wto_members=True),
    )

    invitations = Invitation.objects.filter(workshop=workshop)
    assert report.created == 3
    assert report.administrations == 2
    assert set(invitations.values_list("email", flat=True)) == {
        first.user.email,
        second.user.email,
        fiji.focal_points.get().user.email,
    }
    assert all(i.is_for_administration and i.name == "" for i in invitations)
    assert invitations.get(email=second.user.email).language == "fr"
    refused = {row["what"]: row["reason"] for row in report.rejected}
    assert refused["Tonga"] == "no focal point to invite"
    assert len(refused) == len(WTO_MEMBERS) - 2


def test_every_member_with_a_focal_point_is_invited_once(reference_data, secretariat):
    workshop = OpenWorkshopFactory()
    for organisation in services.member_administrations():
        _focal_point(organisation)

    report = services.invitations_create(
        actor=secretariat,
        workshop=workshop,
        organisations=services.target_organisations(all_members=True, pacer_plus=True),
    )
    again = services.invitations_create(
        actor=secretariat,
        workshop=workshop,
        organisations=services.target_organisations(all_members=True),
    )

    assert report.created == 24
    assert report.rejected == []
    assert again.created == 0
    assert {row["reason"] for row in again.rejected} == {"already invited"}
    assert Invitation.objects.filter(workshop=workshop).count() == 24


def _upload(text: str):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("people.csv", text.encode("utf-8"), content_type="text/csv")


CSV = """name,email,organisation
Mele Tupou,mele@customs.to,Tonga
Jean Dupont,jean@douane.nc,NC
Sione Bad,not-an-email,Tonga
Anna Lost,anna@example.org,Atlantis
Mele Again,MELE@customs.to,TON
Already There,already@customs.ws,Samoa
,noname@customs.ws,Samoa
"""


def test_csv_import_reports_each_rejected_row_and_why(reference_data, secretariat):
    workshop = OpenWorkshopFactory()
    Invitation.objects.create(
        workshop=workshop,
        email="already@customs.ws",
        name="Already There",
        organisation=Organisation.objects.get(slug="samoa"),
        nonce=services.new_nonce(),
    )
    form = InviteForm(data={}, files={"csv_file": _upload(CSV)})
    assert form.is_valid(), form.errors

    report = services.invitations_create(
        actor=secretariat, workshop=workshop, people=form.cleaned_data["csv_file"]
    )

    assert report.created == 2
    rejected = {row["line"]: row["reason"] for row in report.rejected}
    assert rejected == {
        4: "bad e-mail address",
        5: "unknown organisation",
        6: "duplicate",
        7: "already invited",
        8: "name missing",
    }
    mele = Invitation.objects.get(email="mele@customs.to")
    assert (mele.name, mele.organisation.slug, mele.language) == ("Mele Tupou", "tonga", "en")
    jean = Invitation.objects.get(email="jean@douane.nc")
    assert jean.organisation.slug == "new-caledonia"
    assert jean.language == "fr"  # no account: the organisation's language


def test_a_typed_in_person_with_an_account_gets_their_own_language(reference_data, secretariat):
    workshop = OpenWorkshopFactory()
    fiji = Organisation.objects.get(slug="fiji")
    UserFactory(email="ana@customs.fj", organisation=fiji, preferred_language="fr")
    form = InviteForm(data={"people": "Ana Vula, ana@customs.fj, Fiji"})
    assert form.is_valid(), form.errors

    report = services.invitations_create(
        actor=secretariat, workshop=workshop, people=form.cleaned_data["people"]
    )

    assert report.created == 1
    assert Invitation.objects.get().language == "fr"


def test_a_workshop_not_open_takes_no_invitation(reference_data, secretariat):
    workshop = OpenWorkshopFactory(status="draft")
    samoa = Organisation.objects.get(slug="samoa")
    _focal_point(samoa)

    with pytest.raises(services.ServiceError):
        services.invitations_create(actor=secretariat, workshop=workshop, organisations=[samoa])
    assert not Invitation.objects.exists()
