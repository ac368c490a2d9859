"""The participant list as CSV or XLSX, with the columns the Secretariat chooses.

Each column gives a typed value (dates, integers, booleans); the CSV writes them as text, the
XLSX keeps them as real cells. Text that a spreadsheet would take for a formula is quoted.
"""

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Font

from workshops.models import Funding, Registration, Workshop

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
COVERS = dict(Funding.Covers.choices)


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[Registration], object]
    number_format: str = ""


COLUMNS: dict[str, Column] = {
    "id": Column(_("Number"), lambda r: r.pk),
    "name": Column(_("Name"), lambda r: r.person.name),
    "email": Column(_("E-mail"), lambda r: r.person.email),
    "organisation": Column(_("Administration"), lambda r: r.organisation.name),
    "position": Column(_("Position"), lambda r: r.position),
    "seniority": Column(_("Seniority"), lambda r: r.seniority),
    "status": Column(_("Status"), lambda r: str(r.get_status_display())),
    "place": Column(_("Waiting list place"), lambda r: getattr(r, "place", None)),
    "registered_on": Column(
        _("Registered on"), lambda r: timezone.localdate(r.created_at), "yyyy-mm-dd"
    ),
    "arrival_date": Column(_("Arrival"), lambda r: r.arrival_date, "yyyy-mm-dd"),
    "arrival_flight": Column(_("Arrival flight"), lambda r: r.arrival_flight),
    "departure_date": Column(_("Departure"), lambda r: r.departure_date, "yyyy-mm-dd"),
    "departure_flight": Column(_("Departure flight"), lambda r: r.departure_flight),
    "visa_letter_needed": Column(_("Visa letter"), lambda r: r.visa_letter_needed),
    "nationality": Column(_("Nationality"), lambda r: r.nationality),
    "dietary_needs": Column(_("Dietary needs"), lambda r: r.dietary_needs),
    "accessibility_needs": Column(_("Accessibility needs"), lambda r: r.accessibility_needs),
    "funding_requested": Column(_("Funding requested"), lambda r: r.funding_requested),
    "funding_request_covers": Column(
        _("Funding asked for"),
        lambda r: ", ".join(str(COVERS.get(c, c)) for c in r.funding_request_covers or []),
    ),
    "funding": Column(_("Funding assigned"), lambda r: r.funding.funder.name if r.funding else ""),
}
DEFAULT_COLUMNS = ("name", "organisation", "position", "status", "arrival_date", "departure_date")


def _safe_text(value: str) -> str:
    return "'" + value if value.startswith(FORMULA_STARTS) else value


def _cell(value):
    if isinstance(value, str):
        return _safe_text(value)
    return value


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return _cell(str(value))


def _filename(workshop: Workshop, extension: str) -> str:
    return f"participants-{workshop.slug}.{extension}"


def _rows(queryset: Iterable[Registration], columns: list[str]):
    for registration in queryset:
        yield [COLUMNS[key].value(registration) for key in columns]


def csv_response(workshop: Workshop, queryset, columns: list[str]) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{_filename(workshop, "csv")}"'
    response.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
    writer = csv.writer(response)
    writer.writerow([str(COLUMNS[key].label) for key in columns])
    for row in _rows(queryset, columns):
        writer.writerow([_csv_text(value) for value in row])
    return response


def xlsx_response(workshop: Workshop, queryset, columns: list[str]) -> HttpResponse:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title="Participants")
    header = [str(COLUMNS[key].label) for key in columns]
    bold = Font(bold=True)
    header_cells = []
    for label in header:
        cell = WriteOnlyCell(sheet, value=label)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    formats = [COLUMNS[key].number_format for key in columns]
    for row in _rows(queryset, columns):
        cells = []
        for value, number_format in zip(row, formats, strict=True):
            cell = WriteOnlyCell(sheet, value=_cell(value))
            if number_format and value is not None:
                cell.number_format = number_format
            cells.append(cell)
        sheet.append(cells)
    buffer = io.BytesIO()
    workbook.save(buffer)
    response = HttpResponse(
        buffer.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{_filename(workshop, "xlsx")}"'
    return response
