"""The "My workshops" card of the dashboard: the person's registrations, read by a selector."""

from django import template

from workshops import selectors

register = template.Library()


@register.inclusion_tag("workshops/registration_my_list.html", takes_context=True)
def my_workshops(context):
    user = context["request"].user
    return {"registrations": list(selectors.my_registrations(user=user))}
