"""The participant list as CSV or XLSX, with the columns the Secretariat chooses.

Each column gives a typed value (dates, integers, booleans); core.exports writes them (real
cells in the XLSX, yes/no for booleans, formulas quoted).
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import exports
from core.exports import Table
from workshops.models import Funding, Registration, Workshop

COVERS = dict(Funding.Covers.choices)


@dataclass(frozen=True)
class Column:
    label: str
    value: Callable[[Registration], object]


COLUMNS: dict[str, Column] = {
    "id": Column(_("Number"), lambda r: r.pk),
    "name": Column(_("Name"), lambda r: r.person.name),
    "email": Column(_("E-mail"), lambda r: r.person.email),
    "organisation": Column(_("Administration"), lambda r: r.organisation.name),
    "position": Column(_("Position"), lambda r: r.position),
    "seniority": Column(_("Seniority"), lambda r: r.seniority),
    "status": Column(_("Status"), lambda r: str(r.get_status_display())),
    "place": Column(_("Waiting list place"), lambda r: getattr(r, "place", None)),
    "registered_on": Column(_("Registered on"), lambda r: timezone.localdate(r.created_at)),
    "arrival_date": Column(_("Arrival"), lambda r: r.arrival_date),
    "arrival_flight": Column(_("Arrival flight"), lambda r: r.arrival_flight),
    "departure_date": Column(_("Departure"), lambda r: r.departure_date),
    "departure_flight": Column(_("Departure flight"), lambda r: r.departure_flight),
    "visa_letter_needed": Column(_("Visa letter"), lambda r: r.visa_letter_needed),
    "nationality": Column(_("Nationality"), lambda r: r.nationality),
    "dietary_needs": Column(_("Dietary needs"), lambda r: r.dietary_needs),
    "accessibility_needs": Column(_("Accessibility needs"), lambda r: r.accessibility_needs),
    "funding_requested": Column(_("Funding requested"), lambda r: r.funding_requested),
    "funding_request_covers": Column(
        _("Funding asked for"),
        lambda r: ", ".join(str(COVERS.get(c, c)) for c in r.funding_request_covers or []),
    ),
    "funding": Column(_("Funding assigned"), lambda r: r.funding.funder.name if r.funding else ""),
}
DEFAULT_COLUMNS = ("name", "organisation", "position", "status", "arrival_date", "departure_date")


def _table(queryset: Iterable[Registration], columns: list[str]) -> Table:
    return Table(
        name="participants",
        title="Participants",
        headers=[str(COLUMNS[key].label) for key in columns],
        rows=[[COLUMNS[key].value(registration) for key in columns] for registration in queryset],
    )


def csv_response(workshop: Workshop, queryset, columns: list[str]) -> HttpResponse:
    return exports.csv_response(_table(queryset, columns), f"participants-{workshop.slug}.csv")


def xlsx_response(workshop: Workshop, queryset, columns: list[str]) -> HttpResponse:
    return exports.xlsx_response([_table(queryset, columns)], f"participants-{workshop.slug}.xlsx")
