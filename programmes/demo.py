"""Demo links between the Strategic Plans and the demo workshops (statuses are illustrative)."""

from django.db import transaction

from members.models import Organisation
from programmes.models import Activity
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
    return linked
