"""The public workshop list and workshop page, per role."""

import datetime as dt
from decimal import Decimal

import pytest
from django.utils import timezone

from tests.factories import OrganisationFactory, SecretariatFactory, UserFactory
from tests.workshops.factories import (
    DocumentFactory,
    FacilitationFactory,
    FundingFactory,
    OpenWorkshopFactory,
    RegistrationFactory,
    SessionFactory,
    WorkshopFactory,
)
from workshops.models import Document, Registration, Workshop

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


def _days_ago(days: int) -> dt.date:
    return timezone.localdate() - dt.timedelta(days=days)


# --- The list ----------------------------------------------------------------------------------


def test_anonymous_visitor_sees_an_open_public_workshop_with_dates_venue_and_funders(client):
    workshop = OpenWorkshopFactory(
        title="Corporate Governance and Succession Planning",
        start_date=dt.date(2099, 3, 2),
        end_date=dt.date(2099, 3, 5),
        venue_name="Grand Pacific Hotel",
    )
    FundingFactory(workshop=workshop, funder__name="Korea Customs Service")
    FundingFactory(workshop=workshop, funder__name="World Bank")

    page = client.get("/workshops/").content.decode()

    assert "Corporate Governance and Succession Planning" in page
    assert workshop.get_absolute_url() in page
    assert "2 March 2099 – 5 March 2099" in page
    assert "Grand Pacific Hotel, Suva, Fiji" in page
    assert "Korea Customs Service, World Bank" in page
    assert "Open for registration" in page


def test_list_hides_drafts_and_invitation_only_workshops_from_strangers(client):
    OpenWorkshopFactory(title="Public workshop")
    WorkshopFactory(title="Draft workshop")
    OpenWorkshopFactory(title="Invitation-only workshop", is_public=False)

    page = client.get("/workshops/").content.decode()

    assert "Public workshop" in page
    assert "Draft workshop" not in page
    assert "Invitation-only workshop" not in page


def test_invitation_only_workshop_is_listed_for_a_registrant(client):
    registration = RegistrationFactory(
        workshop__title="Closed-door workshop", workshop__is_public=False
    )
    client.force_login(registration.person)

    page = client.get("/workshops/").content.decode()

    assert "Closed-door workshop" in page
    assert "Invitation only" in page


def test_cancelled_workshop_is_shown_clearly(client):
    OpenWorkshopFactory(title="Postponed workshop", status=Workshop.Status.CANCELLED)

    page = client.get("/workshops/").content.decode()

    assert "Postponed workshop" in page
    assert "text-bg-danger" in page
    assert "This workshop has been cancelled." in page


def test_past_workshops_are_on_their_own_tab(client):
    OpenWorkshopFactory(title="Coming soon")
    OpenWorkshopFactory(
        title="TFA workshop 2017",
        status=Workshop.Status.COMPLETED,
        start_date=dt.date(2017, 6, 13),
        end_date=dt.date(2017, 6, 16),
    )

    upcoming = client.get("/workshops/").content.decode()
    past = client.get("/workshops/?when=past").content.decode()

    assert "Coming soon" in upcoming
    assert "TFA workshop 2017" not in upcoming
    assert "TFA workshop 2017" in past
    assert "13 June 2017 – 16 June 2017" in past
    assert "Coming soon" not in past


def test_list_is_paginated_by_twenty(client):
    for n in range(23):
        OpenWorkshopFactory(title=f"Workshop number {n:02d}", start_date=_days_ago(-10 - n))

    first = client.get("/workshops/").content.decode()
    second = client.get("/workshops/?page=2").content.decode()

    assert first.count('class="card mb-3') == 20
    assert "Page 1 of 2" in first
    assert "Workshop number 00" in first
    assert second.count('class="card mb-3') == 3
    assert "Workshop number 22" in second


def test_empty_states_say_there_is_nothing_yet(client):
    assert (
        "No upcoming workshops have been announced yet."
        in client.get("/workshops/").content.decode()
    )
    assert "No past workshops to show." in client.get("/workshops/?when=past").content.decode()


def test_french_interface_shows_the_french_title(client):
    OpenWorkshopFactory(title="Risk management", title_fr="Gestion des risques")

    page = client.get("/workshops/", headers={"accept-language": "fr"}).content.decode()

    assert "Gestion des risques" in page
    assert "Risk management" not in page
    assert "Ateliers régionaux" in page
    assert "Inscriptions ouvertes" in page


# --- The workshop page ---------------------------------------------------------------------------


def test_anonymous_gets_404_on_a_draft_and_on_an_invitation_only_workshop(client):
    draft = WorkshopFactory()
    private = OpenWorkshopFactory(is_public=False)

    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(private.get_absolute_url()).status_code == 404


def test_signed_in_stranger_gets_404_on_an_invitation_only_workshop(delegate_client):
    private = OpenWorkshopFactory(is_public=False)

    assert delegate_client.get(private.get_absolute_url()).status_code == 404


def test_secretariat_sees_a_draft_with_its_badge(secretariat_client):
    draft = WorkshopFactory(title="Draft in preparation")

    response = secretariat_client.get(draft.get_absolute_url())

    assert response.status_code == 200
    page = response.content.decode()
    assert "Draft in preparation" in page
    assert ">Draft</span>" in page
    assert "Manage this workshop" in page


def test_workshop_page_shows_description_key_facts_and_calendar_links(client):
    workshop = OpenWorkshopFactory(
        title="Rules of Origin",
        description="Three days on rules of origin.\n\nFor officers of member administrations.",
        time_zone="Asia/Seoul",
        city="Seoul",
        country="Korea",
        venue_name="KCS Academy",
        start_date=dt.date(2099, 6, 13),
        end_date=dt.date(2099, 6, 16),
    )

    page = client.get(workshop.get_absolute_url()).content.decode()

    assert "<p>Three days on rules of origin.</p>" in page
    assert "13 June 2099 – 16 June 2099" in page
    assert "KCS Academy, Seoul, Korea" in page
    assert "Asia/Seoul (KST, UTC+09:00)" in page
    assert f"/workshops/{workshop.slug}/calendar.ics" in page
    assert "The agenda has not been published yet." in page
    assert "No facilitators have been announced yet." in page
    assert "No funders have been announced yet." in page


def test_agenda_is_grouped_by_day_with_times_rooms_and_facilitators_in_the_venue_zone(client):
    workshop = OpenWorkshopFactory(
        time_zone="Asia/Seoul", start_date=dt.date(2099, 6, 13), end_date=dt.date(2099, 6, 14)
    )
    kcs = FacilitationFactory(
        workshop=workshop,
        organisation__name="Korea Customs Service",
        organisation__short_name="KCS",
        person=UserFactory(name="Kim Min-jun"),
    )
    wco = FacilitationFactory(workshop=workshop, organisation__name="World Customs Organization")
    seoul = workshop.zone
    opening = SessionFactory(
        workshop=workshop,
        title="Opening and welcome",
        starts_at=dt.datetime(2099, 6, 13, 9, 0, tzinfo=seoul),
        ends_at=dt.datetime(2099, 6, 13, 9, 30, tzinfo=seoul),
        room="Auditorium",
    )
    opening.facilitators.set([kcs])
    second = SessionFactory(
        workshop=workshop,
        title="Advance rulings",
        starts_at=dt.datetime(2099, 6, 14, 14, 0, tzinfo=seoul),
        ends_at=dt.datetime(2099, 6, 14, 15, 30, tzinfo=seoul),
        room="Room 2",
    )
    second.facilitators.set([wco])

    page = client.get(workshop.get_absolute_url()).content.decode()

    saturday = page.index("Saturday 13 June 2099")
    sunday = page.index("Sunday 14 June 2099")
    assert saturday < page.index("Opening and welcome") < sunday < page.index("Advance rulings")
    assert "09:00–09:30" in page
    assert "14:00–15:30" in page
    assert "Auditorium" in page
    assert "Kim Min-jun (KCS)" in page
    assert "Times are in the venue's time zone: Asia/Seoul (KST, UTC+09:00)." in page
    assert "Lead facilitator" not in page
    assert "Facilitator</td>" in page


def test_funders_show_cover_and_seats_but_amounts_only_to_the_secretariat(client):
    workshop = OpenWorkshopFactory()
    FundingFactory(
        workshop=workshop,
        funder__name="Korea Customs Service",
        amount=Decimal("120000.00"),
        currency="USD",
        covers=["airfare", "accommodation"],
        funded_seats=24,
    )
    FundingFactory(
        workshop=workshop, funder__name="World Bank", amount=Decimal("30000.00"), currency="USD"
    )
    FundingFactory(
        workshop=workshop, funder__name="New Zealand", amount=Decimal("5000.00"), currency="NZD"
    )

    public = client.get(workshop.get_absolute_url()).content.decode()
    client.force_login(SecretariatFactory())
    staff = client.get(workshop.get_absolute_url()).content.decode()

    assert "Korea Customs Service" in public
    assert "Airfare, Accommodation" in public
    assert ">24</td>" in public
    assert "120000" not in public
    assert "Total in" not in public
    assert "120,000.00 USD" in staff
    assert "Total in USD" in staff
    assert "150,000.00 USD" in staff
    assert "5,000.00 NZD" in staff


def test_facilitators_are_listed_with_organisation_person_and_role(client):
    workshop = OpenWorkshopFactory()
    FacilitationFactory(
        workshop=workshop,
        organisation__name="New Zealand Customs Service",
        person=UserFactory(name="Aroha Ngata", title="Ms"),
        role="lead",
    )
    FacilitationFactory(workshop=workshop, organisation__name="World Bank", role="resource")

    page = client.get(workshop.get_absolute_url()).content.decode()

    assert "New Zealand Customs Service" in page
    assert "Ms Aroha Ngata" in page
    assert "Lead facilitator" in page
    assert "Resource person" in page


def test_cancelled_workshop_page_says_so(client):
    workshop = OpenWorkshopFactory(
        status=Workshop.Status.CANCELLED, cancellation_reason="The venue is unavailable."
    )

    page = client.get(workshop.get_absolute_url()).content.decode()

    assert "This workshop has been cancelled." in page
    assert "The venue is unavailable." in page


# --- Registration deadline across the date line ---------------------------------------------------


def _deadline_workshop() -> Workshop:
    return OpenWorkshopFactory(
        time_zone="Pacific/Fiji",
        start_date=dt.date(2099, 3, 2),
        end_date=dt.date(2099, 3, 5),
        # 05:00 UTC: 17:00 in Fiji, 18:00 in Apia on the 15th, 18:00 in Pago Pago on the 14th.
        registration_deadline=dt.datetime(2099, 2, 15, 5, 0, tzinfo=dt.UTC),
    )


def _deadline_text(page: str) -> str:
    start = page.index('class="registration-deadline"')
    return page[start : page.index("</dd>", start)]


def test_deadline_is_shown_in_the_venue_zone_with_the_zone_named(client):
    workshop = _deadline_workshop()

    deadline = _deadline_text(client.get(workshop.get_absolute_url()).content.decode())

    assert "Sunday 15 February 2099, 17:00" in deadline
    assert "(Pacific/Fiji)" in deadline
    assert "your time" not in deadline


def test_viewers_in_apia_and_pago_pago_see_the_same_deadline_on_different_dates(client):
    workshop = _deadline_workshop()
    apia = UserFactory(time_zone="Pacific/Apia")
    pago_pago = UserFactory(time_zone="Pacific/Pago_Pago")

    client.force_login(apia)
    in_apia = _deadline_text(client.get(workshop.get_absolute_url()).content.decode())
    client.force_login(pago_pago)
    in_pago_pago = _deadline_text(client.get(workshop.get_absolute_url()).content.decode())

    assert "Sunday 15 February 2099, 17:00" in in_apia
    assert "Sunday 15 February 2099, 18:00" in in_apia
    assert "(Pacific/Apia)" in in_apia
    assert "Sunday 15 February 2099, 17:00" in in_pago_pago
    assert "Saturday 14 February 2099, 18:00" in in_pago_pago
    assert "(Pacific/Pago_Pago)" in in_pago_pago


# --- Documents on the page ------------------------------------------------------------------------


def test_documents_listed_per_role(client):
    workshop = OpenWorkshopFactory()
    DocumentFactory(workshop=workshop, title="Concept note", visibility=Document.Visibility.PUBLIC)
    DocumentFactory(
        workshop=workshop, title="Participant handbook", visibility=Document.Visibility.PARTICIPANTS
    )
    DocumentFactory(
        workshop=workshop, title="Budget sheet", visibility=Document.Visibility.SECRETARIAT
    )
    approved = RegistrationFactory(workshop=workshop, status=Registration.Status.APPROVED).person

    anonymous = client.get(workshop.get_absolute_url()).content.decode()
    client.force_login(approved)
    participant = client.get(workshop.get_absolute_url()).content.decode()
    client.force_login(SecretariatFactory())
    staff = client.get(workshop.get_absolute_url()).content.decode()

    assert "Concept note" in anonymous
    assert "Participant handbook" not in anonymous
    assert "Budget sheet" not in anonymous
    assert "Participant handbook" in participant
    assert "Budget sheet" not in participant
    assert "Budget sheet" in staff
    assert "Upload a document" in staff
    assert "Upload a document" not in participant


def test_facilitator_from_another_organisation_sees_participant_documents(client):
    workshop = OpenWorkshopFactory()
    DocumentFactory(workshop=workshop, title="Trainer notes", visibility="participants")
    trainer = UserFactory(organisation=OrganisationFactory(name="WCO"))
    FacilitationFactory(workshop=workshop, organisation=trainer.organisation, person=trainer)
    client.force_login(trainer)

    assert "Trainer notes" in client.get(workshop.get_absolute_url()).content.decode()
