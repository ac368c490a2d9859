"""Indicators: typed and computed ("officers trained" from attendance, by sex and by
administration), their periods, and the Secretariat's pages to keep them."""

import datetime as dt
from decimal import Decimal
from io import StringIO

import pytest
from django.core.exceptions import PermissionDenied
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.errors import ServiceError
from programmes import selectors, services
from programmes.models import Activity, Indicator, IndicatorPeriod
from tests.factories import OrganisationFactory, UserFactory
from tests.workshops.factories import RegistrationFactory, WorkshopFactory
from workshops.models import Attendance, Registration, Workshop

pytestmark = pytest.mark.django_db

APPROVED = Registration.Status.APPROVED
YEAR_2017 = {"start": dt.date(2017, 1, 1), "end": dt.date(2017, 12, 31)}


@pytest.fixture
def activity(db):
    call_command("load_reference_data", stdout=StringIO())
    return Activity.objects.order_by("id").first()


def _workshop(activity, start: dt.date, days: int = 4) -> Workshop:
    workshop = WorkshopFactory(
        start_date=start,
        end_date=start + dt.timedelta(days=days - 1),
        status=Workshop.Status.COMPLETED,
        attendance_share_required=75,
    )
    activity.workshops.add(workshop)
    return workshop


def _participant(workshop, administration, gender, days_present, status=APPROVED, person=None):
    person = person or UserFactory(organisation=administration, gender=gender)
    registration = RegistrationFactory(
        workshop=workshop, person=person, organisation=administration, status=status
    )
    for offset in range(days_present):
        Attendance.objects.create(
            registration=registration, day=workshop.start_date + dt.timedelta(days=offset)
        )
    return person


def _computed(activity, secretariat, **period) -> Indicator:
    indicator = services.indicator_save(
        actor=secretariat,
        activity=activity,
        data={"title": "Officers trained", "unit": "officers", "source": "officers_trained"},
    )
    services.indicator_period_save(
        actor=secretariat, indicator=indicator, data={**YEAR_2017, "target": Decimal(10), **period}
    )
    return indicator


def test_officers_trained_counts_attendance_by_sex_and_administration(activity, secretariat):
    fiji, samoa = OrganisationFactory(name="Fiji (test)"), OrganisationFactory(name="Samoa (test)")
    workshop = _workshop(activity, dt.date(2017, 6, 26))
    _participant(workshop, fiji, "female", 4)
    _participant(workshop, fiji, "male", 3)  # 3 of 4 days: exactly 75%
    _participant(workshop, samoa, "female", 4)
    _participant(workshop, samoa, "undisclosed", 4)
    _participant(workshop, samoa, "male", 2)  # below the share: not trained
    _participant(workshop, samoa, "male", 4, status=Registration.Status.CANCELLED)
    _participant(workshop, fiji, "female", 0)  # approved but never came
    _computed(activity, secretariat)

    [indicator] = selectors.activity_indicators(user=secretariat, activity=activity)
    [period] = indicator.periods.all()
    assert period.value == 4
    assert period.percent == 40
    by_sex = {str(label): count for label, count in period.trained.by_sex}
    assert by_sex == {"Women": 2, "Men": 1, "Not stated": 1}
    assert period.trained.by_administration == [("Fiji (test)", 2), ("Samoa (test)", 2)]


def test_a_person_trained_twice_in_a_period_counts_once_and_periods_split_by_start_date(
    activity, secretariat
):
    fiji = OrganisationFactory(name="Fiji (test)")
    first = _workshop(activity, dt.date(2017, 3, 1))
    second = _workshop(activity, dt.date(2017, 9, 1))
    later = _workshop(activity, dt.date(2018, 2, 1))
    elsewhere = WorkshopFactory(start_date=dt.date(2017, 5, 1), end_date=dt.date(2017, 5, 2))
    person = _participant(first, fiji, "female", 4)
    _participant(second, fiji, "female", 4, person=person)
    _participant(later, fiji, "male", 4)
    _participant(elsewhere, fiji, "male", 2)  # not linked to the activity
    indicator = _computed(activity, secretariat)
    services.indicator_period_save(
        actor=secretariat,
        indicator=indicator,
        data={"start": dt.date(2018, 1, 1), "end": dt.date(2018, 12, 31), "target": Decimal(5)},
    )
    [indicator] = selectors.activity_indicators(user=secretariat, activity=activity)
    assert [period.value for period in indicator.periods.all()] == [1, 1]


def test_the_activity_page_runs_the_same_queries_however_many_participants(
    client, activity, secretariat
):
    administrations = [OrganisationFactory() for _i in range(3)]
    workshop = _workshop(activity, dt.date(2017, 6, 26))
    _participant(workshop, administrations[0], "female", 4)
    _computed(activity, secretariat)
    client.force_login(secretariat)
    url = activity.get_absolute_url()
    with CaptureQueriesContext(connection) as few:
        client.get(url)
    for index in range(20):
        _participant(workshop, administrations[index % 3], "male", 4)
    with CaptureQueriesContext(connection) as many:
        page = client.get(url).content.decode()
    assert "21" in page
    assert len(many) == len(few)


def test_typed_indicator_values_and_the_activity_page(client, activity, secretariat, delegate):
    indicator = services.indicator_save(
        actor=secretariat,
        activity=activity,
        data={
            "title": "Administrations with a national action plan",
            "unit": "administrations",
            "baseline": Decimal(0),
            "baseline_year": 2016,
        },
    )
    services.indicator_period_save(
        actor=secretariat,
        indicator=indicator,
        data={
            **YEAR_2017,
            "target": Decimal(8),
            "actual": Decimal(6),
            "comment": "<b>4</b> adopted",
        },
    )
    client.force_login(delegate)
    page = client.get(activity.get_absolute_url()).content.decode()
    assert "Administrations with a national action plan" in page
    assert "Baseline 0 (2016)" in page
    assert "75%" in page
    assert "&lt;b&gt;4&lt;/b&gt; adopted" in page
    assert "/plans/indicators/" not in page  # no editing links for a delegate


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"start": dt.date(2017, 6, 1), "end": dt.date(2017, 5, 1)}, "cannot end before it starts"),
        ({"start": dt.date(2017, 7, 1), "end": dt.date(2018, 6, 30)}, "overlaps another period"),
        ({**YEAR_2017, "target": Decimal(-1)}, "cannot be negative"),
        ({**YEAR_2017, "actual": Decimal(3)}, "cannot be typed in"),
        ({"start": None, "end": dt.date(2017, 5, 1)}, "first and last day"),
    ],
)
def test_bad_periods_are_refused_and_nothing_saved(activity, secretariat, data, message):
    indicator = _computed(activity, secretariat)
    if data.get("start") == YEAR_2017["start"] and "actual" not in data:
        IndicatorPeriod.objects.all().delete()
    before = list(IndicatorPeriod.objects.values_list("start", "end", "target", "actual"))
    with pytest.raises(ServiceError, match=message):
        services.indicator_period_save(actor=secretariat, indicator=indicator, data=data)
    assert list(IndicatorPeriod.objects.values_list("start", "end", "target", "actual")) == before


def test_indicator_names_are_unique_per_activity_and_only_the_secretariat_writes(
    activity, secretariat, delegate
):
    _computed(activity, secretariat)
    with pytest.raises(ServiceError, match="already has an indicator"):
        services.indicator_save(
            actor=secretariat, activity=activity, data={"title": "officers TRAINED"}
        )
    with pytest.raises(PermissionDenied):
        services.indicator_save(actor=delegate, activity=activity, data={"title": "Other"})
    assert Indicator.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"baseline": Decimal(-5)}, "baseline cannot be negative"),
        ({"baseline_year": 99999}, "between 1990 and 2100"),
    ],
)
def test_a_bad_baseline_is_refused(activity, secretariat, data, message):
    with pytest.raises(ServiceError, match=message):
        services.indicator_save(
            actor=secretariat, activity=activity, data={"title": "Officers trained", **data}
        )
    assert not Indicator.objects.exists()


def test_switching_to_a_computed_source_clears_typed_actuals(activity, secretariat):
    indicator = services.indicator_save(
        actor=secretariat, activity=activity, data={"title": "Officers trained"}
    )
    services.indicator_period_save(
        actor=secretariat, indicator=indicator, data={**YEAR_2017, "actual": Decimal(7)}
    )
    services.indicator_save(
        actor=secretariat,
        activity=activity,
        indicator=indicator,
        data={"title": "Officers trained", "source": "officers_trained"},
    )
    assert IndicatorPeriod.objects.get().actual is None


def test_the_secretariat_keeps_indicators_on_pages(secretariat_client, activity):
    response = secretariat_client.post(
        f"/plans/activities/{activity.pk}/indicators/new/",
        {"title": "Officers trained", "unit": "officers", "source": "officers_trained"},
        follow=True,
    )
    assert "was saved" in response.content.decode()
    indicator = Indicator.objects.get()
    form = secretariat_client.get(f"/plans/indicators/{indicator.pk}/periods/new/")
    assert 'name="actual"' not in form.content.decode()
    response = secretariat_client.post(
        f"/plans/indicators/{indicator.pk}/periods/new/",
        {"start": "2017-01-01", "end": "2016-12-31", "target": "10"},
    )
    assert "cannot end before it starts" in response.content.decode()
    assert not IndicatorPeriod.objects.exists()
    secretariat_client.post(
        f"/plans/indicators/{indicator.pk}/periods/new/",
        {"start": "2017-01-01", "end": "2017-12-31", "target": "10"},
    )
    period = IndicatorPeriod.objects.get()
    assert period.target == 10
    page = secretariat_client.get(f"/plans/periods/{period.pk}/delete/").content.decode()
    assert "Delete the period 1 January 2017 – 31 December 2017" in page
    secretariat_client.post(f"/plans/periods/{period.pk}/delete/")
    assert not IndicatorPeriod.objects.exists()
    secretariat_client.post(f"/plans/indicators/{indicator.pk}/delete/")
    assert not Indicator.objects.exists()


@pytest.mark.parametrize(
    "path",
    [
        "activities/{activity}/indicators/new/",
        "indicators/{indicator}/edit/",
        "indicators/{indicator}/delete/",
        "indicators/{indicator}/periods/new/",
        "periods/{period}/edit/",
        "periods/{period}/delete/",
    ],
)
def test_other_people_cannot_change_indicators(client, activity, secretariat, delegate, path):
    indicator = _computed(activity, secretariat)
    period = indicator.periods.get()
    client.force_login(delegate)
    url = "/plans/" + path.format(activity=activity.pk, indicator=indicator.pk, period=period.pk)
    assert client.get(url).status_code == 404
    assert client.post(url, {"title": "Hijacked", **YEAR_2017}).status_code == 404
    assert Indicator.objects.get().title == "Officers trained"
    assert IndicatorPeriod.objects.count() == 1


def test_seed_demo_adds_the_tfa_indicators_once(activity):
    call_command("seed_demo", stdout=StringIO())
    call_command("seed_demo", stdout=StringIO())
    tfa = Activity.objects.get(title__startswith="Regional support for implementation of the WTO")
    indicators = list(tfa.indicators.order_by("position"))
    assert [indicator.source for indicator in indicators] == ["officers_trained", "typed"]
    assert IndicatorPeriod.objects.filter(indicator__activity=tfa).count() == 2


def test_a_field_the_service_does_not_change_is_refused(activity, secretariat):
    with pytest.raises(ServiceError, match="cannot be changed here: activity"):
        services.indicator_save(
            actor=secretariat, activity=activity, data={"title": "Officers", "activity": 1}
        )
    assert not Indicator.objects.exists()
