"""The PDFs of action plans: one file per plan and language, built by a Celery task.

A request marks the PDF "building" and queues the task after commit. The task computes the
plan's fingerprint (a hash of everything the document shows); when the stored file already
has it, nothing is built. Otherwise it renders with WeasyPrint (core.pdf: only the
portal's static files may be fetched; user text is autoescaped), stores a new file, swaps it
in with a conditional update and deletes the old one, so there is never more than one file.
A failure is recorded on the row and shown on the page, which offers a retry.
"""

import datetime as dt
import hashlib
import json

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.pdf import render_pdf
from core.permissions import require
from members.models import User
from programmes.models import ActionPlan, ActionPlanPdf
from programmes.models.action_plans import action_plan_pdf_path
from programmes.selectors.action_plans import PlanView, plan_document

# Bumped when templates/pdf/action_plan.html changes in a way that matters.
LAYOUT_VERSION = 1
# A build still "building" after this long is taken as lost (a worker died) and may be redone.
STALE_AFTER = dt.timedelta(minutes=5)
LANGUAGES = ActionPlanPdf.Language.values


def _item_state(item) -> list:
    return [
        item.pk,
        item.action,
        item.responsible.name if item.responsible else "",
        str(item.start_date),
        str(item.end_date),
        item.tfa_measure.code if item.tfa_measure else "",
        item.tfa_category,
        item.assistance_needed,
        item.status,
    ]


def plan_fingerprint(view: PlanView, language: str) -> str:
    plan, workshop = view.plan, view.plan.workshop
    state = [
        LAYOUT_VERSION,
        language,
        plan.level,
        plan.administration.name if plan.administration else "",
        plan.status,
        str(plan.adopted_at),
        workshop.title,
        workshop.title_fr,
        str(workshop.start_date),
        str(workshop.end_date),
        workshop.venue_line,
        sorted(funder.name for funder in view.funders),
        [_item_state(i) for g in view.groups for i in g.items],
        [
            [s.plan.administration.name, s.plan.status]
            + [_item_state(i) for g in s.groups for i in g.items]
            for s in view.national
        ],
    ]
    return hashlib.sha256(json.dumps(state).encode()).hexdigest()


def action_plan_render(view: PlanView, language: str) -> bytes:
    with translation.override(language):
        return render_pdf(
            "pdf/action_plan.html",
            {
                "view": view,
                "plan": view.plan,
                "workshop": view.plan.workshop,
                "today": timezone.localdate(),
            },
        )


def _row(plan_id: int, language: str) -> ActionPlanPdf:
    row, _created = ActionPlanPdf.objects.get_or_create(plan_id=plan_id, language=language)
    return row


def action_plan_pdf_build(*, plan_id: int, language: str) -> bool:
    """Build and store the PDF when the plan changed since the last build. Returns whether a
    file was written. Safe to run twice; a failure is recorded on the row, not raised."""
    if language not in LANGUAGES:
        return False
    view = plan_document(plan_id=plan_id)
    if view is None:
        return False
    fingerprint = plan_fingerprint(view, language)
    row = _row(plan_id, language)
    if row.file and row.fingerprint == fingerprint:
        ActionPlanPdf.objects.filter(pk=row.pk).exclude(status="ready").update(
            status=ActionPlanPdf.Status.READY, error=""
        )
        return False
    try:
        pdf = action_plan_render(view, language)
    except Exception as error:  # noqa: BLE001 - any failure is shown on the page and retried
        ActionPlanPdf.objects.filter(pk=row.pk).update(
            status=ActionPlanPdf.Status.FAILED, error=f"{type(error).__name__}: {error}"[:1000]
        )
        return False
    name = default_storage.save(action_plan_pdf_path(row, "plan.pdf"), ContentFile(pdf))
    old = row.file.name
    with transaction.atomic():
        updated = ActionPlanPdf.objects.filter(pk=row.pk, file=old or "").update(
            file=name,
            fingerprint=fingerprint,
            status=ActionPlanPdf.Status.READY,
            error="",
            built_at=timezone.now(),
        )
    if not updated:  # another run stored its file first: keep that one
        default_storage.delete(name)
        return False
    if old:
        default_storage.delete(old)
    return True


@transaction.atomic
def action_plan_pdf_request(*, actor: User, plan: ActionPlan, language: str) -> ActionPlanPdf:
    """Ask for the plan's PDF in a language: queues a build unless the stored file is current
    or a build is already under way. Refused (NotPermitted) to whoever may not see the plan."""
    from programmes.tasks import build_action_plan_pdf

    require(actor, "programmes.view_plan", plan)
    if language not in LANGUAGES:
        raise ServiceError(_("Choose English or French."))
    _row(plan.pk, language)
    row = ActionPlanPdf.objects.select_for_update().get(plan=plan, language=language)
    view = plan_document(plan_id=plan.pk)
    if row.file and row.fingerprint == plan_fingerprint(view, language):
        if row.status != ActionPlanPdf.Status.READY:
            row.status, row.error = ActionPlanPdf.Status.READY, ""
            row.save(update_fields=["status", "error"])
        return row
    now = timezone.now()
    under_way = (
        row.status == ActionPlanPdf.Status.BUILDING
        and row.requested_at
        and now - row.requested_at < STALE_AFTER
    )
    if not under_way:
        row.status, row.error, row.requested_at = ActionPlanPdf.Status.BUILDING, "", now
        row.save(update_fields=["status", "error", "requested_at"])
        build_action_plan_pdf.delay_on_commit(plan.pk, language)
    return row


def action_plan_pdf_states(*, plan: ActionPlan) -> list[dict]:
    """Per language: the row (or None) and whether its file shows the plan as it is now."""
    view = plan_document(plan_id=plan.pk)
    rows = {row.language: row for row in ActionPlanPdf.objects.filter(plan=plan)}
    states = []
    for code, label in ActionPlanPdf.Language.choices:
        row = rows.get(code)
        current = bool(row and row.file and row.fingerprint == plan_fingerprint(view, code))
        states.append({"language": code, "label": label, "row": row, "current": current})
    return states
