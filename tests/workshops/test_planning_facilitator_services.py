"""Planning services: a workshop's facilitators (organisations and their people)."""

import pytest
from django.db.models import QuerySet

from core.errors import ServiceError
from members.models import Organisation
from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import FacilitationFactory, SessionFactory, WorkshopFactory
from workshops.models import Facilitation, Workshop
from workshops.services import planning as services

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    return WorkshopFactory()


@pytest.fixture
def cancelled():
    return WorkshopFactory(status=Workshop.Status.CANCELLED)


def _partner(name: str) -> Organisation:
    return OrganisationFactory(name=name, kind="partner", oco_status="none")


def test_facilitation_of_an_organisation_and_one_of_its_people(secretariat, workshop):
    nz = OrganisationFactory(name="New Zealand Customs Service (test)")
    person = UserFactory(organisation=nz)
    facilitation = services.facilitation_add(
        actor=secretariat,
        workshop=workshop,
        organisation=nz,
        person=person,
        role=Facilitation.Role.LEAD,
    )
    assert (facilitation.workshop, facilitation.organisation, facilitation.person) == (
        workshop,
        nz,
        person,
    )
    assert facilitation.role == Facilitation.Role.LEAD


def test_facilitation_by_a_person_of_another_organisation_is_refused(secretariat, workshop):
    wco = _partner("World Customs Organization (test)")
    outsider = UserFactory()
    with pytest.raises(ServiceError, match="not to the organisation chosen"):
        services.facilitation_add(
            actor=secretariat, workshop=workshop, organisation=wco, person=outsider, role="lead"
        )
    assert not Facilitation.objects.exists()


def test_facilitation_by_a_person_of_no_organisation_is_refused(secretariat, workshop):
    loner = UserFactory(organisation=None)
    with pytest.raises(ServiceError, match="belongs to no organisation"):
        services.facilitation_add(
            actor=secretariat,
            workshop=workshop,
            organisation=OrganisationFactory(),
            person=loner,
            role="facilitator",
        )
    assert not Facilitation.objects.exists()


@pytest.mark.parametrize("with_person", [False, True], ids=["organisation", "person"])
def test_duplicate_facilitation_is_refused(secretariat, workshop, with_person):
    organisation = OrganisationFactory()
    person = UserFactory(organisation=organisation) if with_person else None
    FacilitationFactory(workshop=workshop, organisation=organisation, person=person)
    with pytest.raises(ServiceError, match="already listed"):
        services.facilitation_add(
            actor=secretariat,
            workshop=workshop,
            organisation=organisation,
            person=person,
            role="resource",
        )
    assert Facilitation.objects.count() == 1


def test_duplicate_facilitation_added_at_the_same_time_meets_the_constraint(
    secretariat, workshop, monkeypatch
):
    organisation = OrganisationFactory()
    FacilitationFactory(workshop=workshop, organisation=organisation)
    # As if another request had added it between the check and the insert.
    monkeypatch.setattr(QuerySet, "exists", lambda self: False)
    with pytest.raises(ServiceError, match="already listed"):
        services.facilitation_add(
            actor=secretariat,
            workshop=workshop,
            organisation=organisation,
            person=None,
            role="lead",
        )
    monkeypatch.undo()
    assert Facilitation.objects.count() == 1


def test_facilitation_remove_takes_it_off_its_sessions(secretariat):
    facilitation = FacilitationFactory()
    session = SessionFactory(workshop=facilitation.workshop)
    session.facilitators.add(facilitation)
    services.facilitation_remove(actor=secretariat, facilitation=facilitation)
    assert not Facilitation.objects.exists()
    assert list(session.facilitators.all()) == []


def test_facilitators_of_a_cancelled_workshop_cannot_change(secretariat, cancelled):
    with pytest.raises(ServiceError, match="cancelled"):
        services.facilitation_add(
            actor=secretariat,
            workshop=cancelled,
            organisation=OrganisationFactory(),
            person=None,
            role="facilitator",
        )
    facilitation = FacilitationFactory(workshop=cancelled)
    with pytest.raises(ServiceError, match="cancelled"):
        services.facilitation_remove(actor=secretariat, facilitation=facilitation)
    assert Facilitation.objects.count() == 1
