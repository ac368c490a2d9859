"""Demo links between the Strategic Plans and the demo workshops (statuses are illustrative)."""

import datetime as dt

from django.db import transaction

from members.models import Organisation
from programmes.models import Activity, Agreement
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
