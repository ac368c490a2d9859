"""The Secretariat's planning pages: facilitators."""

import datetime as dt

import pytest
from django.urls import reverse

from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import FacilitationFactory, SessionFactory, WorkshopFactory
from workshops.models import Facilitation

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return response.content.decode()


@pytest.fixture
def korea():
    return WorkshopFactory(
        title="Regional Workshop on the WTO TFA",
        time_zone="Asia/Seoul",
        start_date=dt.date(2017, 6, 13),
        end_date=dt.date(2017, 6, 16),
    )


def test_secretariat_lists_and_adds_facilitators(secretariat_client, korea):
    kcs = OrganisationFactory(name="Korea Customs Service", kind="customs", oco_status="none")
    expert = UserFactory(name="Kim Min-jun", organisation=kcs)
    FacilitationFactory(
        workshop=korea, organisation=OrganisationFactory(name="World Customs Organization")
    )
    url = reverse("workshops:facilitators", args=[korea.pk])
    page = _page(secretariat_client.get(url))
    assert "World Customs Organization" in page
    assert "Kim Min-jun" in page  # offered in the person list, under Korea Customs Service
    assert "Add a facilitator" in page

    response = secretariat_client.post(
        url, {"organisation": kcs.pk, "person": expert.pk, "role": "lead"}, follow=True
    )
    assert response.redirect_chain[-1][0] == url
    page = _page(response)
    assert "Kim Min-jun (Korea Customs Service) – Lead facilitator was added." in page
    facilitation = Facilitation.objects.get(organisation=kcs)
    assert (facilitation.workshop, facilitation.person, facilitation.role) == (
        korea,
        expert,
        "lead",
    )


def test_facilitator_of_another_organisation_or_twice_is_refused(secretariat_client, korea):
    wco = OrganisationFactory(name="World Customs Organization")
    outsider = UserFactory(name="Someone Else")
    url = reverse("workshops:facilitators", args=[korea.pk])
    response = secretariat_client.post(
        url, {"organisation": wco.pk, "person": outsider.pk, "role": "facilitator"}
    )
    assert "Someone Else belongs to" in _page(response)
    assert "not to the organisation chosen" in _page(response)
    assert not Facilitation.objects.exists()

    FacilitationFactory(workshop=korea, organisation=wco)
    response = secretariat_client.post(url, {"organisation": wco.pk, "role": "facilitator"})
    assert "This facilitator is already listed." in _page(response)
    assert Facilitation.objects.count() == 1


def test_removing_a_facilitator_asks_first(secretariat_client, korea):
    facilitation = FacilitationFactory(
        workshop=korea, organisation=OrganisationFactory(name="New Zealand Customs Service")
    )
    SessionFactory(workshop=korea).facilitators.add(facilitation)
    url = reverse("workshops:facilitation-remove", args=[facilitation.pk])
    page = _page(secretariat_client.get(url))
    assert "Remove New Zealand Customs Service – Facilitator?" in page
    assert "named on 1 session of the agenda" in page
    assert Facilitation.objects.exists()

    response = secretariat_client.post(url, follow=True)
    assert response.redirect_chain[-1][0] == reverse("workshops:facilitators", args=[korea.pk])
    assert "New Zealand Customs Service – Facilitator was removed." in _page(response)
    assert not Facilitation.objects.exists()
