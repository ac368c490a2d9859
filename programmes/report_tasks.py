"""Celery task building donor report PDFs (imported by ProgrammesConfig.ready)."""

from celery import shared_task

from programmes.services import reports


# Soft limit below the hard one (the project-wide soft limit is above this hard limit).
@shared_task(name="programmes.build_report_pdf", time_limit=180, soft_time_limit=150)
def build_report_pdf(report_file_id: int) -> bool:
    """Build one report's PDF; does nothing when the stored file is current."""
    return reports.report_pdf_build(report_file_id=report_file_id)
