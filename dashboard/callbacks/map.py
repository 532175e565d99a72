"""Map page callbacks: the URL query -> the map, the countries table and a country's details.

Reach rows and events -> the map, the table of countries and the events that cannot be placed; a
click on a country (map or table) -> that country's details."""

from __future__ import annotations

from typing import Mapping

import pandas as pd
from dash import ALL, Input, Output, State, callback, ctx, dcc, html, no_update
from dash.exceptions import PreventUpdate

from dashboard import data, ids
from dashboard.callbacks.shell import query_dict, search_from
from dashboard.figures.common import format_value, kind_label, period_text, safe_filename
from dashboard.figures.sdg import filter_period_label, plural, status_label
from dashboard.geometry import country_geometry
from dashboard.i18n import lazy, t
from dashboard.map_hover import ORIGIN_WORDS
from dashboard.maps import (
    build_country_map,
    country_sources,
    event_points,
    graph_style,
    map_graph_config,
    reach_by_country,
)
from indicators import repository as repo
from indicators.filters import FilterState

PATH = "/map"
GRAPH = ids.page_id("map", "graph")
DETAIL = ids.page_id("map", "detail")
TABLE = ids.page_id("map", "countries")
UNMAPPED = ids.page_id("map", "unmapped")
COUNTRY_BUTTON = "map-country-button"  # dict IDs {"type": COUNTRY_BUTTON, "iso3": ...}
DETAIL_LIMIT = 200  # figures listed for one country; the Data page has them all

def map_title(filters: FilterState, programme_names: Mapping[str, str], lang: str) -> str:
    if len(filters.programme) == 1:
        code = filters.programme[0]
        name = programme_names.get(code, code)
        name = name if len(name) <= 48 else name[:47].rstrip() + "…"
        return t("Countries reached: {programme}", lang, programme=code if name == code else f"{code} · {name}")
    return t("Countries reached by the programmes", lang)


def selected_country(triggered_id, click_data) -> str | None:
    """The ISO3 a click chose: a table button's ID, or the map point's customdata."""
    if isinstance(triggered_id, dict) and triggered_id.get("type") == COUNTRY_BUTTON:
        return triggered_id.get("iso3")
    if triggered_id == GRAPH and click_data and click_data.get("points"):
        value = click_data["points"][0].get("customdata")
        if isinstance(value, list):
            value = value[0] if value else None
        return value or None
    return None


@callback(
    Output(GRAPH, "figure"),
    Output(GRAPH, "config"),
    Output(GRAPH, "style"),
    Output(TABLE, "children"),
    Output(UNMAPPED, "children"),
    Input(ids.URL, "search"),
    Input(ids.URL, "pathname"),
)
def render_map(search, pathname):
    if (pathname or "").rstrip("/") != PATH:
        raise PreventUpdate
    filters = data.parse_filters(query_dict(search))
    lang = filters.lang
    engine = data.engine()
    reach = repo.reach_rows(engine, filters)
    events = repo.events(engine, filters, lang=lang)
    figures = data.cache.get_or_compute(("map-country-figures", filters),
                                        lambda: repo.country_observations(engine, filters, per_country=4))
    programmes = data.reference("programmes", lang)
    countries = data.reference("countries", lang)
    areas = data.reference("areas", lang)
    indicators = data.reference("indicators", lang)
    country_names = dict(zip(countries["iso3"], countries["name"]))
    programme_names = dict(zip(programmes["code"], programmes["name"]))
    figure = build_country_map(reach, events, lang=lang, country_names=country_names,
                               programme_names=programme_names, programmes_frame=programmes,
                               figures_frame=figures, indicator_names=dict(zip(indicators["code"], indicators["name"])),
                               title=map_title(filters, programme_names, lang),
                               period_label=filter_period_label(filters.year_from, filters.year_to, lang))
    config = map_graph_config(safe_filename("map-countries-reached", *filters.programme, *filters.sdg,
                                            *filters.region, *filters.country, lang))
    table = countries_table(reach, programmes, events, lang=lang, country_names=country_names,
                            programme_names=programme_names)
    _, unmapped = event_points(events, country_geometry(), lang=lang, country_names=country_names)
    return figure, config, graph_style(figure), table, unmapped_list(unmapped, lang=lang, area_names=dict(zip(areas["code"], areas["name"])))


@callback(
    Output(DETAIL, "children"),
    Input(GRAPH, "clickData"),
    Input({"type": COUNTRY_BUTTON, "iso3": ALL}, "n_clicks"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def show_country(click_data, _clicks, search):
    triggered = ctx.triggered_id
    if isinstance(triggered, dict) and not any(_clicks or []):
        return no_update  # the table's buttons were just created
    iso3 = selected_country(triggered, click_data)
    if not iso3:
        raise PreventUpdate
    filters = data.parse_filters(query_dict(search))
    lang = filters.lang
    engine = data.engine()
    here = filters.with_changes(country=(iso3,), region=())
    reach = repo.reach_rows(engine, here)
    events = repo.events(engine, filters, lang=lang)
    observations = repo.observations(engine, here, limit=DETAIL_LIMIT)
    countries = data.reference("countries", lang)
    programmes = data.reference("programmes", lang)
    indicators = data.reference("indicators", lang)
    return country_detail(iso3, reach, events, observations, lang=lang,
                          country_names=dict(zip(countries["iso3"], countries["name"])),
                          programme_names=dict(zip(programmes["code"], programmes["name"])),
                          indicator_names=dict(zip(indicators["code"], indicators["name"])),
                          filters=filters)


# --- presentational builders (pure) --------------------------------------------------------------
def countries_table(reach: pd.DataFrame, programmes: pd.DataFrame, events: pd.DataFrame, *, lang: str = "en",
                    country_names: Mapping[str, str], programme_names: Mapping[str, str]) -> html.Div:
    """The map's data as a table (keyboard and screen-reader access, and exact values)."""
    rows = reach_by_country(reach)
    heading = html.H2(t("Countries reached ({n})", lang, n=len(rows)))
    if rows.empty:
        return html.Div([heading, html.P(t("No figure reported for this selection", lang), className="empty-note")])
    sources = country_sources(reach, programmes, events)
    rows = rows.assign(name=[country_names.get(c, c) for c in rows["country"]]).sort_values("name")
    body = []
    for rec in rows.to_dict("records"):
        how = [html.Li([html.Span(code, className="programme-code", title=programme_names.get(code, code)), ": ",
                        ", ".join(t(ORIGIN_WORDS.get(o, o), lang) for o in rec["origins"].get(code, []))])
               for code in rec["programmes"]]
        body.append(html.Tr([
            html.Th(html.Button(rec["name"], id={"type": COUNTRY_BUTTON, "iso3": rec["country"]},
                                className="link-button", n_clicks=0,
                                **{"aria-controls": DETAIL, "data-iso3": rec["country"]}), scope="row"),
            html.Td(str(rec["programme_count"]), className="number"),
            html.Td(html.Ul(how, className="plain-list")),
            html.Td("; ".join(sources.get(rec["country"], [])) or t("not stated", lang), className="source-cell"),
        ]))
    return html.Div([
        heading,
        html.Table([
            html.Thead(html.Tr([html.Th(t("Country", lang), scope="col"),
                                html.Th(t("Programmes", lang), scope="col", className="number"),
                                html.Th(t("Programmes and how they reach it", lang), scope="col"),
                                html.Th(t("Source documents", lang), scope="col")])),
            html.Tbody(body),
        ], className="table-plain map-country-table"),
    ])


def unmapped_list(unmapped: pd.DataFrame, *, lang: str = "en", area_names: Mapping[str, str] | None = None):
    """Events the map cannot place: the source states only an area, or no place at all."""
    if unmapped is None or unmapped.empty:
        return None
    areas = area_names or {}
    items = []
    for rec in unmapped.to_dict("records"):
        region = rec.get("region")
        place = areas.get(region, region) if isinstance(region, str) and region else t("place not stated", lang)
        items.append(html.Li([html.Strong(rec["title"]), " · ",
                              period_text(rec.get("year"), rec.get("year"), lang), " · ", place]))
    return html.Section([
        html.H2(t("Events not on the map ({n})", lang, n=len(items))),
        html.P(t("Their sources name only an area, or no place: they are listed here instead of being placed "
                 "on a guess.", lang)),
        html.Ul(items, className="plain-list"),
    ])


def country_detail(iso3: str, reach: pd.DataFrame, events: pd.DataFrame, observations: pd.DataFrame, *,
                   lang: str = "en", country_names: Mapping[str, str], programme_names: Mapping[str, str],
                   indicator_names: Mapping[str, str], filters: FilterState) -> list:
    """One country: the programmes reaching it and how, its events (hosted or attended) and the
    figures stated for it, each linked to its quote on the Sources page."""
    name = country_names.get(iso3, iso3)
    out: list = [html.H2(name, className="map-detail-title")]
    rows = reach_by_country(reach)
    rows = rows[rows["country"] == iso3]
    if rows.empty:
        out.append(html.P(t("No programme of the selection reaches this country.", lang)))
    else:
        rec = rows.iloc[0].to_dict()
        out.append(html.H3(plural(rec["programme_count"], lazy("Reached by {n} programme"), lazy("Reached by {n} programmes"),
                                  lang)))
        out.append(html.Ul([html.Li([
            dcc.Link([html.Span(code, className="programme-code"), " ", programme_names.get(code, code)],
                     href=f"/programmes/{code}" + search_from(FilterState(lang=lang))),
            " (" + ", ".join(t(ORIGIN_WORDS.get(o, o), lang) for o in rec["origins"].get(code, [])) + ")",
        ]) for code in rec["programmes"]], className="plain-list"))
    here = events[[e.get("country") == iso3 or iso3 in (e.get("participant_countries") or [])
                   for e in events.to_dict("records")]] if len(events) else events
    if len(here):
        items = []
        for rec in here.to_dict("records"):
            title = rec.get("title_zh") if lang == "zh" and rec.get("title_zh") else rec.get("title_en") or rec["id"]
            role = t("host", lang) if rec.get("country") == iso3 else t("participants", lang)
            city = rec.get("city") if isinstance(rec.get("city"), str) and rec.get("city") else t("city not stated", lang)
            docs = "; ".join(s.get("source_document") for s in rec.get("sources") or [] if s.get("source_document"))
            items.append(html.Li([html.Strong(title), " · ", period_text(rec.get("year"), rec.get("year"), lang),
                                  " · ", city, " · ", status_label(rec.get("status") or "held", lang), " · ", role,
                                  html.Br(), html.Small(t("Source", lang) + ": " + (docs or t("not stated", lang)))]))
        out += [html.H3(t("Events ({n})", lang, n=len(items))), html.Ul(items, className="plain-list")]
    if observations is not None and len(observations):
        body = []
        for rec in observations.to_dict("records"):
            href = "/sources" + search_from(FilterState(lang=lang)) + f"#obs-{ids.slug(rec['id'])}"
            body.append(html.Tr([
                html.Td(indicator_names.get(rec["indicator"], rec["indicator"])),
                html.Td(format_value(rec["value"], rec["qualifier"], lang, unit=rec["unit"], exact=True), className="number"),
                html.Td(kind_label(rec["kind"], lang)),
                html.Td(period_text(rec["year_start"], rec["year_end"], lang, rec.get("date"))),
                html.Td(rec["programme"] if isinstance(rec["programme"], str) else t("not a programme's figure", lang)),
                html.Td(dcc.Link(rec["source_document"], href=href)),
            ]))
        out += [html.H3(t("Figures stated for this country", lang)), html.Table([
            html.Thead(html.Tr([html.Th(t(h, lang), scope="col") for h in
                                (lazy("Indicator"), lazy("Value"), lazy("Kind"), lazy("Period"), lazy("Programme"),
                                 lazy("Source"))])),
            html.Tbody(body)], className="table-plain")]
    else:
        out.append(html.P(t("No figure is stated for this country alone; programme totals are on the programme "
                            "pages.", lang), className="empty-note"))
    return out
