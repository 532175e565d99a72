"""A chart's frame: the graph as a labelled figure with its "Download SVG" button.

One button per chart on every page (the modebar's camera gives the PNG); callbacks/svg_export.py
runs them."""

from __future__ import annotations

from dash import html

from dashboard import ids
from dashboard.i18n import t


def svg_button(graph_id: str, lang: str = "en") -> html.Button:
    """The "Download SVG" button of the chart `graph_id` (callbacks/svg_export.py runs it)."""
    return html.Button(t("Download SVG", lang), id={"type": ids.SVG_EXPORT, "graph": graph_id}, n_clicks=0,
                       type="button", className="button-secondary svg-export",
                       title=t("Download this chart as SVG (vector, for print)", lang))


def chart_actions(graph_id: str, lang: str = "en") -> html.Div:
    """The row of actions under a chart."""
    return html.Div(svg_button(graph_id, lang), className="chart-actions")


def chart_figure(graph, *, label: str, actions: html.Div | None = None) -> html.Div:
    """A graph (or its loading wrapper) as a labelled figure, with its actions under it."""
    return html.Div(graph if actions is None else [graph, actions], className="chart", role="figure",
                    **{"aria-label": label})
