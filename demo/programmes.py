"""Demo links between the Strategic Plans and the demo workshops (statuses are illustrative)."""

import datetime as dt
from decimal import Decimal

from django.db import transaction

from demo.people import DEMO_DOMAIN
from demo.workshops import GOVERNANCE_SLUG, KOREA_SLUG
from members.models import Organisation, User
from programmes.models import (
    ActionItem,
    ActionPlan,
    Activity,
    Agreement,
    Indicator,
    IndicatorPeriod,
    TfaMeasure,
)
from workshops.models import Workshop

LINKS = [
    (
        "Strategic Plan 2017-2022",
        "Regional support for implementation of the WTO Trade Facilitation Agreement",
        KOREA_SLUG,
        Activity.Status.DONE,
    ),
    (
        "Strategic Plan 2022-2027",
        "Conduct a regional workshop on Corporate Governance and Succession Planning for Member administrations",
        GOVERNANCE_SLUG,
        Activity.Status.IN_PROGRESS,
    ),
]


@transaction.atomic
def seed_demo_programmes() -> int:
    """Link each demo workshop to the activity it serves; returns how many links exist."""
    secretariat = Organisation.objects.filter(slug="oco-secretariat").first()
    linked = 0
    for plan, title, slug, status in LINKS:
        activity = Activity.objects.filter(
            objective__priority__plan__name=plan, title=title
        ).first()
        workshop = Workshop.objects.filter(slug=slug).first()
        if activity is None or workshop is None:
            continue
        activity.workshops.add(workshop)
        if activity.status == Activity.Status.PLANNED:
            activity.status = status
            activity.lead = activity.lead or secretariat
            activity.notes = activity.notes or "Demo status."
            activity.save()
        linked += 1
    expert_database = Activity.objects.filter(
        title="Build and maintain a Customs Expert database"
    ).first()
    if expert_database and expert_database.status == Activity.Status.PLANNED:
        expert_database.status = Activity.Status.IN_PROGRESS
        expert_database.notes = "The portal's Customs Expert database (demo status)."
        expert_database.save()
    _seed_kcs_mou()
    _seed_indicators()
    seed_demo_action_plans()
    return linked


def _seed_kcs_mou() -> None:
    """The OCO–KCS Memorandum of Understanding (Suva, 14 March 2017); the 2017 TFA workshop was
    the first collaborative activity under it."""
    agreement, _created = Agreement.objects.get_or_create(
        short_name="OCO–KCS MoU",
        defaults={
            "title": "Memorandum of Understanding between the Oceania Customs Organisation and Korea Customs Service",
            "signed_on": dt.date(2017, 3, 14),
            "signed_at": "Suva, Fiji",
            "summary": "Cooperation in customs capacity building; its first collaborative activity was the 2017 regional workshop on the implementation of the WTO TFA.",
        },
    )
    agreement.parties.add(
        *Organisation.objects.filter(slug__in=["oco-secretariat", "korea-customs-service"])
    )
    agreement.workshops.add(*Workshop.objects.filter(slug=KOREA_SLUG))
    agreement.activities.add(*Activity.objects.filter(title=LINKS[0][1]))


def _seed_indicators() -> None:
    """Two indicators on the TFA activity: officers trained, counted from the 2017 workshop's
    attendance, and a typed one with illustrative figures (demo)."""
    activity = Activity.objects.filter(title=LINKS[0][1]).first()
    if activity is None:
        return
    year = {"start": dt.date(2017, 1, 1), "end": dt.date(2017, 12, 31)}
    trained, _created = Indicator.objects.get_or_create(
        activity=activity,
        title="Customs officers trained on the TFA",
        defaults={"unit": "officers", "source": Indicator.Source.OFFICERS_TRAINED, "position": 1},
    )
    IndicatorPeriod.objects.get_or_create(
        indicator=trained, start=year["start"], defaults={**year, "target": Decimal(24)}
    )
    plans, _created = Indicator.objects.get_or_create(
        activity=activity,
        title="Administrations with a national TFA implementation plan",
        defaults={"unit": "administrations", "baseline": 3, "baseline_year": 2016, "position": 2},
    )
    IndicatorPeriod.objects.get_or_create(
        indicator=plans,
        start=year["start"],
        defaults={
            **year,
            "target": Decimal(10),
            "actual": Decimal(6),
            "comment": "Illustrative figures (demo data).",
        },
    )


# --- Action plans of the 2017 workshop (illustrative, not the real plan) ----------------------

DEMO_ITEM_NOTE = " (Demo item.)"
REGIONAL_ITEMS = [
    (
        "Publish a regional guide to national enquiry points and keep it online",
        "1.3",
        2017,
        7,
        2018,
        6,
        "done",
        "",
        "Web hosting and editing support",
    ),
    (
        "Develop a regional model for advance rulings legislation and procedures",
        "3",
        2017,
        9,
        2018,
        12,
        "in_progress",
        "",
        "Legal drafting expertise (WCO)",
    ),
    (
        "Run a regional risk-management workshop for supervisors",
        "7.4",
        2018,
        2,
        2018,
        11,
        "done",
        "",
        "Facilitators from KCS and New Zealand Customs",
    ),
    (
        "Share a regional template for post-clearance audit programmes",
        "7.5",
        2018,
        1,
        2019,
        6,
        "in_progress",
        "",
        "",
    ),
    (
        "Study the feasibility of a Pacific authorised operator mutual recognition",
        "7.7",
        2018,
        6,
        2019,
        12,
        "planned",
        "",
        "Study funded by a development partner",
    ),
    (
        "Report progress on TFA implementation to the OCO Annual Conference",
        "",
        2018,
        5,
        2018,
        6,
        "done",
        "",
        "",
    ),
]
NATIONAL_ITEMS = {
    "fiji": [
        (
            "Set up a customs enquiry point with published service standards",
            "1.3",
            2017,
            8,
            2018,
            3,
            "done",
            "A",
            "",
        ),
        (
            "Introduce pre-arrival processing of sea cargo manifests",
            "7.1",
            2017,
            10,
            2019,
            6,
            "in_progress",
            "B",
            "ASYCUDA configuration support",
        ),
        (
            "Draft an authorised economic operator programme",
            "7.7",
            2018,
            1,
            2019,
            12,
            "planned",
            "C",
            "Technical assistance for programme design",
        ),
    ],
    "samoa": [
        (
            "Publish tariff, procedures and forms on the customs website",
            "1.2",
            2017,
            7,
            2017,
            12,
            "done",
            "A",
            "",
        ),
        (
            "Establish a national risk-management unit",
            "7.4",
            2017,
            9,
            2018,
            12,
            "in_progress",
            "B",
            "Training of risk analysts",
        ),
        (
            "Begin a single window feasibility study",
            "10.4",
            2018,
            3,
            2019,
            3,
            "planned",
            "C",
            "Funding for the study",
        ),
    ],
    "vanuatu": [
        (
            "Adopt advance rulings regulations",
            "3",
            2017,
            9,
            2018,
            9,
            "in_progress",
            "B",
            "Legal drafting support",
        ),
        (
            "Sign a border agency cooperation arrangement with biosecurity",
            "8",
            2017,
            8,
            2018,
            2,
            "done",
            "A",
            "",
        ),
    ],
    "tonga": [
        (
            "Introduce electronic payment of duties",
            "7.2",
            2017,
            10,
            2018,
            12,
            "planned",
            "B",
            "Bank interface development",
        ),
        (
            "Establish post-clearance audit with trained auditors",
            "7.5",
            2018,
            1,
            2019,
            6,
            "planned",
            "C",
            "Audit training",
        ),
    ],
}
ADOPTED = {"regional", "vanuatu", "tonga"}


def _demo_items(plan: ActionPlan, rows: list[tuple], responsible) -> None:
    if plan.items.exists():
        return
    measures = {m.code: m for m in TfaMeasure.objects.all()}
    for position, (action, code, y1, m1, y2, m2, status, category, assistance) in enumerate(
        rows, start=1
    ):
        ActionItem.objects.create(
            plan=plan,
            action=action + DEMO_ITEM_NOTE,
            responsible=responsible,
            start_date=dt.date(y1, m1, 1),
            end_date=dt.date(y2, m2, 28),
            tfa_measure=measures.get(code),
            tfa_category=category,
            assistance_needed=assistance,
            status=status,
            position=position,
        )


def _demo_plan(workshop: Workshop, administration) -> ActionPlan:
    level = ActionPlan.Level.REGIONAL if administration is None else ActionPlan.Level.NATIONAL
    plan, _created = ActionPlan.objects.get_or_create(
        workshop=workshop,
        level=level,
        administration=administration,
        defaults={"is_demo": True},
    )
    return plan


@transaction.atomic
def seed_demo_action_plans() -> int:
    """The 2017 workshop's regional plan (adopted) and four national plans: Fiji's and Samoa's
    drafts (their demo focal points can edit them), Vanuatu's and Tonga's adopted. Marked as
    demo data (`is_demo`, and "(Demo item.)" in each action). Returns how many plans exist."""
    workshop = Workshop.objects.filter(slug=KOREA_SLUG).first()
    if workshop is None:
        return 0
    secretariat = Organisation.objects.filter(slug="oco-secretariat").first()
    staff = User.objects.filter(is_secretariat=True, email__endswith=DEMO_DOMAIN).first()
    plans = []
    regional = _demo_plan(workshop, None)
    _demo_items(regional, REGIONAL_ITEMS, secretariat)
    plans.append(("regional", regional))
    for slug, rows in NATIONAL_ITEMS.items():
        administration = Organisation.objects.filter(slug=slug).first()
        if administration is None:
            continue
        plan = _demo_plan(workshop, administration)
        _demo_items(plan, rows, administration)
        plans.append((slug, plan))
    adoption = dt.datetime(2017, 6, 16, 5, 0, tzinfo=dt.UTC)
    for key, plan in plans:
        if key in ADOPTED and plan.status == ActionPlan.Status.DRAFT:
            ActionPlan.objects.filter(pk=plan.pk).update(
                status=ActionPlan.Status.ADOPTED, adopted_at=adoption, adopted_by=staff
            )
    return len(plans)
