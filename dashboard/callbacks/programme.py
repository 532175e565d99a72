"""Programme page callbacks: the programme's code -> its profile, map and indicator charts.

The page's store holds the code and the URL query; charts show targets against actuals."""

from __future__ import annotations

from dash import Input, Output, callback, dcc, html

from dashboard import data, ids
from dashboard.components.chart_frame import chart_figure
from dashboard.components.programme_indicators import indicator_block, indicators_section
from dashboard.components.programme_profile import not_found, profile
from dashboard.i18n import t
from dashboard.maps import build_country_map, map_graph_config
from dashboard.views.programme import (
    indicator_charts, profile_names, programme_events, programme_map_rows, programme_record,
)
from indicators.filters import FilterState

MAP_SLOT = ids.page_id("programme", "map-slot")
MAP = ids.page_id("programme", "map")


def programme_query(store: dict | None) -> tuple[str | None, FilterState, str]:
    """(programme code in upper case or None, the filters of the URL query, its query string)."""
    store = store or {}
    filters = data.parse_filters(store.get("query") or {})
    return (store.get("code") or "").upper() or None, filters, filters.to_query_string()


@callback(
    Output(ids.PROGRAMME_PROFILE, "children"),
    Input(ids.PROGRAMME_QUERY, "data"),
)
def render_profile(store):
    code, filters, search = programme_query(store)
    lang = filters.lang
    record = programme_record(code, lang)
    if record is None:
        return not_found((store or {}).get("code"), lang, search)
    names = profile_names(lang)
    return profile(record, lang, **names, events=programme_events(code, lang), search=search,
                   map_figure=programme_map(code, record, lang, names["country_names"]))


def programme_map(code: str, record: dict, lang: str, country_names: dict) -> html.Div:
    """The countries the programme reaches and its events (an empty slot where it reaches none)."""
    rows = programme_map_rows(code, lang)
    if rows is None:
        return html.Div(id=MAP_SLOT, className="map-slot")
    figure = build_country_map(
        rows["reach"], rows["events"], lang=lang, country_names=country_names,
        programme_names={code: record.get("name") or code}, programmes_frame=rows["programmes"],
        title=t("Countries reached by {code}", lang, code=code), height=520)
    return chart_figure(dcc.Graph(id=MAP, figure=figure, config=map_graph_config(rows["filename"])),
                        label=t("Map of the countries reached by {code}", lang, code=code))


@callback(
    Output(ids.PROGRAMME_INDICATORS, "children"),
    Input(ids.PROGRAMME_QUERY, "data"),
)
def render_indicators(store):
    code, filters, _search = programme_query(store)
    lang = filters.lang
    if programme_record(code, lang) is None:
        return None
    return indicators_section([indicator_block(chart, lang) for chart in indicator_charts(code, lang)], lang)
