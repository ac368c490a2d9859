"""The Secretariat's planning pages: who may see them."""

import pytest
from django.urls import reverse

from tests.workshops.factories import (
    FacilitationFactory,
    FundingFactory,
    SessionFactory,
    WorkshopFactory,
)
from workshops.models import Facilitation, Funding, Session

pytestmark = pytest.mark.django_db


def _planning_urls() -> list[str]:
    workshop = WorkshopFactory()
    funding = FundingFactory(workshop=workshop)
    facilitation = FacilitationFactory(workshop=workshop)
    session = SessionFactory(workshop=workshop)
    return [
        reverse("workshops:funding-create", args=[workshop.pk]),
        reverse("workshops:funding-edit", args=[funding.pk]),
        reverse("workshops:funding-delete", args=[funding.pk]),
        reverse("workshops:facilitators", args=[workshop.pk]),
        reverse("workshops:facilitation-remove", args=[facilitation.pk]),
        reverse("workshops:seats", args=[workshop.pk]),
        reverse("workshops:session-create", args=[workshop.pk]),
        reverse("workshops:session-edit", args=[session.pk]),
        reverse("workshops:session-delete", args=[session.pk]),
    ]


def test_a_delegate_gets_404_on_every_planning_page_and_changes_nothing(delegate_client):
    for url in _planning_urls():
        assert delegate_client.get(url).status_code == 404, url
        assert delegate_client.post(url, {"amount": "1"}).status_code == 404, url
    assert (Funding.objects.count(), Facilitation.objects.count(), Session.objects.count()) == (
        1,
        1,
        1,
    )


def test_an_anonymous_visitor_is_sent_to_sign_in(client):
    login = reverse("account_login")
    for url in _planning_urls():
        for response in (client.get(url), client.post(url)):
            assert response.status_code == 302, url
            assert response["Location"].startswith(f"{login}?next="), url
    assert Funding.objects.count() == 1
