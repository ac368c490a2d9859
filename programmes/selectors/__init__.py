"""Reads of the programmes app, one module per part; the names are re-exported here."""

from programmes.selectors.agreements import agreement_detail, agreement_list
from programmes.selectors.donors import (
    donor_dashboard,
    donor_fundings,
    donor_organisation,
    donor_organisations,
    donor_workshop,
    donor_workshops,
    donor_years,
    funding_report,
    parse_year,
    report_pdf_detail,
    workshop_report,
)
from programmes.selectors.indicators import (
    activity_indicators,
    indicator_for_secretariat,
    officers_trained,
    period_for_secretariat,
)
from programmes.selectors.strategic_plans import (
    Progress,
    activity_detail,
    plan_list,
    plan_tree,
    progress_of,
)

__all__ = [
    "Progress",
    "activity_detail",
    "activity_indicators",
    "agreement_detail",
    "agreement_list",
    "donor_dashboard",
    "donor_fundings",
    "donor_organisation",
    "donor_organisations",
    "donor_workshop",
    "donor_workshops",
    "donor_years",
    "funding_report",
    "indicator_for_secretariat",
    "officers_trained",
    "parse_year",
    "period_for_secretariat",
    "plan_list",
    "plan_tree",
    "progress_of",
    "report_pdf_detail",
    "workshop_report",
]
