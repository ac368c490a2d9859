"""`{% may "workshops.change_workshop" workshop as can_edit %}`: the same rules as services."""

from django import template

from core.permissions import may as _may

register = template.Library()


@register.simple_tag(takes_context=True)
def may(context, permission: str, obj=None) -> bool:
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    return _may(user, permission, obj)
