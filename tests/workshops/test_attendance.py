"""Check-in: the service's rules, who may check in, and the page with and without htmx."""

import datetime as dt
import subprocess

import pytest

from core.errors import ServiceError
from tests.factories import UserFactory
from tests.workshops.attendance_helpers import approved, facilitator_of, past_workshop
from tests.workshops.factories import RegistrationFactory
from workshops.models import Attendance, Registration, Workshop
from workshops.services.attendance import attendance_set

pytestmark = pytest.mark.django_db


@pytest.fixture
def workshop():
    return past_workshop(days=3)


def test_marking_present_twice_records_one_attendance(workshop, secretariat):
    registration = approved(workshop)
    for _i in range(2):
        attendance_set(
            actor=secretariat, registration=registration, day=workshop.start_date, present=True
        )
    assert Attendance.objects.filter(registration=registration).count() == 1
    attendance = Attendance.objects.get()
    assert attendance.recorded_by == secretariat


def test_marking_absent_removes_the_day(workshop, secretariat):
    registration = approved(workshop)
    attendance_set(
        actor=secretariat, registration=registration, day=workshop.end_date, present=True
    )
    attendance_set(
        actor=secretariat, registration=registration, day=workshop.end_date, present=False
    )
    assert not Attendance.objects.exists()


def test_a_registration_not_approved_cannot_be_checked_in(workshop, secretariat):
    registration = RegistrationFactory(workshop=workshop, status=Registration.Status.WAITLISTED)
    with pytest.raises(ServiceError, match="Only approved participants"):
        attendance_set(
            actor=secretariat, registration=registration, day=workshop.start_date, present=True
        )
    assert not Attendance.objects.exists()


def test_a_day_outside_the_workshop_is_refused(workshop, secretariat):
    registration = approved(workshop)
    day = workshop.end_date + dt.timedelta(days=1)
    with pytest.raises(ServiceError, match="is not a day of this workshop"):
        attendance_set(actor=secretariat, registration=registration, day=day, present=True)
    assert not Attendance.objects.exists()


def test_a_cancelled_workshop_takes_no_check_in(secretariat):
    workshop = past_workshop(status=Workshop.Status.CANCELLED)
    registration = approved(workshop)
    with pytest.raises(ServiceError):
        attendance_set(
            actor=secretariat, registration=registration, day=workshop.start_date, present=True
        )


def _mark_url(workshop, registration):
    return f"/workshops/{workshop.slug}/check-in/{registration.pk}/"


def test_a_facilitator_checks_in_without_javascript(client, workshop):
    registration = approved(workshop, person=UserFactory(name="Losa Faleolo"))
    client.force_login(facilitator_of(workshop))

    page = client.get(f"/workshops/{workshop.slug}/check-in/?day={workshop.start_date}")
    assert "Losa Faleolo" in page.content.decode()

    response = client.post(
        _mark_url(workshop, registration), {"day": workshop.start_date, "present": "1"}
    )
    assert response.status_code == 302
    assert f"day={workshop.start_date}" in response["Location"]
    assert Attendance.objects.filter(registration=registration, day=workshop.start_date).exists()
    page = client.get(response["Location"])
    assert "Mark Losa Faleolo absent" in page.content.decode()


def test_with_htmx_only_the_row_comes_back(client, workshop):
    registration = approved(workshop, person=UserFactory(name="Losa Faleolo"))
    client.force_login(facilitator_of(workshop))
    response = client.post(
        _mark_url(workshop, registration),
        {"day": workshop.start_date, "present": "1"},
        headers={"HX-Request": "true"},
    )
    body = response.content.decode()
    assert response.status_code == 200
    assert body.lstrip().startswith('<li class="list-group-item')
    assert f'id="p{registration.pk}"' in body
    assert "<html" not in body
    assert "Mark Losa Faleolo absent" in body
    assert 'id="check-in-count" hx-swap-oob="true"' in body
    assert "1 of 1 shown present." in body


def test_a_facilitator_of_another_workshop_cannot_check_anyone_in(client, workshop):
    registration = approved(workshop)
    other = past_workshop()
    client.force_login(facilitator_of(other))

    assert client.get(f"/workshops/{workshop.slug}/check-in/").status_code == 404
    response = client.post(
        _mark_url(workshop, registration), {"day": workshop.start_date, "present": "1"}
    )
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_a_participant_cannot_check_in(client, workshop):
    registration = approved(workshop)
    client.force_login(registration.person)
    response = client.post(
        _mark_url(workshop, registration), {"day": workshop.start_date, "present": "1"}
    )
    assert response.status_code == 404
    assert not Attendance.objects.exists()


def test_a_refused_check_in_says_why_and_changes_nothing(secretariat_client, workshop):
    registration = RegistrationFactory(workshop=workshop, status=Registration.Status.SUBMITTED)
    response = secretariat_client.post(
        _mark_url(workshop, registration), {"day": workshop.start_date, "present": "1"}, follow=True
    )
    assert "Only approved participants can be checked in." in response.content.decode()
    assert not Attendance.objects.exists()


def test_search_by_name_or_administration(secretariat_client, workshop):
    approved(workshop, person=UserFactory(name="Mere Tui"))
    approved(workshop, person=UserFactory(name="Jone Vaka"))
    other = approved(workshop)
    other.organisation.name = "Vanuatu Customs and Inland Revenue"
    other.organisation.save()

    by_name = secretariat_client.get(f"/workshops/{workshop.slug}/check-in/?q=mere").content
    assert b"Mere Tui" in by_name
    assert b"Jone Vaka" not in by_name
    by_administration = secretariat_client.get(
        f"/workshops/{workshop.slug}/check-in/?q=vanuatu"
    ).content.decode()
    assert other.person.name in by_administration
    assert "Mere Tui" not in by_administration


def test_attendance_sheet_is_a_pdf_with_the_participants(secretariat_client, workshop, tmp_path):
    approved(workshop, person=UserFactory(name="Mere Tui"))
    response = secretariat_client.get(
        f"/workshops/{workshop.slug}/attendance-sheet.pdf?day={workshop.start_date}"
    )
    assert response["Content-Type"] == "application/pdf"
    path = tmp_path / "sheet.pdf"
    path.write_bytes(response.content)
    text = subprocess.run(["pdftotext", str(path), "-"], capture_output=True, check=True).stdout
    assert b"Mere Tui" in text
    assert b"SIGNATURE" in text


def test_a_refusal_with_htmx_reloads_the_page_to_show_why(secretariat_client, workshop):
    registration = RegistrationFactory(workshop=workshop, status=Registration.Status.SUBMITTED)
    response = secretariat_client.post(
        _mark_url(workshop, registration),
        {"day": workshop.start_date, "present": "1"},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 204
    assert response["HX-Redirect"].startswith(f"/workshops/{workshop.slug}/check-in/?day=")
    page = secretariat_client.get(response["HX-Redirect"]).content.decode()
    assert "Only approved participants can be checked in." in page
    assert not Attendance.objects.exists()
