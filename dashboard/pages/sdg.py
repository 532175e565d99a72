"""SDG explorer page `/sdg`: goals, a goal's targets, the programmes tagged and their figures.

The 17 goals, a goal's targets, the programmes tagged with the chosen goal or target (`?sdg=8` or
`?sdg=8.3`, the filter panel's own `sdg` filter) and the figures they report."""

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.components.chart_frame import chart_actions
from dashboard.figures.common import graph_config
from dashboard.figures.sdg import empty_figure
from dashboard.i18n import t

dash.register_page(__name__, path="/sdg", name="SDG explorer", order=1)

TILES = ids.page_id("sdg", "tiles")
DETAIL = ids.page_id("sdg", "detail")
GRAPH = ids.page_id("sdg", "grid")


def layout(lang: str = "en", **_query):
    lang = lang if lang in ("en", "zh", "fr", "es") else "en"
    placeholder = empty_figure("", lang=lang, message="", height=300)
    return html.Div([
        html.H1(t("SDG explorer", lang)),
        html.P(t("Programmes contribute to the Sustainable Development Goals through the targets they are tagged "
                 "with. Choose a goal to see its targets, the programmes tagged with it and the figures they "
                 "report; choose a target to narrow the list.", lang), className="page-intro"),
        html.Nav(dcc.Loading(html.Div(id=TILES, className="sdg-tiles"), type="dot"),
                 className="sdg-tiles-nav", **{"aria-label": t("Sustainable Development Goals", lang)}),
        dcc.Loading(html.Div(id=DETAIL, className="sdg-detail", role="region",
                             **{"aria-live": "polite", "aria-label": t("Selection", lang)}), type="default"),
        html.Section([
            dcc.Loading(dcc.Graph(id=GRAPH, figure=placeholder, config=graph_config("sdg-targets-by-programme", geo=False),
                                  style={"height": "300px"}), type="graph"),
            chart_actions(GRAPH, lang),
        ], className="chart-card", **{"aria-label": t("SDG targets of the programmes", lang)}),
    ], className="page page-sdg")
