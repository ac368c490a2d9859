"""Agreements (MoUs) recorded, edited and deleted by the Secretariat on the portal's pages."""

import datetime as dt
from io import StringIO
from pathlib import Path

import pytest
from django.core.exceptions import PermissionDenied
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from members.models import Organisation
from programmes import services
from programmes.models import Activity, Agreement
from tests.workshops.factories import WorkshopFactory

pytestmark = pytest.mark.django_db

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def reference(db):
    call_command("load_reference_data", stdout=StringIO())


@pytest.fixture
def parties(reference):
    return list(Organisation.objects.filter(slug__in=["oco-secretariat", "korea-customs-service"]))


@pytest.fixture
def activity(reference):
    return Activity.objects.order_by("id").first()


def _form(organisations, activity=None, workshop=None, **extra) -> dict:
    """What the form posts."""
    data = {
        "title": "Memorandum of Understanding on customs capacity building",
        "short_name": "OCO–KCS MoU",
        "parties": [party.pk for party in organisations],
        "signed_on": "2017-03-14",
        "signed_at": "Suva",
        "summary": "Training & <b>co-operation</b>",
        "activities": [activity.pk] if activity else [],
        "workshops": [workshop.pk] if workshop else [],
    }
    data.update(extra)
    return data


def _data(organisations, activity=None, **extra) -> dict:
    """What the form hands the service."""
    data = _form(organisations, activity, **extra)
    data["parties"] = organisations
    data["activities"] = [activity] if activity else []
    data["workshops"] = []
    if isinstance(data["signed_on"], str):
        data["signed_on"] = dt.date.fromisoformat(data["signed_on"])
    return data


def test_the_secretariat_records_an_agreement_with_its_document(
    secretariat_client, parties, activity, media_root
):
    workshop = WorkshopFactory()
    data = _form(parties, activity, workshop)
    data["document_file"] = SimpleUploadedFile("mou.pdf", PDF, content_type="application/pdf")
    response = secretariat_client.post("/agreements/new/", data, follow=True)
    agreement = Agreement.objects.get()
    assert response.redirect_chain[-1][0] == agreement.get_absolute_url()
    page = response.content.decode()
    assert "was saved" in page
    assert "Training &amp; &lt;b&gt;co-operation&lt;/b&gt;" in page
    assert "on 14 March 2017 in Suva" in page
    assert set(agreement.parties.all()) == set(parties)
    assert list(agreement.activities.all()) == [activity]
    assert list(agreement.workshops.all()) == [workshop]
    assert "mou" not in agreement.document.name  # stored under a generated name
    download = secretariat_client.get(f"/agreements/{agreement.pk}/document/")
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith("attachment")
    assert b"".join(download.streaming_content) == PDF
    assert activity.title in secretariat_client.get(agreement.get_absolute_url()).content.decode()


def test_a_new_document_replaces_the_old_file(
    secretariat_client, parties, media_root, django_capture_on_commit_callbacks
):
    agreement = services.agreement_save(
        actor=_secretariat(secretariat_client),
        data=_data(parties),
        document=SimpleUploadedFile("a.pdf", PDF),
    )
    old = Path(agreement.document.path)
    data = _form(parties, title="Amended MoU")
    data["document_file"] = SimpleUploadedFile("b.pdf", PDF + b"% v2\n")
    with django_capture_on_commit_callbacks(execute=True):
        secretariat_client.post(f"/agreements/{agreement.pk}/edit/", data)
    agreement.refresh_from_db()
    assert agreement.title == "Amended MoU"
    assert not old.exists()
    assert Path(agreement.document.path).read_bytes().endswith(b"% v2\n")


def _secretariat(client):
    from members.models import User

    return User.objects.get(pk=client.session["_auth_user_id"])


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"title": "  "}, "This field is required"),
        ({"parties": []}, "This field is required"),
        ({"signed_on": "", "signed_at": "Suva"}, "Give the date of signing"),
        ({"signed_on": "not a date"}, "Enter a valid date"),
        ({"signed_on": "2999-01-01"}, "cannot be in the future"),
        ({"parties": ["999999"]}, "Select a valid choice"),
    ],
)
def test_bad_input_is_refused_and_nothing_saved(secretariat_client, parties, change, message):
    response = secretariat_client.post("/agreements/new/", _form(parties, **change))
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Agreement.objects.exists()


def test_an_agreement_needs_two_parties(secretariat_client, parties):
    response = secretariat_client.post("/agreements/new/", _form(parties[:1]))
    assert "at least two parties" in response.content.decode()
    assert not Agreement.objects.exists()


def test_a_file_that_is_not_a_document_is_refused_and_nothing_changes(
    secretariat_client, parties, media_root
):
    agreement = services.agreement_save(actor=_secretariat(secretariat_client), data=_data(parties))
    data = _form(parties, title="Changed")
    data["document_file"] = SimpleUploadedFile("mou.pdf", b"MZ\x90\x00 not a pdf")
    response = secretariat_client.post(f"/agreements/{agreement.pk}/edit/", data)
    assert "is not a PDF" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.title != "Changed"
    assert not agreement.document
    assert not list(media_root.rglob("*")) or not any(p.is_file() for p in media_root.rglob("*"))


def test_deleting_asks_first_and_keeps_the_activities(secretariat_client, parties, activity):
    agreement = services.agreement_save(
        actor=_secretariat(secretariat_client), data=_data(parties, activity)
    )
    page = secretariat_client.get(f"/agreements/{agreement.pk}/delete/").content.decode()
    assert "Delete the agreement" in page
    assert Agreement.objects.exists()
    response = secretariat_client.post(f"/agreements/{agreement.pk}/delete/", follow=True)
    assert "was deleted" in response.content.decode()
    assert not Agreement.objects.exists()
    assert Activity.objects.filter(pk=activity.pk).exists()


@pytest.mark.parametrize("path", ["new/", "{pk}/edit/", "{pk}/delete/"])
def test_other_people_cannot_change_agreements(delegate_client, parties, path):
    agreement = Agreement.objects.create(title="MoU")
    agreement.parties.set(parties)
    url = "/agreements/" + path.format(pk=agreement.pk)
    assert delegate_client.get(url).status_code == 404
    assert delegate_client.post(url, _form(parties, title="Hijacked")).status_code == 404
    assert Agreement.objects.get().title == "MoU"
    page = delegate_client.get(f"/agreements/{agreement.pk}/").content.decode()
    assert "/edit/" not in page


def test_the_service_refuses_non_secretariat_actors(delegate, parties):
    with pytest.raises(PermissionDenied):
        services.agreement_save(actor=delegate, data=_data(parties))
    assert not Agreement.objects.exists()


def test_an_agreement_without_document_or_place(secretariat, delegate_client, parties):
    agreement = services.agreement_save(
        actor=secretariat,
        data=_data(parties, signed_at="", signed_on=dt.date(2020, 5, 1)),
    )
    assert delegate_client.get(f"/agreements/{agreement.pk}/document/").status_code == 404
    page = delegate_client.get(f"/agreements/{agreement.pk}/").content.decode()
    assert "on 1 May 2020</dd>" in page
