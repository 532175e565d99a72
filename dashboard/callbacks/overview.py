"""Overview page callbacks: the URL query -> view models -> cards, charts and notes.

The page's query is mounted with each render (one run per view). The indicator selector writes
`indicator=` back into the URL, keeping every other parameter."""

from __future__ import annotations

from urllib.parse import urlencode

from dash import Input, Output, State, callback, dcc, no_update

from dashboard import data, ids, theme
from dashboard.callbacks.shell import query_dict
from dashboard.components.cards import card_grid
from dashboard.components.chart_frame import chart_figure
from dashboard.components.chart_notes import chart_notes, other_kinds_hint, undated_list
from dashboard.figures.breakdown import build_breakdown_figure
from dashboard.figures.common import chart_subtitle, chart_title, graph_config, kind_label
from dashboard.figures.trend import build_trend_figure, undated_rows
from dashboard.i18n import t
from dashboard.maps import build_country_map, map_graph_config
from dashboard.views.overview import indicator_choices, overview_cards, shown_indicator
from dashboard.views.overview_charts import breakdown_charts, map_rows, trend_chart
from indicators.filters import FilterState


def base_filters(query: dict | None) -> FilterState:
    return data.parse_filters(query or {})


@callback(
    Output(ids.OVERVIEW_CARDS, "children"),
    Input(ids.OVERVIEW_QUERY, "data"),
)
def render_cards(query):
    filters = base_filters(query)
    return card_grid(overview_cards(filters), filters.lang, id_prefix="overview-card")


# --- indicator selector ---------------------------------------------------------------------------
@callback(
    Output(ids.OVERVIEW_INDICATOR, "options"),
    Output(ids.OVERVIEW_INDICATOR, "value"),
    Input(ids.OVERVIEW_QUERY, "data"),
)
def indicator_options(query):
    return indicator_choices(base_filters(query))


def with_indicator(search: str | None, indicator: str) -> str:
    """The URL query with `indicator` set and every other parameter kept."""
    query = query_dict(search)
    query["indicator"] = indicator
    return "?" + urlencode(query, safe=",")


@callback(
    Output(ids.URL, "search", allow_duplicate=True),
    Input(ids.OVERVIEW_INDICATOR, "value"),
    State(ids.URL, "search"),
    State(ids.URL, "pathname"),
    prevent_initial_call=True,
)
def select_indicator(indicator, search, pathname):
    if not indicator or pathname not in ("/", "", None):
        return no_update
    # what the URL shows now (an unknown code in it shows the default, with the shell's notice)
    if indicator == shown_indicator(base_filters(query_dict(search))):
        return no_update
    return with_indicator(search, indicator)


# --- charts ---------------------------------------------------------------------------------------
@callback(
    Output(ids.OVERVIEW_TREND, "figure"),
    Output(ids.OVERVIEW_TREND, "config"),
    Output(ids.OVERVIEW_TREND_UNDATED, "children"),
    Input(ids.OVERVIEW_QUERY, "data"),
    Input(ids.OVERVIEW_SHOW_ALL, "value"),
)
def render_trend(query, show_all):
    filters = base_filters(query)
    lang = filters.lang
    chart = trend_chart(filters, show_all=bool(show_all))
    frame = chart.frames["year"]
    figure = build_trend_figure(
        frame, lang=lang, title=chart_title(chart.name, chart.unit, None, lang),
        subtitle=chart_subtitle(chart.period, t("per programme, by year", lang), kind_label(chart.kind, lang)),
        unit=chart.unit, source=chart.source, colours=chart.programme_colours)
    undated = [(r["label"], r["value"], r["qualifier"]) for r in undated_rows(frame).to_dict("records")]
    return (figure, graph_config(chart.filenames["year"]),
            undated_list(undated, chart.unit, lang) + chart_notes(chart.notes)
            + other_kinds_hint(chart.other_kinds, chart.kind, query, lang))


@callback(
    Output(ids.OVERVIEW_BY_PROGRAMME, "figure"),
    Output(ids.OVERVIEW_BY_PROGRAMME, "config"),
    Output(ids.OVERVIEW_BY_SDG, "figure"),
    Output(ids.OVERVIEW_BY_SDG, "config"),
    Output(ids.OVERVIEW_BREAKDOWN_NOTES, "children"),
    Input(ids.OVERVIEW_QUERY, "data"),
    Input(ids.OVERVIEW_SHOW_ALL, "value"),
)
def render_breakdowns(query, show_all):
    filters = base_filters(query)
    lang = filters.lang
    chart = breakdown_charts(filters, show_all=bool(show_all))
    title = chart_title(chart.name, chart.unit, None, lang)
    by_programme = build_breakdown_figure(
        chart.frames["programme"], by="programme", lang=lang, unit=chart.unit, source=chart.source, title=title,
        subtitle=chart_subtitle(chart.period, t("by programme", lang), kind_label(chart.kind, lang)),
        programme_colours=chart.programme_colours)
    by_sdg = build_breakdown_figure(
        chart.frames["sdg"], by="sdg", lang=lang, unit=chart.unit, source=chart.source, title=title,
        subtitle=chart_subtitle(chart.period, t("by SDG target", lang), kind_label(chart.kind, lang)),
        goal_colours=theme.goal_colours())
    return (by_programme, graph_config(chart.filenames["programme"]), by_sdg, graph_config(chart.filenames["sdg"]),
            chart_notes(chart.notes))


@callback(
    Output(ids.OVERVIEW_MAP_SLOT, "children"),
    Input(ids.OVERVIEW_QUERY, "data"),
)
def render_map(query):
    """The countries-reached map of dashboard.maps, for the same filters."""
    filters = base_filters(query)
    lang = filters.lang
    rows = map_rows(filters)
    figure = build_country_map(
        rows["reach"], rows["events"], lang=lang, country_names=rows["country_names"],
        programme_names=rows["programme_names"], programmes_frame=rows["programmes"], height=560)
    return chart_figure(dcc.Graph(id=ids.OVERVIEW_MAP, figure=figure, config=map_graph_config(rows["filename"])),
                        label=t("Map of the countries reached", lang))
