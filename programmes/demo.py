"""Demo links between the Strategic Plans and the demo workshops (statuses are illustrative)."""

import datetime as dt
from decimal import Decimal

from django.db import transaction

from members.models import Organisation
from programmes.models import Activity, Agreement, Indicator, IndicatorPeriod
from workshops.demo import GOVERNANCE_SLUG, KOREA_SLUG
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
