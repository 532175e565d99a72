"""The programme page's indicator blocks: status, targets-against-actuals chart, quotes.

Per indicator: its progress status, the chart of every kind of figure by year, the figures without
a year and their source quotes."""

from __future__ import annotations

from typing import TYPE_CHECKING, Sequence

from dash import dcc, html

from dashboard import ids
from dashboard.components.chart_frame import chart_actions, chart_figure
from dashboard.components.chart_notes import undated_list
from dashboard.components.source_panel import source_panel
from dashboard.components.status_badge import status_badge
from dashboard.figures.common import chart_subtitle, chart_title, graph_config, kind_label
from dashboard.figures.progress import build_progress_figure
from dashboard.i18n import t

if TYPE_CHECKING:
    from dashboard.views.programme import IndicatorChart


def indicator_block(chart: IndicatorChart, lang: str = "en") -> html.Section:
    """One indicator: heading, status badge, chart with its SVG button, undated figures, quotes."""
    indicator, unit = chart.indicator, chart.indicator.get("unit")
    figure = build_progress_figure(
        chart.frame, lang=lang, title=chart_title(indicator["name"], unit, None, lang),
        subtitle=chart_subtitle(chart.period, *(kind_label(k, lang) for k in chart.kinds)), unit=unit,
        source=chart.source, progress=chart.progress)
    graph_id = ids.page_id("programme", f"chart-{indicator['code']}")
    undated = chart.frame[chart.frame["year"].isna()]
    undated_items = [(kind_label(r["kind"], lang), r["value"], r["qualifier"]) for r in undated.to_dict("records")]
    children = [
        html.H3(indicator["name"], id=f"indicator-{indicator['code']}"),
        status_badge(chart.progress, lang, unit=unit),
        chart_figure(dcc.Graph(id=graph_id, figure=figure, config=graph_config(chart.filename)),
                     label=indicator["name"], actions=chart_actions(graph_id, lang)),
    ]
    if undated_items:
        children.append(html.Div(undated_list(undated_items, unit, lang, heading_level=4, intro=False),
                                 className="undated-list"))
    children.append(source_panel(chart.quotes, lang))
    return html.Section(children, className="indicator-block", **{"data-indicator": indicator["code"]})


def indicators_section(blocks: Sequence[html.Section], lang: str = "en") -> html.Section:
    """The indicators under their heading and intro ("no figure" where there is none)."""
    intro = html.P(t("Every figure the sources state for this programme, all years. Targets, baselines and "
                     "potential figures are drawn beside the actual results, never added to them.", lang),
                   className="section-intro")
    if not blocks:
        blocks = [html.P(t("No figure reported for this programme.", lang), className="muted")]
    return html.Section([html.H2(t("Indicators", lang)), intro, *blocks], className="programme-section")
