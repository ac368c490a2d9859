"""Donor report PDFs: requested from a page, built by a Celery task, kept until the data
they show changes.

A report's fingerprint is a hash of its tables (every figure and name it shows), its kind,
subject and language and the layout version: a request whose fingerprint matches the built
file is served from it; a change builds a new file that replaces the old one.
"""

import hashlib
import json
import logging

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from core.errors import ServiceError
from core.pdf import render_pdf
from core.permissions import require
from members.models import Organisation, User
from programmes.models import ReportFile
from programmes.models.reports import report_file_path
from programmes.reports.data import build_report
from programmes.reports.figures import DonorReport
from programmes.reports.tables import report_tables
from workshops.models import Workshop

logger = logging.getLogger(__name__)

# Bumped when templates/pdf/report_*.html change in a way that matters.
LAYOUT_VERSION = 1


def report_fingerprint(report: DonorReport, language: str) -> str:
    with translation.override(language):
        tables = [[t.name, t.headers, t.rows] for t in report_tables(report)]
    state = [LAYOUT_VERSION, language, report.kind, report.donor.pk, report.year, tables]
    return hashlib.sha256(json.dumps(state, default=str).encode()).hexdigest()


def _report_of(report_file: ReportFile) -> DonorReport:
    return build_report(
        donor=report_file.organisation,
        kind=report_file.kind,
        workshop=report_file.workshop,
        year=report_file.year,
    )


def report_file_is_current(report_file: ReportFile) -> bool:
    return (
        report_file.status == ReportFile.Status.READY
        and bool(report_file.file)
        and report_file.fingerprint
        == report_fingerprint(_report_of(report_file), report_file.language)
    )


@transaction.atomic
def report_pdf_request(
    *,
    actor: User,
    donor: Organisation,
    kind: str,
    language: str,
    workshop: Workshop | None = None,
    year: int | None = None,
) -> ReportFile:
    """Ask for the PDF of a report: queue a build unless the file is current or a build of
    the same data is under way (so a repeat, or a retry after a failure, is harmless).
    Refused (NotPermitted) if the actor may not see the donor's reports."""
    require(actor, "programmes.see_donor_reports", donor)
    if kind not in ReportFile.Kind.values:
        raise ServiceError(_("Unknown report."))
    lookup = {"organisation": donor, "kind": kind, "workshop": workshop, "year": year}
    report_file, _created = ReportFile.objects.select_for_update().get_or_create(
        **lookup, language=language
    )
    fingerprint = report_fingerprint(_report_of(report_file), language)
    under_way = report_file.status in (ReportFile.Status.QUEUED, ReportFile.Status.BUILDING)
    built = report_file.status == ReportFile.Status.READY and bool(report_file.file)
    if report_file.fingerprint == fingerprint and (under_way or built):
        return report_file
    report_file.fingerprint = fingerprint
    report_file.status = ReportFile.Status.QUEUED
    report_file.error = ""
    report_file.save(update_fields=["fingerprint", "status", "error"])
    from programmes.report_tasks import build_report_pdf

    build_report_pdf.delay_on_commit(report_file.pk)
    return report_file


def report_pdf_render(report: DonorReport, language: str) -> bytes:
    with translation.override(language):
        return render_pdf("pdf/report_donor.html", {"report": report})


def report_pdf_build(*, report_file_id: int) -> bool:
    """Build the PDF unless the stored one is current; returns whether a file was written.
    A failure is recorded on the row (status failed, with the reason) for the page to show;
    asking again retries. Safe to run twice."""
    report_file = (
        ReportFile.objects.select_related("organisation", "workshop")
        .filter(pk=report_file_id)
        .first()
    )
    if report_file is None:
        return False
    report = _report_of(report_file)
    fingerprint = report_fingerprint(report, report_file.language)
    built = report_file.status == ReportFile.Status.READY and bool(report_file.file)
    if built and report_file.fingerprint == fingerprint:
        return False
    ReportFile.objects.filter(pk=report_file.pk).update(status=ReportFile.Status.BUILDING)
    try:
        pdf = report_pdf_render(report, report_file.language)
    except Exception as error:  # any failure of the renderer is shown and can be retried
        logger.exception("Report PDF %s failed", report_file.pk)
        ReportFile.objects.filter(pk=report_file.pk).update(
            status=ReportFile.Status.FAILED, error=f"{type(error).__name__}: {error}"[:500]
        )
        return False
    name = default_storage.save(report_file_path(report_file, "report.pdf"), ContentFile(pdf))
    old = report_file.file.name
    ReportFile.objects.filter(pk=report_file.pk).update(
        file=name,
        fingerprint=fingerprint,
        status=ReportFile.Status.READY,
        error="",
        built_at=timezone.now(),
    )
    if old and old != name:
        default_storage.delete(old)
    return True
