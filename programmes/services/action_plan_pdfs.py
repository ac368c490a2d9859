"""The PDFs of action plans: one file per plan and language, a generated document
(core.services.documents; its builder is in programmes/generated_documents.py).

A request queues a build after commit unless the stored file is current or a build is under
way. The task builds only when the plan changed since the stored file (its fingerprint covers
the plan, its items and, for a regional plan, the national ones), with WeasyPrint limited to
the portal's static files (core.pdf). A failure is shown on the page, which offers a retry.
"""

from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.models import GeneratedDocument
from core.permissions import require
from core.services.documents import DocumentState, document_request, document_states
from members.models import User
from programmes.models import ActionPlan

KIND = "programmes.action_plan"


def action_plan_pdf_request(
    *, actor: User, plan: ActionPlan, language: str
) -> GeneratedDocument | None:
    """Ask for the plan's PDF in a language: queues a build unless the stored file is current
    or a build is already under way. Refused (NotPermitted) to whoever may not see the plan."""
    require(actor, "programmes.view_plan", plan)
    if language not in ActionPlan.PdfLanguage.values:
        raise ServiceError(_("Choose English or French."))
    return document_request(kind=KIND, subject_id=plan.pk, language=language)


def action_plan_pdf_states(*, plan: ActionPlan) -> list[DocumentState]:
    """Per language, where its PDF stands (never asked for, being built, current, ...)."""
    return document_states(
        kind=KIND, subject_id=plan.pk, languages=dict(ActionPlan.PdfLanguage.choices)
    )
