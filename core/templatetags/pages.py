"""`{% page_links "workshop" workshop as links %}`: the buttons apps add to another app's page
(see core.dashboard)."""

from django import template

from core.dashboard import Link, gathered_links

register = template.Library()


@register.simple_tag(takes_context=True)
def page_links(context, place: str, obj=None) -> list[Link]:
    return gathered_links("page_links", context["request"], place, obj)
