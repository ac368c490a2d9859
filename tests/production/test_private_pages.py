"""Pages of a signed-in person are never kept by a browser's or proxy's cache; visitors'
public pages keep theirs."""

import pytest

from tests.workshops.factories import DocumentFactory, OpenWorkshopFactory, RegistrationFactory

pytestmark = pytest.mark.django_db

PRIVATE = "private, no-store"


def _cache_control(client, url: str, status: int = 200) -> str:
    response = client.get(url)
    assert response.status_code == status, url
    return response.get("Cache-Control", "")


@pytest.fixture
def workshop():
    return OpenWorkshopFactory()


def test_every_page_of_the_secretariat_is_private(secretariat_client, workshop):
    RegistrationFactory(workshop=workshop)
    participants = f"/manage/workshops/{workshop.pk}/participants/"
    urls = [
        "/",
        "/people/",
        "/outbox/",
        "/manage/workshops/",
        f"/manage/workshops/{workshop.pk}/",
        participants,
        participants + "export/",
        participants + "export/?format=xlsx",
        "/plans/",
        "/action-plans/overdue/",
    ]
    for url in urls:
        assert _cache_control(secretariat_client, url).startswith(PRIVATE), url


def test_every_page_of_a_delegate_is_private_even_a_public_one(delegate_client, workshop):
    document = DocumentFactory(workshop=workshop)
    urls = [
        "/",
        "/profile/",
        "/members/",
        "/experts/",
        "/workshops/",
        workshop.get_absolute_url(),
        f"/workshops/{workshop.slug}/register/",
        f"/workshops/{workshop.slug}/documents/{document.pk}/",
    ]
    for url in urls:
        header = _cache_control(delegate_client, url)
        assert header.startswith(PRIVATE), url
        assert "public" not in header
        assert "max-age" not in header


def test_a_refusal_and_a_redirect_to_a_signed_in_person_are_private(delegate_client):
    assert _cache_control(delegate_client, "/outbox/", status=404).startswith(PRIVATE)
    response = delegate_client.post("/language/", {"language": "fr", "next": "/profile/"})
    assert response.status_code == 302
    assert response["Cache-Control"].startswith(PRIVATE)


def test_pages_reached_with_a_personal_link_are_private_for_visitors(client):
    assert _cache_control(client, "/accounts/login/").startswith(PRIVATE)
    assert _cache_control(client, "/invitations/not-a-valid-token-at-all/", 404).startswith(PRIVATE)


def test_visitors_public_pages_keep_their_caching(client, workshop):
    document = DocumentFactory(workshop=workshop)
    for url in ("/workshops/", workshop.get_absolute_url()):
        assert "no-store" not in _cache_control(client, url), url
    public_file = _cache_control(client, f"/workshops/{workshop.slug}/documents/{document.pk}/")
    assert "public" in public_file
    assert "max-age=3600" in public_file
