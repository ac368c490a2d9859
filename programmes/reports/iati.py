"""A donor report as an IATI activity file (standard 2.03): one iati-activity per workshop.

Elements follow the order of the 2.03 activity schema. Not checked against the official XSD
(it cannot be downloaded here); the tests check well-formedness and the required elements.
Transactions carry the workshop's dates: the portal records the amounts, not when they moved.
Results count the officers trained: approved participants who attended at least the
workshop's required share of its days, by sex.
"""

import datetime as dt
import xml.etree.ElementTree as ET

from django.utils import timezone

from programmes.reports.figures import DonorReport, WorkshopSection
from workshops.models import Workshop

VERSION = "2.03"
# No IATI organisation identifier is registered for the OCO; "XI-OCO" stands in for it.
REPORTING_ORG_REF = "XI-OCO"
REPORTING_ORG_NAME = "Oceania Customs Organisation"
REGIONAL_ORG_TYPE = "40"  # Multilateral (OrganisationType codelist)
SECTOR_TRADE_FACILITATION = "33120"
REGION_OCEANIA = "889"
ROLE_FUNDING, ROLE_ACCOUNTABLE, ROLE_EXTENDING, ROLE_IMPLEMENTING = "1", "2", "3", "4"
COMMITMENT, DISBURSEMENT, EXPENDITURE = "2", "3", "4"
STATUS = {
    Workshop.Status.DRAFT: "1",  # pipeline/identification
    Workshop.Status.OPEN: "2",  # implementation
    Workshop.Status.CLOSED: "2",
    Workshop.Status.COMPLETED: "3",  # finalisation
    Workshop.Status.CANCELLED: "5",
}


def _narrative(parent: ET.Element, tag: str, text: str, **attributes) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    ET.SubElement(element, "narrative").text = text
    return element


def _org(parent: ET.Element, tag: str, name: str, ref: str = "", **attributes) -> None:
    if ref:
        attributes["ref"] = ref
    _narrative(parent, tag, name, **attributes)


def _date(value: dt.date | None) -> str:
    return (value or timezone.localdate()).isoformat()


def _identifier(report: DonorReport, section: WorkshopSection) -> str:
    return f"{REPORTING_ORG_REF}-{section.workshop.slug}"


def _participating(activity: ET.Element, report: DonorReport, section: WorkshopSection) -> None:
    donor = report.donor
    _org(activity, "participating-org", donor.name, role=ROLE_FUNDING)
    _org(
        activity, "participating-org", REPORTING_ORG_NAME, REPORTING_ORG_REF, role=ROLE_ACCOUNTABLE
    )
    _org(activity, "participating-org", REPORTING_ORG_NAME, REPORTING_ORG_REF, role=ROLE_EXTENDING)
    implementers = {REPORTING_ORG_NAME}
    for name in [section.workshop.host.name if section.workshop.host_id else ""] + [
        f.organisation for f in section.facilitators
    ]:
        if name and name not in implementers and not name.startswith(REPORTING_ORG_NAME):
            implementers.add(name)
            _org(activity, "participating-org", name, role=ROLE_IMPLEMENTING)
    _org(
        activity, "participating-org", REPORTING_ORG_NAME, REPORTING_ORG_REF, role=ROLE_IMPLEMENTING
    )


def _value(parent: ET.Element, amount, currency: str, when: dt.date | None) -> None:
    element = ET.SubElement(parent, "value", currency=currency, **{"value-date": _date(when)})
    element.text = f"{amount:.2f}"


def _budget_and_transactions(activity, report, section) -> None:
    workshop = section.workshop
    for line in section.budget:
        budget = ET.SubElement(activity, "budget", type="1", status="2")
        ET.SubElement(budget, "period-start", **{"iso-date": _date(workshop.start_date)})
        ET.SubElement(budget, "period-end", **{"iso-date": _date(workshop.end_date)})
        _value(budget, line.amount, line.currency, workshop.start_date)
    for line in section.budget:
        for code, amount, when in (
            (COMMITMENT, line.committed, workshop.start_date),
            (DISBURSEMENT, line.disbursed, workshop.start_date),
            (EXPENDITURE, line.spent, workshop.end_date),
        ):
            if not amount:
                continue
            transaction = ET.SubElement(activity, "transaction")
            ET.SubElement(transaction, "transaction-type", code=code)
            ET.SubElement(transaction, "transaction-date", **{"iso-date": _date(when)})
            _value(transaction, amount, line.currency, when)
            _org(transaction, "provider-org", report.donor.name)
            _org(transaction, "receiver-org", REPORTING_ORG_NAME, REPORTING_ORG_REF)


def _result(activity: ET.Element, section: WorkshopSection) -> None:
    workshop = section.workshop
    result = ET.SubElement(activity, "result", type="1", **{"aggregation-status": "1"})
    _narrative(result, "title", "Customs officers trained")
    indicator = ET.SubElement(result, "indicator", measure="1", ascending="1")
    _narrative(indicator, "title", "Participants who attended, by sex")
    period = ET.SubElement(indicator, "period")
    ET.SubElement(period, "period-start", **{"iso-date": _date(workshop.start_date)})
    ET.SubElement(period, "period-end", **{"iso-date": _date(workshop.end_date)})
    for code, count in section.attended_by_sex:
        actual = ET.SubElement(period, "actual", value=str(count))
        ET.SubElement(actual, "dimension", name="sex", value=code)


def _activity(root: ET.Element, report: DonorReport, section: WorkshopSection) -> None:
    workshop = section.workshop
    currency = section.budget[0].currency if section.budget else "USD"
    activity = ET.SubElement(
        root,
        "iati-activity",
        {
            "last-updated-datetime": workshop.updated_at.replace(microsecond=0).isoformat(),
            "{http://www.w3.org/XML/1998/namespace}lang": "en",
            "default-currency": currency,
            "hierarchy": "1",
        },
    )
    ET.SubElement(activity, "iati-identifier").text = _identifier(report, section)
    _org(activity, "reporting-org", REPORTING_ORG_NAME, REPORTING_ORG_REF, type=REGIONAL_ORG_TYPE)
    _narrative(activity, "title", workshop.title)
    _narrative(activity, "description", workshop.description or workshop.title, type="1")
    _participating(activity, report, section)
    ET.SubElement(activity, "activity-status", code=STATUS.get(workshop.status, "2"))
    done = workshop.status == Workshop.Status.COMPLETED
    if workshop.start_date:
        ET.SubElement(
            activity,
            "activity-date",
            type="2" if done else "1",
            **{"iso-date": _date(workshop.start_date)},
        )
    if workshop.end_date:
        ET.SubElement(
            activity,
            "activity-date",
            type="4" if done else "3",
            **{"iso-date": _date(workshop.end_date)},
        )
    ET.SubElement(
        activity, "recipient-region", code=REGION_OCEANIA, vocabulary="1", percentage="100"
    )
    ET.SubElement(
        activity, "sector", code=SECTOR_TRADE_FACILITATION, vocabulary="1", percentage="100"
    )
    _budget_and_transactions(activity, report, section)
    _result(activity, section)


def iati_xml(report: DonorReport) -> bytes:
    root = ET.Element(
        "iati-activities",
        version=VERSION,
        **{"generated-datetime": report.generated_at.replace(microsecond=0).isoformat()},
    )
    for section in report.sections:
        _activity(root, report, section)
    ET.indent(root)
    return ET.tostring(root, encoding="utf-8", xml_declaration=True)
