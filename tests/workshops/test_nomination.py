"""The invitation link: a focal point nominates within the administration's seats or declines;
a named invitee registers; anyone else signed in gets 404."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.urls import NoReverseMatch, reverse

from core.models import OutgoingEmail
from members.models import User
from tests.factories import FocalPointFactory, UserFactory
from tests.workshops.factories import OpenWorkshopFactory, RegistrationFactory
from workshops.models import Invitation
from workshops.services import invitations as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation():
    focal = FocalPointFactory()
    return Invitation.objects.create(
        workshop=OpenWorkshopFactory(default_seats=2),
        organisation=focal.organisation,
        email=focal.user.email,
        nonce=services.new_nonce(),
        status=Invitation.Status.SENT,
    )


def _focal(invitation) -> User:
    return invitation.organisation.focal_points.get().user


def _url(invitation, action: str = "") -> str:
    return f"/invitations/{services.invitation_token(invitation)}/{action}"


def _nominees(*people) -> dict:
    data = {"nominee-TOTAL_FORMS": str(len(people)), "nominee-INITIAL_FORMS": "0"}
    for i, (name, email) in enumerate(people):
        data |= {
            f"nominee-{i}-name": name,
            f"nominee-{i}-email": email,
            f"nominee-{i}-position": "Customs Officer",
            f"nominee-{i}-seniority": "officer",
            f"nominee-{i}-gender": "female",
        }
    return data


def test_an_anonymous_visitor_sees_the_workshop_and_is_asked_to_sign_in(client, invitation):
    url = _url(invitation)
    page = client.get(url).content.decode()
    assert invitation.workshop.title in page
    assert f"/accounts/login/?next={url.replace(':', '%3A')}" in page
    assert "/accounts/signup/?next=" in page
    assert "Seats left" not in page


def test_the_focal_point_sees_the_seats_and_the_form(client, invitation):
    RegistrationFactory(
        workshop=invitation.workshop, person=UserFactory(organisation=invitation.organisation)
    )
    client.force_login(_focal(invitation))
    page = client.get(_url(invitation)).content.decode()
    assert "Seats: 2" in page
    assert "Taken by registrations: 1" in page
    assert "Seats left: 1" in page
    assert page.count('name="nominee-') > 0
    assert "Delegate 1" in page
    assert "Delegate 2" not in page


def test_nominating_within_the_quota_creates_accounts_invitations_and_emails(client, invitation):
    existing = UserFactory(email="known@example.org", organisation=invitation.organisation)
    client.force_login(_focal(invitation))

    response = client.post(
        _url(invitation, "nominate/"),
        _nominees(("Mele Tupou", "Mele@Example.org"), ("Known Person", "known@example.org")),
        follow=True,
    )

    assert "2 delegates nominated" in response.content.decode()
    mele = User.objects.get(email="mele@example.org")
    assert mele.organisation == invitation.organisation
    assert not mele.has_usable_password()
    assert (mele.position, mele.seniority, mele.gender) == ("Customs Officer", "officer", "female")
    address = EmailAddress.objects.get(user=mele)
    assert address.verified
    assert address.primary
    assert User.objects.filter(email="known@example.org").count() == 1
    assert existing.has_usable_password()
    named = Invitation.objects.exclude(pk=invitation.pk)
    assert set(named.values_list("email", flat=True)) == {"mele@example.org", "known@example.org"}
    assert set(named.values_list("status", flat=True)) == {"sent"}
    emails = OutgoingEmail.objects.filter(template="nomination")
    assert emails.count() == 2
    mele_email = emails.get(recipient="mele@example.org")
    link = re.search(r"http\S+/invitations/\S+/", mele_email.body_text).group(0)
    assert link == services.invitation_link(named.get(email="mele@example.org"))
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.ANSWERED


def test_nominating_over_the_quota_is_refused_and_creates_nothing(client, invitation):
    client.force_login(_focal(invitation))
    users_before = User.objects.count()

    response = client.post(
        _url(invitation, "nominate/"),
        _nominees(("A One", "a1@example.org"), ("B Two", "b2@example.org"), ("C 3", "c3@ex.org")),
    )

    assert response.status_code == 400
    assert "2 seat(s) left: nominate at most 2" in response.content.decode()
    assert User.objects.count() == users_before
    assert Invitation.objects.count() == 1
    assert not OutgoingEmail.objects.exists()
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT


def test_nominations_not_yet_registered_count_against_the_seats(client, invitation):
    client.force_login(_focal(invitation))
    client.post(_url(invitation, "nominate/"), _nominees(("A One", "a1@example.org")))
    client.post(_url(invitation, "nominate/"), _nominees(("B Two", "b2@example.org")))

    response = client.post(_url(invitation, "nominate/"), _nominees(("C 3", "c3@example.org")))

    assert "0 seat(s) left" in response.content.decode()
    assert Invitation.objects.exclude(name="").count() == 2


def test_a_nominee_of_another_organisation_is_refused(client, invitation):
    UserFactory(email="elsewhere@example.org")
    client.force_login(_focal(invitation))

    response = client.post(_url(invitation, "nominate/"), _nominees(("E", "elsewhere@example.org")))

    assert "belongs to another organisation" in response.content.decode()
    assert Invitation.objects.count() == 1


def test_the_focal_point_declines_on_behalf_of_the_administration(client, invitation):
    client.force_login(_focal(invitation))

    page = client.post(_url(invitation, "decline/"), follow=True).content.decode()

    assert "declined on behalf of your administration" in page
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.DECLINED
    refused = client.post(_url(invitation, "nominate/"), _nominees(("A", "a@example.org")))
    assert "declined on behalf of the administration" in refused.content.decode()
    assert Invitation.objects.count() == 1


def test_the_secretariat_may_answer_for_an_administration(secretariat_client, invitation):
    page = secretariat_client.get(_url(invitation)).content.decode()
    assert "Seats left: 2" in page


def test_someone_else_signed_in_gets_404_and_changes_nothing(client, invitation):
    stranger = UserFactory()
    other_focal = FocalPointFactory().user
    for user in (stranger, other_focal):
        client.force_login(user)
        assert client.get(_url(invitation)).status_code == 404
        assert (
            client.post(_url(invitation, "nominate/"), _nominees(("A", "a@x.org"))).status_code
            == 404
        )
        assert client.post(_url(invitation, "decline/")).status_code == 404
    invitation.refresh_from_db()
    assert invitation.status == Invitation.Status.SENT
    assert Invitation.objects.count() == 1


def test_an_anonymous_visitor_cannot_nominate(client, invitation):
    response = client.post(_url(invitation, "nominate/"), _nominees(("A", "a@x.org")))
    assert response.status_code == 302
    assert Invitation.objects.count() == 1


@pytest.fixture
def named(invitation):
    person = UserFactory(organisation=invitation.organisation, email="named@example.org")
    named = Invitation.objects.create(
        workshop=invitation.workshop,
        organisation=invitation.organisation,
        name=person.name,
        email=person.email,
        nonce=services.new_nonce(),
        status=Invitation.Status.SENT,
    )
    return named, person


def test_a_named_invitee_is_sent_to_the_registration_form(client, named):
    try:
        register = reverse("workshops:register", kwargs={"slug": named[0].workshop.slug})
    except NoReverseMatch:
        pytest.skip("the registration form (workshops:register) is not built yet")
    invitation, person = named
    client.force_login(person)

    page = client.get(_url(invitation)).content.decode()

    token = services.invitation_token(invitation)
    assert f'href="{register}?invitation={token.replace(":", "%3A")}"' in page
    assert "Register for this workshop" in page


def test_a_named_invitation_is_not_for_someone_else(client, named):
    invitation, _person = named
    client.force_login(_focal(Invitation.objects.get(name="")))
    assert client.get(_url(invitation)).status_code == 404


def test_from_the_secretariat_invitation_to_the_nominee_registration_link(
    client, secretariat, django_capture_on_commit_callbacks
):
    workshop = OpenWorkshopFactory(default_seats=2)
    focal = FocalPointFactory()
    client.force_login(secretariat)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            f"/manage/workshops/{workshop.pk}/invitations/new/",
            {"organisations": [focal.organisation.pk]},
        )
    sent = OutgoingEmail.objects.get(template="invitation", recipient=focal.user.email)
    assert sent.status == OutgoingEmail.Status.SENT
    link = re.search(r"http\S+/invitations/\S+/", sent.body_text).group(0)
    path = link[link.index("/invitations/") :]

    client.force_login(focal.user)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{path}nominate/", _nominees(("Mele Tupou", "mele@example.org")))

    nomination = OutgoingEmail.objects.get(template="nomination")
    assert nomination.status == OutgoingEmail.Status.SENT
    nominee_link = re.search(r"http\S+/invitations/\S+/", nomination.body_text).group(0)
    nominee_path = nominee_link[nominee_link.index("/invitations/") :]
    client.force_login(User.objects.get(email="mele@example.org"))
    page = client.get(nominee_path).content.decode()
    assert "Invitation for Mele Tupou" in page
    assert "Register for this workshop" in page


def test_a_named_invitee_without_an_account_signs_up_with_the_address_already_verified(
    client, invitation
):
    named = Invitation.objects.create(
        workshop=invitation.workshop,
        organisation=invitation.organisation,
        name="Viliami Fifita",
        email="viliami@customs.example",
        nonce=services.new_nonce(),
        status=Invitation.Status.SENT,
    )
    path = _url(named)
    client.get(path)

    response = client.post(
        f"/accounts/signup/?next={path}",
        {
            "email": "viliami@customs.example",
            "password1": "reef-lagoon-canoe-42",
            "password2": "reef-lagoon-canoe-42",
            "name": "Viliami Fifita",
            "organisation": invitation.organisation.pk,
            "position": "Officer",
            "preferred_language": "en",
            "next": path,
        },
    )

    user = User.objects.get(email="viliami@customs.example")
    assert EmailAddress.objects.get(user=user).verified
    assert response.status_code == 302
    assert response.url == path  # signed in, back to the invitation: no confirmation e-mail
    assert "Register for this workshop" in client.get(path).content.decode()


def test_signing_up_with_another_address_after_a_link_verifies_only_the_invited_one(
    client, invitation
):
    """allauth's invitation rule: the link proves the invited address, and only that one."""
    named = Invitation.objects.create(
        workshop=invitation.workshop,
        organisation=invitation.organisation,
        name="Viliami Fifita",
        email="viliami@customs.example",
        nonce=services.new_nonce(),
        status=Invitation.Status.SENT,
    )
    client.get(_url(named))

    client.post(
        "/accounts/signup/",
        {
            "email": "someone.else@customs.example",
            "password1": "reef-lagoon-canoe-42",
            "password2": "reef-lagoon-canoe-42",
            "name": "Someone Else",
            "organisation": invitation.organisation.pk,
            "preferred_language": "en",
        },
    )

    user = User.objects.get(email="viliami@customs.example")
    addresses = dict(EmailAddress.objects.filter(user=user).values_list("email", "verified"))
    assert addresses == {"viliami@customs.example": True, "someone.else@customs.example": False}
