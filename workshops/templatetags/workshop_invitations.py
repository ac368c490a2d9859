"""The focal point's dashboard card: their administrations' invitations still taking
nominations, each with the link to its nomination page (so nobody needs the e-mail)."""

from django import template

from workshops import selectors
from workshops.services.invitations import invitation_path

register = template.Library()


@register.inclusion_tag("workshops/_focal_invitations.html", takes_context=True)
def focal_open_invitations(context):
    user = context["request"].user
    invitations = selectors.focal_point_open_invitations(user=user)
    return {
        "invitations": [(invitation, invitation_path(invitation)) for invitation in invitations]
    }
