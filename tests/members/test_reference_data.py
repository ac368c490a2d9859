"""The reference data command: load_reference_data."""

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from members.models import (
    Organisation,
    TradeAgreement,
    TradeAgreementParty,
)
from programmes.models import TfaMeasure
from workshops.models import ExpertiseArea

pytestmark = pytest.mark.django_db

DATA_DIR = Path(settings.BASE_DIR) / "data"


def _run(*args) -> str:
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def _snapshot() -> list:
    return [
        list(Organisation.objects.order_by("pk").values()),
        list(TradeAgreementParty.objects.order_by("pk").values()),
        list(TfaMeasure.objects.order_by("pk").values()),
        list(ExpertiseArea.objects.order_by("pk").values()),
    ]


def test_load_reference_data_creates_members_partners_and_measures():
    output = _run("load_reference_data")

    assert Organisation.objects.filter(kind="customs", oco_status="member").count() == 24
    assert list(
        Organisation.objects.filter(oco_status="former").values_list("name", flat=True)
    ) == ["Norfolk Island"]
    assert Organisation.objects.filter(oco_status="none").count() == 4
    assert TfaMeasure.objects.count() == 36
    assert TradeAgreement.objects.get().code == "pacer-plus"
    assert "organisations: 29 created, 0 updated, 0 unchanged" in output
    assert "WTO TFA measures: 36 created" in output
    assert "areas of expertise: 13 created" in output
    assert ExpertiseArea.objects.get(name="Rules of origin").name_fr == "Règles d'origine"


def test_load_reference_data_reads_the_facts_of_each_row():
    _run("load_reference_data")

    samoa = Organisation.objects.get(slug="samoa")
    assert samoa.time_zone == "Pacific/Apia"
    assert samoa.is_wto_member
    assert samoa.wto_member_since.isoformat() == "2012-05-10"
    assert samoa.trade_agreements.get().status == "party"
    nauru = Organisation.objects.get(slug="nauru")
    assert nauru.trade_agreements.get().status == "signed"
    tokelau = Organisation.objects.get(slug="tokelau")
    assert tokelau.joined_oco.isoformat() == "2025-05-01"
    assert Organisation.objects.get(slug="new-caledonia").preferred_language == "fr"
    assert Organisation.objects.get(slug="oco-secretariat").kind == "secretariat"


def test_second_load_reference_data_creates_and_changes_nothing():
    _run("load_reference_data")
    before = _snapshot()

    output = _run("load_reference_data")

    assert _snapshot() == before
    assert re.findall(r"(\d+) created", output) == ["0"] * 9
    assert re.findall(r"(\d+) updated", output) == ["0"] * 9
    assert "organisations: 0 created, 0 updated, 29 unchanged" in output


def test_load_reference_data_updates_an_edited_row(tmp_path):
    _run("load_reference_data")
    data = tmp_path / "data"
    shutil.copytree(DATA_DIR, data)
    members = data / "members.csv"
    members.write_text(
        members.read_text(encoding="utf-8").replace(
            "PACER Plus depositary; UTC+13", "PACER Plus depositary; host of 2027"
        ),
        encoding="utf-8",
    )

    output = _run("load_reference_data", "--data-dir", str(data))

    assert "organisations: 0 created, 1 updated, 28 unchanged" in output
    assert Organisation.objects.get(slug="tonga").notes == "PACER Plus depositary; host of 2027"
    assert Organisation.objects.count() == 29


def test_load_reference_data_restores_a_row_edited_in_the_database():
    _run("load_reference_data")
    Organisation.objects.filter(slug="fiji").update(time_zone="Pacific/Apia")

    output = _run("load_reference_data")

    assert "organisations: 0 created, 1 updated, 28 unchanged" in output
    assert Organisation.objects.get(slug="fiji").time_zone == "Pacific/Fiji"


def test_load_reference_data_refuses_a_folder_without_members_csv(tmp_path):
    with pytest.raises(CommandError, match=r"No members\.csv"):
        _run("load_reference_data", "--data-dir", str(tmp_path))

    assert not Organisation.objects.exists()
