"""The "My workshops" card of the dashboard: the person's registrations and the workshops
whose lists they may see as facilitator or focal point, all read by selectors."""

from django import template

from workshops import selectors
from workshops.models import Registration
from workshops.services.registrations import workshop_has_begun

register = template.Library()


@register.inclusion_tag("workshops/registration_my_list.html", takes_context=True)
def my_workshops(context):
    user = context["request"].user
    return {
        "registrations": list(selectors.my_registrations(user=user)),
        **selectors.my_role_workshops(user=user),
    }


@register.filter
def registration_changeable(registration: Registration) -> bool:
    """Active, and its workshop has not begun at the venue: the delegate may edit or cancel."""
    return registration.status in Registration.ACTIVE and not workshop_has_begun(
        registration.workshop
    )
