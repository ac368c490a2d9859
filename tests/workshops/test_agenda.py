"""The printable agenda (HTML) and the agenda PDF, rendered by the real WeasyPrint."""

import datetime as dt
import subprocess

import pytest

from core import pdf
from tests.factories import UserFactory
from tests.workshops.factories import (
    FacilitationFactory,
    OpenWorkshopFactory,
    SessionFactory,
    WorkshopFactory,
)
from workshops import agenda
from workshops.models import Workshop

pytestmark = pytest.mark.django_db


def _pdf_text(data: bytes, *, layout: bool = True) -> str:
    command = ["pdftotext", *(["-layout"] if layout else []), "-", "-"]
    return subprocess.run(command, input=data, capture_output=True, check=True).stdout.decode()


def _apia_workshop(**kwargs) -> Workshop:
    workshop = OpenWorkshopFactory(
        title="Corporate Governance and Succession Planning",
        time_zone="Pacific/Apia",
        venue_name="Taumeasina Island Resort",
        city="Apia",
        country="Samoa",
        start_date=dt.date(2099, 3, 2),
        end_date=dt.date(2099, 3, 3),
        **kwargs,
    )
    apia = workshop.zone
    lead = FacilitationFactory(
        workshop=workshop,
        organisation__name="Oceania Customs Organisation",
        organisation__short_name="OCO",
        person=UserFactory(name="Sione Tupou"),
    )
    first = SessionFactory(
        workshop=workshop,
        title="Governance frameworks",
        starts_at=dt.datetime(2099, 3, 2, 9, 0, tzinfo=apia),
        ends_at=dt.datetime(2099, 3, 2, 10, 30, tzinfo=apia),
        room="Fale 1",
    )
    first.facilitators.set([lead])
    SessionFactory(
        workshop=workshop,
        title="Succession plans in practice",
        starts_at=dt.datetime(2099, 3, 3, 13, 30, tzinfo=apia),
        ends_at=dt.datetime(2099, 3, 3, 15, 0, tzinfo=apia),
        room="Fale 2",
    )
    return workshop


# --- HTML print view ------------------------------------------------------------------------------


def test_print_view_has_days_as_headings_and_times_in_the_named_venue_zone(client):
    workshop = _apia_workshop()

    page = client.get(f"/workshops/{workshop.slug}/agenda/").content.decode()

    assert "<h1" in page
    assert "Corporate Governance and Succession Planning" in page
    monday = page.index("Monday 2 March 2099")
    tuesday = page.index("Tuesday 3 March 2099")
    assert monday < page.index("Governance frameworks") < tuesday
    assert tuesday < page.index("Succession plans in practice")
    assert "09:00–10:30" in page
    assert "13:30–15:00" in page
    assert "Pacific/Apia (UTC+13:00)" in page
    assert "Sione Tupou (OCO)" in page
    assert "css/agenda.css" in page


def test_print_view_in_pago_pago_still_shows_the_venue_times(client):
    workshop = _apia_workshop()
    client.force_login(UserFactory(time_zone="Pacific/Pago_Pago"))

    page = client.get(f"/workshops/{workshop.slug}/agenda/").content.decode()

    assert "Monday 2 March 2099" in page
    assert "09:00–10:30" in page


def test_print_view_of_a_draft_is_404_for_anonymous(client):
    draft = WorkshopFactory()

    assert client.get(f"/workshops/{draft.slug}/agenda/").status_code == 404
    assert client.get(f"/workshops/{draft.slug}/agenda.pdf").status_code == 404


# --- PDF ------------------------------------------------------------------------------------------


def test_agenda_pdf_is_an_attachment_with_sessions_header_and_page_numbers(client):
    workshop = _apia_workshop()

    response = client.get(f"/workshops/{workshop.slug}/agenda.pdf")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == f'attachment; filename="agenda-{workshop.slug}.pdf"'
    assert response.content.startswith(b"%PDF-")
    text = _pdf_text(response.content)
    assert "Corporate Governance and Succession Planning" in text
    assert "Governance frameworks" in text
    assert "Succession plans in practice" in text
    assert "09:00–10:30" in text
    assert "Monday 2 March 2099" in text
    assert "Pacific/Apia (UTC+13:00)" in text
    assert "Page 1 of 1" in text
    assert "Generated on" in text


def test_agenda_pdf_numbers_every_page_and_repeats_the_header(client):
    workshop = _apia_workshop()
    apia = workshop.zone
    for n in range(45):
        SessionFactory(
            workshop=workshop,
            title=f"Working group {n}",
            description="Group work on the national plan.\nReport back to the plenary.",
            starts_at=dt.datetime(2099, 3, 3, 8, 0, tzinfo=apia) + dt.timedelta(minutes=10 * n),
            ends_at=dt.datetime(2099, 3, 3, 8, 10, tzinfo=apia) + dt.timedelta(minutes=10 * n),
        )

    text = _pdf_text(client.get(f"/workshops/{workshop.slug}/agenda.pdf").content)

    pages = text.split("\f")
    real_pages = [page for page in pages if page.strip()]
    assert len(real_pages) >= 2
    assert f"Page 2 of {len(real_pages)}" in real_pages[1]
    assert "2 March 2099 – 3 March 2099" in real_pages[1]
    assert "Corporate Governance and Succession Planning" in real_pages[1]


def test_agenda_pdf_in_french(client):
    workshop = _apia_workshop(title_fr="Gouvernance d'entreprise et planification de la relève")

    response = client.get(
        f"/workshops/{workshop.slug}/agenda.pdf", headers={"accept-language": "fr"}
    )

    text = _pdf_text(response.content)
    assert "Gouvernance d'entreprise" in text
    assert "Corporate Governance" not in text
    assert "lundi 2 mars 2099" in text
    assert "Programme" in text
    assert "Page 1 sur 1" in text


def test_markup_in_a_session_title_is_printed_as_text_and_fetches_nothing(client, monkeypatch):
    workshop = _apia_workshop()
    SessionFactory(
        workshop=workshop,
        title='<img src="http://example.com/x.png"> <a href="file:///etc/passwd">passwd</a>',
        starts_at=dt.datetime(2099, 3, 2, 11, 0, tzinfo=workshop.zone),
        ends_at=dt.datetime(2099, 3, 2, 12, 0, tzinfo=workshop.zone),
    )
    fetched = []
    real_fetch = pdf.StaticOnlyFetcher.fetch

    def spy(self, url, headers=None):
        fetched.append(url)
        return real_fetch(self, url, headers)

    monkeypatch.setattr(pdf.StaticOnlyFetcher, "fetch", spy)

    response = client.get(f"/workshops/{workshop.slug}/agenda.pdf")

    text = _pdf_text(response.content, layout=False)
    # The title wraps in its table cell: compare without the line breaks and spaces.
    squeezed = "".join(text.split())
    assert '<imgsrc="http://example.com/x.png">' in squeezed
    assert '<ahref="file:///etc/passwd">passwd</a>' in squeezed
    assert "root:" not in text
    assert fetched == [pdf.STATIC_PREFIX + "css/pdf.css"]
    assert b"/URI" not in response.content


def test_agenda_pdf_is_cached_until_the_agenda_changes(client, monkeypatch):
    workshop = _apia_workshop()
    renders = []
    real_render = agenda.render_pdf

    def counting(template_name, context):
        renders.append(template_name)
        return real_render(template_name, context)

    monkeypatch.setattr(agenda, "render_pdf", counting)
    url = f"/workshops/{workshop.slug}/agenda.pdf"

    first = client.get(url).content
    second = client.get(url).content
    assert len(renders) == 1
    assert first == second

    session = workshop.sessions.get(title="Succession plans in practice")
    session.title = "Succession plans, revised"
    session.save()
    third = client.get(url).content
    assert len(renders) == 2
    assert "Succession plans, revised" in _pdf_text(third)

    Workshop.objects.filter(pk=workshop.pk).update(venue_name="Sheraton Samoa")
    workshop.refresh_from_db()
    workshop.save()
    fourth = client.get(url).content
    assert len(renders) == 3
    assert "Sheraton Samoa" in _pdf_text(fourth)


def test_agenda_pdf_without_sessions_says_so(client):
    workshop = OpenWorkshopFactory(title="Agenda to come")

    text = _pdf_text(client.get(f"/workshops/{workshop.slug}/agenda.pdf").content)

    assert "Agenda to come" in text
    assert "The agenda has not been published yet." in text


# --- The fetcher itself -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "url",
    [
        "http://example.com/x.png",
        "https://example.com/style.css",
        "file:///etc/passwd",
        pdf.STATIC_PREFIX + "../../etc/passwd",
        pdf.STATIC_PREFIX + "css/../../oco_portal/settings.py",
        "https://oco-portal.invalid/media/workshop-documents/1/secret",
        pdf.STATIC_PREFIX + "css/no-such-file.css",
    ],
)
def test_static_only_fetcher_refuses_anything_but_static_files(url):
    with pytest.raises(pdf.BlockedURLError):
        pdf.StaticOnlyFetcher().fetch(url)


def test_static_only_fetcher_serves_the_pdf_stylesheet():
    response = pdf.StaticOnlyFetcher().fetch(pdf.STATIC_PREFIX + "css/pdf.css")

    assert b"@page" in response.read()
    assert response.headers.get_content_type() == "text/css"
