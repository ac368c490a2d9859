"""Donor report PDFs: requested from a page, built by Celery, kept until the data they show
changes.

Each is a generated document (core.services.documents; builders in
programmes/generated_documents.py) whose subject is the donor and whose scope is the workshop
(a workshop report) or the year (a funding report), one per language. Its fingerprint is a hash
of the report's tables (every figure and name it shows): a request whose fingerprint matches
the built file is served from it; a change builds a new file that replaces the old one.
"""

from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.models import GeneratedDocument
from core.permissions import require
from core.services.documents import document_request
from members.models import Organisation, User
from programmes.reports.data import build_report
from programmes.reports.figures import DonorReport
from programmes.selectors.donors import REPORT_KINDS
from workshops.models import Workshop

KINDS = REPORT_KINDS


def report_scope(*, kind: str, workshop: Workshop | None, year: int | None) -> str:
    if kind == "workshop":
        assert workshop is not None  # a workshop report names its workshop
        return str(workshop.pk)
    return str(year)


def report_load(*, donor_id: int, kind: str, scope: str) -> DonorReport | None:
    """The report a document shows; None when its donor is gone or, for a workshop report,
    the donor no longer funds the workshop."""
    donor = Organisation.objects.filter(pk=donor_id).first()
    if donor is None or not scope.isdigit():
        return None
    if kind == "funding":
        return build_report(donor=donor, kind=kind, year=int(scope))
    workshop = Workshop.objects.filter(pk=int(scope), fundings__funder=donor).distinct().first()
    if workshop is None:
        return None
    return build_report(donor=donor, kind=kind, workshop=workshop)


def report_pdf_request(
    *,
    actor: User,
    donor: Organisation,
    kind: str,
    language: str,
    workshop: Workshop | None = None,
    year: int | None = None,
) -> GeneratedDocument:
    """Ask for the PDF of a report: queue a build unless the file is current or a build is
    under way (so a repeat, or a retry after a failure, is harmless). Refused (NotPermitted)
    if the actor may not see the donor's reports; ServiceError for a report not the donor's."""
    require(actor, "programmes.see_donor_reports", donor)
    if kind not in KINDS:
        raise ServiceError(_("Unknown report."))
    document = document_request(
        kind=KINDS[kind],
        subject_id=donor.pk,
        scope=report_scope(kind=kind, workshop=workshop, year=year),
        language=language,
    )
    if document is None:
        raise ServiceError(_("Unknown report."))
    return document
