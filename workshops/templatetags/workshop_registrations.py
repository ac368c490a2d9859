"""The "My workshops" card of the dashboard: the person's registrations and the workshops
whose lists they may see as facilitator or focal point, all read by selectors."""

from django import template

from workshops import selectors

register = template.Library()


@register.inclusion_tag("workshops/registration_my_list.html", takes_context=True)
def my_workshops(context):
    user = context["request"].user
    return {
        "registrations": list(selectors.my_registrations(user=user)),
        **selectors.my_role_workshops(user=user),
    }
