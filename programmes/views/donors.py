"""Donor pages: the donors (Secretariat), a donor's dashboard, its reports as a page, PDF
(built by Celery, with progress), XLSX, CSV (one table per file) and IATI XML."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.views.decorators.http import require_POST

from core.document_pages import document_response, progress_context
from core.errors import ServiceError
from core.exports import csv_response, xlsx_response
from core.permissions import may
from core.services.documents import document_state
from programmes import selectors, services
from programmes.reports.iati import iati_xml
from programmes.reports.tables import TABLE_NAMES, report_tables
from programmes.selectors.donors import ReportPdf


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
    return xlsx_response(report_tables(report), _file_name(report, "xlsx"))


@login_required
def report_csv(
    request, donor: str, table: str, workshop: str | None = None, year: str | None = None
):
    if table not in TABLE_NAMES:
        raise Http404
    report = _report(request, donor, workshop, year)
    chosen = next(t for t in report_tables(report) if t.name == table)
    return csv_response(chosen, _file_name(report, f"{table}.csv"))


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
        document = services.report_pdf_request(
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
    return redirect("programmes:report-progress", pk=document.pk)


def _subject_url(donor, workshop, year) -> str:
    if workshop is not None:
        kwargs = {"donor": donor.slug, "workshop": workshop.slug}
        return reverse("programmes:report-workshop", kwargs=kwargs)
    return reverse("programmes:report-funding", kwargs={"donor": donor.slug, "year": str(year)})


def _report_url(report) -> str:
    workshop = report.sections[0].workshop if report.kind == "workshop" else None
    return _subject_url(report.donor, workshop, report.year)


def _back_link(pdf: ReportPdf) -> str:
    return _subject_url(pdf.donor, pdf.workshop, pdf.year)


def _progress_context(pdf: ReportPdf) -> dict:
    progress = reverse("programmes:report-progress", args=[pdf.document.pk])
    if pdf.workshop is not None:
        rebuild = reverse(
            "programmes:report-workshop-pdf", args=[pdf.donor.slug, pdf.workshop.slug]
        )
    else:
        rebuild = reverse("programmes:report-funding-pdf", args=[pdf.donor.slug, pdf.year])
    context = progress_context(
        [document_state(pdf.document)],
        dom_id="report-progress",
        poll_url=progress,
        page_url=progress,
        retry_url=rebuild,
        download_url=lambda state: reverse("programmes:report-download", args=[pdf.document.pk]),
    )
    return {"pdf": pdf, "back": _back_link(pdf), **context}


@login_required
def report_progress(request, pk: int):
    """The build's state alone for htmx (polled while busy); the whole page otherwise."""
    context = _progress_context(selectors.report_pdf_detail(user=request.user, pk=pk))
    if request.headers.get("HX-Request") == "true":
        return render(request, "core/_document_states.html", context)
    return render(request, "programmes/report_progress.html", context)


@login_required
def report_download(request, pk: int):
    pdf = selectors.report_pdf_detail(user=request.user, pk=pk)
    if not document_state(pdf.document).downloadable:
        raise Http404
    return document_response(pdf.document)
