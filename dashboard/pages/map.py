"""Map page `/map`: the countries the programmes reach, their events, a table, a country's details.

All countries reached, or those of the filter panel's selection; events as points, small states as
markers; a table of the same countries for keyboard and screen reader users."""

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.figures.sdg import empty_figure
from dashboard.i18n import t
from dashboard.components.chart_frame import chart_actions
from dashboard.maps import map_graph_config

dash.register_page(__name__, path="/map", name="Map", order=2)

GRAPH = ids.page_id("map", "graph")
DETAIL = ids.page_id("map", "detail")
TABLE = ids.page_id("map", "countries")
UNMAPPED = ids.page_id("map", "unmapped")


def layout(lang: str = "en", **_query):
    lang = lang if lang in ("en", "zh", "fr", "es") else "en"
    return html.Div([
        html.H1(t("Map", lang)),
        html.P(t("Countries the programmes reach: the countries of their project boxes, of their actual figures "
                 "and of the events they held (hosts and participants). Points mark events; hover for figures and "
                 "sources, click a country or a point for its details.", lang), className="page-intro"),
        html.Section([
            dcc.Loading(dcc.Graph(id=GRAPH, figure=empty_figure("", lang=lang, message="", height=620),
                                  config=map_graph_config("countries-reached"), className="map-graph",
                                  style={"height": "600px"}),
                        type="graph"),
            chart_actions(GRAPH, lang),
        ], className="chart-card map-card", **{"aria-label": t("Map of countries reached", lang)}),
        html.Div(html.P(t("Click a country or an event on the map, or a country in the table below, for its "
                          "programmes, events and figures.", lang), className="map-hint"),
                 id=DETAIL, className="map-detail", role="region",
                 **{"aria-live": "polite", "aria-label": t("Country details", lang)}),
        dcc.Loading(html.Div(id=TABLE, className="map-countries"), type="default"),
        html.Div(id=UNMAPPED, className="map-unmapped"),
    ], className="page page-map")
