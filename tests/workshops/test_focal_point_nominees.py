"""A focal point finds the delegates they nominated (before and after those register) and,
on the dashboard, their administration's open invitations with the nomination page's link."""

import pytest

from tests.factories import FocalPointFactory, OrganisationFactory
from tests.workshops.factories import OpenWorkshopFactory
from workshops.models import Invitation, Workshop
from workshops.services import invitations as services
from workshops.services.nominations import invitation_nominate
from workshops.services.registrations import registration_submit

pytestmark = pytest.mark.django_db


@pytest.fixture
def invitation():
    focal = FocalPointFactory()
    return Invitation.objects.create(
        workshop=OpenWorkshopFactory(default_seats=3),
        organisation=focal.organisation,
        email=focal.user.email,
        nonce=services.new_nonce(),
        status=Invitation.Status.SENT,
    )


def _focal_client(client, invitation):
    client.force_login(invitation.organisation.focal_points.get().user)
    return client


def _nominate(invitation, *names):
    focal = invitation.organisation.focal_points.get().user
    nominees = [
        {"name": name, "email": f"{name.split()[0].lower()}@example.ws", "position": "Officer"}
        for name in names
    ]
    return invitation_nominate(actor=focal, invitation=invitation, nominees=nominees)


def test_nominees_who_have_not_registered_are_listed(client, invitation):
    _nominate(invitation, "Tala Oneil", "Sefo Leota")
    url = f"/workshops/{invitation.workshop.slug}/my-administration/"
    page = _focal_client(client, invitation).get(url).content.decode()
    assert "Nobody of your administration has registered yet." not in page
    assert "Tala Oneil" in page
    assert "Sefo Leota" in page
    assert "Nominated, not registered yet" in page


def test_a_nominee_who_registers_moves_to_the_registrations(client, invitation):
    named = _nominate(invitation, "Tala Oneil", "Sefo Leota")
    tala = named[0]
    from members.models import User

    registration_submit(
        actor=User.objects.get(email=tala.email),
        workshop=invitation.workshop,
        data={"position": "Officer", "consent": True},
        invitation=tala,
    )
    url = f"/workshops/{invitation.workshop.slug}/my-administration/"
    page = _focal_client(client, invitation).get(url).content.decode()
    assert page.count("Tala Oneil") == 1
    assert page.count("Nominated, not registered yet") == 1


def test_another_administrations_nominees_are_not_shown(client, invitation):
    other = FocalPointFactory(organisation=OrganisationFactory(name="Fiji Revenue"))
    other_invitation = Invitation.objects.create(
        workshop=invitation.workshop,
        organisation=other.organisation,
        email=other.user.email,
        nonce=services.new_nonce(),
        status=Invitation.Status.SENT,
    )
    _nominate(other_invitation, "Josaia Naivalu")
    url = f"/workshops/{invitation.workshop.slug}/my-administration/"
    page = _focal_client(client, invitation).get(url).content.decode()
    assert "Josaia Naivalu" not in page
    assert "Nobody of your administration has registered yet." in page


def test_the_dashboard_lists_open_invitations_with_the_nomination_link(client, invitation):
    closed = Invitation.objects.create(
        workshop=OpenWorkshopFactory(status=Workshop.Status.CLOSED, title="Closed workshop"),
        organisation=invitation.organisation,
        email=invitation.email,
        nonce=services.new_nonce(),
        status=Invitation.Status.SENT,
    )
    page = _focal_client(client, invitation).get("/").content.decode()
    assert "Open invitations" in page
    assert services.invitation_path(invitation) in page
    assert invitation.workshop.title in page
    assert services.invitation_path(closed) not in page


def test_a_declined_invitation_is_not_listed_on_the_dashboard(client, invitation):
    invitation.status = Invitation.Status.DECLINED
    invitation.save()
    page = _focal_client(client, invitation).get("/").content.decode()
    assert services.invitation_path(invitation) not in page
