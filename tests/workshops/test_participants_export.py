"""The participant list exported as CSV and XLSX, parsed back."""

import csv
import datetime as dt
import io

import pytest
from openpyxl import load_workbook

from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import OpenWorkshopFactory, RegistrationFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    workshop = OpenWorkshopFactory(slug="risk-2030")
    RegistrationFactory(
        workshop=workshop,
        person=UserFactory(name="Ana Vake", organisation=OrganisationFactory(name="Tonga")),
        status="approved",
        arrival_date=dt.date(2030, 3, 1),
        departure_date=dt.date(2030, 3, 6),
        visa_letter_needed=True,
        nationality="Tongan",
        position='=HYPERLINK("http://evil.example")',
    )
    RegistrationFactory(workshop=workshop, person=UserFactory(name="Bo Smith"))
    return workshop


def _export(client, workshop, **params):
    return client.get(f"/manage/workshops/{workshop.pk}/participants/export/", params)


def test_csv_has_a_header_and_the_chosen_columns(secretariat_client, workshop):
    response = _export(
        secretariat_client,
        workshop,
        format="csv",
        columns=["id", "name", "arrival_date", "visa_letter_needed", "position"],
    )
    assert response["Content-Disposition"] == 'attachment; filename="participants-risk-2030.csv"'
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Number", "Name", "Arrival", "Visa letter", "Position"]
    assert len(rows) == 3
    ana = next(row for row in rows if row[1] == "Ana Vake")
    assert ana[2] == "2030-03-01"
    assert ana[3] == "yes"
    assert ana[4].startswith("'=")


def test_csv_follows_the_list_filters(secretariat_client, workshop):
    response = _export(secretariat_client, workshop, format="csv", status="approved")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert [row[0] for row in rows[1:]] == ["Ana Vake"]


def test_unknown_columns_are_ignored(secretariat_client, workshop):
    response = _export(secretariat_client, workshop, format="csv", columns=["name", "password"])
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[0] == ["Name"]


def test_xlsx_keeps_dates_and_numbers_as_real_cells(secretariat_client, workshop):
    response = _export(
        secretariat_client,
        workshop,
        format="xlsx",
        columns=["id", "name", "arrival_date", "departure_date", "visa_letter_needed", "position"],
        visa="yes",
    )
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0] == ("Number", "Name", "Arrival", "Departure", "Visa letter", "Position")
    assert len(rows) == 2
    number, name, arrival, departure, visa, position = rows[1]
    assert isinstance(number, int)
    assert not isinstance(number, bool)
    assert name == "Ana Vake"
    assert isinstance(arrival, dt.datetime)
    assert arrival.date() == dt.date(2030, 3, 1)
    assert departure.date() == dt.date(2030, 3, 6)
    assert visa == "yes"  # booleans are yes/no in every export, in the reader's language
    assert sheet.cell(row=2, column=3).is_date
    assert sheet.cell(row=2, column=6).data_type == "s"  # text, never a formula
    assert position.startswith("'=")


def test_export_is_for_the_secretariat_only(delegate_client, workshop):
    assert _export(delegate_client, workshop, format="csv").status_code == 404
