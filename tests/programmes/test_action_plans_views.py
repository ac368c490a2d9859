"""Action-plan pages: each role's view and refusals, bad input on the forms, and query counts
that do not grow with the number of administrations or items."""

import datetime as dt

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from programmes.models import ActionItem
from tests.factories import FocalPointFactory, OrganisationFactory, UserFactory
from tests.programmes.factories import (
    ActionItemFactory,
    ActionPlanFactory,
    NationalPlanFactory,
    focal_point_with_plan,
    tfa_measures,
)
from tests.workshops.factories import WorkshopFactory

pytestmark = pytest.mark.django_db


def _item_post(**fields) -> dict:
    return {
        "action": "Set up a national enquiry point",
        "start_date": "2026-01-01",
        "end_date": "2026-06-30",
        "tfa_measure_code": "1.3",
        "tfa_category": "A",
        "assistance_needed": "",
        "status": "planned",
        "responsible": "",
        **fields,
    }


def test_a_focal_point_adds_an_item_to_their_national_plan(client):
    tfa_measures()
    focal, plan = focal_point_with_plan()
    client.force_login(focal)
    url = reverse("programmes:actionplan-item-add", kwargs={"pk": plan.pk})
    form = client.get(url).content.decode()
    assert '<optgroup label="Article 1: Publication and Availability of Information">' in form
    response = client.post(url, _item_post(), follow=True)
    page = response.content.decode()
    assert "The action was added." in page
    assert "Set up a national enquiry point" in page
    assert "Article 1: Publication and Availability of Information" in page
    assert plan.items.get().responsible == plan.administration


def test_dates_out_of_order_on_the_form_say_so_and_save_nothing(client):
    tfa_measures()
    focal, plan = focal_point_with_plan()
    client.force_login(focal)
    url = reverse("programmes:actionplan-item-add", kwargs={"pk": plan.pk})
    response = client.post(url, _item_post(start_date="2026-06-30", end_date="2026-01-01"))
    assert response.status_code == 400
    assert "The end cannot be before the start." in response.content.decode()
    assert not ActionItem.objects.exists()


def test_an_unknown_tfa_measure_on_the_form_says_so_and_saves_nothing(client):
    tfa_measures()
    focal, plan = focal_point_with_plan()
    client.force_login(focal)
    url = reverse("programmes:actionplan-item-add", kwargs={"pk": plan.pk})
    response = client.post(url, _item_post(tfa_measure_code="99.9"))
    assert response.status_code == 400
    assert "Select a valid choice. 99.9 is not one of the available choices." in (
        response.content.decode()
    )
    assert not ActionItem.objects.exists()


def test_another_administrations_items_answer_404_to_a_focal_point(client):
    focal, plan = focal_point_with_plan()
    _other, other_plan = focal_point_with_plan(workshop=plan.workshop)
    item = ActionItemFactory(plan=other_plan, action="Theirs")
    client.force_login(focal)
    for url in [
        reverse("programmes:actionplan-item-add", kwargs={"pk": other_plan.pk}),
        reverse("programmes:actionplan-item-edit", kwargs={"pk": item.pk}),
        reverse("programmes:actionplan-item-follow-up", kwargs={"pk": item.pk}),
    ]:
        assert client.get(url).status_code == 404, url
        assert client.post(url, _item_post()).status_code == 404, url
    delete = reverse("programmes:actionplan-item-delete", kwargs={"pk": item.pk})
    assert client.post(delete).status_code == 404
    item.refresh_from_db()
    assert item.action == "Theirs"


def test_the_plan_page_offers_editing_only_to_those_who_may(client, delegate):
    focal, plan = focal_point_with_plan()
    ActionItemFactory(plan=plan, action="An action")
    url = reverse("programmes:actionplan-detail", kwargs={"pk": plan.pk})
    client.force_login(focal)
    page = client.get(url).content.decode()
    assert "Add an action" in page
    assert "Adopt the plan" not in page
    client.force_login(delegate)  # the workshop is public: a delegate reads, nothing more
    page = client.get(url).content.decode()
    assert "An action" in page
    assert "Add an action" not in page
    assert "Follow up" not in page


def test_the_secretariat_adopts_a_plan_and_a_focal_point_cannot(secretariat_client):
    client = Client()
    focal, plan = focal_point_with_plan()
    ActionItemFactory(plan=plan)
    adopt = reverse("programmes:actionplan-adopt", kwargs={"pk": plan.pk})
    client.force_login(focal)
    assert client.post(adopt).status_code == 404
    plan.refresh_from_db()
    assert plan.status == "draft"
    response = secretariat_client.post(adopt, follow=True)
    assert "The plan is adopted." in response.content.decode()
    plan.refresh_from_db()
    assert plan.status == "adopted"


def test_a_focal_point_follows_up_an_adopted_item(client, secretariat):
    focal, plan = focal_point_with_plan(status="adopted")
    item = ActionItemFactory(plan=plan)
    client.force_login(focal)
    assert (
        client.get(reverse("programmes:actionplan-item-edit", kwargs={"pk": item.pk})).status_code
        == 404
    )
    url = reverse("programmes:actionplan-item-follow-up", kwargs={"pk": item.pk})
    response = client.post(
        url,
        {
            "date": timezone.localdate().isoformat(),
            "status_after": "done",
            "text": "Enquiry point open",
        },
        follow=True,
    )
    page = response.content.decode()
    assert "The follow-up was recorded." in page
    assert "Enquiry point open" in page
    item.refresh_from_db()
    assert item.status == "done"


def test_a_focal_point_starts_the_national_plan_from_the_workshop_list(client):
    focal, plan = focal_point_with_plan()
    workshop = plan.workshop
    plan.delete()
    client.force_login(focal)
    url = reverse("programmes:actionplan-list", kwargs={"pk": workshop.pk})
    page = client.get(url).content.decode()
    assert "Start a national plan" in page
    assert "Start the regional plan" not in page
    response = client.post(
        reverse("programmes:actionplan-create", kwargs={"pk": workshop.pk}),
        {"level": "national", "administration": focal.organisation.pk},
    )
    created = workshop.action_plans.get()
    assert response["Location"] == created.get_absolute_url()


def test_the_overdue_page_per_role(delegate, secretariat_client):
    client = Client()
    today = timezone.localdate()
    focal, plan = focal_point_with_plan()
    _other, other_plan = focal_point_with_plan(workshop=plan.workshop)
    late = {"start_date": today - dt.timedelta(days=90), "end_date": today - dt.timedelta(days=2)}
    ActionItemFactory(plan=plan, action="Our late action", **late)
    ActionItemFactory(plan=other_plan, action="Their late action", **late)
    url = reverse("programmes:actionplan-overdue")
    client.force_login(focal)
    page = client.get(url).content.decode()
    assert "Our late action" in page
    assert "Their late action" not in page
    page = secretariat_client.get(url).content.decode()
    assert "Our late action" in page
    assert "Their late action" in page
    client.force_login(delegate)
    assert client.get(url).status_code == 404


def test_anonymous_visitors_are_sent_to_sign_in(client):
    plan = ActionPlanFactory()
    response = client.get(reverse("programmes:actionplan-detail", kwargs={"pk": plan.pk}))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_links_from_the_workshop_page_and_the_dashboards(secretariat_client):
    client = Client()
    focal, plan = focal_point_with_plan()
    client.force_login(focal)
    page = client.get(plan.workshop.get_absolute_url()).content.decode()
    assert reverse("programmes:actionplan-list", kwargs={"pk": plan.workshop.pk}) in page
    assert reverse("programmes:actionplan-overdue") in client.get("/").content.decode()
    assert reverse("programmes:actionplan-overdue") in secretariat_client.get("/").content.decode()


# --- Query counts -----------------------------------------------------------------------------


def _workshop_with(administrations: int):
    measures = list(tfa_measures().values())
    workshop = WorkshopFactory()
    regional = ActionPlanFactory(workshop=workshop)
    late = timezone.localdate() - dt.timedelta(days=1)
    for n in range(3):
        ActionItemFactory(plan=regional, tfa_measure=measures[n % len(measures)])
    for _n in range(administrations):
        plan = NationalPlanFactory(workshop=workshop, administration=OrganisationFactory())
        for k in range(3):
            ActionItemFactory(
                plan=plan,
                tfa_measure=measures[k % len(measures)],
                responsible=plan.administration,
                start_date=late - dt.timedelta(days=30),
                end_date=late,
            )
            item = plan.items.last()
            item.updates.create(date=late, status_after="in_progress", text="Begun")
    return workshop, regional


def _count(client, url: str) -> int:
    client.get(url)
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("page", ["detail", "list", "overdue"])
def test_query_counts_do_not_grow_with_administrations(secretariat_client, page):
    counts = []
    for administrations in (2, 24):
        workshop, regional = _workshop_with(administrations)
        url = {
            "detail": reverse("programmes:actionplan-detail", kwargs={"pk": regional.pk}),
            "list": reverse("programmes:actionplan-list", kwargs={"pk": workshop.pk}),
            "overdue": reverse("programmes:actionplan-overdue"),
        }[page]
        counts.append(_count(secretariat_client, url))
    assert counts[0] == counts[1], counts


def test_a_focal_points_overdue_page_has_a_constant_query_count(client):
    counts = []
    for administrations in (2, 24):
        focal = UserFactory()
        workshop, _regional = _workshop_with(administrations)
        for plan in workshop.action_plans.filter(level="national"):
            FocalPointFactory(user=focal, organisation=plan.administration)
        client.force_login(focal)
        counts.append(_count(client, reverse("programmes:actionplan-overdue")))
    assert counts[0] == counts[1], counts


def test_starting_a_plan_with_a_junk_administration_saves_nothing(client):
    focal, plan = focal_point_with_plan()
    workshop = plan.workshop
    plan.delete()
    client.force_login(focal)
    response = client.post(
        reverse("programmes:actionplan-create", kwargs={"pk": workshop.pk}),
        {"level": "national", "administration": "not-a-number"},
        follow=True,
    )
    assert "Choose the administration of the national plan." in response.content.decode()
    assert not workshop.action_plans.exists()
