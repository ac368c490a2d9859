"""The Strategic Plan: loading, the tree with progress, activity pages and their updates."""

import datetime as dt
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.errors import ServiceError
from programmes import selectors, services
from programmes.models import Activity, Objective, Priority, ProgressUpdate, StrategicPlan
from tests.factories import UserFactory
from tests.workshops.factories import OpenWorkshopFactory, WorkshopFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def plans(db):
    call_command("load_reference_data", stdout=StringIO())
    return StrategicPlan.objects.get(slug="strategic-plan-2022-2027")


def test_both_plans_load_with_the_seed_documents_priority_1(plans):
    assert list(StrategicPlan.objects.values_list("name", flat=True)) == [
        "Strategic Plan 2022-2027",
        "Strategic Plan 2017-2022",
    ]
    assert plans.priorities.count() == 6
    leadership = plans.priorities.get(number=1)
    assert leadership.overall_objective.startswith("Enhance the Leadership capability")
    assert list(leadership.objectives.values_list("title", flat=True)) == [
        "Develop and strengthen Members' leadership capabilities at executive management and supervisory levels",
        "Strengthen organisational development for the future",
        "Strengthen succession planning",
    ]
    assert Activity.objects.filter(objective__priority=leadership).count() == 15
    assert (
        leadership.objectives.last()
        .activities.last()
        .title.startswith("Conduct a regional workshop on Corporate Governance")
    )


def test_loading_twice_creates_and_changes_nothing(plans):
    before = [
        list(model.objects.order_by("pk").values())
        for model in (StrategicPlan, Priority, Objective, Activity)
    ]
    out = StringIO()
    call_command("load_reference_data", stdout=out)
    after = [
        list(model.objects.order_by("pk").values())
        for model in (StrategicPlan, Priority, Objective, Activity)
    ]
    assert after == before
    assert "activities: 0 created, 0 updated, 25 unchanged" in out.getvalue()


def test_progress_counts_done_whole_and_in_progress_half_and_ignores_deferred():
    statuses = ["done", "in_progress", "planned", "deferred"]
    progress = selectors.progress_of([Activity(status=s) for s in statuses])
    assert (progress.activities, progress.done, progress.in_progress, progress.percent) == (
        4,
        1,
        1,
        50,
    )
    assert selectors.progress_of([]).percent == 0


def test_the_plan_page_shows_the_tree_with_progress_and_linked_workshops(client, plans):
    activity = Activity.objects.get(title__startswith="Conduct a regional workshop on Corporate")
    activity.workshops.add(OpenWorkshopFactory(title="Governance workshop in Apia"))
    Activity.objects.filter(pk=activity.pk).update(status="done")
    client.force_login(UserFactory())
    page = client.get(plans.get_absolute_url()).content.decode()
    assert "Priority 1: Customs Leadership" in page
    assert "Strengthen succession planning" in page
    assert "Governance workshop in Apia" in page
    assert "50% · 1 of 2 done" in page  # the succession planning objective


def test_a_draft_workshop_linked_to_an_activity_is_not_shown_to_a_delegate(client, plans):
    activity = Activity.objects.first()
    activity.workshops.add(WorkshopFactory(title="Secret draft workshop"))
    client.force_login(UserFactory())
    assert "Secret draft workshop" not in client.get(plans.get_absolute_url()).content.decode()
    assert "Secret draft workshop" not in client.get(activity.get_absolute_url()).content.decode()


def test_the_plan_tree_runs_the_same_queries_however_large(client, plans):
    client.force_login(UserFactory())
    small = StrategicPlan.objects.get(slug="strategic-plan-2017-2022")
    with CaptureQueriesContext(connection) as few:
        client.get(small.get_absolute_url())
    with CaptureQueriesContext(connection) as many:
        client.get(plans.get_absolute_url())
    assert len(few) == len(many)


def test_plan_pages_are_for_signed_in_people(client, plans):
    response = client.get(plans.get_absolute_url())
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    client.force_login(UserFactory())
    assert client.get("/plans/no-such-plan/").status_code == 404
    assert client.get("/plans/activities/999999/").status_code == 404


def test_the_secretariat_updates_an_activity_and_records_progress(
    secretariat_client, secretariat, plans
):
    activity = Activity.objects.first()
    response = secretariat_client.post(
        f"/plans/activities/{activity.pk}/edit/",
        {
            "status": "in_progress",
            "lead": "",
            "start_year": "2023",
            "end_year": "2025",
            "notes": "Started",
        },
        follow=True,
    )
    assert "The activity was saved." in response.content.decode()
    response = secretariat_client.post(
        f"/plans/activities/{activity.pk}/progress/",
        {"date": "2026-11-20", "text": "First module run in Suva"},
        follow=True,
    )
    page = response.content.decode()
    assert "The progress update was recorded." in page
    assert "First module run in Suva" in page
    assert secretariat.name in page
    activity.refresh_from_db()
    assert (activity.status, activity.start_year, activity.end_year) == ("in_progress", 2023, 2025)


def test_years_out_of_order_are_refused_and_nothing_saved(secretariat_client, plans):
    activity = Activity.objects.first()
    response = secretariat_client.post(
        f"/plans/activities/{activity.pk}/edit/",
        {"status": "done", "lead": "", "start_year": "2026", "end_year": "2024", "notes": ""},
        follow=True,
    )
    assert "The last year cannot be before the first year." in response.content.decode()
    activity.refresh_from_db()
    assert activity.status == "planned"


def test_linking_a_workshop_shows_both_ways(secretariat_client, plans):
    activity = Activity.objects.first()
    workshop = OpenWorkshopFactory(title="Leadership workshop")
    secretariat_client.post(
        f"/plans/activities/{activity.pk}/workshops/", {"workshop": workshop.pk}
    )
    assert list(workshop.activities.all()) == [activity]
    assert (
        "Leadership workshop"
        in secretariat_client.get(activity.get_absolute_url()).content.decode()
    )
    secretariat_client.post(
        f"/plans/activities/{activity.pk}/workshops/", {"workshop": workshop.pk, "unlink": "1"}
    )
    assert not workshop.activities.exists()


@pytest.mark.parametrize("action", ["edit", "progress", "workshops"])
def test_a_delegate_cannot_change_the_plan(client, plans, action):
    activity = Activity.objects.first()
    client.force_login(UserFactory())
    response = client.post(
        f"/plans/activities/{activity.pk}/{action}/", {"status": "done", "text": "x"}
    )
    assert response.status_code == 404
    activity.refresh_from_db()
    assert activity.status == "planned"
    assert not ProgressUpdate.objects.exists()


def test_services_refuse_non_secretariat_actors_and_empty_updates(secretariat, plans):
    activity = Activity.objects.first()
    with pytest.raises(PermissionDenied):
        services.activity_update(actor=UserFactory(), activity=activity, data={"status": "done"})
    with pytest.raises(ServiceError, match="what happened"):
        services.progress_update_add(
            actor=secretariat, activity=activity, date=dt.date(2026, 1, 1), text="  "
        )
    with pytest.raises(ServiceError, match="cannot be changed"):
        services.activity_update(actor=secretariat, activity=activity, data={"title": "New"})


def test_seed_demo_links_the_demo_workshops_to_their_activities(plans):
    call_command("seed_demo", stdout=StringIO())
    korea = Activity.objects.get(title__startswith="Regional support for implementation of the WTO")
    assert [w.slug for w in korea.workshops.all()] == ["regional-workshop-wto-tfa-korea-2017"]
    assert korea.status == "done"


def test_the_kcs_mou_is_seeded_with_the_2017_workshop_as_its_first_activity(client, plans):
    from programmes.models import Agreement

    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    mou = Agreement.objects.get()
    assert (mou.signed_on, mou.signed_at) == (dt.date(2017, 3, 14), "Suva, Fiji")
    assert sorted(mou.parties.values_list("short_name", flat=True)) == ["KCS", "OCO"]
    client.force_login(UserFactory())
    page = client.get(mou.get_absolute_url()).content.decode()
    assert "Regional Workshop on the Implementation of the WTO Trade Facilitation Agreement" in page
    assert "Regional support for implementation of the WTO Trade Facilitation Agreement" in page
    activity = mou.activities.get()
    assert mou.title in client.get(activity.get_absolute_url()).content.decode()
    assert mou.title in client.get("/agreements/").content.decode()


def test_agreements_are_for_signed_in_people(client, plans):
    assert client.get("/agreements/").status_code == 302
    client.force_login(UserFactory())
    assert client.get("/agreements/999999/").status_code == 404
