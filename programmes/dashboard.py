"""The programmes app's dashboard cards: the donor's card with the organisations they
represent, the focal point's link to their national action plans, and the Secretariat's lines
for donor reports and overdue actions; the "Action plans" button on a workshop's pages. See
core.dashboard."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.dashboard import Card, Link, Part
from members.selectors import request_roles


def cards(request) -> list[Card]:
    roles = request_roles(request)
    found = []
    if roles.donor_contact_of:
        donors = Part("programmes/_dashboard_donor.html", 10, {"donors": roles.donor_contact_of})
        found.append(Card(key="donor", title=_("Donor"), order=30, parts=(donors,)))
    if roles.focal_point_of:
        found.append(Card(key="focal", parts=(Part("programmes/_dashboard_focal_point.html", 30),)))
    if roles.secretariat:
        links = (
            Link(_("Donor reports"), reverse("programmes:donor-list"), 60),
            Link(_("Overdue action-plan items"), reverse("programmes:actionplan-overdue"), 70),
        )
        found.append(Card(key="secretariat", links=links))
    return found


def page_links(request, place: str, obj) -> list[Link]:
    """ "Action plans" on a workshop's page (signed-in people) and on its management page."""
    if place in ("workshop", "workshop-manage") and request.user.is_authenticated:
        return [Link(_("Action plans"), reverse("programmes:actionplan-list", args=[obj.pk]))]
    return []
