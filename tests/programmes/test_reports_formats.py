"""Every format of a donor report parsed back (PDF text, XLSX cells, CSV rows) and checked
against the dashboard's figures; none carries contact, travel or visa data; an empty period
gives an empty but valid report."""

import csv
import datetime as dt
import io
import re
import subprocess
from decimal import Decimal
from pathlib import Path

import pytest
from django.urls import reverse
from django.utils import translation
from openpyxl import load_workbook

from core.models import GeneratedDocument
from programmes.reports.tables import TABLE_NAMES
from tests.programmes.donor_fixtures import SECRET_VALUES, world_fixture  # noqa: F401
from tests.workshops.factories import FundingFactory

pytestmark = pytest.mark.django_db
FORBIDDEN = (
    *SECRET_VALUES,
    "ana@fiji.test",
    "ben@fiji.test",
    "cara@tonga.test",
    "Personal remark",  # evaluation comments are for the Secretariat only
)
WORKSHOP = "/donors/kcs-test/workshops/tfa-test/"


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return Path(settings.MEDIA_ROOT)


@pytest.fixture
def korea_client(client, world):
    client.force_login(world.korea_contact)
    return client


def _dashboard_figures(client) -> dict[str, int]:
    page = client.get(reverse("programmes:donor-dashboard", args=["kcs-test"])).content.decode()
    return {k: int(v) for k, v in re.findall(r'data-figure="([a-z-]+)">(\d+)<', page)}


def _pdf_text(client, django_capture_on_commit_callbacks, base: str) -> str:
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(base + "pdf/")
    assert response.status_code == 302
    progress = client.get(response.url).content.decode()
    assert "The PDF is ready." in progress
    report_file = GeneratedDocument.objects.get(pk=int(response.url.rstrip("/").rsplit("/", 1)[1]))
    download = client.get(reverse("programmes:report-download", args=[report_file.pk]))
    assert download["Content-Type"] == "application/pdf"
    data = b"".join(download.streaming_content)
    result = subprocess.run(["pdftotext", "-", "-"], input=data, capture_output=True, check=True)
    return " ".join(result.stdout.decode().split())


def test_pdf_shows_the_dashboard_figures_and_no_private_data(
    korea_client, django_capture_on_commit_callbacks
):
    figures = _dashboard_figures(korea_client)
    text = _pdf_text(korea_client, django_capture_on_commit_callbacks, WORKSHOP)
    assert "Workshop report: TFA workshop (test)" in text
    assert f"Participants {figures['participants']}" in text
    assert f"Women {figures['women']}" in text
    assert f"Funded seats used {figures['seats-used']}" in text
    assert figures["attended"] == 2  # Ana and Ben; Cara came 2 of 4 days
    assert "Attended 2 (1 women, 1 men) · 75% of participant-days" in text
    assert "Relevance to your work 4.5" in text
    assert "Publish a regional guide to enquiry points" in text
    assert "98,765.43" in text
    for name in ("Ana Fiji", "Ben Fiji", "Cara Tonga", "Fiji Revenue (test)"):
        assert name in text
    assert "Dan Waitlisted" not in text
    assert not [value for value in FORBIDDEN if value in text]


def test_xlsx_has_one_sheet_per_table_with_real_numbers_and_dates(korea_client):
    figures = _dashboard_figures(korea_client)
    response = korea_client.get(WORKSHOP + "report.xlsx")
    assert response["Content-Disposition"] == 'attachment; filename="kcs-test-tfa-test.xlsx"'
    book = load_workbook(io.BytesIO(response.content))
    assert book.sheetnames == [
        "Summary",
        "Participants",
        "By administration",
        "By sex",
        "By seniority",
        "Facilitators",
        "Budget",
        "Strategic Plan activities",
        "Evaluation",
        "Action plan",
    ]
    summary = list(book["Summary"].values)
    assert summary[0][:2] == ("Workshop", "First day")
    row = dict(zip(summary[0], summary[1], strict=True))
    assert row["First day"] == dt.datetime(2017, 6, 13)  # a date cell, not text
    assert row["Participants"] == figures["participants"]
    assert row["Women"] == figures["women"]
    assert row["Funded seats used"] == figures["seats-used"]
    assert row["Attended"] == figures["attended"]
    assert row["Attendance (%)"] == 75
    assert row["Evaluations"] == 2
    evaluation = list(book["Evaluation"].values)
    assert evaluation[1][1:] == ("relevance to your work", 2, 4.5)
    actions = list(book["Action plan"].values)
    assert actions[1][1:4] == ("Regional", "Adopted", "Publish a regional guide to enquiry points")
    assert actions[1][5] == dt.datetime(2017, 7, 1)
    budget = list(book["Budget"].values)
    spent = dict(zip(budget[0], budget[1], strict=True))["Spent"]
    assert isinstance(spent, float)
    assert Decimal(str(spent)) == Decimal("98765.43")
    participants = list(book["Participants"].values)
    assert participants[0] == (
        "Workshop",
        "Name",
        "Administration",
        "Position",
        "Sex",
        "Seniority",
        "Funded by KCS",
        "Days present",
        "Attended",
    )
    assert [r[7:] for r in participants[1:]] == [(4, "yes"), (3, "yes"), (2, "no")]
    assert [r[1] for r in participants[1:]] == ["Ana Fiji", "Ben Fiji", "Cara Tonga"]
    cells = " ".join(str(v) for sheet in book for r in sheet.values for v in r)
    assert not [value for value in FORBIDDEN if value in cells]


def _csv(client, base: str, table: str) -> list[dict]:
    response = client.get(f"{base}{table}.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    return list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_csv_tables_match_the_dashboard_and_carry_no_private_data(korea_client):
    figures = _dashboard_figures(korea_client)
    summary = _csv(korea_client, WORKSHOP, "summary")
    assert summary[0]["First day"] == "2017-06-13"
    assert int(summary[0]["Participants"]) == figures["participants"]
    assert int(summary[0]["Men"]) == figures["men"]
    sexes = {row["Sex"]: int(row["Participants"]) for row in _csv(korea_client, WORKSHOP, "sex")}
    assert sexes == {"Female": figures["women"], "Male": figures["men"]}
    assert _csv(korea_client, WORKSHOP, "budget")[0]["Spent"] == "98765.43"
    assert int(summary[0]["Attended"]) == figures["attended"]
    averages = {
        r["Question"]: r["Average (1-5)"] for r in _csv(korea_client, WORKSHOP, "evaluation")
    }
    assert averages == {
        "relevance to your work": "4.5",
        "content": "4.0",
        "facilitation": "4.0",
        "organisation": "3.5",
    }
    [action] = _csv(korea_client, WORKSHOP, "action_plan")
    assert (action["Plan"], action["Start"]) == ("Regional", "2017-07-01")
    everything = "".join(
        korea_client.get(f"{WORKSHOP}{t}.csv").content.decode("utf-8-sig") for t in TABLE_NAMES
    )
    assert "Cara Tonga" in everything
    assert not [value for value in FORBIDDEN if value in everything]


def test_csv_quotes_text_a_spreadsheet_would_run(korea_client, world):
    world.korea_contact.__class__.objects.filter(name="Ana Fiji").update(name="=HYPERLINK(1)")
    rows = _csv(korea_client, WORKSHOP, "participants")
    assert rows[0]["Name"] == "'=HYPERLINK(1)"


def test_a_year_without_data_gives_an_empty_but_valid_report(
    korea_client, django_capture_on_commit_callbacks
):
    base = "/donors/kcs-test/2020/"
    page = korea_client.get(base).content.decode()
    assert "No workshop funded in this period." in page
    book = load_workbook(io.BytesIO(korea_client.get(base + "report.xlsx").content))
    assert list(book["Summary"].values) == [
        (
            "Workshop",
            "First day",
            "Last day",
            "Venue",
            "Status",
            "Participants",
            "Women",
            "Men",
            "Funded seats planned",
            "Funded seats used",
            "Attended",
            "Attendance (%)",
            "Evaluations",
            "Action-plan items",
        )
    ]
    assert _csv(korea_client, base, "participants") == []
    text = _pdf_text(korea_client, django_capture_on_commit_callbacks, base)
    assert "Funding report 2020" in text
    assert "No workshop funded in this period." in text


def test_the_funding_report_of_a_year_ties_workshops_to_activities(korea_client):
    page = korea_client.get("/donors/kcs-test/2017/").content.decode()
    assert "Funding report 2017" in page
    assert "TFA workshop (test)" in page
    rows = _csv(korea_client, "/donors/kcs-test/2017/", "activities")
    assert rows == [
        {
            "Strategic Plan": "Plan (test)",
            "Priority": "3. Trade facilitation",
            "Activity": "Regional TFA support (test)",
            "Status": "Planned",
            "Workshops": "TFA workshop (test)",
        }
    ]


def test_the_report_in_french(korea_client):
    korea_client.cookies["django_language"] = "fr"
    try:
        header = (
            korea_client.get(WORKSHOP + "summary.csv").content.decode("utf-8-sig").splitlines()[0]
        )
    finally:
        translation.activate("en")  # the request left French active in this thread
    assert header.startswith("Atelier,Premier jour,")


def test_an_activity_served_by_two_workshops_is_listed_once(korea_client, world):
    second = world.bank_workshop
    FundingFactory(workshop=second, funder=world.korea, amount=Decimal("1000"))
    world.activity.workshops.add(second)
    rows = _csv(korea_client, "/donors/kcs-test/workshops/tfa-test/", "activities")
    assert len(rows) == 1
    page = korea_client.get(reverse("programmes:donor-dashboard", args=["kcs-test"]))
    assert "TFA workshop (test); Risk workshop (test)" in page.content.decode()
