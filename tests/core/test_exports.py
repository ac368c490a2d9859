"""The table writer of every export (core.exports): CSV with a byte-order mark, XLSX with typed
cells, the same yes/no for booleans and the same formula guard in both."""

import csv
import datetime as dt
import io
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.utils import timezone, translation
from openpyxl import load_workbook

from core.exports import Table, csv_response, csv_text, xlsx_bytes, xlsx_response

APIA = ZoneInfo("Pacific/Apia")
ROW = [
    "Ana Vake",
    True,
    False,
    None,
    3,
    Decimal("98765.43"),
    4.5,
    dt.date(2030, 3, 1),
    dt.datetime(2030, 3, 1, 9, 30, tzinfo=dt.UTC),
]
HEADERS = ["Name", "Visa", "Funded", "Empty", "Days", "Spent", "Average", "Arrival", "Registered"]
TABLE = Table(name="people", title="People", headers=HEADERS, rows=[ROW])


def _csv_rows(table: Table) -> list[list[str]]:
    text = csv_text(table)
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text.removeprefix("\ufeff"))))


def _sheet(tables: list[Table], name: str):
    return load_workbook(io.BytesIO(xlsx_bytes(tables)))[name]


def test_csv_writes_each_type_the_same_way():
    with translation.override("en"), timezone.override(APIA):
        header, row = _csv_rows(TABLE)
    assert header == HEADERS
    assert row == [
        "Ana Vake", "yes", "no", "", "3", "98765.43", "4.5", "2030-03-01", "2030-03-01 22:30",
    ]  # fmt: skip


def test_xlsx_keeps_numbers_and_dates_as_cells_and_booleans_as_yes_no():
    with translation.override("en"), timezone.override(APIA):
        sheet = _sheet([TABLE], "People")
    header, row = list(sheet.iter_rows(values_only=True))
    assert list(header) == HEADERS
    assert sheet["A1"].font.bold
    name, visa, funded, empty, days, spent, average, arrival, registered = row
    assert (name, visa, funded, empty) == ("Ana Vake", "yes", "no", None)
    assert days == 3
    assert not isinstance(days, bool)
    assert spent == pytest.approx(98765.43)
    assert sheet["F2"].number_format == "#,##0.00"
    assert average == 4.5
    assert arrival == dt.datetime(2030, 3, 1)
    assert sheet["H2"].is_date
    assert sheet["H2"].number_format == "yyyy-mm-dd"
    assert registered == dt.datetime(2030, 3, 1, 22, 30)  # in the portal's time zone


def test_booleans_are_yes_and_no_in_the_readers_language():
    table = Table(name="t", title="T", headers=["Oui ?"], rows=[[True], [False]])
    with translation.override("fr"):
        assert _csv_rows(table)[1:] == [["oui"], ["non"]]
        values = list(_sheet([table], "T").iter_rows(values_only=True))
    assert values[1:] == [("oui",), ("non",)]


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_text_a_spreadsheet_would_run_is_quoted_in_both_formats(start):
    text = f'{start}HYPERLINK("http://evil.example")'
    table = Table(name="t", title="T", headers=["Position"], rows=[[text]])
    assert _csv_rows(table)[1] == ["'" + text]
    cell = _sheet([table], "T")["A2"]
    assert cell.value.startswith("'")  # (XML reads a carriage return back as a line feed)
    assert cell.value[2:] == text[1:]
    assert cell.data_type == "s"


def test_negative_numbers_stay_numbers():
    table = Table(name="t", title="T", headers=["Balance"], rows=[[-5], [Decimal("-1.50")]])
    assert _csv_rows(table)[1:] == [["-5"], ["-1.50"]]
    assert [r[0] for r in _sheet([table], "T").iter_rows(min_row=2, values_only=True)] == [-5, -1.5]


def test_one_sheet_per_table_with_titles_a_workbook_accepts():
    tables = [
        Table(name="a", title="Budget: 2017/2018 [draft]", headers=["x"], rows=[]),
        Table(name="b", title="A title longer than thirty-one characters", headers=["y"], rows=[]),
    ]
    book = load_workbook(io.BytesIO(xlsx_bytes(tables)))
    assert book.sheetnames == ["Budget  2017 2018  draft ", "A title longer than thirty-one "]


def test_responses_are_attachments_of_the_right_type():
    csv_file = csv_response(TABLE, "people.csv")
    assert csv_file["Content-Type"] == "text/csv; charset=utf-8"
    assert csv_file["Content-Disposition"] == 'attachment; filename="people.csv"'
    assert csv_file.content.startswith(b"\xef\xbb\xbf")
    xlsx_file = xlsx_response([TABLE], "people.xlsx")
    assert xlsx_file["Content-Type"].startswith("application/vnd.openxmlformats")
    assert xlsx_file["Content-Disposition"] == 'attachment; filename="people.xlsx"'
