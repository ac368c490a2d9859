"""Two donors, each funding its own workshop, with participants whose contact, travel and visa
data must never reach a donor report."""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

import pytest

from members.models import User
from programmes.models import ActionItem, ActionPlan, Activity, Objective, Priority, StrategicPlan
from tests.factories import DonorContactFactory, OrganisationFactory, UserFactory
from tests.workshops.factories import (
    FacilitationFactory,
    FundingFactory,
    RegistrationFactory,
    WorkshopFactory,
)
from workshops.models import Attendance, Evaluation, Registration, Workshop

SECRET_VALUES = ("secret-passport-X99", "KE-0042", "nut allergy", "wheelchair", "Palau-nationality")


@dataclass
class World:
    korea: object  # the donor organisation
    bank: object
    korea_contact: User
    bank_contact: User
    korea_workshop: Workshop
    bank_workshop: Workshop
    korea_funding: object
    bank_funding: object
    activity: Activity


def _participant(workshop, funding, organisation, name, gender, seniority, email, days=None):
    """An approved participant present on `days` days (all the workshop's days by default)."""
    person = UserFactory(
        name=name, email=email, organisation=organisation, gender=gender, seniority=seniority
    )
    registration = _registration(workshop, person, organisation, funding, seniority)
    total = (workshop.end_date - workshop.start_date).days + 1
    for offset in range(total if days is None else days):
        Attendance.objects.create(
            registration=registration, day=workshop.start_date + dt.timedelta(days=offset)
        )
    return registration


def _registration(workshop, person, organisation, funding, seniority):
    return RegistrationFactory(
        workshop=workshop,
        person=person,
        organisation=organisation,
        status=Registration.Status.APPROVED,
        position=f"{seniority.title()} of {organisation.short_name or organisation.name}",
        seniority=seniority,
        funding=funding,
        passport_number=SECRET_VALUES[0],
        arrival_flight=SECRET_VALUES[1],
        dietary_needs=SECRET_VALUES[2],
        accessibility_needs=SECRET_VALUES[3],
        nationality=SECRET_VALUES[4],
        visa_letter_needed=True,
        arrival_date=workshop.start_date,
        departure_date=workshop.end_date,
    )


@pytest.fixture(name="world")
def world_fixture(db) -> World:
    korea = OrganisationFactory(
        name="Korea Customs Service (test)", slug="kcs-test", kind="partner", short_name="KCS"
    )
    bank = OrganisationFactory(name="World Bank (test)", slug="wb-test", kind="partner")
    fiji = OrganisationFactory(name="Fiji Revenue (test)", slug="fiji-test", short_name="FRCS")
    tonga = OrganisationFactory(name="Tonga Customs (test)", slug="tonga-test")
    korea_workshop = WorkshopFactory(
        title="TFA workshop (test)",
        slug="tfa-test",
        start_date=dt.date(2017, 6, 13),
        end_date=dt.date(2017, 6, 16),
        status=Workshop.Status.COMPLETED,
        host=korea,
    )
    bank_workshop = WorkshopFactory(
        title="Risk workshop (test)",
        slug="risk-test",
        start_date=dt.date(2018, 3, 5),
        end_date=dt.date(2018, 3, 7),
        status=Workshop.Status.COMPLETED,
    )
    korea_funding = FundingFactory(
        workshop=korea_workshop,
        funder=korea,
        amount=Decimal("150000"),
        committed=Decimal("150000"),
        disbursed=Decimal("120000"),
        spent=Decimal("98765.43"),
        funded_seats=3,
    )
    bank_funding = FundingFactory(
        workshop=bank_workshop, funder=bank, amount=Decimal("45000"), funded_seats=2
    )
    # 4 days: Ana attends all, Ben 3 (the required 75%), Cara 2 (not enough to count).
    ana = _participant(
        korea_workshop, korea_funding, fiji, "Ana Fiji", "female", "officer", "ana@fiji.test"
    )
    ben = _participant(
        korea_workshop, korea_funding, fiji, "Ben Fiji", "male", "manager", "ben@fiji.test", days=3
    )
    _participant(
        korea_workshop, None, tonga, "Cara Tonga", "female", "officer", "cara@tonga.test", days=2
    )
    for registration, ratings in ((ana, (5, 4, 5, 4)), (ben, (4, 4, 3, 3))):
        Evaluation.objects.create(
            registration=registration,
            relevance=ratings[0],
            content=ratings[1],
            facilitation=ratings[2],
            organisation=ratings[3],
            comments="Personal remark that only the Secretariat reads",
        )
    plan = ActionPlan.objects.create(
        workshop=korea_workshop, level=ActionPlan.Level.REGIONAL, status=ActionPlan.Status.ADOPTED
    )
    ActionItem.objects.create(
        plan=plan,
        action="Publish a regional guide to enquiry points",
        start_date=dt.date(2017, 7, 1),
        end_date=dt.date(2018, 6, 30),
        responsible=korea,
    )
    RegistrationFactory(
        workshop=korea_workshop,
        person=UserFactory(name="Dan Waitlisted", organisation=tonga),
        status=Registration.Status.WAITLISTED,
    )
    _participant(
        bank_workshop, bank_funding, tonga, "Eru Bank", "male", "officer", "eru@tonga.test"
    )
    FacilitationFactory(workshop=korea_workshop, organisation=korea)
    plan = StrategicPlan.objects.create(
        name="Plan (test)", slug="plan-test", start_year=2017, end_year=2022
    )
    priority = Priority.objects.create(plan=plan, number=3, title="Trade facilitation")
    objective = Objective.objects.create(priority=priority, title="Implement the TFA")
    activity = Activity.objects.create(objective=objective, title="Regional TFA support (test)")
    activity.workshops.add(korea_workshop)
    return World(
        korea=korea,
        bank=bank,
        korea_contact=DonorContactFactory(organisation=korea).user,
        bank_contact=DonorContactFactory(organisation=bank).user,
        korea_workshop=korea_workshop,
        bank_workshop=bank_workshop,
        korea_funding=korea_funding,
        bank_funding=bank_funding,
        activity=activity,
    )
