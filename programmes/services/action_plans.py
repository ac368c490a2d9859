"""Writes of workshop action plans: plans, their items, follow-up updates and adoption.

The rules (declared in programmes.rules):
- the Secretariat starts the regional plan, edits its items and adopts plans;
- a national plan is started for an administration with approved participants in the
  workshop, by the Secretariat or one of the administration's focal points;
- a focal point adds, edits and deletes their administration's national items while the plan
  is a draft; after adoption only the Secretariat changes items, and nobody deletes them
  (mark them deferred instead), so adopted items keep their whole history;
- follow-up updates (dated, with the status they leave the item in) may be posted by the
  Secretariat on any item and by a focal point on their administration's items, adopted or not.
"""

import datetime as dt

from django.db import IntegrityError, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.permissions import may, require
from members.models import Organisation, User
from programmes.models import ActionItem, ActionItemUpdate, ActionPlan, TfaMeasure
from workshops.models import Registration, Workshop


@transaction.atomic
def action_plan_create(
    *, actor: User, workshop: Workshop, level: str, administration: Organisation | None = None
) -> ActionPlan:
    """Start the regional plan (Secretariat) or an administration's national plan (Secretariat
    or its focal point; the administration needs approved participants in the workshop).
    Returns the existing plan when there is one already."""
    if level == ActionPlan.Level.REGIONAL:
        require(actor, "programmes.start_regional_plan")
        administration = None
    elif level == ActionPlan.Level.NATIONAL:
        if administration is None:
            raise ServiceError(_("Choose the administration of the national plan."))
        require(actor, "programmes.start_national_plan", administration)
        approved = Registration.objects.filter(
            workshop=workshop, organisation=administration, status=Registration.Status.APPROVED
        )
        if not approved.exists():
            raise ServiceError(
                _("%(name)s has no approved participant in this workshop.")
                % {"name": administration.name}
            )
    else:
        raise ServiceError(_("Unknown plan level."))
    existing = ActionPlan.objects.filter(
        workshop=workshop, level=level, administration=administration
    ).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return ActionPlan.objects.create(
                workshop=workshop, level=level, administration=administration
            )
    except IntegrityError:  # started at the same moment by someone else
        return ActionPlan.objects.get(workshop=workshop, level=level, administration=administration)


def _locked_plan(plan: ActionPlan) -> ActionPlan:
    # Locks the plan so that an adoption and an edit of its items cannot interleave.
    return ActionPlan.objects.select_for_update().get(pk=plan.pk)


def _measure(code: str) -> TfaMeasure | None:
    code = (code or "").strip()
    if not code:
        return None
    measure = TfaMeasure.objects.filter(code=code).first()
    if measure is None:
        raise ServiceError(_("There is no WTO TFA measure “%(code)s”.") % {"code": code})
    return measure


def _check_fields(
    *, action: str, start_date: dt.date, end_date: dt.date, tfa_category: str, status: str
) -> None:
    if not (action or "").strip():
        raise ServiceError(_("Say what the action is."))
    if start_date is None or end_date is None:
        raise ServiceError(_("Give the start and the end of the action."))
    if end_date < start_date:
        raise ServiceError(_("The end cannot be before the start."))
    if tfa_category and tfa_category not in ActionItem.TfaCategory.values:
        raise ServiceError(_("The TFA category is A, B or C."))
    if status not in ActionItem.Status.values:
        raise ServiceError(_("Unknown status."))


def _require_edit(actor: User, plan: ActionPlan) -> None:
    """Refuses a focal point after adoption with the reason; anyone else who may not with
    NotPermitted."""
    if may(actor, "programmes.edit_action_items", plan):
        return
    if plan.is_adopted and may(actor, "programmes.follow_up_action_items", plan):
        raise ServiceError(_("This plan is adopted: only the Secretariat changes its items now."))
    require(actor, "programmes.edit_action_items", plan)


@transaction.atomic
def action_item_add(
    *,
    actor: User,
    plan: ActionPlan,
    action: str,
    start_date: dt.date,
    end_date: dt.date,
    responsible: Organisation | None = None,
    tfa_measure_code: str = "",
    tfa_category: str = "",
    assistance_needed: str = "",
    status: str = ActionItem.Status.PLANNED,
) -> ActionItem:
    """Add an item at the end of a plan. Raises ServiceError (nothing saved) when the actor may
    not edit the plan, the dates are out of order or the TFA measure does not exist."""
    plan = _locked_plan(plan)
    _require_edit(actor, plan)
    _check_fields(
        action=action,
        start_date=start_date,
        end_date=end_date,
        tfa_category=tfa_category,
        status=status,
    )
    last = plan.items.aggregate(last=Max("position"))["last"]
    item = ActionItem(
        plan=plan,
        action=action.strip(),
        start_date=start_date,
        end_date=end_date,
        responsible=responsible or plan.administration,
        tfa_measure=_measure(tfa_measure_code),
        tfa_category=tfa_category,
        assistance_needed=(assistance_needed or "").strip(),
        status=status,
        position=(last or 0) + 1,
    )
    item._history_user = actor
    item.save()
    return item


@transaction.atomic
def action_item_edit(
    *,
    actor: User,
    item: ActionItem,
    action: str,
    start_date: dt.date,
    end_date: dt.date,
    responsible: Organisation | None = None,
    tfa_measure_code: str = "",
    tfa_category: str = "",
    assistance_needed: str = "",
    status: str = ActionItem.Status.PLANNED,
) -> ActionItem:
    """Change an item (the same rules as `action_item_add`); the change is kept in its history."""
    plan = _locked_plan(item.plan)
    _require_edit(actor, plan)
    _check_fields(
        action=action,
        start_date=start_date,
        end_date=end_date,
        tfa_category=tfa_category,
        status=status,
    )
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    item.action = action.strip()
    item.start_date, item.end_date = start_date, end_date
    item.responsible = responsible
    item.tfa_measure = _measure(tfa_measure_code)
    item.tfa_category = tfa_category
    item.assistance_needed = (assistance_needed or "").strip()
    item.status = status
    item._history_user = actor
    item.save()
    return item


@transaction.atomic
def action_item_delete(*, actor: User, item: ActionItem) -> None:
    """Delete an item of a draft plan. Items of an adopted plan are kept (mark them deferred)."""
    plan = _locked_plan(item.plan)
    _require_edit(actor, plan)
    if plan.is_adopted:
        raise ServiceError(
            _("Items of an adopted plan are kept: mark the item deferred instead of deleting it.")
        )
    item._history_user = actor
    item.delete()


@transaction.atomic
def action_item_update_add(
    *, actor: User, item: ActionItem, date: dt.date, status_after: str, text: str
) -> ActionItemUpdate:
    """Record a dated follow-up on an item and set the item's status to `status_after`."""
    require(actor, "programmes.follow_up_action_items", item.plan)
    if not (text or "").strip():
        raise ServiceError(_("Say what happened."))
    if status_after not in ActionItem.Status.values:
        raise ServiceError(_("Unknown status."))
    if date is None or date > timezone.localdate() + dt.timedelta(days=1):
        raise ServiceError(_("A follow-up cannot be dated in the future."))
    workshop_start = item.plan.workshop.start_date
    if workshop_start and date < workshop_start:
        raise ServiceError(
            _("A follow-up cannot be dated before the workshop (%(date)s).")
            % {"date": date_format(workshop_start, "j F Y")}
        )
    item = ActionItem.objects.select_for_update().get(pk=item.pk)
    update = ActionItemUpdate.objects.create(
        item=item, date=date, status_after=status_after, text=text.strip(), author=actor
    )
    if item.status != status_after:
        item.status = status_after
        item._history_user = actor
        item.save(update_fields=["status"])
    return update


@transaction.atomic
def action_plan_adopt(*, actor: User, plan: ActionPlan) -> ActionPlan:
    """Adopt a draft plan (Secretariat only; a plan needs at least one item). From then on only
    the Secretariat changes its items."""
    require(actor, "programmes.adopt_plan", plan)
    plan = _locked_plan(plan)
    if plan.is_adopted:
        raise ServiceError(_("This plan is already adopted."))
    if not plan.items.exists():
        raise ServiceError(_("A plan without items cannot be adopted."))
    plan.status = ActionPlan.Status.ADOPTED
    plan.adopted_at = timezone.now()
    plan.adopted_by = actor
    plan.save(update_fields=["status", "adopted_at", "adopted_by"])
    return plan
