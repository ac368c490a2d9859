"""Donor pages: the donors (Secretariat), a donor's dashboard, its reports as a page, PDF
(built by Celery, with progress), XLSX, CSV (one table per file) and IATI XML."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from core.errors import ServiceError
from core.permissions import may
from programmes import selectors, services
from programmes.models import ReportFile
from programmes.reports.iati import iati_xml
from programmes.reports.spreadsheets import csv_text, xlsx_bytes
from programmes.reports.tables import TABLE_NAMES, report_tables

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@login_required
def donor_list(request):
    donors = list(selectors.donor_organisations(user=request.user))
    if not donors:
        raise Http404
    if len(donors) == 1 and not may(request.user, "programmes.manage_programmes"):
        return redirect("programmes:donor-dashboard", donor=donors[0].slug)
    return render(request, "programmes/donor_list.html", {"donors": donors})


@login_required
def donor_dashboard(request, donor: str):
    organisation = selectors.donor_organisation(user=request.user, slug=donor)
    report = selectors.donor_dashboard(user=request.user, donor=organisation)
    years = selectors.donor_years(user=request.user, donor=organisation)
    return render(
        request,
        "programmes/donor_dashboard.html",
        {"donor": organisation, "report": report, "years": years},
    )


def _report(request, donor: str, workshop: str | None, year: str | None):
    """The report a link names: a workshop the donor funds, or a strictly parsed year."""
    organisation = selectors.donor_organisation(user=request.user, slug=donor)
    if workshop is not None:
        return selectors.workshop_report(user=request.user, donor=organisation, slug=workshop)
    return selectors.funding_report(
        user=request.user, donor=organisation, year=selectors.parse_year(year)
    )


def _file_name(report, extension: str) -> str:
    subject = report.sections[0].workshop.slug if report.kind == "workshop" else report.year
    return f"{report.donor.slug}-{subject}.{extension}"


def _attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def report_detail(request, donor: str, workshop: str | None = None, year: str | None = None):
    report = _report(request, donor, workshop, year)
    return render(
        request, "programmes/report_detail.html", {"report": report, "tables": TABLE_NAMES}
    )


@login_required
def report_xlsx(request, donor: str, workshop: str | None = None, year: str | None = None):
    report = _report(request, donor, workshop, year)
    response = HttpResponse(xlsx_bytes(report_tables(report)), content_type=XLSX)
    return _attachment(response, _file_name(report, "xlsx"))


@login_required
def report_csv(
    request, donor: str, table: str, workshop: str | None = None, year: str | None = None
):
    if table not in TABLE_NAMES:
        raise Http404
    report = _report(request, donor, workshop, year)
    chosen = next(t for t in report_tables(report) if t.name == table)
    response = HttpResponse(csv_text(chosen), content_type="text/csv; charset=utf-8")
    return _attachment(response, _file_name(report, f"{table}.csv"))


@login_required
def report_iati(request, donor: str, workshop: str | None = None, year: str | None = None):
    report = _report(request, donor, workshop, year)
    response = HttpResponse(iati_xml(report), content_type="application/xml; charset=utf-8")
    return _attachment(response, _file_name(report, "iati.xml"))


@login_required
@require_POST
def report_pdf(request, donor: str, workshop: str | None = None, year: str | None = None):
    report = _report(request, donor, workshop, year)
    try:
        report_file = services.report_pdf_request(
            actor=request.user,
            donor=report.donor,
            kind=report.kind,
            language=get_language()[:2],
            workshop=report.sections[0].workshop if report.kind == "workshop" else None,
            year=report.year,
        )
    except ServiceError as error:
        messages.error(request, error.message)
        return redirect(_report_url(report))
    return redirect("programmes:report-progress", pk=report_file.pk)


def _subject_url(donor, workshop, year) -> str:
    if workshop is not None:
        kwargs = {"donor": donor.slug, "workshop": workshop.slug}
        return reverse("programmes:report-workshop", kwargs=kwargs)
    return reverse("programmes:report-funding", kwargs={"donor": donor.slug, "year": str(year)})


def _report_url(report) -> str:
    workshop = report.sections[0].workshop if report.kind == "workshop" else None
    return _subject_url(report.donor, workshop, report.year)


def _back_link(report_file: ReportFile) -> str:
    return _subject_url(report_file.organisation, report_file.workshop, report_file.year)


@login_required
def report_progress(request, pk: int):
    """The build's state alone for htmx (polled while busy); the whole page otherwise."""
    report_file = selectors.report_file_detail(user=request.user, pk=pk)
    context = {
        "report_file": report_file,
        "back": _back_link(report_file),
        "busy": report_file.status in (ReportFile.Status.QUEUED, ReportFile.Status.BUILDING),
        "stale": report_file.status == ReportFile.Status.READY
        and not services.report_file_is_current(report_file),
    }
    if request.headers.get("HX-Request") == "true":
        return render(request, "programmes/report_progress_status.html", context)
    return render(request, "programmes/report_progress.html", context)


@login_required
def report_download(request, pk: int):
    report_file = selectors.report_file_detail(user=request.user, pk=pk)
    if report_file.status != ReportFile.Status.READY or not report_file.file:
        raise Http404
    subject = report_file.workshop.slug if report_file.workshop_id else report_file.year
    name = f"{report_file.organisation.slug}-{subject}-{report_file.language}.pdf"
    return FileResponse(
        report_file.file.open("rb"),
        as_attachment=True,
        filename=name,
        content_type="application/pdf",
    )
