"""Dates in French name the month in full ("13 juin 2017", not the ambiguous "13 Jui 2017")."""

import datetime as dt

import pytest
from django.template import Context, Template
from django.utils import translation

from tests.workshops.factories import WorkshopFactory

pytestmark = pytest.mark.django_db

FIJI = dt.timezone(dt.timedelta(hours=12))


def _instant(language: str) -> str:
    template = Template("{% load workshop_time %}{% instant moment 'Pacific/Fiji' plain=True %}")
    moment = dt.datetime(2017, 5, 19, 9, 0, tzinfo=FIJI)
    with translation.override(language):
        return template.render(Context({"moment": moment}))


def test_an_instant_in_french_has_the_full_day_and_month_in_lower_case():
    assert _instant("fr").startswith("vendredi 19 mai 2017, 09:00")


def test_an_instant_in_english_stays_readable():
    assert _instant("en").startswith("Friday 19 May 2017, 09:00")


def test_the_secretariat_workshop_list_in_french_names_the_month(secretariat_client):
    WorkshopFactory(start_date=dt.date(2030, 6, 13), end_date=dt.date(2030, 7, 2))
    secretariat_client.cookies["django_language"] = "fr"
    try:
        page = secretariat_client.get("/manage/workshops/").content.decode()
    finally:
        translation.activate("en")
    assert "13 juin 2030 – 2 juillet 2030" in page
    assert "Jui " not in page
