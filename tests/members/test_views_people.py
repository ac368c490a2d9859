"""Views about people: the dashboard, the profile, the people list and the roles form."""

from zoneinfo import ZoneInfo

import pytest
from django.utils import dateformat, timezone

from members.models import FocalPoint, User
from tests.factories import (
    DonorContactFactory,
    FocalPointFactory,
    OrganisationFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _profile_data(user: User, **overrides) -> dict:
    return {
        "title": user.title,
        "name": user.name,
        "organisation": user.organisation_id,
        "position": user.position,
        "seniority": user.seniority,
        "gender": user.gender,
        "preferred_language": user.preferred_language,
        "time_zone": user.time_zone,
    } | overrides


def test_home_welcomes_anonymous_visitors_with_sign_in_links(client):
    page = client.get("/").content.decode()

    assert "The Oceania Customs Organisation's portal" in page
    assert 'href="/accounts/login/"' in page
    assert 'href="/accounts/signup/"' in page


def test_home_of_a_delegate_shows_no_secretariat_section(client):
    client.force_login(
        UserFactory(name="Kila Aopi", organisation__name="PNG Customs", time_zone="Pacific/Apia")
    )

    page = client.get("/").content.decode()

    assert "Welcome, Kila Aopi" in page
    assert "PNG Customs" in page
    assert "(Pacific/Apia)" in page
    assert "People and roles" not in page
    assert 'href="/outbox/"' not in page


def test_home_of_a_focal_point_and_donor_lists_their_organisations(client):
    focal = FocalPointFactory(user__organisation__name="Fiji Revenue and Customs Service")
    DonorContactFactory(user=focal.user, organisation__name="Korea Customs Service")
    client.force_login(focal.user)

    page = client.get("/").content.decode()

    assert "You speak for these administrations" in page
    assert "Fiji Revenue and Customs Service" in page
    assert "You represent these organisations" in page
    assert "Korea Customs Service" in page


def test_profile_sends_anonymous_visitors_to_sign_in(client):
    response = client.get("/profile/")

    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/profile/"


def test_profile_shows_the_persons_details(delegate_client, delegate):
    page = delegate_client.get("/profile/").content.decode()

    assert delegate.email in page
    assert f'value="{delegate.name}"' in page


def test_profile_edit_saves_and_says_so(delegate_client, delegate, messages_of):
    data = _profile_data(delegate, position="Chief Customs Officer", time_zone="Pacific/Tarawa")

    response = delegate_client.post("/profile/", data, follow=True)

    assert response.redirect_chain == [("/profile/", 302)]
    assert messages_of(response) == ["Your profile was saved."]
    delegate.refresh_from_db()
    assert delegate.position == "Chief Customs Officer"
    assert delegate.time_zone == "Pacific/Tarawa"


def test_profile_edit_with_an_unknown_time_zone_shows_an_error_and_saves_nothing(
    delegate_client, delegate
):
    data = _profile_data(delegate, position="Chief Customs Officer", time_zone="Mars/Olympus")

    response = delegate_client.post("/profile/", data)

    assert response.status_code == 200
    assert "is not a known time zone" in response.content.decode()
    stored = User.objects.get(pk=delegate.pk)
    assert stored.position == "Customs Officer"
    assert stored.time_zone == ""


def test_profile_edit_cannot_grant_roles(delegate_client, delegate):
    data = _profile_data(delegate, is_secretariat="on", is_staff="on")

    delegate_client.post("/profile/", data)

    delegate.refresh_from_db()
    assert not delegate.is_secretariat
    assert not delegate.is_staff


def test_people_list_shows_everyone_to_the_secretariat(secretariat_client):
    focal = FocalPointFactory(user__name="Josaia Naivalu").user
    UserFactory(name="Inactive Person", is_active=False)

    page = secretariat_client.get("/people/").content.decode()

    assert "Josaia Naivalu" in page
    assert focal.email in page
    assert "Focal point" in page
    assert "inactive" in page
    assert f'href="/people/{focal.pk}/roles/"' in page


def test_people_list_filters_by_text_and_role(secretariat_client):
    FocalPointFactory(user__name="Josaia Naivalu")
    UserFactory(name="Viliami Fifita")
    DonorContactFactory(user__name="Park Ji-won")

    by_text = secretariat_client.get("/people/", {"q": "viliami"}).content.decode()
    by_role = secretariat_client.get("/people/", {"role": "donor"}).content.decode()

    assert "Viliami Fifita" in by_text
    assert "Josaia Naivalu" not in by_text
    assert "Park Ji-won" in by_role
    assert "Viliami Fifita" not in by_role
    assert "Josaia Naivalu" not in by_role


@pytest.mark.parametrize("path", ["/people/", "/people/{pk}/roles/"])
def test_people_pages_are_not_found_for_a_delegate(delegate_client, delegate, path):
    response = delegate_client.get(path.format(pk=delegate.pk))

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_people_list_sends_anonymous_visitors_to_sign_in(client):
    response = client.get("/people/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_roles_form_shows_the_persons_current_roles(secretariat_client):
    focal = FocalPointFactory(user__name="Leota Faleolo", user__organisation__name="Samoa Customs")

    response = secretariat_client.get(f"/people/{focal.user.pk}/roles/")

    page = response.content.decode()
    assert "Roles of Leota Faleolo" in page
    assert "Samoa Customs" in page
    assert response.context["form"].initial["focal_point_of"] == [focal.organisation.pk]


def test_roles_form_grants_a_focal_point(secretariat_client, messages_of):
    person = UserFactory(name="Claire Wamytan", organisation__name="New Caledonia")

    response = secretariat_client.post(
        f"/people/{person.pk}/roles/",
        {"focal_point_of": [person.organisation.pk]},
        follow=True,
    )

    assert response.redirect_chain == [(f"/people/{person.pk}/roles/", 302)]
    assert messages_of(response) == ["The roles of Claire Wamytan were saved."]
    assert FocalPoint.objects.filter(user=person, organisation=person.organisation).exists()
    person.refresh_from_db()
    assert not person.is_secretariat


def test_roles_form_refuses_to_withdraw_ones_own_secretariat_role(client, secretariat, messages_of):
    client.force_login(secretariat)

    # Every box unticked: a browser then sends nothing but the CSRF token.
    response = client.post(f"/people/{secretariat.pk}/roles/", {"csrfmiddlewaretoken": "x"})

    assert response.status_code == 200
    assert messages_of(response) == ["You cannot withdraw your own Secretariat role."]
    secretariat.refresh_from_db()
    assert secretariat.is_secretariat


def test_roles_form_refuses_a_delegate_and_changes_nothing(delegate_client, delegate):
    other = UserFactory()

    response = delegate_client.post(
        f"/people/{other.pk}/roles/",
        {"is_secretariat": "on", "focal_point_of": [other.organisation.pk]},
    )

    assert response.status_code == 404
    other.refresh_from_db()
    assert not other.is_secretariat
    assert not FocalPoint.objects.filter(user=other).exists()


def test_roles_form_of_an_unknown_person_is_not_found(secretariat_client):
    assert secretariat_client.get("/people/999999/roles/").status_code == 404


def test_roles_form_offers_only_customs_administrations_as_focal_point_links(
    secretariat_client,
):
    person = UserFactory()
    partner = OrganisationFactory(name="World Bank", kind="partner", oco_status="none")

    response = secretariat_client.post(
        f"/people/{person.pk}/roles/", {"focal_point_of": [partner.pk]}
    )

    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    assert not FocalPoint.objects.filter(user=person).exists()


def test_secretariat_sees_the_secretariat_navigation(secretariat_client):
    page = secretariat_client.get("/").content.decode()

    assert 'href="/people/"' in page
    assert 'href="/outbox/"' in page


def test_people_list_shows_a_focal_point_of_two_administrations_once(secretariat_client):
    focal = FocalPointFactory(user__name="Josaia Naivalu")
    FocalPointFactory(user=focal.user, organisation=OrganisationFactory(name="Rotuma"))

    response = secretariat_client.get("/people/", {"role": "focal_point"})

    assert [person.name for person in response.context["page"]] == ["Josaia Naivalu"]
    assert response.content.decode().count("Josaia Naivalu") == 1


def test_people_list_searches_by_organisation_name(secretariat_client):
    UserFactory(name="Marie Kalsakau", organisation__name="Vanuatu Customs")
    UserFactory(name="Kila Aopi", organisation__name="PNG Customs")

    page = secretariat_client.get("/people/", {"q": "vanuatu"}).content.decode()

    assert "Marie Kalsakau" in page
    assert "Kila Aopi" not in page


@pytest.mark.parametrize(
    ("own_zone", "organisation_zone", "shown_zone"),
    [
        ("Pacific/Kiritimati", "Pacific/Tarawa", "Pacific/Kiritimati"),
        ("", "Pacific/Niue", "Pacific/Niue"),
    ],
)
def test_dashboard_shows_the_time_in_the_persons_zone(
    client, own_zone, organisation_zone, shown_zone
):
    client.force_login(UserFactory(time_zone=own_zone, organisation__time_zone=organisation_zone))

    response = client.get("/")

    local_now = timezone.localtime(response.context["now"], ZoneInfo(shown_zone))
    page = response.content.decode()
    assert f'<span class="local-time">{dateformat.format(local_now, "l j F Y, H:i")}</span>' in page
    assert f"({shown_zone})" in page
