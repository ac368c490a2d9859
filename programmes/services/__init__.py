"""Writes of the programmes app, one module per part; the names are re-exported here."""

from programmes.services.reports import (
    report_file_is_current,
    report_fingerprint,
    report_pdf_build,
    report_pdf_request,
)
from programmes.services.strategic_plans import (
    activity_link_workshop,
    activity_update,
    progress_update_add,
)

__all__ = [
    "activity_link_workshop",
    "activity_update",
    "progress_update_add",
    "report_file_is_current",
    "report_fingerprint",
    "report_pdf_build",
    "report_pdf_request",
]
