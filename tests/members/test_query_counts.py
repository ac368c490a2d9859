"""A page's number of queries does not grow with its rows."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.models import OutgoingEmail
from members.models import TradeAgreement, TradeAgreementParty
from tests.factories import (
    DonorContactFactory,
    FocalPointFactory,
    OrganisationFactory,
    OutgoingEmailFactory,
    UserFactory,
)

pytestmark = pytest.mark.django_db


def _queries(client, path: str) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(path)
    assert response.status_code == 200
    return len(context.captured_queries)


def _add_organisations(count: int, agreement: TradeAgreement) -> None:
    for organisation in OrganisationFactory.create_batch(count, is_wto_member=True):
        TradeAgreementParty.objects.create(
            agreement=agreement, organisation=organisation, status="party"
        )
        UserFactory(organisation=organisation)


@pytest.fixture
def pacer(db):
    return TradeAgreement.objects.create(code="pacer-plus", name="PACER Plus")


def test_directory_query_count_does_not_grow_with_organisations(delegate_client, pacer):
    _add_organisations(2, pacer)  # with the delegate's own administration: 3
    few = _queries(delegate_client, "/members/")

    _add_organisations(17, pacer)
    many = _queries(delegate_client, "/members/")

    assert delegate_client.get("/members/").content.decode().count("Party") == 19
    assert few == many


def test_filtered_directory_query_count_does_not_grow_with_organisations(delegate_client, pacer):
    path = "/members/?only=wto&only=pacer"
    _add_organisations(3, pacer)
    few = _queries(delegate_client, path)

    _add_organisations(17, pacer)
    many = _queries(delegate_client, path)

    assert few == many


def test_organisation_page_query_count_does_not_grow_with_its_people(delegate_client, delegate):
    path = delegate.organisation.get_absolute_url()
    few = _queries(delegate_client, path)

    for _ in range(10):
        FocalPointFactory(user__organisation=delegate.organisation)
    many = _queries(delegate_client, path)

    assert few == many


def test_people_list_query_count_does_not_grow_with_people(secretariat_client):
    FocalPointFactory()
    few = _queries(secretariat_client, "/people/")

    for _ in range(10):
        FocalPointFactory()
        DonorContactFactory()
    many = _queries(secretariat_client, "/people/")

    assert few == many


def test_outbox_list_query_count_does_not_grow_with_emails(secretariat_client):
    OutgoingEmailFactory.create_batch(2)
    few = _queries(secretariat_client, "/outbox/")

    for status in OutgoingEmail.Status.values:
        OutgoingEmailFactory.create_batch(10, status=status)
    many = _queries(secretariat_client, "/outbox/")

    assert few == many
