"""Celery tasks of the programmes app (discovered by oco_portal.celery)."""

from celery import shared_task

from programmes.services import action_plan_pdfs


# Soft limit below the hard one (the project-wide soft limit is above this hard limit).
@shared_task(name="programmes.build_action_plan_pdf", time_limit=180, soft_time_limit=150)
def build_action_plan_pdf(plan_id: int, language: str) -> bool:
    """Build one plan's PDF in one language; does nothing when the stored file is current."""
    return action_plan_pdfs.action_plan_pdf_build(plan_id=plan_id, language=language)
