"""Models of the members app: the user manager, time zones, languages and constraints."""

from datetime import date

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from members.models import FocalPoint, Organisation, User, validate_time_zone
from tests.factories import OrganisationFactory, OutgoingEmailFactory, UserFactory

pytestmark = pytest.mark.django_db


def test_create_user_lowercases_the_whole_email_address():
    user = User.objects.create_user("Mere.Tuilagi@OCO.Example", "a-long-password-123", name="Mere")

    assert user.email == "mere.tuilagi@oco.example"
    assert user.check_password("a-long-password-123")
    assert not user.is_staff
    assert not user.is_superuser
    assert not user.is_secretariat


def test_create_user_refuses_an_empty_email_address():
    with pytest.raises(ValueError, match="e-mail address is required"):
        User.objects.create_user("", "a-long-password-123", name="Nobody")


def test_create_superuser_is_staff_and_superuser_even_if_asked_otherwise():
    user = User.objects.create_superuser(
        "Root@Example.org", "a-long-password-123", name="Root", is_staff=False
    )

    assert user.email == "root@example.org"
    assert user.is_staff
    assert user.is_superuser
    assert User.objects.get(email="root@example.org").is_superuser


def test_effective_time_zone_is_the_persons_own_when_set():
    user = UserFactory(time_zone="Pacific/Apia", organisation__time_zone="Pacific/Pago_Pago")

    assert user.effective_time_zone == "Pacific/Apia"
    assert user.zone.key == "Pacific/Apia"


def test_effective_time_zone_falls_back_to_the_organisations():
    user = UserFactory(time_zone="", organisation__time_zone="Pacific/Tahiti")

    assert user.effective_time_zone == "Pacific/Tahiti"


def test_effective_time_zone_falls_back_to_the_settings_without_an_organisation(settings):
    settings.TIME_ZONE = "Pacific/Noumea"
    user = UserFactory(time_zone="", organisation=None)

    assert user.effective_time_zone == "Pacific/Noumea"


def test_full_name_puts_the_title_before_the_name():
    assert UserFactory.build(title="Dr", name="Aroha Ngata").get_full_name() == "Dr Aroha Ngata"
    assert UserFactory.build(title="", name="Aroha Ngata").get_full_name() == "Aroha Ngata"


@pytest.mark.parametrize(
    ("languages", "expected"),
    [
        ("French", True),
        ("Bislama; English; French", True),
        ("English; Samoan", False),
        ("", False),
    ],
)
def test_is_french_speaking_reads_the_official_languages(languages, expected):
    assert Organisation(languages=languages).is_french_speaking is expected


def test_language_list_splits_on_semicolons_and_drops_blanks():
    assert Organisation(languages=" Tongan ;English; ").language_list == ["Tongan", "English"]


def test_validate_time_zone_rejects_an_unknown_zone():
    with pytest.raises(ValidationError) as raised:
        validate_time_zone("Mars/Olympus")

    assert "Mars/Olympus" in str(raised.value)


def test_validate_time_zone_accepts_iana_names_and_blank():
    validate_time_zone("Pacific/Kiritimati")
    validate_time_zone("")


def test_organisation_full_clean_rejects_an_unknown_time_zone():
    organisation = OrganisationFactory.build(time_zone="Mars/Olympus")

    with pytest.raises(ValidationError) as raised:
        organisation.full_clean()

    assert "time_zone" in raised.value.message_dict


def test_database_refuses_a_wto_date_for_a_non_member():
    with pytest.raises(IntegrityError), transaction.atomic():
        OrganisationFactory(is_wto_member=False, wto_member_since=date(2012, 5, 10))

    assert not Organisation.objects.filter(wto_member_since=date(2012, 5, 10)).exists()


def test_database_accepts_a_wto_date_for_a_member():
    organisation = OrganisationFactory(is_wto_member=True, wto_member_since=date(2012, 5, 10))

    assert Organisation.objects.get(pk=organisation.pk).wto_member_since == date(2012, 5, 10)


def test_a_person_is_focal_point_of_an_organisation_only_once():
    user = UserFactory()
    FocalPoint.objects.create(user=user, organisation=user.organisation)

    with pytest.raises(IntegrityError), transaction.atomic():
        FocalPoint.objects.create(user=user, organisation=user.organisation)

    assert FocalPoint.objects.filter(user=user).count() == 1


def test_organisation_url_uses_its_slug():
    organisation = OrganisationFactory(slug="samoa")

    assert organisation.get_absolute_url() == "/members/samoa/"


def test_outgoing_email_message_id_header_is_unique_per_row():
    first, second = OutgoingEmailFactory(), OutgoingEmailFactory()

    assert first.message_id_header == f"<{first.message_id}@oco-portal>"
    assert first.message_id_header != second.message_id_header
