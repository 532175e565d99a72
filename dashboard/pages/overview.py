"""Overview page `/`: headline cards, trend, breakdowns and map for the URL's filters.

Cards, progress over time per programme, breakdowns by programme and by SDG target, and the map;
every part follows the filters in the URL query."""

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.components.chart_frame import chart_actions, chart_figure
from dashboard.i18n import LANGUAGES, t
from dashboard.views.overview import DEFAULT_INDICATOR

dash.register_page(__name__, path="/", name="Overview", title="SDG programme results", order=0)


def graph(graph_id: str, lang: str, *, label: str, height: int = 440) -> html.Div:
    """A graph in a loading wrapper; its figure and export configuration come from a callback."""
    return chart_figure(dcc.Loading(dcc.Graph(id=graph_id, config={"displaylogo": False},
                                              style={"minHeight": f"{height}px"}), type="dot", delay_show=150),
                        label=label, actions=chart_actions(graph_id, lang))


def layout(lang: str = "en", indicator: str = DEFAULT_INDICATOR, **query):
    lang = lang if isinstance(lang, str) and lang in LANGUAGES else "en"
    current = {**{k: v for k, v in query.items() if isinstance(v, (str, list))}, "lang": lang}
    if indicator:
        current["indicator"] = indicator
    return html.Div([
        dcc.Store(id=ids.OVERVIEW_QUERY, data=current),
        html.H1(t("Overview", lang)),
        html.P(t("Results of the ILO development-cooperation programmes linked to the Sustainable Development "
                 "Goals, as the source documents state them. Actual results, targets and potential figures are "
                 "shown side by side and never added together.", lang), className="page-intro"),
        html.Section([
            # the cards name themselves: the heading is for screen readers and the outline only
            html.H2(t("Headline figures", lang), id="overview-headline-heading", className="visually-hidden"),
            dcc.Loading(html.Div(id=ids.OVERVIEW_CARDS, className="card-grid", **{"aria-live": "polite"}),
                        type="dot", delay_show=150),
        ], className="overview-section", **{"aria-labelledby": "overview-headline-heading"}),
        html.Section([
            html.H2(t("Progress over time", lang), id="overview-trend-heading"),
            html.Div([
                html.Div([
                    html.Label(t("Indicator", lang), htmlFor=ids.OVERVIEW_INDICATOR, className="control-label"),
                    dcc.Dropdown(id=ids.OVERVIEW_INDICATOR, value=indicator or DEFAULT_INDICATOR, clearable=False,
                                 searchable=True, className="indicator-select"),
                ], className="control"),
                dcc.Checklist(id=ids.OVERVIEW_SHOW_ALL, options=[{"label": " " + t("Show every programme and target "
                                                                                    "(no “others” group)", lang),
                                                                   "value": "all"}],
                              value=[], className="show-all", inputClassName="show-all-input"),
            ], className="chart-controls"),
            graph(ids.OVERVIEW_TREND, lang, label=t("Progress over time per programme", lang)),
            html.Div(id=ids.OVERVIEW_TREND_UNDATED, className="undated-list"),
        ], className="overview-section", **{"aria-labelledby": "overview-trend-heading"}),
        html.Section([
            html.H2(t("Breakdown", lang), id="overview-breakdown-heading"),
            html.Div([
                graph(ids.OVERVIEW_BY_PROGRAMME, lang, label=t("Breakdown by programme", lang), height=320),
                graph(ids.OVERVIEW_BY_SDG, lang, label=t("Breakdown by SDG target", lang), height=320),
            ], className="chart-pair"),
            html.Div(id=ids.OVERVIEW_BREAKDOWN_NOTES, className="chart-notes"),
        ], className="overview-section", **{"aria-labelledby": "overview-breakdown-heading"}),
        html.Section([
            html.H2(t("Where the programmes work", lang), id="overview-map-heading"),
            html.Div(id=ids.OVERVIEW_MAP_SLOT, className="map-slot"),
        ], className="overview-section", **{"aria-labelledby": "overview-map-heading"}),
    ], className="page page-overview")
