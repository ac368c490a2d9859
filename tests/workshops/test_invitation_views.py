"""The Secretariat's invitation pages: inviting, the report, progress that refreshes itself
while something is on its way, and refusals for everyone else."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import OutgoingEmail
from tests.factories import FocalPointFactory, OrganisationFactory
from tests.workshops.factories import OpenWorkshopFactory, WorkshopFactory
from workshops.models import Invitation
from workshops.services import invitations as services

pytestmark = pytest.mark.django_db


def _invitations(workshop, n: int, *, sent: bool, first: int = 0) -> None:
    organisation = OrganisationFactory()
    for i in range(first, first + n):
        email = (
            OutgoingEmail.objects.create(
                recipient=f"p{i}@example.org", subject="s", body_text="b", template="invitation"
            )
            if sent
            else None
        )
        Invitation.objects.create(
            workshop=workshop,
            organisation=organisation,
            name=f"Person {i}",
            email=f"p{i}@example.org",
            nonce=services.new_nonce(),
            status=Invitation.Status.SENT if sent else Invitation.Status.PENDING,
            outgoing_email=email,
        )


def test_secretariat_invites_administrations_and_sees_the_report(secretariat_client):
    workshop = OpenWorkshopFactory()
    focal = FocalPointFactory()
    lonely = OrganisationFactory(name="Administration without focal point")

    response = secretariat_client.post(
        f"/manage/workshops/{workshop.pk}/invitations/new/",
        {"organisations": [focal.organisation.pk, lonely.pk]},
    )

    page = response.content.decode()
    assert response.status_code == 200
    assert "1 invitation is being sent." in page
    assert "Administration without focal point" in page
    assert "no focal point to invite" in page
    invitation = Invitation.objects.get()
    assert invitation.email == focal.user.email
    assert invitation.status == Invitation.Status.PENDING  # the test transaction never commits


def test_a_csv_upload_reports_its_bad_rows_on_the_page(secretariat_client):
    workshop = OpenWorkshopFactory()
    OrganisationFactory(name="Tonga Customs", slug="tonga", country_iso2="TO")
    upload = SimpleUploadedFile(
        "people.csv", b"name,email,organisation\nMele,mele@to.example,TO\nBad,bad-address,TO\n"
    )

    response = secretariat_client.post(
        f"/manage/workshops/{workshop.pk}/invitations/new/", {"csv_file": upload}
    )

    page = response.content.decode()
    assert "1 invitation is being sent." in page
    assert "bad e-mail address" in page
    assert Invitation.objects.get().email == "mele@to.example"


def test_an_empty_choice_is_refused_with_a_message(secretariat_client):
    workshop = OpenWorkshopFactory()
    response = secretariat_client.post(f"/manage/workshops/{workshop.pk}/invitations/new/", {})
    assert "Choose whom to invite." in response.content.decode()
    assert not Invitation.objects.exists()


@pytest.mark.parametrize("status", ["draft", "closed", "completed", "cancelled"])
def test_only_an_open_workshop_can_be_invited_to(secretariat_client, status):
    workshop = WorkshopFactory(status=status)
    assert (
        secretariat_client.get(f"/manage/workshops/{workshop.pk}/invitations/new/").status_code
        == 404
    )


@pytest.mark.parametrize(
    "path",
    [
        "/manage/workshops/{pk}/invitations/",
        "/manage/workshops/{pk}/invitations/new/",
        "/manage/workshops/{pk}/invitations/progress/",
    ],
)
def test_a_delegate_gets_404_and_an_anonymous_visitor_is_sent_to_sign_in(client, delegate, path):
    workshop = OpenWorkshopFactory()
    _invitations(workshop, 1, sent=True)
    url = path.format(pk=workshop.pk)

    anonymous = client.get(url)
    assert anonymous.status_code == 302
    assert anonymous.url.startswith("/accounts/login/")

    client.force_login(delegate)
    assert client.get(url).status_code == 404
    assert client.post(url, {"all_members": "on"}).status_code == 404
    assert Invitation.objects.count() == 1


def test_the_progress_page_shows_counts_and_refreshes_while_emails_are_on_their_way(
    secretariat_client,
):
    workshop = OpenWorkshopFactory()
    _invitations(workshop, 2, sent=True)
    _invitations(workshop, 1, sent=False, first=2)
    OutgoingEmail.objects.filter(recipient="p0@example.org").update(
        status=OutgoingEmail.Status.FAILED, last_error="550 no such mailbox"
    )

    page = secretariat_client.get(f"/manage/workshops/{workshop.pk}/invitations/").content.decode()

    assert "Not sent yet: 1" in page
    assert page.count("Not sent yet") == 2  # the count, and the pending row's e-mail status
    assert "Queued: 1" in page
    assert "Failed: 1" in page
    assert "550 no such mailbox" in page
    assert 'hx-trigger="every 3s"' in page
    assert f'hx-get="/manage/workshops/{workshop.pk}/invitations/progress/"' in page
    assert "<script>" not in page
    assert "style=" not in page


def test_the_progress_stops_refreshing_once_everything_is_sent(secretariat_client):
    workshop = OpenWorkshopFactory()
    _invitations(workshop, 2, sent=True)
    OutgoingEmail.objects.update(status=OutgoingEmail.Status.SENT)

    page = secretariat_client.get(f"/manage/workshops/{workshop.pk}/invitations/").content.decode()

    assert "Sent: 2" in page
    assert "hx-trigger" not in page


def test_the_progress_partial_is_a_fragment_for_htmx_and_a_page_without_it(secretariat_client):
    workshop = OpenWorkshopFactory()
    _invitations(workshop, 1, sent=False)
    url = f"/manage/workshops/{workshop.pk}/invitations/progress/"

    fragment = secretariat_client.get(url, headers={"HX-Request": "true"}).content.decode()
    page = secretariat_client.get(url).content.decode()

    assert fragment.lstrip().startswith('<div id="invitation-progress"')
    assert "<html" not in fragment
    assert "<html" in page
    assert 'id="invitation-progress"' in page


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    return len(context.captured_queries)


def test_the_invitations_page_query_count_does_not_grow_with_its_rows(secretariat_client):
    small, large = OpenWorkshopFactory(), OpenWorkshopFactory()
    _invitations(small, 5, sent=True)
    _invitations(large, 50, sent=True)
    url = "/manage/workshops/{pk}/invitations/"
    secretariat_client.get(url.format(pk=small.pk))  # warm up sessions and the like

    few = _queries(secretariat_client, url.format(pk=small.pk))
    many = _queries(secretariat_client, url.format(pk=large.pk))

    assert few == many
    page = secretariat_client.get(url.format(pk=large.pk)).content.decode()
    assert len(re.findall(r"p\d+@example\.org", page)) == 50
