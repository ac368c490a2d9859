"""The workshops app's dashboard cards: "My workshops" for everyone signed in (their
registrations and the workshops whose lists they may see), the focal point's open
invitations, and the Secretariat's lines for workshops and experts. See core.dashboard."""

from django.urls import reverse
from django.utils.translation import gettext as _

from core.dashboard import Card, Link, Part
from members.selectors import request_roles
from workshops import selectors
from workshops.services.invitations import invitation_path


def cards(request) -> list[Card]:
    user = request.user
    if not user.is_authenticated:
        return []
    roles = request_roles(request)
    mine = {
        "registrations": list(selectors.my_registrations(user=user)),
        **selectors.my_role_workshops(user=user),
    }
    my_workshops = Part("workshops/_dashboard_my_workshops.html", 10, mine)
    found = [Card(key="delegate", title=_("My workshops"), order=40, parts=(my_workshops,))]
    if roles.focal_point_of:
        found.append(Card(key="focal", parts=(_open_invitations(user),)))
    if roles.secretariat:
        links = (
            Link(_("Manage workshops"), reverse("workshops:manage-list"), 10),
            Link(_("Customs Expert database"), reverse("workshops:expert-list"), 40),
        )
        found.append(Card(key="secretariat", links=links))
    return found


def _open_invitations(user) -> Part:
    """Invitations of the person's administrations still taking nominations, each with the link
    to its nomination page (so nobody needs the e-mail)."""
    invitations = selectors.focal_point_open_invitations(user=user)
    pairs = [(invitation, invitation_path(invitation)) for invitation in invitations]
    return Part("workshops/_focal_invitations.html", 20, {"invitations": pairs})


def profile_links(request) -> list[Link]:
    """The person's own entry in the Customs Expert database, from their profile page."""
    if not request.user.is_authenticated:
        return []
    label = _("My expertise (for the Customs Expert database)")
    return [Link(label, reverse("workshops:expert-edit"), 10)]
