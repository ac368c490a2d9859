"""The Django admin, for system administrators (staff with an authenticator) only."""

import pytest

from core.models import OutgoingEmail
from members.models import User
from tests.factories import FocalPointFactory, OutgoingEmailFactory, SecretariatFactory

pytestmark = pytest.mark.django_db

NO_INLINES = {
    "focal_points-TOTAL_FORMS": "0",
    "focal_points-INITIAL_FORMS": "0",
    "donor_contacts-TOTAL_FORMS": "0",
    "donor_contacts-INITIAL_FORMS": "0",
}


@pytest.fixture
def admin_client(client):
    administrator = SecretariatFactory(
        name="Sione Havili", is_secretariat=False, is_staff=True, is_superuser=True
    )
    client.force_login(administrator)
    return client


def _add_user(client, email: str):
    return client.post(
        "/admin/members/user/add/",
        {
            "email": email,
            "name": "New Person",
            "password1": "a-long-admin-password-5",
            "password2": "a-long-admin-password-5",
            "usable_password": "true",
            **NO_INLINES,
        },
    )


def test_admin_index_shows_the_portal_models(admin_client):
    page = admin_client.get("/admin/").content.decode()

    assert "OCO Portal administration" in page
    assert 'href="/admin/members/user/"' in page
    assert 'href="/admin/core/outgoingemail/"' in page


def test_admin_person_pages_show_the_person_and_their_links(admin_client):
    focal = FocalPointFactory(user__name="Josaia Naivalu", user__organisation__name="Fiji")

    listing = admin_client.get("/admin/members/user/", {"q": "josaia"}).content.decode()
    change = admin_client.get(f"/admin/members/user/{focal.user.pk}/change/").content.decode()

    assert "Josaia Naivalu" in listing
    assert focal.user.email in change
    assert "Focal point" in change


def test_admin_adds_a_person_with_a_lowercased_email(admin_client):
    response = _add_user(admin_client, "New.Person@Example.ORG")

    assert response.status_code == 302
    user = User.objects.get(name="New Person")
    assert user.email == "new.person@example.org"
    assert user.check_password("a-long-admin-password-5")


def test_admin_refuses_an_address_already_used_in_another_case(admin_client):
    User.objects.create_user("viliami@tonga.example", name="Viliami")

    response = _add_user(admin_client, "Viliami@Tonga.Example")

    assert response.status_code == 200
    assert "already exists" in response.content.decode()
    assert User.objects.filter(email__iexact="viliami@tonga.example").count() == 1


def test_admin_shows_the_outbox_read_only(admin_client):
    email = OutgoingEmailFactory(subject="Invitation to the TFA workshop")

    listing = admin_client.get("/admin/core/outgoingemail/").content.decode()
    adding = admin_client.get("/admin/core/outgoingemail/add/")

    assert "Invitation to the TFA workshop" in listing
    assert adding.status_code == 403
    admin_client.post(
        f"/admin/core/outgoingemail/{email.pk}/change/", {"subject": "Changed", "status": "sent"}
    )
    email.refresh_from_db()
    assert email.subject == "Invitation to the TFA workshop"
    assert email.status == OutgoingEmail.Status.QUEUED


def test_admin_is_refused_to_secretariat_staff_without_admin_access(client):
    client.force_login(SecretariatFactory())

    response = client.get("/admin/")

    assert response.status_code == 302
    assert response.url.startswith("/admin/login/")
    assert client.get(response.url).status_code == 403
