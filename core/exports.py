"""Tables written as CSV or XLSX: the one writer of every export of the portal (the participant
list, the donor reports).

A table keeps its values typed (text, integers, decimals, dates, times, booleans); the writer
decides how each type is shown, the same way in every export:

- CSV: UTF-8 with a byte-order mark (so that Excel reads accents right), dates as YYYY-MM-DD,
  times in the portal's time zone as YYYY-MM-DD HH:MM, numbers as written by Python.
- XLSX (openpyxl): one sheet per table with a bold header row; numbers and dates are real
  cells (decimals with two places, dates as dates), columns as wide as their content.
- In both, a boolean is "yes" or "no" in the language of the request, an empty value an empty
  cell, and text that a spreadsheet would take for a formula (starting with = + - @, a tab or
  a carriage return) is quoted with a leading apostrophe.
"""

import csv
import datetime as dt
import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Font

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
BYTE_ORDER_MARK = "\ufeff"
MAX_WIDTH = 60
NUMBER_FORMATS = (
    (dt.datetime, "yyyy-mm-dd hh:mm"),
    (dt.date, "yyyy-mm-dd"),
    (Decimal, "#,##0.00"),
)
_SHEET_TITLE_REFUSED = re.compile(r"[\[\]:*?/\\]")


@dataclass(frozen=True)
class Table:
    """A table to export: `name` for file names, `title` for its sheet, typed `rows`."""

    name: str
    title: str
    headers: list[str]
    rows: list[list]


def guard(text: str) -> str:
    """Text a spreadsheet would run as a formula, quoted so that it is shown as typed."""
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _local(moment: dt.datetime) -> dt.datetime:
    return timezone.localtime(moment).replace(tzinfo=None) if timezone.is_aware(moment) else moment


def cell_value(value):
    """A value as an XLSX cell holds it: numbers and dates as they are, the rest as text."""
    if value is None:
        return None
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, int | float | Decimal | dt.date):
        return _local(value) if isinstance(value, dt.datetime) else value
    return guard(str(value))


def csv_value(value) -> str:
    """A value as a CSV field."""
    value = cell_value(value)
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(value)


def csv_text(table: Table) -> str:
    output = io.StringIO()
    output.write(BYTE_ORDER_MARK)
    writer = csv.writer(output)
    writer.writerow([csv_value(header) for header in table.headers])
    for row in table.rows:
        writer.writerow([csv_value(value) for value in row])
    return output.getvalue()


def _number_format(value) -> str:
    return next((fmt for kind, fmt in NUMBER_FORMATS if isinstance(value, kind)), "")


def _sheet_title(title: str) -> str:
    return _SHEET_TITLE_REFUSED.sub(" ", str(title))[:31] or "Sheet"


def _add_sheet(workbook: Workbook, table: Table) -> None:
    sheet = workbook.create_sheet(title=_sheet_title(table.title))
    sheet.append([cell_value(header) for header in table.headers])
    bold = Font(bold=True)
    for cell in sheet[1]:
        cell.font = bold
    widths = [len(str(header)) for header in table.headers]
    for row in table.rows:
        values = [cell_value(value) for value in row]
        sheet.append(values)
        for index, (cell, value) in enumerate(zip(sheet[sheet.max_row], values, strict=True)):
            number_format = _number_format(value)
            if number_format:
                cell.number_format = number_format
            widths[index] = max(widths[index], len(csv_value(value)))
    for index, width in enumerate(widths, start=1):
        letter = sheet.cell(1, index).column_letter
        sheet.column_dimensions[letter].width = min(width + 2, MAX_WIDTH)


def xlsx_bytes(tables: Iterable[Table]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        _add_sheet(workbook, table)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _attachment(response: HttpResponse, filename: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def csv_response(table: Table, filename: str) -> HttpResponse:
    """One table as a CSV attachment."""
    return _attachment(HttpResponse(csv_text(table), content_type=CSV_CONTENT_TYPE), filename)


def xlsx_response(tables: Iterable[Table], filename: str) -> HttpResponse:
    """Tables as an XLSX attachment, one sheet each."""
    return _attachment(HttpResponse(xlsx_bytes(tables), content_type=XLSX_CONTENT_TYPE), filename)
