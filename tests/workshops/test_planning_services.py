"""Planning services: funding, facilitators, seat quotas and the agenda."""

import datetime as dt
from decimal import Decimal

import pytest
from django.db.models import QuerySet

from core.errors import ServiceError
from members.models import Organisation
from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import (
    FacilitationFactory,
    FundingFactory,
    RegistrationFactory,
    SeatQuotaFactory,
    SessionFactory,
    WorkshopFactory,
)
from workshops import selectors
from workshops.models import Facilitation, Funding, Registration, SeatQuota, Session, Workshop
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


def _funding_data(**overrides) -> dict:
    data = {
        "funder": _partner("World Bank (test)"),
        "amount": Decimal("60000"),
        "currency": "usd",
        "covers": ["airfare", "per_diem", "accommodation"],
        "eligible_all_members": True,
        "eligible_organisations": [],
        "funded_seats": 5,
        "committed": Decimal("60000"),
        "disbursed": Decimal("30000"),
        "spent": Decimal("0"),
    }
    data.update(overrides)
    return data


# --- Funding ---------------------------------------------------------------------------------


def test_funding_for_named_caribbean_administrations_is_saved(secretariat, workshop):
    caribbean = [
        OrganisationFactory(name=f"Caribbean administration {letter}", oco_status="none")
        for letter in "AB"
    ]
    funding = services.funding_save(
        actor=secretariat,
        workshop=workshop,
        data=_funding_data(eligible_all_members=False, eligible_organisations=caribbean),
    )
    funding.refresh_from_db()
    assert funding.workshop == workshop
    assert funding.currency == "USD"
    assert funding.covers == ["airfare", "per_diem", "accommodation"]
    assert funding.get_covers_display() == ["Airfare", "Per diem", "Accommodation"]
    assert set(funding.eligible_organisations.all()) == set(caribbean)
    assert (funding.amount, funding.disbursed, funding.funded_seats) == (
        Decimal("60000"),
        Decimal("30000"),
        5,
    )


def test_funding_open_to_all_members_drops_named_organisations(secretariat, workshop):
    named = OrganisationFactory()
    funding = services.funding_save(
        actor=secretariat,
        workshop=workshop,
        data=_funding_data(eligible_all_members=False, eligible_organisations=[named]),
    )
    services.funding_save(
        actor=secretariat,
        workshop=workshop,
        funding=funding,
        data={"eligible_all_members": True, "eligible_organisations": [named]},
    )
    funding.refresh_from_db()
    assert funding.eligible_all_members
    assert list(funding.eligible_organisations.all()) == []


def test_funding_restricted_to_nobody_is_refused(secretariat, workshop):
    with pytest.raises(ServiceError, match="Name the eligible organisations"):
        services.funding_save(
            actor=secretariat, workshop=workshop, data=_funding_data(eligible_all_members=False)
        )
    assert not Funding.objects.exists()


@pytest.mark.parametrize(
    "field", ["amount", "funded_seats", "committed", "disbursed", "spent"], ids=str
)
def test_funding_with_a_negative_figure_is_refused(secretariat, workshop, field):
    with pytest.raises(ServiceError, match="cannot be negative"):
        services.funding_save(
            actor=secretariat, workshop=workshop, data=_funding_data(**{field: -1})
        )
    assert not Funding.objects.exists()


def test_funding_edit_with_a_negative_amount_changes_nothing(secretariat):
    funding = FundingFactory(amount=Decimal("1000"))
    with pytest.raises(ServiceError):
        services.funding_save(
            actor=secretariat,
            workshop=funding.workshop,
            funding=funding,
            data={"amount": Decimal("-5"), "spent": Decimal("10")},
        )
    funding.refresh_from_db()
    assert (funding.amount, funding.spent) == (Decimal("1000"), Decimal("0"))


def test_funding_with_a_currency_that_is_not_three_letters_is_refused(secretariat, workshop):
    with pytest.raises(ServiceError, match="three letters"):
        services.funding_save(
            actor=secretariat, workshop=workshop, data=_funding_data(currency="U$")
        )
    assert not Funding.objects.exists()


def test_funding_of_a_cancelled_workshop_is_refused(secretariat, cancelled):
    with pytest.raises(ServiceError, match="cancelled"):
        services.funding_save(actor=secretariat, workshop=cancelled, data=_funding_data())
    funding = FundingFactory(workshop=cancelled)
    with pytest.raises(ServiceError, match="cancelled"):
        services.funding_delete(actor=secretariat, funding=funding)
    assert Funding.objects.filter(pk=funding.pk).exists()


def test_funding_delete_removes_it(secretariat):
    funding = FundingFactory()
    services.funding_delete(actor=secretariat, funding=funding)
    assert not Funding.objects.exists()


# --- Facilitators ----------------------------------------------------------------------------


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


# --- Seats -----------------------------------------------------------------------------------


def _seats(secretariat, workshop) -> dict[str, tuple[int, bool]]:
    rows = selectors.seats_overview(user=secretariat, workshop=workshop)
    return {row["organisation"].name: (row["seats"], row["overridden"]) for row in rows}


def test_seat_quota_override_and_back_to_the_default(secretariat, workshop):
    fiji, tonga = OrganisationFactory(name="Fiji"), OrganisationFactory(name="Tonga")
    changed = services.seat_quotas_set(
        actor=secretariat, workshop=workshop, quotas={fiji: 4, tonga: None}
    )
    assert changed == 1
    assert _seats(secretariat, workshop) == {"Fiji": (4, True), "Tonga": (2, False)}
    assert services.seats_for(workshop, fiji) == 4

    changed = services.seat_quotas_set(
        actor=secretariat, workshop=workshop, quotas={fiji: None, tonga: 0}
    )
    assert changed == 2
    assert _seats(secretariat, workshop) == {"Fiji": (2, False), "Tonga": (0, True)}
    assert services.seats_for(workshop, fiji) == 2


def test_seat_quotas_unchanged_are_not_rewritten(secretariat, workshop):
    quota = SeatQuotaFactory(workshop=workshop, seats=3)
    changed = services.seat_quotas_set(
        actor=secretariat, workshop=workshop, quotas={quota.organisation: 3}
    )
    assert changed == 0
    assert quota.history.count() == 1


def test_negative_seats_are_refused_and_nothing_changes(secretariat, workshop):
    fiji, tonga = OrganisationFactory(name="Fiji"), OrganisationFactory(name="Tonga")
    with pytest.raises(ServiceError, match="cannot be negative"):
        services.seat_quotas_set(actor=secretariat, workshop=workshop, quotas={fiji: 5, tonga: -1})
    with pytest.raises(ServiceError, match="cannot be negative"):
        services.seat_quota_set(actor=secretariat, workshop=workshop, organisation=fiji, seats=-2)
    assert not SeatQuota.objects.exists()


def test_seats_below_the_delegates_already_approved_are_refused(secretariat, workshop):
    fiji = OrganisationFactory(name="Fiji")
    for _ in range(2):
        RegistrationFactory(
            workshop=workshop,
            person=UserFactory(organisation=fiji),
            status=Registration.Status.APPROVED,
        )
    with pytest.raises(ServiceError, match="Fiji"):
        services.seat_quota_set(actor=secretariat, workshop=workshop, organisation=fiji, seats=1)
    assert not SeatQuota.objects.exists()
    quota = services.seat_quota_set(
        actor=secretariat, workshop=workshop, organisation=fiji, seats=3
    )
    assert quota.seats == 3


def test_seats_of_a_cancelled_workshop_cannot_change(secretariat, cancelled):
    fiji = OrganisationFactory()
    with pytest.raises(ServiceError, match="cancelled"):
        services.seat_quotas_set(actor=secretariat, workshop=cancelled, quotas={fiji: 3})
    assert not SeatQuota.objects.exists()


# --- Agenda ----------------------------------------------------------------------------------


@pytest.fixture
def korea():
    return WorkshopFactory(
        time_zone="Asia/Seoul", start_date=dt.date(2017, 6, 13), end_date=dt.date(2017, 6, 16)
    )


def _session(secretariat, workshop, **overrides) -> Session:
    kwargs = {
        "title": "Opening and overview of the WTO TFA",
        "day": dt.date(2017, 6, 13),
        "start": dt.time(9, 0),
        "end": dt.time(10, 30),
        "room": "Room 301",
    }
    kwargs.update(overrides)
    return services.session_save(actor=secretariat, workshop=workshop, **kwargs)


def test_session_times_are_stored_as_instants_of_the_venue_zone(secretariat, korea):
    kcs = FacilitationFactory(workshop=korea)
    session = _session(secretariat, korea, facilitators=[kcs])
    session.refresh_from_db()
    assert session.starts_at == dt.datetime(2017, 6, 13, 0, 0, tzinfo=dt.UTC)
    assert session.ends_at == dt.datetime(2017, 6, 13, 1, 30, tzinfo=dt.UTC)
    assert list(session.facilitators.all()) == [kcs]
    assert session.room == "Room 301"


def test_session_edit_keeps_the_session_and_moves_it(secretariat, korea):
    session = _session(secretariat, korea)
    edited = _session(
        secretariat,
        korea,
        session=session,
        title="Closing",
        day=dt.date(2017, 6, 16),
        start=dt.time(15, 0),
        end=dt.time(16, 0),
    )
    assert edited.pk == session.pk
    assert Session.objects.count() == 1
    session.refresh_from_db()
    assert session.title == "Closing"
    assert session.starts_at == dt.datetime(2017, 6, 16, 6, 0, tzinfo=dt.UTC)


@pytest.mark.parametrize("day", [dt.date(2017, 6, 12), dt.date(2017, 6, 17)], ids=str)
def test_session_on_a_day_outside_the_workshop_is_refused(secretariat, korea, day):
    with pytest.raises(ServiceError, match="within the workshop's dates"):
        _session(secretariat, korea, day=day)
    assert not Session.objects.exists()


@pytest.mark.parametrize("end", [dt.time(8, 0), dt.time(9, 0)], ids=["before", "same"])
def test_session_ending_before_it_starts_is_refused(secretariat, korea, end):
    with pytest.raises(ServiceError, match="end after it starts"):
        _session(secretariat, korea, end=end)
    assert not Session.objects.exists()


def test_session_of_a_workshop_without_dates_is_refused(secretariat):
    workshop = WorkshopFactory(start_date=None, end_date=None)
    with pytest.raises(ServiceError, match="Set the workshop's dates"):
        _session(secretariat, workshop)
    assert not Session.objects.exists()


def test_session_led_by_a_facilitator_of_another_workshop_is_refused(secretariat, korea):
    elsewhere = FacilitationFactory()
    with pytest.raises(ServiceError, match="facilitators of this workshop"):
        _session(secretariat, korea, facilitators=[elsewhere])
    assert not Session.objects.exists()


def test_agenda_of_a_cancelled_workshop_cannot_change(secretariat, korea):
    session = SessionFactory(workshop=korea)
    Workshop.objects.filter(pk=korea.pk).update(status=Workshop.Status.CANCELLED)
    korea.refresh_from_db()
    session.refresh_from_db()
    with pytest.raises(ServiceError, match="cancelled"):
        _session(secretariat, korea)
    with pytest.raises(ServiceError, match="cancelled"):
        services.session_delete(actor=secretariat, session=session)
    assert list(Session.objects.all()) == [session]


def test_session_delete_removes_it(secretariat, korea):
    session = _session(secretariat, korea)
    services.session_delete(actor=secretariat, session=session)
    assert not Session.objects.exists()
