"""Inviting when every line is refused: a warning with the refusals, no "being sent" message
and no way to the progress page, since nothing was queued."""

import pytest

from tests.factories import FocalPointFactory, OrganisationFactory
from tests.workshops.factories import OpenWorkshopFactory
from workshops.models import Invitation

pytestmark = pytest.mark.django_db


def test_every_line_refused_shows_a_warning_and_the_refusals(secretariat_client):
    workshop = OpenWorkshopFactory()
    lonely = OrganisationFactory(name="Administration without focal point")

    response = secretariat_client.post(
        f"/manage/workshops/{workshop.pk}/invitations/new/", {"organisations": [lonely.pk]}
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "alert-warning" in page
    assert "No invitation was sent: every line was refused." in page
    assert "being sent" not in page
    assert "alert-success" not in page
    assert "Administration without focal point" in page
    assert "no focal point to invite" in page
    assert f'/manage/workshops/{workshop.pk}/invitations/"' not in page
    assert "Follow the sending" not in page
    assert not Invitation.objects.exists()


def test_some_lines_accepted_still_lead_to_the_progress_page(secretariat_client):
    workshop = OpenWorkshopFactory()
    focal = FocalPointFactory()
    response = secretariat_client.post(
        f"/manage/workshops/{workshop.pk}/invitations/new/",
        {"organisations": [focal.organisation.pk]},
    )
    page = response.content.decode()
    assert "1 invitation is being sent." in page
    assert "Follow the sending" in page
    assert "alert-warning" not in page
