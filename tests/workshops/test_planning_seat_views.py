"""The Secretariat's planning pages: seats per administration."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import RegistrationFactory, SeatQuotaFactory, WorkshopFactory
from workshops.models import Registration, SeatQuota, Workshop

pytestmark = pytest.mark.django_db


def _page(response) -> str:
    return response.content.decode()


def test_seats_page_shows_each_administration_and_saves_several_overrides(secretariat_client):
    workshop = WorkshopFactory(default_seats=2)
    fiji = OrganisationFactory(name="Fiji Revenue and Customs Service")
    samoa = OrganisationFactory(name="Samoa Ministry of Customs and Revenue")
    tonga = OrganisationFactory(name="Tonga Customs")
    SeatQuotaFactory(workshop=workshop, organisation=tonga, seats=5)
    url = reverse("workshops:seats", args=[workshop.pk])

    page = _page(secretariat_client.get(url))
    for name in (fiji.name, samoa.name, tonga.name):
        assert name in page
    assert "By default each member administration has 2 seats." in page
    assert "Seats offered in all: 9" in page
    assert f'name="seats_{tonga.pk}" id="id_seats_{tonga.pk}" value="5"' in page

    response = secretariat_client.post(
        url,
        {f"seats_{fiji.pk}": "4", f"seats_{samoa.pk}": "0", f"seats_{tonga.pk}": ""},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == url
    page = _page(response)
    assert "Seats changed for 3 administrations." in page
    assert "Seats offered in all: 6" in page
    quotas = dict(SeatQuota.objects.values_list("organisation__name", "seats"))
    assert quotas == {fiji.name: 4, samoa.name: 0}


def test_negative_seats_show_a_message_and_save_nothing(secretariat_client):
    workshop = WorkshopFactory()
    fiji, tonga = OrganisationFactory(), OrganisationFactory()
    response = secretariat_client.post(
        reverse("workshops:seats", args=[workshop.pk]),
        {f"seats_{fiji.pk}": "3", f"seats_{tonga.pk}": "-1"},
    )
    page = _page(response)
    assert "Seats cannot be negative." in page
    assert "Nothing was changed." in page
    assert not SeatQuota.objects.exists()


def test_seats_below_approved_delegates_show_a_message(secretariat_client):
    workshop = WorkshopFactory()
    fiji = OrganisationFactory(name="Fiji Revenue and Customs Service")
    RegistrationFactory(
        workshop=workshop,
        person=UserFactory(organisation=fiji),
        status=Registration.Status.APPROVED,
    )
    response = secretariat_client.post(
        reverse("workshops:seats", args=[workshop.pk]), {f"seats_{fiji.pk}": "0"}
    )
    assert "Fewer seats than delegates already approved for: Fiji" in _page(response)
    assert not SeatQuota.objects.exists()


def _add_administrations(workshop: Workshop, count: int) -> None:
    """Administrations with an override and an approved delegate each."""
    for organisation in OrganisationFactory.create_batch(count):
        SeatQuotaFactory(workshop=workshop, organisation=organisation, seats=3)
        RegistrationFactory(
            workshop=workshop,
            person=UserFactory(organisation=organisation),
            status=Registration.Status.APPROVED,
        )


def _seats_page_queries(client, workshop: Workshop, administrations: int) -> int:
    with CaptureQueriesContext(connection) as queries:
        response = client.get(reverse("workshops:seats", args=[workshop.pk]))
    assert _page(response).count('type="number"') == administrations
    return len(queries)


def test_seats_page_queries_do_not_grow_with_administrations(secretariat_client):
    workshop = WorkshopFactory()
    _add_administrations(workshop, 3)
    with_3 = _seats_page_queries(secretariat_client, workshop, 3)
    _add_administrations(workshop, 21)
    assert _seats_page_queries(secretariat_client, workshop, 24) == with_3
