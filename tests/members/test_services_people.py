"""Services about people: profile edits, sign-up completion and roles."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from core.errors import ServiceError
from members.models import DonorContact, FocalPoint, User
from members.services.people import user_complete_signup, user_set_roles, user_update_profile
from tests.factories import (
    DonorContactFactory,
    FocalPointFactory,
    OrganisationFactory,
    SecretariatFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def test_user_update_profile_saves_the_given_fields():
    user = UserFactory(position="Officer")

    user_update_profile(user=user, data={"position": "Chief Officer", "time_zone": "Pacific/Apia"})

    user.refresh_from_db()
    assert user.position == "Chief Officer"
    assert user.time_zone == "Pacific/Apia"


def test_user_update_profile_refuses_fields_outside_the_profile():
    user = UserFactory()

    with pytest.raises(ServiceError, match="is_secretariat"):
        user_update_profile(user=user, data={"name": "Someone Else", "is_secretariat": True})

    user.refresh_from_db()
    assert not user.is_secretariat
    assert user.name != "Someone Else"


def test_user_update_profile_refuses_an_unknown_time_zone_and_saves_nothing():
    user = UserFactory(position="Officer", time_zone="")

    with pytest.raises(ValidationError) as raised:
        user_update_profile(
            user=user, data={"position": "Chief Officer", "time_zone": "Mars/Olympus"}
        )

    assert "time_zone" in raised.value.message_dict
    stored = User.objects.get(pk=user.pk)
    assert stored.position == "Officer"
    assert stored.time_zone == ""


def test_user_complete_signup_makes_a_plain_delegate_of_the_chosen_organisation():
    organisation = OrganisationFactory(name="Tonga Customs")
    user = UserFactory(is_secretariat=True, is_staff=True, organisation=None)

    user_complete_signup(
        user=user,
        name="Viliami Fifita",
        organisation=organisation,
        position="Senior Customs Officer",
        language="fr",
    )

    user.refresh_from_db()
    assert user.name == "Viliami Fifita"
    assert user.organisation == organisation
    assert user.position == "Senior Customs Officer"
    assert user.preferred_language == "fr"
    assert not user.is_secretariat
    assert not user.is_staff


def test_user_set_roles_is_refused_to_anyone_but_the_secretariat():
    actor = UserFactory()
    person = UserFactory()

    with pytest.raises(PermissionDenied):
        user_set_roles(
            actor=actor,
            user=person,
            is_secretariat=True,
            focal_point_of=[person.organisation],
            donor_contact_of=[],
        )

    person.refresh_from_db()
    assert not person.is_secretariat
    assert not FocalPoint.objects.filter(user=person).exists()


def test_user_set_roles_refuses_to_withdraw_ones_own_secretariat_role():
    actor = SecretariatFactory()

    with pytest.raises(ServiceError, match="your own Secretariat role"):
        user_set_roles(
            actor=actor, user=actor, is_secretariat=False, focal_point_of=[], donor_contact_of=[]
        )

    actor.refresh_from_db()
    assert actor.is_secretariat


def test_user_set_roles_lets_the_secretariat_keep_its_own_role_and_change_links():
    actor = SecretariatFactory()
    fiji = OrganisationFactory(name="Fiji")

    user_set_roles(
        actor=actor, user=actor, is_secretariat=True, focal_point_of=[fiji], donor_contact_of=[]
    )

    assert list(FocalPoint.objects.filter(user=actor).values_list("organisation", flat=True)) == [
        fiji.pk
    ]


def test_user_set_roles_grants_the_secretariat_role_and_links():
    actor = SecretariatFactory()
    person = UserFactory()
    samoa = OrganisationFactory(name="Samoa")
    kcs = OrganisationFactory(name="Korea Customs Service")

    user_set_roles(
        actor=actor,
        user=person,
        is_secretariat=True,
        focal_point_of=[person.organisation, samoa],
        donor_contact_of=[kcs],
    )

    person.refresh_from_db()
    assert person.is_secretariat
    assert set(FocalPoint.objects.filter(user=person).values_list("organisation", flat=True)) == {
        person.organisation.pk,
        samoa.pk,
    }
    assert list(
        DonorContact.objects.filter(user=person).values_list("organisation", flat=True)
    ) == [kcs.pk]


def test_user_set_roles_withdraws_links_no_longer_wanted():
    actor = SecretariatFactory()
    focal = FocalPointFactory()
    person = focal.user
    DonorContactFactory(user=person)
    kept = OrganisationFactory(name="Niue")

    user_set_roles(
        actor=actor,
        user=person,
        is_secretariat=False,
        focal_point_of=[kept],
        donor_contact_of=[],
    )

    assert list(FocalPoint.objects.filter(user=person).values_list("organisation", flat=True)) == [
        kept.pk
    ]
    assert not DonorContact.objects.filter(user=person).exists()


def test_second_identical_user_set_roles_changes_nothing():
    actor = SecretariatFactory()
    person = UserFactory()
    donor = OrganisationFactory(name="World Bank")
    arguments = {
        "actor": actor,
        "user": person,
        "is_secretariat": False,
        "focal_point_of": [person.organisation],
        "donor_contact_of": [donor],
    }
    user_set_roles(**arguments)
    focal_ids = list(FocalPoint.objects.filter(user=person).values_list("id", flat=True))
    donor_ids = list(DonorContact.objects.filter(user=person).values_list("id", flat=True))

    user_set_roles(**arguments)

    assert list(FocalPoint.objects.filter(user=person).values_list("id", flat=True)) == focal_ids
    assert list(DonorContact.objects.filter(user=person).values_list("id", flat=True)) == donor_ids
    assert len(focal_ids) == 1
    assert len(donor_ids) == 1
