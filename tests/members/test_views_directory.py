"""The member directory and the organisation pages, on the real reference data."""

import html
import re
from zoneinfo import ZoneInfo

import pytest
from django.utils import dateformat, timezone

from members.models import Organisation
from tests.factories import FocalPointFactory, SecretariatFactory, UserFactory

pytestmark = pytest.mark.django_db

ROW_LINK = re.compile(r'<a href="/members/[a-z0-9-]+/">([^<]+)</a>')


def _listed(response) -> list[str]:
    """The administrations the directory table shows, in order."""
    return [html.unescape(name) for name in ROW_LINK.findall(response.content.decode())]


@pytest.fixture
def samoa(reference_data):
    return Organisation.objects.get(slug="samoa")


@pytest.fixture
def member_client(client, samoa):
    """Signed in as a delegate of Samoa, so the directory holds only the reference data."""
    client.force_login(UserFactory(organisation=samoa))
    return client


def test_directory_sends_anonymous_visitors_to_sign_in(client):
    response = client.get("/members/")

    assert response.status_code == 302
    assert response.url == "/accounts/login/?next=/members/"


def test_directory_lists_the_24_members_without_former_ones(member_client):
    response = member_client.get("/members/")

    listed = _listed(response)
    assert len(listed) == 24
    assert "Norfolk Island" not in listed
    assert "Korea Customs Service" not in listed
    assert listed[0] == "American Samoa"
    assert "24 administrations" in response.content.decode()


def test_directory_former_filter_adds_norfolk_island(member_client):
    response = member_client.get("/members/", {"only": "former"})

    listed = _listed(response)
    assert len(listed) == 25
    assert "Norfolk Island" in listed
    assert "former member" in response.content.decode()


def test_directory_wto_filter_shows_the_nine_wto_members(member_client):
    listed = _listed(member_client.get("/members/", {"only": "wto"}))

    assert listed == [
        "Australia",
        "Fiji",
        "New Zealand",
        "Papua New Guinea",
        "Samoa",
        "Solomon Islands",
        "Timor-Leste",
        "Tonga",
        "Vanuatu",
    ]


def test_directory_pacer_filter_shows_parties_not_mere_signatories(member_client):
    response = member_client.get("/members/", {"only": "pacer"})

    listed = _listed(response)
    assert "Samoa" in listed
    assert "Nauru" not in listed
    assert "Fiji" not in listed
    assert len(listed) == 10
    assert "Party" in response.content.decode()


def test_directory_french_filter_shows_the_french_speaking_administrations(member_client):
    listed = _listed(member_client.get("/members/", {"only": "french"}))

    assert listed == ["French Polynesia", "New Caledonia", "Vanuatu", "Wallis and Futuna"]


def test_directory_filters_combine(member_client):
    listed = _listed(member_client.get("/members/", {"only": ["wto", "pacer"]}))

    assert listed == ["Australia", "New Zealand", "Samoa", "Solomon Islands", "Tonga", "Vanuatu"]


def test_directory_search_matches_names_and_country_codes(member_client):
    assert _listed(member_client.get("/members/", {"q": "samoa"})) == [
        "American Samoa",
        "Samoa",
    ]
    assert _listed(member_client.get("/members/", {"q": "ws"})) == ["Samoa"]


def test_directory_says_so_when_nothing_matches(member_client):
    response = member_client.get("/members/", {"q": "Atlantis"})

    assert _listed(response) == []
    assert "No administration matches these filters." in response.content.decode()


def test_directory_counts_active_people_of_each_administration(member_client, samoa):
    UserFactory(organisation=samoa)  # with the signed-in delegate: two active people
    UserFactory(organisation=samoa, is_active=False)

    response = member_client.get("/members/", {"q": "ws"})

    assert re.search(r"<td>2</td>\s*</tr>", response.content.decode())


def test_organisation_page_shows_its_local_time_and_facts(member_client, samoa):
    response = member_client.get("/members/samoa/")

    page = response.content.decode()
    local_now = timezone.localtime(response.context["now"], ZoneInfo("Pacific/Apia"))
    assert f'id="local-time">{dateformat.format(local_now, "l j F Y, H:i")}' in page
    assert "Pacific/Apia" in page
    assert "since 10 May 2012" in page
    assert "PACER Plus (Pacific Agreement on Closer Economic Relations Plus): Party" in page


def test_organisation_page_lists_its_people_without_emails_for_a_delegate(client, samoa):
    focal = FocalPointFactory(user__name="Leota Faleolo", user__organisation=samoa).user
    UserFactory(name="Retired Officer", organisation=samoa, is_active=False)
    client.force_login(UserFactory(organisation=samoa))

    page = client.get("/members/samoa/").content.decode()

    assert "Leota Faleolo" in page
    assert "Focal point" in page
    assert "Retired Officer" not in page
    assert focal.email not in page


def test_organisation_page_shows_emails_to_the_secretariat(client, samoa):
    person = UserFactory(name="Leota Faleolo", organisation=samoa)
    client.force_login(SecretariatFactory())

    page = client.get("/members/samoa/").content.decode()

    assert "Leota Faleolo" in page
    assert person.email in page


def test_organisation_page_without_people_says_so(member_client):
    page = member_client.get("/members/tonga/").content.decode()

    assert "Nobody from this administration has an account yet." in page


def test_organisation_page_of_an_unknown_slug_is_not_found(member_client):
    response = member_client.get("/members/atlantis/")

    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_organisation_page_sends_anonymous_visitors_to_sign_in(client, samoa):
    response = client.get("/members/samoa/")

    assert response.status_code == 302
    assert response.url.startswith("/accounts/login/")


def test_directory_shows_each_administrations_local_time_across_the_date_line(member_client):
    response = member_client.get("/members/", {"q": "samoa"})

    page = response.content.decode()
    now = response.context["now"]
    for zone in ("Pacific/Pago_Pago", "Pacific/Apia"):
        local = dateformat.format(timezone.localtime(now, ZoneInfo(zone)), "l j F H:i")
        assert f'<td class="local-time">{local}</td>' in page
    # Same clock time, not the same day.
    american_samoa, samoa = re.findall(
        r'<td class="local-time">(\w+ \d+ \w+) (\d\d:\d\d)</td>', page
    )
    assert american_samoa[1] == samoa[1]
    assert american_samoa[0] != samoa[0]
