"""make bench, action plans: the regional plan PDF of 24 administrations x 10 items timed
beside a one-page reference document (a visa letter) rendered in the same run, per page;
and the plan and overdue pages' query counts at 2 and at 24 administrations."""

import datetime as dt
import statistics
import subprocess
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from core.documents import builder_for
from members.models import FocalPoint, Organisation, User
from programmes.models import ActionItem, ActionPlan, TfaMeasure
from programmes.selectors.action_plans import plan_document
from workshops.models import Registration, Workshop

ITEMS = 10
RUNS = 3


def _focal(email: str, administrations: list[Organisation]) -> User:
    user, _created = User.objects.get_or_create(
        email=email, defaults={"name": email.split("@")[0], "organisation": administrations[0]}
    )
    for organisation in administrations:
        FocalPoint.objects.get_or_create(user=user, organisation=organisation)
    return user


@transaction.atomic
def _plans(administrations: list[Organisation]) -> ActionPlan:
    """A completed workshop with a regional plan and one national plan per administration,
    ITEMS items each (a third of them overdue); built once, kept between runs."""
    count = len(administrations)
    today = timezone.localdate()
    workshop, created = Workshop.objects.get_or_create(
        slug=f"bench-action-plans-{count:02d}",
        defaults={
            "title": f"Benchmark workshop with {count} national action plans",
            "start_date": today - dt.timedelta(days=400),
            "end_date": today - dt.timedelta(days=396),
            "city": "Suva",
            "country": "Fiji",
            "status": Workshop.Status.COMPLETED,
        },
    )
    if not created:
        return ActionPlan.objects.get(workshop=workshop, level="regional")
    measures = list(TfaMeasure.objects.order_by("article", "position"))
    regional = ActionPlan.objects.create(workshop=workshop, level="regional", status="adopted")
    plans = [regional] + [
        ActionPlan.objects.create(workshop=workshop, level="national", administration=a)
        for a in administrations
    ]
    ActionItem.objects.bulk_create(
        ActionItem(
            plan=plan,
            action=f"Benchmark action {n + 1} of {plan.administration or 'the region'}: "
            + "put the measure into practice, train the officers and report on it. " * 2,
            responsible=plan.administration,
            start_date=today - dt.timedelta(days=300),
            end_date=today + dt.timedelta(days=(-10 if n % 3 == 0 else 200)),
            tfa_measure=measures[(n * 7 + plan.pk) % len(measures)] if measures else None,
            tfa_category="ABC"[n % 3],
            assistance_needed="Training and equipment" if n % 2 else "",
            position=n + 1,
        )
        for plan in plans
        for n in range(ITEMS)
    )
    return regional


def _pages(pdf: bytes) -> int:
    with tempfile.NamedTemporaryFile(suffix=".pdf") as handle:
        Path(handle.name).write_bytes(pdf)
        info = subprocess.run(["pdfinfo", handle.name], capture_output=True, text=True).stdout
    return int(next(line.split()[1] for line in info.splitlines() if line.startswith("Pages:")))


def _median_time(build: Callable[[], bytes]) -> tuple[float, bytes]:
    times, pdf = [], b""
    for _run in range(RUNS):
        started = time.perf_counter()
        pdf = build()
        times.append(time.perf_counter() - started)
    return statistics.median(times), pdf


def run(say: Callable[[str], None], queries: Callable[[str, User | None], int]) -> None:
    administrations = list(
        Organisation.objects.filter(kind="customs", oco_status="member").order_by("name")[:24]
    )
    small, large = _plans(administrations[:2]), _plans(administrations)
    letter = (
        Registration.objects.select_related("person", "organisation", "workshop", "funding__funder")
        .filter(status="approved")
        .first()
    )
    letters, plans = builder_for("workshops.visa_letter"), builder_for("programmes.action_plan")
    reference_s, reference_pdf = _median_time(
        lambda: letters.render(letter, letters.language_of(letter))
    )
    plan_s, plan_pdf = _median_time(lambda: plans.render(plan_document(plan_id=large.pk), "en"))
    reference_pages, plan_pages = _pages(reference_pdf), _pages(plan_pdf)
    ratio = (plan_s / plan_pages) / (reference_s / reference_pages)
    say("")
    say(f"Action plans (WeasyPrint, median of {RUNS} runs)")
    say(
        f"reference document (visa letter): {reference_s:6.2f} s, {reference_pages} page(s), "
        f"{reference_s / reference_pages:6.3f} s/page"
    )
    say(
        f"regional plan, {len(administrations)} administrations x {ITEMS} items: {plan_s:6.2f} s, "
        f"{plan_pages} pages, {plan_s / plan_pages:6.3f} s/page; ratio per page {ratio:4.2f} "
        f"(target <= 2: {'met' if ratio <= 2 else 'MISSED'})"
    )
    secretariat = User.objects.filter(is_secretariat=True).order_by("pk").first()
    focal_small = _focal("bench.focal02@bench.example", administrations[:2])
    focal_large = _focal("bench.focal24@bench.example", administrations)
    pairs = [
        (
            "regional plan page",
            queries(reverse("programmes:actionplan-detail", kwargs={"pk": small.pk}), secretariat),
            queries(reverse("programmes:actionplan-detail", kwargs={"pk": large.pk}), secretariat),
        ),
        (
            "workshop's plans page",
            queries(
                reverse("programmes:actionplan-list", kwargs={"pk": small.workshop_id}), secretariat
            ),
            queries(
                reverse("programmes:actionplan-list", kwargs={"pk": large.workshop_id}), secretariat
            ),
        ),
        (
            "overdue page, focal point",
            queries(reverse("programmes:actionplan-overdue"), focal_small),
            queries(reverse("programmes:actionplan-overdue"), focal_large),
        ),
    ]
    for label, at_2, at_24 in pairs:
        say(
            f"{label:28} queries: {at_2} at 2 administrations, {at_24} at 24 "
            f"({'same: met' if at_2 == at_24 else 'differ: MISSED'})"
        )
