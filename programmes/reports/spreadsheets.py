"""XLSX (one sheet per table, real numbers and dates) and CSV (one table per file) of a
donor report. Text a spreadsheet would take for a formula is quoted."""

import csv
import datetime as dt
import io
from decimal import Decimal

from openpyxl import Workbook
from openpyxl.styles import Font

from programmes.reports.tables import Table

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_FORMATS = {Decimal: "#,##0.00", dt.date: "yyyy-mm-dd"}


def _safe(value):
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def xlsx_bytes(tables: list[Table]) -> bytes:
    workbook = Workbook()
    workbook.remove(workbook.active)
    for table in tables:
        # Sheet titles: at most 31 characters, none of []:*?/\ (table titles have none).
        sheet = workbook.create_sheet(title=table.title[:31])
        sheet.append(table.headers)
        for cell in sheet[1]:
            cell.font = Font(bold=True)
        for row in table.rows:
            sheet.append([_safe(value) for value in row])
            for cell, value in zip(sheet[sheet.max_row], row, strict=True):
                number_format = NUMBER_FORMATS.get(type(value))
                if number_format:
                    cell.number_format = number_format
        for index, header in enumerate(table.headers, start=1):
            width = max([len(str(header)), *(len(str(r[index - 1] or "")) for r in table.rows)])
            sheet.column_dimensions[sheet.cell(1, index).column_letter].width = min(width + 2, 60)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def _csv_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.date):
        return value.isoformat()
    return str(_safe(value)) if isinstance(value, str) else str(value)


def csv_text(table: Table) -> str:
    output = io.StringIO()
    output.write("\ufeff")  # so that spreadsheet programs read the file as UTF-8
    writer = csv.writer(output)
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow([_csv_text(value) for value in row])
    return output.getvalue()
