"""Invitation links: signed over the id and a random nonce, expiring with the deadline."""

import datetime as dt

import pytest
from django.core import signing
from django.utils import timezone

from tests.factories import FocalPointFactory
from tests.workshops.factories import OpenWorkshopFactory
from workshops.models import Invitation, Workshop
from workshops.services import invitations as services

pytestmark = pytest.mark.django_db


def _invitation(**overrides) -> Invitation:
    focal = FocalPointFactory()
    fields = {
        "workshop": overrides.pop("workshop", None) or OpenWorkshopFactory(),
        "organisation": focal.organisation,
        "email": focal.user.email,
        "nonce": services.new_nonce(),
        "status": Invitation.Status.SENT,
    }
    fields.update(overrides)
    return Invitation.objects.create(**fields)


def _snapshot():
    return list(Invitation.objects.values()), list(Workshop.objects.values())


def test_nonce_is_128_random_bits():
    nonces = {services.new_nonce() for _ in range(50)}
    assert len(nonces) == 50
    assert all(len(nonce) == 32 and int(nonce, 16) >= 0 for nonce in nonces)


def test_a_genuine_link_finds_its_invitation():
    invitation = _invitation()
    token = services.invitation_token(invitation)
    assert services.invitation_from_token(token) == invitation
    assert services.invitation_link(invitation).endswith(f"/invitations/{token}/")


def test_the_token_is_signed_with_the_salt_and_the_same_each_time():
    invitation = _invitation()
    token = services.invitation_token(invitation)
    payload = signing.Signer(salt="workshops.invitation").unsign_object(token)
    assert payload == {"i": invitation.pk, "n": invitation.nonce}
    with pytest.raises(signing.BadSignature):
        signing.Signer(salt="another.purpose").unsign_object(token)
    assert services.invitation_token(invitation) == token


def _tampered(token: str) -> str:
    last = "A" if token[-1] != "A" else "B"
    return token[:-1] + last


def _forged(invitation: Invitation, **payload) -> str:
    return signing.dumps({"i": invitation.pk, "n": invitation.nonce, **payload}, salt="other")


@pytest.mark.parametrize("kind", ["tampered", "wrong-nonce", "unknown-id", "wrong-salt", "junk"])
def test_a_bad_link_shows_a_not_valid_page_and_changes_nothing(client, kind):
    invitation = _invitation()
    token = services.invitation_token(invitation)
    token = {
        "tampered": _tampered(token),
        "wrong-nonce": signing.dumps(
            {"i": invitation.pk, "n": services.new_nonce()}, salt="workshops.invitation"
        ),
        "unknown-id": signing.dumps(
            {"i": invitation.pk + 1000, "n": invitation.nonce}, salt="workshops.invitation"
        ),
        "wrong-salt": _forged(invitation),
        "junk": "not-a-token",
    }[kind]
    before = _snapshot()

    response = client.get(f"/invitations/{token}/")

    assert response.status_code == 404
    assert "This link is not valid" in response.content.decode()
    assert "This invitation link is not valid." in response.content.decode()
    assert _snapshot() == before


def test_a_link_past_the_deadline_has_expired_and_changes_nothing(client):
    workshop = OpenWorkshopFactory()
    invitation = _invitation(workshop=workshop)
    token = services.invitation_token(invitation)
    Workshop.objects.filter(pk=workshop.pk).update(
        registration_deadline=timezone.now() - dt.timedelta(minutes=1)
    )
    before = _snapshot()

    response = client.get(f"/invitations/{token}/")

    assert response.status_code == 410
    assert "this invitation has expired" in response.content.decode()
    assert _snapshot() == before


@pytest.mark.parametrize("status", ["closed", "completed", "cancelled", "draft"])
def test_a_link_to_a_workshop_no_longer_open_is_closed(client, status):
    workshop = OpenWorkshopFactory()
    invitation = _invitation(workshop=workshop)
    token = services.invitation_token(invitation)
    Workshop.objects.filter(pk=workshop.pk).update(status=status)
    before = _snapshot()

    response = client.get(f"/invitations/{token}/")

    assert response.status_code == 410
    assert "Registration for this workshop is closed." in response.content.decode()
    assert _snapshot() == before


def test_a_tampered_link_cannot_nominate(client):
    invitation = _invitation()
    focal = invitation.organisation.focal_points.get().user
    client.force_login(focal)
    token = _tampered(services.invitation_token(invitation))

    response = client.post(
        f"/invitations/{token}/nominate/",
        {
            "nominee-TOTAL_FORMS": "1",
            "nominee-INITIAL_FORMS": "0",
            "nominee-0-name": "A B",
            "nominee-0-email": "ab@example.org",
        },
    )

    assert response.status_code == 404
    assert Invitation.objects.count() == 1
