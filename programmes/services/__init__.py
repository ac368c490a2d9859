"""Writes of the programmes app, one module per part; the names are re-exported here."""

from programmes.services.agreements import agreement_delete, agreement_save
from programmes.services.indicators import (
    indicator_delete,
    indicator_period_delete,
    indicator_period_save,
    indicator_save,
)
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
    "agreement_delete",
    "agreement_save",
    "indicator_delete",
    "indicator_period_delete",
    "indicator_period_save",
    "indicator_save",
    "progress_update_add",
    "report_file_is_current",
    "report_fingerprint",
    "report_pdf_build",
    "report_pdf_request",
]
