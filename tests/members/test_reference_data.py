"""The data commands: load_reference_data, seed_demo and demo_totp."""

import re
import shutil
from io import StringIO
from pathlib import Path

import pytest
from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP
from django.conf import settings
from django.core.management import CommandError, call_command
from django.urls import reverse

from members.demo import DEMO_PASSWORD, PEOPLE, demo_email
from members.models import (
    DonorContact,
    FocalPoint,
    Organisation,
    TradeAgreement,
    TradeAgreementParty,
    User,
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


def test_seed_demo_without_reference_data_says_what_to_run_first():
    with pytest.raises(CommandError, match="load_reference_data"):
        _run("seed_demo")

    assert not User.objects.exists()


def test_seed_demo_twice_creates_then_updates_the_eleven_accounts(reference_data):
    first = _run("seed_demo")
    second = _run("seed_demo")

    assert len(PEOPLE) == 11
    assert first.count("created ") == 11
    assert second.count("updated ") == 11
    assert "created " not in second
    assert User.objects.filter(email__in=[demo_email(p.email) for p in PEOPLE]).count() == 11
    assert FocalPoint.objects.count() == 3
    assert DonorContact.objects.count() == 2
    assert Authenticator.objects.filter(type="totp").count() == 2
    for person in PEOPLE:
        user = User.objects.get(email=demo_email(person.email))
        assert user.check_password(DEMO_PASSWORD)
        assert EmailAddress.objects.get(user=user).verified
        assert user.organisation.slug == person.organisation


def test_seed_demo_gives_the_secretariat_and_admin_accounts_an_authenticator(reference_data):
    _run("seed_demo")

    with_totp = set(Authenticator.objects.filter(type="totp").values_list("user__email", flat=True))
    assert with_totp == {demo_email("secretariat"), demo_email("admin")}
    secretariat = User.objects.get(email=demo_email("secretariat"))
    assert secretariat.is_secretariat
    assert not secretariat.is_staff
    admin = User.objects.get(email=demo_email("admin"))
    assert admin.is_staff
    assert admin.is_superuser


def test_seed_demo_keeps_a_changed_password(reference_data):
    _run("seed_demo")
    user = User.objects.get(email=demo_email("delegate.tonga"))
    user.set_password("my-own-new-password-77")
    user.save()

    _run("seed_demo")

    user.refresh_from_db()
    assert user.check_password("my-own-new-password-77")


@pytest.fixture
def totp_tolerance(settings):
    """Accept the neighbouring 30-second step, so a test crossing a step boundary still passes."""
    settings.MFA_TOTP_TOLERANCE = 1


def test_demo_totp_prints_the_code_of_the_demo_authenticator(reference_data, totp_tolerance):
    _run("seed_demo")

    output = _run("demo_totp")

    code = re.match(r"(\d{6})  \(valid for \d+ more seconds\)", output).group(1)
    authenticator = Authenticator.objects.get(user__email=demo_email("secretariat"))
    assert TOTP(authenticator).validate_code(code)


def test_demo_totp_is_refused_in_production(settings):
    settings.PRODUCTION = True

    with pytest.raises(CommandError, match="development only"):
        _run("demo_totp")


def test_demo_secretariat_signs_in_with_password_and_demo_code(
    client, reference_data, totp_tolerance
):
    _run("seed_demo")

    response = client.post(
        reverse("account_login"),
        {"login": demo_email("secretariat"), "password": DEMO_PASSWORD},
    )
    assert response.url == reverse("mfa_authenticate")
    assert "_auth_user_id" not in client.session

    code = _run("demo_totp").split()[0]
    response = client.post(reverse("mfa_authenticate"), {"code": code}, follow=True)

    assert "Welcome, Mere Tuilagi" in response.content.decode()
    assert "People and roles" in response.content.decode()
