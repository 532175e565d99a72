"""Programme page callbacks: the programme's record as a profile, and one chart per indicator it
reports (targets against actuals, with the progress status as colour, arrow and words)."""

from __future__ import annotations

import pandas as pd
from dash import Input, Output, callback, dcc, html

from dashboard import data, ids, theme
from dashboard.callbacks import overview
from dashboard.components.source_panel import source_panel
from dashboard.figures.common import (
    chart_subtitle, chart_title, covered_period, export_filename, format_quantity, graph_config, kind_label,
    source_text,
)
from dashboard.figures.progress import build_progress_figure, progress_frame, status_label
from dashboard.i18n import lazy, t
from indicators import repository as repo
from indicators.filters import FilterState
from indicators.progress import Progress, assess_rows

KINDS_SHOWN = ("baseline", "actual", "target", "estimate")
# indicators.progress.REASONS, marked for translation here (the library has no i18n)
REASON_MESSAGES = {
    "no_target": lazy("No target is stated for this indicator."),
    "no_actual": lazy("No dated actual figure is reported."),
    "one_point": lazy("Fewer than two dated figures: a trend needs a baseline or an earlier actual."),
    "target_year": lazy("The target has no stated year."),
    "target_before_start": lazy("The target year is not after the starting year."),
    "reached": lazy("The target is reached."),
    "growth": lazy("Observed growth compared with the growth needed to reach the target in time."),
}


# --- pure helpers ---------------------------------------------------------------------------------
def _year(value) -> int | None:
    return None if value is None or pd.isna(value) else int(value)


def _text(value) -> str:
    """A text field as a string ("" for None or NaN from a DataFrame)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def status_text(status: str | None, lang: str = "en") -> str:
    labels = {"ongoing": t("Ongoing", lang), "completed": t("Completed", lang), "planned": t("Planned", lang)}
    return labels.get(status or "", t("Status not stated", lang))


def programme_period_text(status: str | None, start, end, lang: str = "en") -> str:
    """`2015–2020`; an empty end is open-ended only when the programme is ongoing
    (`2013 – ongoing, no end date`), else "not stated"."""
    start, end = _year(start), _year(end)
    if start is None and end is None:
        return t("ongoing, no end date", lang) if status == "ongoing" else t("Period not stated", lang)
    if end is None:
        tail = t("ongoing, no end date", lang) if status == "ongoing" else t("end not stated", lang)
        return f"{start} – {tail}"
    if start is None:
        return t("start not stated – {end}", lang, end=end)
    return str(start) if start == end else f"{start}–{end}"


def _luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def tile_text_colour(background: str) -> str:
    """White, as on the official SDG tiles, wherever it reaches the 3:1 contrast of large bold text;
    dark text on the few light goal colours (7 yellow, 11 orange...) so the code stays readable."""
    contrast = 1.05 / (_luminance(background) + 0.05)
    return "#FFFFFF" if contrast >= 3 else theme.TEXT_COLOUR


def sdg_tiles(targets: list[str], titles: dict, colours: dict, lang: str = "en", search: str = "") -> html.Ul:
    """One tile per target in its goal's official colour; the target's title on hover (title
    attribute) and for screen readers; each links to the SDG explorer filtered on the target."""
    items = []
    for code in targets:
        background = colours.get(theme.goal_of(code), theme.ACCENT)
        title_text = titles.get(code, "")
        label = t("Target {code}: {title}", lang, code=code, title=title_text) if title_text else \
            t("Target {code}", lang, code=code)
        link_query = f"?sdg={code}" + (f"&lang={lang}" if lang != "en" else "")
        items.append(html.Li(dcc.Link([
            html.Span(code, className="target-tile-code"),
            html.Span(label, className="visually-hidden"),
        ], href=f"/sdg{link_query}", title=label, className="target-tile",
            style={"backgroundColor": background, "color": tile_text_colour(background)}),
            className="target-tile-item", **{"data-target": code, "data-goal": theme.goal_of(code)}))
    if not items:
        return html.P(t("No SDG target stated for this programme.", lang), className="muted")
    return html.Ul(items, className="target-tiles")


def _link(text: str) -> html.A:
    href = text if "://" in text else f"http://{text}"
    return html.A(text, href=href, rel="external noopener noreferrer", className="external-link")


def definition_list(rows: list[tuple[str, object]]) -> html.Dl:
    children = []
    for term, value in rows:
        children += [html.Dt(term), html.Dd(value)]
    return html.Dl(children, className="programme-facts")


def _list_or_none(values, lang: str, render=lambda v: v) -> object:
    values = [v for v in (values or []) if v]
    if not values:
        return html.Span(t("not stated", lang), className="muted")
    return html.Ul([html.Li(render(v)) for v in values], className="inline-list")


def not_found(code: str | None, lang: str = "en", search: str = "") -> html.Div:
    return html.Div([
        html.H1(t("Programme not found", lang)),
        html.P(t("No programme has the code “{code}”.", lang, code=code or "")),
        dcc.Link(t("Back to the overview", lang), href=f"/{search}", className="button-secondary"),
    ], className="not-found", role="alert")


def profile(record: dict, lang: str, *, country_names: dict, area_names: dict, target_titles: dict,
            goal_colours: dict, events: pd.DataFrame | None = None, search: str = "",
            map_figure=None) -> list:
    """The programme's record as page content (pure: every lookup is passed in)."""
    description = (_text(record.get(f"description_{lang}")) if lang in ("en", "zh") else "") or \
        _text(record.get("description_en"))
    countries = [country_names.get(c, c) for c in record.get("countries") or []]
    regions = [area_names.get(r, r) for r in record.get("regions") or []]
    places = countries + [r for r in regions if r not in countries]
    facts = [(t("Countries and regions", lang), _list_or_none(places, lang))]
    if record.get("subdivisions"):
        facts.append((t("Provinces", lang), _list_or_none(record["subdivisions"], lang)))
    facts += [
        (t("Funders", lang), _list_or_none(record.get("funders"), lang)),
        (t("Implementers", lang), _list_or_none(record.get("implementers"), lang)),
        (t("Nominated by", lang), _list_or_none(record.get("nominated_by"), lang)),
        (t("Links", lang), _list_or_none(record.get("links"), lang, _link)),
    ]
    key_facts = html.Ul([
        html.Li([html.Span(t("Status", lang), className="key-fact-label"),
                 html.Span(status_text(record.get("status"), lang), className="key-fact-value")]),
        html.Li([html.Span(t("Period", lang), className="key-fact-label"),
                 html.Span(programme_period_text(record.get("status"), record.get("year_start"),
                                                 record.get("year_end"), lang), className="key-fact-value")]),
        html.Li([html.Span(t("Countries", lang), className="key-fact-label"),
                 html.Span(str(len(countries)) if countries else t("not stated", lang), className="key-fact-value")]),
    ], className="key-facts")
    content = [
        html.P(dcc.Link(t("← Overview", lang), href=f"/{search}"), className="breadcrumb"),
        html.H1([html.Span(record.get("name") or record["code"]), " ",
                 html.Span(record["code"], className="code-badge")]),
        html.Div([
            html.Div([key_facts, html.P(description, className="page-intro") if description else None],
                     className="programme-lead"),
            html.Section([html.H2(t("SDG targets", lang)),
                          sdg_tiles(list(record.get("sdg_targets") or []), target_titles, goal_colours, lang, search)],
                         className="programme-targets"),
        ], className="programme-top"),
        html.Section([html.H2(t("Programme record", lang)), definition_list(facts)], className="programme-section"),
    ]
    if map_figure is not None:
        content.append(html.Section([html.H2(t("Where it works", lang)), map_figure], className="programme-section"))
    if _text(record.get("note")):
        content.append(html.Section([html.H2(t("Note", lang)),
                                     html.P(_text(record["note"]), lang="en", className="note")],
                                    className="programme-section"))
    if events is not None and len(events):
        content.append(events_table(events, lang, country_names))
    content.append(html.Section([html.H2(t("Sources of this record", lang)),
                                 source_panel(record.get("sources") or [], lang)], className="programme-section"))
    return [c for c in content if c is not None]


def events_table(events: pd.DataFrame, lang: str, country_names: dict) -> html.Section:
    rows = []
    for rec in events.sort_values(["year", "id"], na_position="last").to_dict("records"):
        title = (_text(rec.get("title_zh")) if lang == "zh" else "") or _text(rec.get("title_en")) or rec["id"]
        year = _year(rec.get("year"))
        country = _text(rec.get("country"))
        place = ", ".join(p for p in (_text(rec.get("city")), country_names.get(country, country)) if p)
        rows.append(html.Tr([
            html.Td(str(year) if year is not None else t("year not stated", lang)),
            html.Td(title), html.Td(_text(rec.get("type_name")) or rec.get("type")),
            html.Td(place or t("place not stated", lang)),
            html.Td(t("held", lang) if rec.get("status") == "held" else t("planned", lang)),
        ]))
    columns = (lazy("Year"), lazy("Event"), lazy("Type"), lazy("Place"), lazy("Status"))
    head = html.Thead(html.Tr([html.Th(t(h, lang), scope="col") for h in columns]))
    return html.Section([html.H2(t("Events", lang)),
                         html.Div(html.Table([head, html.Tbody(rows)], className="table-plain events-table"),
                                  className="table-wrap")],
                        className="programme-section")


def status_badge(progress: Progress, lang: str = "en", *, unit: str | None = None) -> html.Div:
    """Colour + arrow + words, never colour alone; the reason and the simple gap beside it."""
    style = theme.STATUS_STYLE.get(progress.status, theme.STATUS_STYLE["insufficient_data"])
    # the arrow and frame carry the colour; the words stay in the text colour (readable at any size)
    parts = [html.Span([html.Span(style["arrow"], className="status-arrow", style={"color": style["colour"]},
                                  **{"aria-hidden": "true"}), " ", status_label(progress.status, lang)],
                       className=f"status-badge status-{progress.status}", style={"borderColor": style["colour"]})]
    reason = t(REASON_MESSAGES[progress.reason], lang) if progress.reason in REASON_MESSAGES else ""
    if progress.ratio is not None and progress.reason == "growth":
        reason += " " + t("Ratio of observed to required growth: {ratio}.", lang, ratio=f"{progress.ratio:.2f}")
    parts.append(html.Span(reason, className="status-reason"))
    if progress.gap is not None:
        parts.append(html.Span(t("Gap to target: {gap}", lang, gap=format_quantity(progress.gap, "exact", unit, lang)),
                               className="status-gap"))
    return html.Div(parts, className="progress-status", **{"data-status": progress.status})


# --- data for the indicator charts ------------------------------------------------------------------
def programme_indicators(code: str) -> list[tuple[str, list[str]]]:
    """(indicator, kinds) the programme reports: observations of any kind, and held events an
    event-counting indicator counts."""
    filters = FilterState(programme=(code,))
    pairs = data.cache.get_or_compute(("indicator_kinds", filters),
                                      lambda: repo.indicator_kinds(data.engine(), filters))
    found: dict[str, list[str]] = {}
    for rec in pairs.to_dict("records"):
        if rec["kind"] in KINDS_SHOWN:
            found.setdefault(rec["indicator"], []).append(rec["kind"])
    indicators = data.reference("indicators")
    events = programme_events(code, "en")
    held_types = set(events[events["status"] == "held"]["type"]) if len(events) else set()
    for rec in indicators.to_dict("records"):
        if rec["aggregation"] == "count_events" and rec["event_type"] in held_types:
            kinds = found.setdefault(rec["code"], [])
            if "actual" not in kinds:
                kinds.append("actual")
    order = {c: i for i, c in enumerate(indicators["code"])}
    return sorted(((k, [x for x in KINDS_SHOWN if x in v]) for k, v in found.items()),
                  key=lambda item: order.get(item[0], 999))


def programme_events(code: str, lang: str) -> pd.DataFrame:
    filters = FilterState(programme=(code,), lang=lang)
    return data.cache.get_or_compute(("events", filters), lambda: repo.events(data.engine(), filters, lang))


def indicator_block(code: str, indicator: dict, kinds: list[str], lang: str) -> html.Section:
    filters = FilterState(programme=(code,), lang=lang)
    reads = overview.Reads(filters)
    rows_by_kind, point_periods, point_sources, all_sources, quotes = {}, {}, {}, [], []
    starts, ends = [], []
    complete = True
    for kind in kinds:
        rows_by_kind[kind] = reads.summary(indicator["code"], by="year", kind=kind).records()
        for rec in reads.periods(indicator["code"], kind).to_dict("records"):
            end, start = _year(rec["year_end"]), _year(rec["year_start"])
            if end is not None:
                first = point_periods.get((kind, end), (end, end))[0]
                point_periods[(kind, end)] = (min(start if start is not None else end, first), end)
            starts.append(start)
            ends.append(end)
        sample = reads.sources(indicator["code"], kind)
        complete = complete and len(sample) < overview.SOURCE_SAMPLE
        for rec in sample.to_dict("records"):
            point_sources.setdefault((kind, _year(rec["year_end"])), []).append(rec)
        all_sources += sample.to_dict("records")
        quotes += overview.quotes(reads, indicator["code"], kind)
    if not complete:
        point_sources = {}
    if indicator.get("aggregation") == "count_events":
        events = programme_events(code, lang)
        held = events[(events["type"] == indicator.get("event_type")) & (events["status"] == "held")]
        starts += list(held["year"])
        ends += list(held["year"])
        if not quotes:
            quotes = [q for s in held["sources"] for q in s]
    frame = progress_frame(rows_by_kind, periods=point_periods,
                           sources={k: source_text(v, lang) for k, v in point_sources.items()}, lang=lang)
    stacked = [{"kind": r["kind"], "year": r["year"], "value": r["value"]} for r in frame.to_dict("records")]
    progress = assess_rows(stacked)
    years = [y for y in frame["year"] if y is not None and not pd.isna(y)]
    period = covered_period(starts + years, ends + years, lang) if len(frame) else None
    unit = indicator.get("unit")
    title = chart_title(indicator["name"], unit, None, lang)
    subtitle = chart_subtitle(period, *(kind_label(k, lang) for k in kinds))
    figure = build_progress_figure(frame, lang=lang, title=title, subtitle=subtitle, unit=unit,
                                   source=source_text(all_sources, lang, complete=complete),
                                   progress=progress)
    graph_id = f"programme-chart-{indicator['code']}"
    undated = frame[frame["year"].isna()]
    undated_items = [html.Li([html.Strong(kind_label(r["kind"], lang)), ": ",
                              format_quantity(r["value"], r["qualifier"], unit, lang)])
                     for r in undated.to_dict("records")]
    children = [
        html.H3(indicator["name"], id=f"indicator-{indicator['code']}"),
        status_badge(progress, lang, unit=unit),
        html.Div([
            dcc.Graph(id=graph_id, figure=figure,
                      config=graph_config(export_filename(indicator["code"], "year", {"programme": code}))),
            html.Div(html.Button(t("Download SVG", lang), id={"type": ids.SVG_EXPORT, "graph": graph_id}, n_clicks=0,
                                 type="button", className="button-secondary svg-export"), className="chart-actions"),
        ], className="chart", role="figure", **{"aria-label": indicator["name"]}),
    ]
    if undated_items:
        children += [html.Div([html.H4(t("Year not stated", lang), className="undated-heading"),
                               html.Ul(undated_items)], className="undated-list")]
    children.append(source_panel(quotes, lang))
    return html.Section(children, className="indicator-block", **{"data-indicator": indicator["code"]})


def _context(store: dict | None) -> tuple[str | None, FilterState, str]:
    store = store or {}
    query = store.get("query") or {}
    filters = data.parse_filters(query)
    search = filters.to_query_string()
    return (store.get("code") or "").upper() or None, filters, search


def _record(code: str | None, lang: str) -> dict | None:
    if not code:
        return None
    programmes = data.reference("programmes", lang)
    match = programmes[programmes["code"] == code]
    return None if match.empty else match.iloc[0].to_dict()


# --- callbacks --------------------------------------------------------------------------------------
@callback(
    Output(ids.PROGRAMME_PROFILE, "children"),
    Input(ids.PROGRAMME_QUERY, "data"),
)
def render_profile(store):
    code, filters, search = _context(store)
    lang = filters.lang
    record = _record(code, lang)
    if record is None:
        return not_found((store or {}).get("code"), lang, search)
    countries = data.reference("countries", lang)
    areas = data.reference("areas", lang)
    targets = data.reference("targets", lang)
    names = dict(zip(countries["iso3"], countries["name"]))
    return profile(record, lang, country_names=names,
                   area_names=dict(zip(areas["code"], areas["name"])),
                   target_titles=dict(zip(targets["code"], targets["title"])),
                   goal_colours=theme.goal_colours(), events=programme_events(code, lang), search=search,
                   map_figure=programme_map(code, record, lang, names))


def programme_map(code: str, record: dict, lang: str, country_names: dict):
    """The countries the programme reaches and its events, on the map of dashboard.maps (an empty
    slot where that module is missing)."""
    slot = html.Div(id=ids.page_id("programme", "map-slot"), className="map-slot")
    try:
        from dashboard import maps
    except ImportError:
        return slot
    filters = FilterState(programme=(code,), lang=lang)
    reach = data.cache.get_or_compute(("reach", filters), lambda: repo.reach_rows(data.engine(), filters))
    if reach.empty:
        return slot
    programmes = data.reference("programmes", lang)
    figure = maps.build_country_map(
        reach, programme_events(code, lang), lang=lang, country_names=country_names,
        programme_names={code: record.get("name") or code}, programmes_frame=programmes[programmes["code"] == code],
        title=t("Countries reached by {code}", lang, code=code), height=520)
    config = maps.map_graph_config(export_filename("countries_reached", "map", {"programme": code}))
    return html.Div(dcc.Graph(id=ids.page_id("programme", "map"), figure=figure, config=config), className="chart",
                    role="figure", **{"aria-label": t("Map of the countries reached by {code}", lang, code=code)})


@callback(
    Output(ids.PROGRAMME_INDICATORS, "children"),
    Input(ids.PROGRAMME_QUERY, "data"),
)
def render_indicators(store):
    code, filters, _search = _context(store)
    lang = filters.lang
    if _record(code, lang) is None:
        return None
    indicators = data.reference("indicators", lang)
    by_code = {r["code"]: r for r in indicators.to_dict("records")}
    blocks = [indicator_block(code, by_code[ind], kinds, lang)
              for ind, kinds in programme_indicators(code) if ind in by_code]
    intro = html.P(t("Every figure the sources state for this programme, all years. Targets, baselines and "
                     "potential figures are drawn beside the actual results, never added to them.", lang),
                   className="section-intro")
    if not blocks:
        blocks = [html.P(t("No figure reported for this programme.", lang), className="muted")]
    return html.Section([html.H2(t("Indicators", lang)), intro, *blocks], className="programme-section")
