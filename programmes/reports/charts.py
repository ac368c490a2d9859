"""Charts drawn on the server as SVG with pygal, shown as `<img src="data:image/svg+xml…">`:
the same image on the page (no JavaScript; the CSP allows data: images, and the chart's own
<style> applies inside the image only) and in the PDF (WeasyPrint draws SVG images)."""

import base64
import re

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

from programmes.reports.figures import seniority_label, sex_label

STYLE = Style(
    font_family="DejaVu Sans, Helvetica, Arial, sans-serif",
    background="white",
    plot_background="white",
    foreground="#222",
    foreground_strong="#111",
    foreground_subtle="#666",
    colors=("#1b4f72", "#2e86c1", "#7fb3d5", "#d4ac0d"),
    title_font_size=14,
    label_font_size=11,
    value_font_size=11,
)
# pygal puts its (unused) interactive configuration in a script: an image needs none.
SCRIPT = re.compile(r"<script\b.*?</script>", re.DOTALL)


def _data_uri(chart) -> str:
    svg = SCRIPT.sub("", chart.render(is_unicode=True))
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode()).decode("ascii")


# The width the images are drawn at, and shown at (never stretched, which would blow up the text).
WIDTH, BUDGET_WIDTH = 480, 760


def _options(title: str, rows: int) -> dict:
    return {
        "title": title,
        "width": WIDTH,
        "height": max(160, 60 + 28 * rows),
        "style": STYLE,
        "js": [],
        "disable_xml_declaration": True,
        "show_legend": False,
        "print_values": True,
        "show_y_guides": False,
        "truncate_label": 40,
    }


def count_chart(title: str, counts: list[tuple[str, int]]) -> str:
    """A horizontal bar per label; an empty chart says there is nothing to draw."""
    chart = pygal.HorizontalBar(**_options(title, len(counts)), no_data_text=_("No participants"))
    chart.x_labels = [label for label, _count in counts]
    if counts:
        chart.add(_("Participants"), [count for _label, count in counts])
        # Whole people on the axis: at most about ten ticks.
        top = max(count for _label, count in counts)
        chart.y_labels = list(range(0, top + 1, max(1, -(-top // 10))))
    return _data_uri(chart)


def section_charts(section) -> dict[str, str]:
    return {
        "sex": count_chart(
            _("Participants by sex"), [(sex_label(c), n) for c, n in section.by_sex]
        ),
        "administration": count_chart(
            _("Participants by administration"), section.by_administration
        ),
        "seniority": count_chart(
            _("Participants by seniority"),
            [(seniority_label(c), n) for c, n in section.by_seniority],
        ),
    }


def _short(text: str, length: int = 32) -> str:
    return text if len(text) <= length else text[: length - 1].rstrip() + "…"


def budget_chart(budget) -> str:
    """Budget, committed, disbursed and spent per funding (labels carry the currency)."""
    options = _options("", len(budget) * 3)
    options.update(
        width=BUDGET_WIDTH,
        height=130 + 60 * len(budget),
        truncate_legend=-1,
        show_legend=True,
        legend_at_bottom=True,
        legend_at_bottom_columns=4,
        print_values=False,
        truncate_label=34,
        value_formatter=lambda value: f"{value:,.0f}",
    )
    chart = pygal.HorizontalBar(**options, no_data_text=_("No funding"))
    chart.x_labels = [f"{_short(line.workshop)} ({line.currency})" for line in budget]
    if budget:
        top = max(float(line.amount) for line in budget) or 1.0
        step = 10 ** max(0, len(str(int(top))) - 1)
        step = step * 2 if top / step > 5 else step
        chart.y_labels = [step * i for i in range(int(top // step) + 2)]
        for name, label in (
            ("amount", _("Budget")),
            ("committed", _("Committed")),
            ("disbursed", _("Disbursed")),
            ("spent", _("Spent")),
        ):
            chart.add(label, [float(getattr(line, name)) for line in budget])
    return _data_uri(chart)
