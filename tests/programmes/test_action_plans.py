"""Action plans: the services' rules and the selectors (who edits what, bad input)."""

import datetime as dt
import re

import pytest
from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.http import Http404
from django.utils import timezone

from core.errors import ServiceError
from programmes import services
from programmes.models import ActionItem, ActionItemUpdate, ActionPlan
from programmes.selectors import action_plans as selectors
from tests.factories import FocalPointFactory, OrganisationFactory, UserFactory
from tests.programmes.factories import (
    ActionItemFactory,
    ActionPlanFactory,
    NationalPlanFactory,
    focal_point_with_plan,
    tfa_measures,
)
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Registration

pytestmark = pytest.mark.django_db

JAN, DEC = dt.date(2026, 1, 1), dt.date(2026, 12, 31)


def _add(actor, plan, **fields):
    values = {"action": "Set up an enquiry point", "start_date": JAN, "end_date": DEC}
    return services.action_item_add(actor=actor, plan=plan, **{**values, **fields})


# --- Plans ------------------------------------------------------------------------------------


def test_the_secretariat_starts_one_regional_plan_per_workshop(secretariat):
    workshop = WorkshopFactory()
    plan = services.action_plan_create(actor=secretariat, workshop=workshop, level="regional")
    again = services.action_plan_create(actor=secretariat, workshop=workshop, level="regional")
    assert again == plan
    assert ActionPlan.objects.filter(workshop=workshop).count() == 1
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionPlan.objects.create(workshop=workshop, level="regional")


def test_the_database_refuses_a_second_national_plan_of_an_administration():
    plan = NationalPlanFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionPlan.objects.create(
            workshop=plan.workshop, level="national", administration=plan.administration
        )


def test_a_focal_point_starts_a_national_plan_only_with_approved_participants(delegate):
    workshop = WorkshopFactory()
    FocalPointFactory(user=delegate, organisation=delegate.organisation)
    registration = RegistrationFactory(
        workshop=workshop, person=UserFactory(organisation=delegate.organisation)
    )
    with pytest.raises(ServiceError, match="no approved participant"):
        services.action_plan_create(
            actor=delegate,
            workshop=workshop,
            level="national",
            administration=delegate.organisation,
        )
    registration.status = Registration.Status.APPROVED
    registration.save()
    plan = services.action_plan_create(
        actor=delegate, workshop=workshop, level="national", administration=delegate.organisation
    )
    assert (plan.level, plan.administration) == ("national", delegate.organisation)


def test_a_focal_point_cannot_start_another_administrations_plan_nor_the_regional_one(delegate):
    workshop = WorkshopFactory()
    FocalPointFactory(user=delegate, organisation=delegate.organisation)
    other = OrganisationFactory()
    RegistrationFactory(
        workshop=workshop, person=UserFactory(organisation=other), status="approved"
    )
    with pytest.raises(PermissionDenied):
        services.action_plan_create(
            actor=delegate, workshop=workshop, level="national", administration=other
        )
    with pytest.raises(PermissionDenied):
        services.action_plan_create(actor=delegate, workshop=workshop, level="regional")
    assert not ActionPlan.objects.exists()


# --- Items ------------------------------------------------------------------------------------


def test_a_focal_point_adds_a_national_item_with_a_tfa_measure():
    measures = tfa_measures()
    focal, plan = focal_point_with_plan()
    item = _add(focal, plan, tfa_measure_code="7.4", tfa_category="B", assistance_needed="Training")
    assert item.tfa_measure == measures["7.4"]
    assert item.level == "national"
    assert item.responsible == plan.administration  # by default, the administration itself
    assert item.history.count() == 1
    assert item.history.first().history_user == focal


def test_dates_out_of_order_save_nothing(secretariat):
    plan = ActionPlanFactory()
    with pytest.raises(ServiceError, match="end cannot be before the start"):
        _add(secretariat, plan, start_date=DEC, end_date=JAN)
    assert not ActionItem.objects.exists()


def test_the_database_refuses_an_item_that_ends_before_it_starts():
    plan = ActionPlanFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        ActionItem.objects.create(plan=plan, action="x", start_date=DEC, end_date=JAN)


def test_a_tfa_measure_that_does_not_exist_saves_nothing(secretariat):
    tfa_measures()
    plan = ActionPlanFactory()
    with pytest.raises(ServiceError, match=re.escape("no WTO TFA measure “99.9”")):
        _add(secretariat, plan, tfa_measure_code="99.9")
    assert not ActionItem.objects.exists()


def test_an_edit_with_a_bad_measure_changes_nothing(secretariat):
    tfa_measures()
    item = ActionItemFactory(action="Keep me")
    with pytest.raises(ServiceError):
        services.action_item_edit(
            actor=secretariat,
            item=item,
            action="Changed",
            start_date=JAN,
            end_date=DEC,
            tfa_measure_code="42",
        )
    item.refresh_from_db()
    assert item.action == "Keep me"


def test_a_focal_point_cannot_touch_another_administrations_items():
    focal, _plan = focal_point_with_plan()
    _other_focal, other_plan = focal_point_with_plan()
    item = ActionItemFactory(plan=other_plan, action="Theirs")
    with pytest.raises(PermissionDenied):
        _add(focal, other_plan)
    with pytest.raises(PermissionDenied):
        services.action_item_edit(
            actor=focal, item=item, action="Mine now", start_date=JAN, end_date=DEC
        )
    with pytest.raises(PermissionDenied):
        services.action_item_delete(actor=focal, item=item)
    item.refresh_from_db()
    assert item.action == "Theirs"
    with pytest.raises(Http404):
        selectors.item_for_user(user=focal, pk=item.pk, purpose="edit")


def test_a_focal_point_cannot_edit_the_regional_plan():
    focal, plan = focal_point_with_plan()
    regional = ActionPlanFactory(workshop=plan.workshop)
    with pytest.raises(PermissionDenied):
        _add(focal, regional)
    assert not regional.items.exists()


def test_a_delegate_who_is_no_focal_point_cannot_add_items(delegate):
    _focal, plan = focal_point_with_plan()
    with pytest.raises(PermissionDenied):
        _add(delegate, plan)


def test_items_are_numbered_in_order_of_addition(secretariat):
    plan = ActionPlanFactory()
    first, second = _add(secretariat, plan), _add(secretariat, plan)
    assert (first.position, second.position) == (1, 2)


# --- Adoption and after ----------------------------------------------------------------------


def test_only_the_secretariat_adopts_and_not_an_empty_plan(secretariat):
    focal, plan = focal_point_with_plan()
    with pytest.raises(ServiceError, match="without items"):
        services.action_plan_adopt(actor=secretariat, plan=plan)
    ActionItemFactory(plan=plan)
    with pytest.raises(PermissionDenied):
        services.action_plan_adopt(actor=focal, plan=plan)
    adopted = services.action_plan_adopt(actor=secretariat, plan=plan)
    assert adopted.status == "adopted"
    assert adopted.adopted_by == secretariat
    with pytest.raises(ServiceError, match="already adopted"):
        services.action_plan_adopt(actor=secretariat, plan=plan)


def test_after_adoption_a_focal_point_only_follows_up(secretariat):
    focal, plan = focal_point_with_plan()
    item = ActionItemFactory(plan=plan)
    services.action_plan_adopt(actor=secretariat, plan=plan)
    with pytest.raises(ServiceError, match="adopted"):
        _add(focal, plan)
    with pytest.raises(ServiceError, match="adopted"):
        services.action_item_edit(
            actor=focal, item=item, action="Changed", start_date=JAN, end_date=DEC
        )
    update = services.action_item_update_add(
        actor=focal, item=item, date=timezone.localdate(), status_after="in_progress", text="Begun"
    )
    item.refresh_from_db()
    assert item.status == "in_progress"
    assert update.author == focal
    assert item.history.first().history_user == focal


def test_the_secretariat_edits_adopted_items_and_their_history_is_kept(secretariat):
    item = ActionItemFactory(action="Before")
    services.action_plan_adopt(actor=secretariat, plan=item.plan)
    services.action_item_edit(
        actor=secretariat, item=item, action="After", start_date=JAN, end_date=DEC
    )
    assert list(item.history.order_by("history_date").values_list("action", flat=True)) == [
        "Before",
        "After",
    ]


def test_items_of_an_adopted_plan_are_not_deleted(secretariat):
    item = ActionItemFactory()
    services.action_plan_adopt(actor=secretariat, plan=item.plan)
    with pytest.raises(ServiceError, match="deferred"):
        services.action_item_delete(actor=secretariat, item=item)
    assert ActionItem.objects.filter(pk=item.pk).exists()


def test_a_draft_item_is_deleted_by_its_focal_point():
    focal, plan = focal_point_with_plan()
    item = _add(focal, plan)
    pk = item.pk
    services.action_item_delete(actor=focal, item=item)
    assert not plan.items.exists()
    assert ActionItem.history.filter(id=pk, history_type="-", history_user=focal).exists()


def test_a_follow_up_needs_text_and_a_date_not_in_the_future(secretariat):
    item = ActionItemFactory()
    with pytest.raises(ServiceError):
        services.action_item_update_add(
            actor=secretariat, item=item, date=timezone.localdate(), status_after="done", text=" "
        )
    with pytest.raises(ServiceError):
        services.action_item_update_add(
            actor=secretariat,
            item=item,
            date=timezone.localdate() + dt.timedelta(days=5),
            status_after="done",
            text="Done",
        )
    assert not ActionItemUpdate.objects.exists()
    item.refresh_from_db()
    assert item.status == "planned"


def test_a_follow_up_cannot_be_dated_before_the_workshop(secretariat):
    item = ActionItemFactory()
    first_day = item.plan.workshop.start_date
    with pytest.raises(ServiceError, match="before the workshop"):
        services.action_item_update_add(
            actor=secretariat,
            item=item,
            date=first_day - dt.timedelta(days=1),
            status_after="done",
            text="Done",
        )
    assert not ActionItemUpdate.objects.exists()


# --- Selectors --------------------------------------------------------------------------------


def test_a_regional_plan_groups_its_items_by_article_and_the_national_ones_by_administration(
    secretariat,
):
    measures = tfa_measures()
    regional = ActionPlanFactory()
    ActionItemFactory(plan=regional, action="Other", tfa_measure=None)
    ActionItemFactory(plan=regional, action="Risk", tfa_measure=measures["7.4"])
    ActionItemFactory(plan=regional, action="Enquiry", tfa_measure=measures["1.3"])
    ActionItemFactory(plan=regional, action="Pre-arrival", tfa_measure=measures["7.1"])
    for name in ["Tonga", "Fiji"]:
        plan = NationalPlanFactory(workshop=regional.workshop, administration__name=name)
        ActionItemFactory(plan=plan, action=f"{name} action")
    view = selectors.plan_detail(user=secretariat, pk=regional.pk)
    assert [(g.heading, [i.action for i in g.items]) for g in view.groups] == [
        ("Article 1: Publication and Availability of Information", ["Enquiry"]),
        ("Article 7: Release and Clearance of Goods", ["Pre-arrival", "Risk"]),
        ("Other actions (no WTO TFA measure)", ["Other"]),
    ]
    assert [s.plan.administration.name for s in view.national] == ["Fiji", "Tonga"]
    assert view.item_count == 6


def test_overdue_items_per_administration_for_the_secretariat_and_a_focal_point(secretariat):
    today = timezone.localdate()
    past = {"start_date": today - dt.timedelta(days=60), "end_date": today - dt.timedelta(days=1)}
    focal, plan = focal_point_with_plan()
    _other, other_plan = focal_point_with_plan(workshop=plan.workshop)
    regional = ActionPlanFactory(workshop=plan.workshop)
    ActionItemFactory(plan=plan, action="Late", **past)
    ActionItemFactory(plan=plan, action="Late but done", status="done", **past)
    ActionItemFactory(plan=plan, action="Not yet due")
    ActionItemFactory(plan=other_plan, action="Theirs, late", **past)
    ActionItemFactory(plan=regional, action="Regional, late", status="in_progress", **past)
    ActionItemFactory.create(plan=plan, action="Future", end_date=today + dt.timedelta(days=3))

    everything = selectors.overdue_items(user=secretariat)
    assert next(g.label for g in everything) == "Regional (OCO Secretariat)"
    assert sorted(i.action for g in everything for i in g.items) == [
        "Late",
        "Regional, late",
        "Theirs, late",
    ]
    mine = selectors.overdue_items(user=focal)
    assert [(g.label, [i.action for i in g.items]) for g in mine] == [
        (plan.administration.name, ["Late"])
    ]


def test_the_overdue_view_is_not_for_a_plain_delegate(delegate):
    with pytest.raises(Http404):
        selectors.overdue_items(user=delegate)


def test_a_focal_point_sees_their_plan_of_an_invitation_only_workshop():
    focal, plan = focal_point_with_plan(workshop=WorkshopFactory(is_public=False, status="closed"))
    outsider = UserFactory()
    assert selectors.plan_for_user(user=focal, pk=plan.pk) == plan
    with pytest.raises(Http404):
        selectors.plan_for_user(user=outsider, pk=plan.pk)
