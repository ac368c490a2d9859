"""The Customs Expert database: search, profiles with past facilitations, one's own profile."""

import datetime as dt

import pytest

from core.errors import ServiceError
from core.permissions import NotPermitted
from tests.factories import UserFactory
from tests.workshops.factories import (
    ExpertiseAreaFactory,
    ExpertProfileFactory,
    FacilitationFactory,
    OpenWorkshopFactory,
    WorkshopFactory,
)
from workshops.models import ExpertProfile, Workshop
from workshops.services.experts import expert_profile_save

pytestmark = pytest.mark.django_db


def test_anonymous_visitors_are_sent_to_sign_in(client):
    profile = ExpertProfileFactory()

    for url in ("/experts/", f"/experts/{profile.pk}/", "/profile/expertise/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/accounts/login/")


def test_search_by_area_of_expertise(delegate_client):
    risk = ExpertiseAreaFactory(name="Risk management")
    origin = ExpertiseAreaFactory(name="Rules of origin")
    ExpertProfileFactory(user__name="Ana Risk", areas=[risk])
    ExpertProfileFactory(user__name="Ben Origin", areas=[origin])
    ExpertProfileFactory(user__name="Cy Both", areas=[risk, origin])

    page = delegate_client.get(f"/experts/?area={risk.pk}").content.decode()

    assert "Ana Risk" in page
    assert "Cy Both" in page
    assert "Ben Origin" not in page
    assert "2 experts" in page


def test_search_by_working_language(delegate_client):
    ExpertProfileFactory(user__name="Marie Francophone", speaks_english=False, speaks_french=True)
    ExpertProfileFactory(user__name="John Anglophone", speaks_english=True, speaks_french=False)
    ExpertProfileFactory(user__name="Sam Bilingual", speaks_english=True, speaks_french=True)

    french = delegate_client.get("/experts/?language=fr").content.decode()
    english = delegate_client.get("/experts/?language=en").content.decode()

    assert "Marie Francophone" in french
    assert "Sam Bilingual" in french
    assert "John Anglophone" not in french
    assert "Marie Francophone" not in english
    assert "John Anglophone" in english


def test_search_by_area_and_language_together(delegate_client):
    risk = ExpertiseAreaFactory(name="Risk management")
    ExpertProfileFactory(user__name="Marie Risque", speaks_french=True, areas=[risk])
    ExpertProfileFactory(user__name="John Risk", areas=[risk])
    ExpertProfileFactory(user__name="Luc Autre", speaks_french=True)

    page = delegate_client.get(f"/experts/?area={risk.pk}&language=fr").content.decode()

    assert "Marie Risque" in page
    assert "John Risk" not in page
    assert "Luc Autre" not in page


def test_the_list_shows_areas_languages_and_availability_and_is_paginated(client):
    area = ExpertiseAreaFactory(name="Post-clearance audit", name_fr="Contrôle a posteriori")
    for n in range(27):
        ExpertProfileFactory(
            user__name=f"Expert {n:02d}",
            areas=[area],
            speaks_french=True,
            availability=ExpertProfile.Availability.LIMITED,
        )

    client.force_login(UserFactory(preferred_language="en"))
    first = client.get("/experts/").content.decode()
    second = client.get("/experts/?page=2").content.decode()
    client.force_login(UserFactory(preferred_language="fr"))
    french = client.get("/experts/").content.decode()

    assert "Expert 00" in first
    assert "Post-clearance audit" in first
    assert "English, French" in first
    assert "Limited availability" in first
    assert "Expert 26" not in first
    assert "Expert 26" in second
    assert "Page 2 of 2" in second
    assert "Contrôle a posteriori" in french
    assert "Post-clearance audit" not in french


def test_an_unknown_filter_value_shows_everyone(delegate_client):
    ExpertProfileFactory(user__name="Anyone at all")

    page = delegate_client.get("/experts/?area=99999&language=de").content.decode()

    assert "Anyone at all" in page


def test_profile_lists_past_facilitations_the_viewer_may_see(delegate_client):
    expert = UserFactory(name="Aroha Ngata")
    profile = ExpertProfileFactory(user=expert, summary="Twenty years in customs audit.")
    done = OpenWorkshopFactory(
        title="TFA workshop 2017",
        status=Workshop.Status.COMPLETED,
        start_date=dt.date(2017, 6, 13),
        end_date=dt.date(2017, 6, 16),
    )
    FacilitationFactory(workshop=done, organisation=expert.organisation, person=expert, role="lead")
    hidden = WorkshopFactory(title="Draft workshop in planning")
    FacilitationFactory(workshop=hidden, organisation=expert.organisation, person=expert)

    page = delegate_client.get(f"/experts/{profile.pk}/").content.decode()

    assert "Aroha Ngata" in page
    assert "Twenty years in customs audit." in page
    assert "TFA workshop 2017" in page
    assert "13 June 2017 – 16 June 2017" in page
    assert "Lead facilitator" in page
    assert "Draft workshop in planning" not in page


def test_unknown_profile_is_404(delegate_client):
    assert delegate_client.get("/experts/424242/").status_code == 404


def test_a_person_creates_then_edits_their_own_profile(client):
    person = UserFactory()
    risk = ExpertiseAreaFactory(name="Risk management")
    audit = ExpertiseAreaFactory(name="Audit")
    client.force_login(person)

    form = client.get("/profile/expertise/").content.decode()
    assert "Add yourself to the Customs Expert database" in form
    response = client.post(
        "/profile/expertise/",
        {
            "areas": [risk.pk, audit.pk],
            "speaks_english": "on",
            "speaks_french": "on",
            "other_languages": "Samoan",
            "availability": "limited",
            "availability_notes": "Not before March.",
            "summary": "Trainer.",
        },
    )

    profile = ExpertProfile.objects.get(user=person)
    assert response.status_code == 302
    assert response["Location"] == f"/experts/{profile.pk}/"
    assert set(profile.areas.all()) == {risk, audit}
    assert (profile.speaks_french, profile.other_languages) == (True, "Samoan")
    assert profile.availability == "limited"

    client.post(
        "/profile/expertise/",
        {"areas": [audit.pk], "speaks_english": "on", "availability": "available"},
    )
    profile.refresh_from_db()
    assert list(profile.areas.all()) == [audit]
    assert profile.speaks_french is False
    assert ExpertProfile.objects.filter(user=person).count() == 1


def test_a_profile_without_an_area_or_a_language_is_refused(client):
    person = UserFactory()
    area = ExpertiseAreaFactory()
    client.force_login(person)

    no_area = client.post(
        "/profile/expertise/", {"speaks_english": "on", "availability": "available"}
    )
    no_language = client.post(
        "/profile/expertise/", {"areas": [area.pk], "availability": "available"}
    )

    assert no_area.status_code == 200
    assert "This field is required." in no_area.content.decode()
    assert no_language.status_code == 200
    assert "Say in which languages you can work." in no_language.content.decode()
    assert not ExpertProfile.objects.exists()


def test_service_refuses_unknown_fields_and_keeps_the_profile_unchanged():
    profile = ExpertProfileFactory(summary="Before")
    area = ExpertiseAreaFactory()

    with pytest.raises(ServiceError):
        expert_profile_save(
            actor=profile.user,
            person=profile.user,
            data={"areas": [area], "user": UserFactory()},
        )
    with pytest.raises(ServiceError):
        expert_profile_save(
            actor=profile.user, person=profile.user, data={"areas": [], "summary": "After"}
        )

    profile.refresh_from_db()
    assert profile.summary == "Before"


def test_nobody_else_may_write_a_persons_expert_profile(secretariat):
    profile = ExpertProfileFactory(summary="Before")
    area = ExpertiseAreaFactory()
    newcomer = UserFactory()

    for actor, person in ((secretariat, profile.user), (UserFactory(), newcomer)):
        with pytest.raises(NotPermitted):
            expert_profile_save(
                actor=actor, person=person, data={"areas": [area], "summary": "After"}
            )

    profile.refresh_from_db()
    assert profile.summary == "Before"
    assert not ExpertProfile.objects.filter(user=newcomer).exists()
