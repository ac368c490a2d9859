"""`{% dashboard_part part %}`: a dashboard card's part, rendered like an include with the
page's context and the part's own (core.dashboard.Part)."""

from django import template

register = template.Library()


@register.simple_tag(takes_context=True)
def dashboard_part(context, part) -> str:
    rendered = context.template.engine.get_template(part.template)
    with context.push(**part.context):
        return rendered.render(context)
