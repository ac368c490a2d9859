"""The IATI activity file (2.03): well-formed, the required elements present, the figures of
the report. (Not validated against the official XSD, which cannot be downloaded here.)"""

import xml.etree.ElementTree as ET

import pytest

from tests.programmes.donor_fixtures import world_fixture  # noqa: F401

pytestmark = pytest.mark.django_db
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def _activities(client, path: str) -> ET.Element:
    response = client.get(path)
    assert response["Content-Type"] == "application/xml; charset=utf-8"
    assert response.content.startswith(b"<?xml version='1.0' encoding='utf-8'?>")
    # Our own output; parsing raises on a file that is not well-formed.
    return ET.fromstring(response.content)  # noqa: S314


@pytest.fixture
def activity(client, world) -> ET.Element:
    client.force_login(world.korea_contact)
    root = _activities(client, "/donors/kcs-test/workshops/tfa-test/iati.xml")
    assert root.tag == "iati-activities"
    assert root.get("version") == "2.03"
    assert root.get("generated-datetime")
    (activity,) = root.findall("iati-activity")
    return activity


def test_the_activity_has_the_required_elements_in_schema_order(activity):
    assert activity.get("default-currency") == "USD"
    assert activity.get(XML_LANG) == "en"
    assert activity.get("last-updated-datetime")
    tags = [child.tag for child in activity]
    order = [
        "iati-identifier",
        "reporting-org",
        "title",
        "description",
        "participating-org",
        "activity-status",
        "activity-date",
        "recipient-region",
        "sector",
        "budget",
        "transaction",
        "result",
    ]
    assert [tag for tag in order if tag in tags] == order
    assert sorted(tags, key=order.index) == tags  # no element out of its place
    assert activity.findtext("iati-identifier") == "XI-OCO-tfa-test"
    assert activity.find("reporting-org").get("ref") == "XI-OCO"
    assert activity.findtext("title/narrative") == "TFA workshop (test)"
    assert activity.find("activity-status").get("code") == "3"
    assert {d.get("type"): d.get("iso-date") for d in activity.findall("activity-date")} == {
        "2": "2017-06-13",
        "4": "2017-06-16",
    }


def test_participating_organisations_have_their_roles(activity):
    roles = {}
    for org in activity.findall("participating-org"):
        roles.setdefault(org.get("role"), []).append(org.findtext("narrative"))
    assert roles["1"] == ["Korea Customs Service (test)"]
    assert roles["2"] == ["Oceania Customs Organisation"]
    assert roles["3"] == ["Oceania Customs Organisation"]
    assert "Oceania Customs Organisation" in roles["4"]
    assert "Korea Customs Service (test)" in roles["4"]  # host and facilitator


def test_sector_region_budget_and_transactions(activity):
    sector = activity.find("sector")
    assert (sector.get("code"), sector.get("vocabulary")) == ("33120", "1")
    assert activity.find("recipient-region").get("code") == "889"
    budget = activity.find("budget")
    assert budget.find("period-start").get("iso-date") == "2017-06-13"
    assert budget.find("value").text == "150000.00"
    assert budget.find("value").get("currency") == "USD"
    transactions = {
        t.find("transaction-type").get("code"): t.find("value").text
        for t in activity.findall("transaction")
    }
    assert transactions == {"2": "150000.00", "3": "120000.00", "4": "98765.43"}
    for transaction in activity.findall("transaction"):
        assert transaction.find("transaction-date").get("iso-date")
        assert transaction.findtext("provider-org/narrative") == "Korea Customs Service (test)"


def test_results_are_broken_down_by_sex(activity):
    indicator = activity.find("result/indicator")
    assert indicator.get("measure") == "1"
    actual = {
        a.find("dimension").get("value"): int(a.get("value"))
        for a in indicator.findall("period/actual")
    }
    assert actual == {"female": 1, "male": 1}  # Cara attended 2 of 4 days: not counted
    assert {a.find("dimension").get("name") for a in indicator.findall("period/actual")} == {"sex"}


def test_a_year_without_workshops_gives_a_valid_empty_file(client, world):
    client.force_login(world.korea_contact)
    root = _activities(client, "/donors/kcs-test/2031/iati.xml")
    assert root.tag == "iati-activities"
    assert root.findall("iati-activity") == []


def test_the_funding_export_holds_one_activity_per_workshop_of_the_year(client, world):
    client.force_login(world.bank_contact)
    root = _activities(client, "/donors/wb-test/2018/iati.xml")
    assert [a.findtext("iati-identifier") for a in root] == ["XI-OCO-risk-test"]
    assert b"eru@tonga.test" not in client.get("/donors/wb-test/2018/iati.xml").content
