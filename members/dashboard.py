"""The members app's dashboard cards: the Secretariat's card (its own lines: people and
member administrations) and the focal point's card with their administrations. See
core.dashboard for how the portal asks."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.dashboard import Card, Link, Part
from members.selectors import request_roles


def cards(request) -> list[Card]:
    roles = request_roles(request)
    found = []
    if roles.secretariat:
        links = (
            Link(_("People and roles"), reverse("members:people"), 20),
            Link(_("Member administrations"), reverse("members:directory"), 50),
        )
        found.append(Card(key="secretariat", title=_("Secretariat"), order=10, links=links))
    if roles.focal_point_of:
        organisations = {"organisations": roles.focal_point_of}
        intro = Part("members/_dashboard_focal_point.html", 10, organisations)
        found.append(Card(key="focal", title=_("Focal point"), order=20, parts=(intro,)))
    return found
