"""Demo workshops: the 2017 Korea TFA workshop as the seed document tells it, and an
upcoming workshop open for registration. Figures the public record does not give are
marked as demo data."""

import datetime as dt
import zoneinfo
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from demo.participants import seed_demo_korea_participants
from demo.people import demo_email
from members.models import Organisation, User
from workshops.models import ExpertiseArea, ExpertProfile, Facilitation, Funding, Session, Workshop

KOREA_SLUG = "regional-workshop-wto-tfa-korea-2017"
GOVERNANCE_SLUG = "regional-workshop-corporate-governance-succession-planning"
DEMO_NOTE = "Demo data: an illustrative figure, not the real one."
CARIBBEAN = [f"Caribbean administration {letter} (placeholder)" for letter in "ABCDE"]

KOREA_SESSIONS = [
    (
        13,
        "09:00",
        "10:30",
        "Opening and overview of the WTO Trade Facilitation Agreement",
        ["world-customs-organization"],
    ),
    (
        13,
        "11:00",
        "12:30",
        "TFA Section I: publication, advance rulings and appeals",
        ["world-customs-organization"],
    ),
    (
        13,
        "14:00",
        "16:30",
        "Korea's experience: UNI-PASS and the single window",
        ["korea-customs-service"],
    ),
    (
        14,
        "09:00",
        "12:00",
        "World Bank TFA assessments of Pacific Island countries",
        ["world-bank"],
    ),
    (
        14,
        "13:30",
        "16:30",
        "Lessons from the Caribbean and the Pacific",
        ["world-bank", "oco-secretariat"],
    ),
    (15, "09:00", "12:00", "Risk management and post-clearance audit", ["new-zealand"]),
    (15, "13:30", "16:30", "Site visit: Incheon customs (demo)", ["korea-customs-service"]),
    (16, "09:00", "12:00", "Drafting the regional Action Plan", ["oco-secretariat"]),
    (
        16,
        "13:30",
        "15:00",
        "Action Plan adoption and closing",
        ["oco-secretariat", "korea-customs-service"],
    ),
]


def _org(slug: str) -> Organisation:
    return Organisation.objects.get(slug=slug)


def _caribbean() -> list[Organisation]:
    organisations = []
    for name in CARIBBEAN:
        organisation, _created = Organisation.objects.get_or_create(
            name=name,
            defaults={
                "slug": name.lower().replace(" ", "-").replace("(", "").replace(")", "")[:60],
                "kind": Organisation.Kind.CUSTOMS,
                "oco_status": Organisation.OcoStatus.NONE,
                "time_zone": "America/Port_of_Spain",
                "languages": "English",
                "notes": "Placeholder: the five Caribbean countries of the 2017 workshop are not named publicly.",
            },
        )
        organisations.append(organisation)
    return organisations


def _korea_workshop() -> Workshop:
    workshop, created = Workshop.objects.get_or_create(
        slug=KOREA_SLUG,
        defaults={
            "title": "Regional Workshop on the Implementation of the WTO Trade Facilitation Agreement",
            "title_fr": "Atelier régional sur la mise en œuvre de l'Accord de l'OMC sur la facilitation des échanges",
            "description": (
                "Consistent with its Strategic Plan 2017-2022, the OCO with the financial support of Korea "
                "Customs Service holds a regional workshop on the implementation of the WTO TFA, the first "
                "collaborative activity under the OCO–KCS Memorandum of Understanding of March 2017. Five "
                "Caribbean countries take part with World Bank funding. Members develop an Action Plan of "
                "activities to be coordinated at regional level."
            ),
            "start_date": dt.date(2017, 6, 13),
            "end_date": dt.date(2017, 6, 16),
            "city": "Seoul",
            "country": "Korea",
            "venue_name": "Korea Customs Service (venue: demo)",
            "time_zone": "Asia/Seoul",
            "host": _org("korea-customs-service"),
            "capacity": 40,
            "default_seats": 1,
            "registration_deadline": dt.datetime(
                2017, 5, 19, 17, 0, tzinfo=zoneinfo.ZoneInfo("Pacific/Fiji")
            ),
            "status": Workshop.Status.COMPLETED,
        },
    )
    if not created:
        return workshop
    Funding.objects.create(
        workshop=workshop,
        funder=_org("korea-customs-service"),
        amount=Decimal("150000"),
        currency="USD",
        covers=["airfare", "per_diem", "accommodation", "venue"],
        funded_seats=24,
        committed=Decimal("150000"),
        disbursed=Decimal("150000"),
        spent=Decimal("142500"),
        notes=f"Under the OCO–KCS MoU signed in Suva on 14 March 2017. {DEMO_NOTE}",
    )
    world_bank = Funding.objects.create(
        workshop=workshop,
        funder=_org("world-bank"),
        amount=Decimal("45000"),
        currency="USD",
        covers=["airfare", "per_diem", "accommodation"],
        funded_seats=5,
        eligible_all_members=False,
        committed=Decimal("45000"),
        disbursed=Decimal("45000"),
        spent=Decimal("43800"),
        notes=f"Five Caribbean participants. {DEMO_NOTE}",
    )
    world_bank.eligible_organisations.set(_caribbean())
    facilitators = {
        slug: Facilitation.objects.create(workshop=workshop, organisation=_org(slug), role=role)
        for slug, role in [
            ("korea-customs-service", Facilitation.Role.LEAD),
            ("new-zealand", Facilitation.Role.FACILITATOR),
            ("world-customs-organization", Facilitation.Role.FACILITATOR),
            ("world-bank", Facilitation.Role.FACILITATOR),
            ("oco-secretariat", Facilitation.Role.LEAD),
        ]
    }
    seoul = zoneinfo.ZoneInfo("Asia/Seoul")
    for day, start, end, title, slugs in KOREA_SESSIONS:
        session = Session.objects.create(
            workshop=workshop,
            title=title,
            starts_at=dt.datetime.combine(
                dt.date(2017, 6, day), dt.time.fromisoformat(start), tzinfo=seoul
            ),
            ends_at=dt.datetime.combine(
                dt.date(2017, 6, day), dt.time.fromisoformat(end), tzinfo=seoul
            ),
            room="Plenary room (demo)",
        )
        session.facilitators.set([facilitators[slug] for slug in slugs])
    return workshop


def _governance_workshop() -> Workshop:
    apia = zoneinfo.ZoneInfo("Pacific/Apia")
    start = timezone.localdate() + dt.timedelta(days=90)
    workshop, created = Workshop.objects.get_or_create(
        slug=GOVERNANCE_SLUG,
        defaults={
            "title": "Regional Workshop on Corporate Governance and Succession Planning",
            "title_fr": "Atelier régional sur la gouvernance d'entreprise et la planification de la relève",
            "description": (
                "Strategic Plan 2022-2027, Priority 1 (Customs Leadership): strengthen succession planning. "
                "Executives and managers of member administrations work on governance frameworks and "
                "succession plans for their administrations. (Demo workshop.)"
            ),
            "start_date": start,
            "end_date": start + dt.timedelta(days=2),
            "venue_name": "Taumeasina Island Resort (demo)",
            "city": "Apia",
            "country": "Samoa",
            "time_zone": "Pacific/Apia",
            "host": _org("samoa"),
            "languages": Workshop.Languages.EN_FR,
            "capacity": 36,
            "default_seats": 2,
            "registration_deadline": dt.datetime.combine(
                start - dt.timedelta(days=30), dt.time(17, 0), tzinfo=apia
            ),
            "status": Workshop.Status.OPEN,
        },
    )
    if not created:
        return workshop
    Funding.objects.create(
        workshop=workshop,
        funder=_org("korea-customs-service"),
        amount=Decimal("90000"),
        currency="USD",
        covers=["airfare", "per_diem", "accommodation"],
        funded_seats=24,
        committed=Decimal("90000"),
        notes=DEMO_NOTE,
    )
    nz = _org("new-zealand")
    facilitator = User.objects.filter(email=demo_email("facilitator.nz")).first()
    lead = Facilitation.objects.create(
        workshop=workshop, organisation=_org("oco-secretariat"), role=Facilitation.Role.LEAD
    )
    nz_facilitation = Facilitation.objects.create(
        workshop=workshop, organisation=nz, person=facilitator
    )
    for offset, start_time, end_time, title, who in [
        (0, "09:00", "10:30", "Opening: governance in customs administrations", [lead]),
        (0, "11:00", "12:30", "Succession planning: from risk to plan", [nz_facilitation]),
        (
            1,
            "09:00",
            "12:00",
            "Building your administration's succession plan",
            [nz_facilitation, lead],
        ),
        (2, "09:00", "11:00", "Presentations and regional next steps", [lead]),
    ]:
        day = start + dt.timedelta(days=offset)
        session = Session.objects.create(
            workshop=workshop,
            title=title,
            starts_at=dt.datetime.combine(day, dt.time.fromisoformat(start_time), tzinfo=apia),
            ends_at=dt.datetime.combine(day, dt.time.fromisoformat(end_time), tzinfo=apia),
            room="Fale room (demo)",
        )
        session.facilitators.set(who)
    return workshop


def _expert_profiles() -> None:
    facilitator = User.objects.filter(email=demo_email("facilitator.nz")).first()
    if facilitator is None:
        return
    areas = [
        ExpertiseArea.objects.get_or_create(name=name, defaults={"name_fr": fr})[0]
        for name, fr in [
            ("Trade facilitation", "Facilitation des échanges"),
            ("Risk management", "Gestion des risques"),
            ("Leadership and succession planning", "Leadership et planification de la relève"),
        ]
    ]
    profile, _created = ExpertProfile.objects.get_or_create(
        user=facilitator,
        defaults={
            "summary": "Trade facilitation adviser; WTO TFA and risk management. (Demo profile.)"
        },
    )
    profile.areas.set(areas)


@transaction.atomic
def seed_demo_workshops() -> list[str]:
    korea = _korea_workshop()
    governance = _governance_workshop()
    _expert_profiles()
    seed_demo_korea_participants(korea)
    return [korea.title, governance.title]
