"""Overview callbacks: the page's query (mounted with each render) -> filters -> summaries by the
aggregation module -> cards and pure figure builders. The indicator selector writes `indicator=`
back into the URL, keeping every other parameter."""

from __future__ import annotations

from urllib.parse import urlencode

import pandas as pd
from dash import MATCH, Input, Output, State, callback, clientside_callback, dcc, html, no_update

from dashboard import data, ids, theme
from dashboard.callbacks.shell import query_dict
from dashboard.components.cards import Card, CardFigure, card_grid, summary_total
from dashboard.components.source_panel import unique_quotes
from dashboard.figures.breakdown import BREAKDOWN_COLUMNS, build_breakdown_figure
from dashboard.figures.common import (
    OTHERS_KEY, chart_subtitle, chart_title, covered_period, export_filename, format_quantity, graph_config, kind_label,
    source_text, split_top, translate_note,
)
from dashboard.figures.trend import build_trend_figure, trend_frame, undated_rows
from dashboard.i18n import lazy, t
from indicators import repository as repo
from indicators.filters import FilterState

DEFAULT_INDICATOR = "participants_trained"


# --- reads: through the shared cache, memoised for one callback run ------------------------------
SOURCE_SAMPLE = 500  # observations read for source lines and quotes (fewer = all of them)


class Reads:
    """The data one callback run needs, for one filter state: each read goes once through the
    shared result cache (keys and small results only; it drops them when the data changes) and is
    then kept for the rest of the run. Created per call, so nothing outlives a request."""

    def __init__(self, filters: FilterState):
        self.filters = filters
        self.lang = filters.lang
        self._memo: dict = {}

    def _get(self, key: tuple, compute):
        if key not in self._memo:
            self._memo[key] = data.cache.get_or_compute(key, compute)
        return self._memo[key]

    def scoped(self, **changes) -> "Reads":
        """The same reads for changed filters (sharing this run's memo)."""
        other = Reads(self.filters.with_changes(**changes))
        other._memo = self._memo
        return other

    def reference(self, name: str, lang: str | None = None):
        lang = lang or self.lang
        if ("reference", name, lang) not in self._memo:
            self._memo[("reference", name, lang)] = data.reference(name, lang)
        return self._memo[("reference", name, lang)]

    def summary(self, indicator: str, *, by: str | None, kind: str):
        key = ("summary", indicator, by, kind, self.filters)
        if key not in self._memo:
            self._memo[key] = data.summary(indicator, by=by, kind=kind, filters=self.filters)
        return self._memo[key]

    def periods(self, indicator: str, kind: str) -> pd.DataFrame:
        """(programme, year_start, year_end, n) of the observations behind a figure (the rollup)."""
        return self._get(("periods", indicator, kind, self.filters),
                         lambda: repo.observation_periods(data.engine(), self.filters, indicator, kind))

    def sources(self, indicator: str, kind: str) -> pd.DataFrame:
        """Where the observations behind a figure are quoted from: all of them, or the first
        SOURCE_SAMPLE when there are more (the source line then says "and possibly more")."""
        return self._get(("sources", indicator, kind, SOURCE_SAMPLE, self.filters),
                         lambda: repo.observation_sources(data.engine(), self.filters, indicator, kind,
                                                          limit=SOURCE_SAMPLE))

    def events(self) -> pd.DataFrame:
        return self._get(("events", self.filters), lambda: repo.events(data.engine(), self.filters, self.lang))

    def reach(self) -> pd.DataFrame:
        return self._get(("reach", self.filters), lambda: repo.reach_rows(data.engine(), self.filters))

    def kinds_reported(self) -> set[tuple[str, str]]:
        """(indicator, kind) pairs with observations under the filters (from the rollup)."""
        frame = self._get(("indicator_kinds", self.filters),
                          lambda: repo.indicator_kinds(data.engine(), self.filters))
        return set(zip(frame["indicator"], frame["kind"]))

    def indicator(self, code: str) -> dict | None:
        frame = self.reference("indicators")
        match = frame[frame["code"] == code]
        return None if match.empty else match.iloc[0].to_dict()

    def programme_names(self, lang: str | None = None) -> dict:
        frame = self.reference("programmes", lang)
        return dict(zip(frame["code"], frame["name"]))


def chart_source(reads: Reads, indicator: str, kind: str) -> str:
    sample = reads.sources(indicator, kind)
    return source_text(sample.to_dict("records"), reads.lang, complete=len(sample) < SOURCE_SAMPLE)


def quotes(reads: Reads, indicator: str, kind: str, limit: int = 24) -> list[dict]:
    """The distinct source quotes behind a figure (at most `limit`), for the sources disclosure."""
    columns = ["source_document", "source_section", "source_quote", "source_figure", "source_quote_en"]
    return unique_quotes(reads.sources(indicator, kind)[columns].to_dict("records"))[:limit]


def base_filters(query: dict | None) -> FilterState:
    return data.parse_filters(query or {})


def chosen_indicator(reads: Reads) -> str:
    codes = list(reads.reference("indicators")["code"])
    for code in reads.filters.indicator:
        if code in codes:
            return code
    return DEFAULT_INDICATOR if DEFAULT_INDICATOR in codes else (codes[0] if codes else DEFAULT_INDICATOR)


def chosen_kind(filters: FilterState) -> str:
    return filters.kind[0] if len(filters.kind) == 1 else "actual"


def definition_text(row: dict | None, lang: str) -> str:
    if not row:
        return ""
    return (row.get(f"definition_{lang}") if lang in ("en", "zh") else None) or row.get("definition_en") or ""


# --- cards ----------------------------------------------------------------------------------------
KIND_HEADINGS = {
    "target": lazy("Target"),
    "estimate": lazy("Potential or projected (estimate)"),
    "baseline": lazy("Baseline"),
}


def kind_heading(kind: str, lang: str) -> str:
    return t(KIND_HEADINGS.get(kind, kind), lang)


def held_events(reads: Reads, event_type: str | None, status: str = "held") -> pd.DataFrame:
    frame = reads.events()
    return frame[(frame["type"] == event_type) & (frame["status"] == status)]


def contributing_years(reads: Reads, indicator: str, kind: str) -> tuple[list, list]:
    """(starts, ends) of the records behind a figure: its observations; for a count of events the
    held events; for countries reached the programme periods, actual figures and events it unions."""
    prov = reads.periods(indicator, kind)
    starts, ends = list(prov["year_start"]), list(prov["year_end"])
    row = reads.indicator(indicator) or {}
    if row.get("aggregation") == "count_events" and kind == "actual" and row.get("event_type"):
        held = held_events(reads, row["event_type"])
        starts += list(held["year"])
        ends += list(held["year"])
    if row.get("aggregation") == "distinct_countries" and kind == "actual":
        reach = reads.reach()
        starts += list(reach["year_start"])
        ends += list(reach["year_end"])
    return starts, ends


def card_figure(reads: Reads, indicator: str, kind: str, *, label: str,
                note: str = "") -> tuple[CardFigure, list, list]:
    """One number of a card with its period, plus (notes, quotes) of the aggregation behind it."""
    lang = reads.lang
    if kind != "actual" and (indicator, kind) not in reads.kinds_reported():
        # only observations state targets and estimates (events and programme countries are actual)
        row = reads.indicator(indicator) or {}
        return CardFigure(kind=kind, label=label, value=None, unit=row.get("unit")), [], []
    summary = reads.summary(indicator, by=None, kind=kind)
    value, qualifier, observations = summary_total(summary.records())
    if value is None:
        return CardFigure(kind=kind, label=label, value=None, unit=summary.unit), [], []
    prov = reads.periods(indicator, kind)
    starts, ends = contributing_years(reads, indicator, kind)
    extra_quotes: list = []
    row = reads.indicator(indicator) or {}
    if row.get("aggregation") == "count_events" and kind == "actual" and prov.empty:
        held = held_events(reads, row.get("event_type"))
        extra_quotes = [q for sources in held["sources"] for q in sources]
    if kind != "actual" and len(prov) and prov["programme"].isna().all():
        note = note or t("About the wider setting (see the source), not a programme result", lang)
    figure = CardFigure(kind=kind, label=label, value=value, qualifier=qualifier, unit=summary.unit,
                        period=covered_period(starts, ends, lang), note=note, observations=observations)
    return figure, [translate_note(n, lang) for n in summary.notes], quotes(reads, indicator, kind) + extra_quotes


def overview_cards(filters: FilterState) -> list[Card]:
    """The four headline cards for the filters."""
    lang = filters.lang
    reads = Reads(filters.with_changes(indicator=(), kind=()))
    known = set(reads.reference("indicators")["code"])

    def name(code: str) -> str:
        row = reads.indicator(code)
        return row["name"] if row else code

    def card(key: str, title_code: str, specs) -> Card:
        """specs: (indicator, kind, label, note); actual figures always shown, others when stated."""
        figures, notes, sources = [], [], []
        for code, kind, label, note in specs:
            if code not in known:
                continue
            figure, n, q = card_figure(reads, code, kind, label=label, note=note)
            if kind == "actual" or figure.reported:
                figures.append(figure)
                notes += n
                sources += q
        return Card(key, name(title_code), figures, tuple(dict.fromkeys(notes)), sources,
                    definition_text(reads.indicator(title_code), lang))

    cards = []
    if "participants_trained" in known:
        # participants, with trainers beside (never added) and any target or estimate beside
        beside = t("Trainers trained at trainings of trainers: shown beside participants, never added to them", lang)
        cards.append(card("participants", "participants_trained", [
            ("participants_trained", "actual", name("participants_trained"), ""),
            ("participants_trained", "target", f"{name('participants_trained')}: {kind_heading('target', lang)}", ""),
            ("participants_trained", "estimate",
             f"{name('participants_trained')}: {kind_heading('estimate', lang)}", ""),
            ("trainers_trained", "actual", name("trainers_trained"), beside),
        ]))
    if "jobs_created" in known:
        cards.append(card("jobs", "jobs_created", [
            ("jobs_created", "actual", name("jobs_created"), ""),
            ("jobs_created", "target", kind_heading("target", lang), ""),
            ("jobs_created", "estimate", kind_heading("estimate", lang), ""),
        ]))
    if "countries_reached" in known:
        cards.append(card("countries", "countries_reached",
                          [("countries_reached", "actual", name("countries_reached"), "")]))
    if "academies_held" in known:
        academies = card("academies", "academies_held", [("academies_held", "actual", name("academies_held"), "")])
        planned = held_events(reads, (reads.indicator("academies_held") or {}).get("event_type"), "planned")
        if len(planned):
            figures = list(academies.figures) + [CardFigure(
                kind="planned", label=t("Planned", lang), value=float(len(planned)), unit="events",
                period=covered_period(planned["year"], planned["year"], lang),
                note=t("Planned editions are not counted as held", lang))]
            academies = Card(academies.key, academies.title, figures, academies.notes,
                             list(academies.sources) + [q for s in planned["sources"] for q in s],
                             academies.definition)
        cards.append(academies)
    return cards


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
    reads = Reads(base_filters(query))
    frame = reads.reference("indicators")
    options = [{"label": row["name"], "value": row["code"],
                "search": f"{row['code']} {row['name_en']} {row['name_zh']}"}
               for row in frame.sort_values("name").to_dict("records")]
    return options, chosen_indicator(reads)


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
    current = chosen_indicator(Reads(base_filters(query_dict(search))))
    if indicator == current:
        return no_update
    return with_indicator(search, indicator)


# --- trend ----------------------------------------------------------------------------------------
def point_sources(reads: Reads, indicator: str, kind: str, series_of=lambda code: code) -> dict:
    """(series, end year) -> source line of that point; none when only a sample of the sources was
    read (the chart's own source line then says so)."""
    sample = reads.sources(indicator, kind)
    if sample.empty or len(sample) >= SOURCE_SAMPLE:
        return {}
    grouped: dict = {}
    for rec in sample.to_dict("records"):
        key = (series_of(rec["programme"]), None if pd.isna(rec["year_end"]) else int(rec["year_end"]))
        grouped.setdefault(key, []).append(rec)
    return {key: source_text(records, reads.lang) for key, records in grouped.items()}


def point_periods(prov: pd.DataFrame, series_of=lambda code: code) -> dict:
    """(series, end year) -> (first start year, end year) of the figures placed at that end year."""
    out = {}
    if prov.empty:
        return out
    dated = prov[prov["year_end"].notna()]
    for rec in dated.to_dict("records"):
        key = (series_of(rec["programme"]), int(rec["year_end"]))
        start = int(rec["year_start"]) if pd.notna(rec["year_start"]) else key[1]
        out[key] = (min(start, out.get(key, (start, key[1]))[0]), key[1])
    return out


def trend_data(reads: Reads, indicator: str, kind: str, *, show_all: bool) -> tuple[pd.DataFrame, list[str]]:
    """Rows by year per programme (the largest programmes, the rest as "others", each by the
    indicator's own rule) and the notes to show."""
    lang = reads.lang
    by_programme = reads.summary(indicator, by="programme", kind=kind)
    rows = pd.DataFrame(by_programme.records(), columns=["key", "label", "value", "qualifier", "unit", "observations"])
    named = rows[rows["key"].notna()]
    shown, rest = split_top(named, limit=None if show_all else theme.MAX_SERIES)
    labels = reads.programme_names()
    rows_by_series = {code: reads.scoped(programme=(code,)).summary(indicator, by="year", kind=kind).records()
                      for code in shown}
    series_labels = {code: labels.get(code, code) for code in shown}
    if rest:
        rows_by_series[OTHERS_KEY] = reads.scoped(programme=tuple(rest)).summary(indicator, by="year",
                                                                                 kind=kind).records()
        series_labels[OTHERS_KEY] = t("Others ({n})", lang, n=len(rest))
    rest_set = set(rest)

    def series_of(code):
        return OTHERS_KEY if code in rest_set else code

    frame = trend_frame(rows_by_series, labels=series_labels,
                        periods=point_periods(reads.periods(indicator, kind), series_of),
                        sources=point_sources(reads, indicator, kind, series_of), lang=lang)
    notes = [translate_note(n, lang) for n in by_programme.notes if n.code != "sdg_overlap"]
    if rows["key"].isna().any():
        notes.append(t("Figures not attributed to any programme are left out of the chart by programme.", lang))
    return frame, notes


def undated_list(frame: pd.DataFrame, unit: str, lang: str) -> list:
    undated = undated_rows(frame)
    if undated.empty:
        return []
    items = [html.Li([html.Strong(row["label"]), ": ", format_quantity(row["value"], row["qualifier"], unit, lang)])
             for row in undated.to_dict("records")]
    return [html.H3(t("Year not stated", lang), className="undated-heading"),
            html.P(t("These figures have no stated year; they are not placed on the time axis.", lang),
                   className="undated-intro"),
            html.Ul(items)]


def chart_filename(indicator: str, by: str, filters: FilterState) -> str:
    return export_filename(indicator, by, filters.to_query())


@callback(
    Output(ids.OVERVIEW_TREND, "figure"),
    Output(ids.OVERVIEW_TREND, "config"),
    Output(ids.OVERVIEW_TREND_UNDATED, "children"),
    Input(ids.OVERVIEW_QUERY, "data"),
    Input(ids.OVERVIEW_SHOW_ALL, "value"),
)
def render_trend(query, show_all):
    reads = Reads(base_filters(query))
    lang = reads.lang
    indicator, kind = chosen_indicator(reads), chosen_kind(reads.filters)
    row = reads.indicator(indicator) or {"name": indicator, "unit": None}
    frame, notes = trend_data(reads, indicator, kind, show_all=bool(show_all))
    starts, ends = contributing_years(reads, indicator, kind)
    years = [y for y in frame["year"] if y is not None and pd.notna(y)]
    period = covered_period(starts + years, ends + years, lang) if len(frame) else None
    figure = build_trend_figure(
        frame, lang=lang, title=chart_title(row["name"], row["unit"], None, lang),
        subtitle=chart_subtitle(period, t("per programme, by year", lang), kind_label(kind, lang)),
        unit=row["unit"], source=chart_source(reads, indicator, kind),
        colours=theme.programme_colours(list(reads.programme_names("en"))))
    extra = [html.P(n, className="chart-note") for n in notes] + other_kinds_hint(reads, indicator, kind, query)
    return (figure, graph_config(chart_filename(indicator, "year", reads.filters)),
            undated_list(frame, row["unit"], lang) + extra)


def other_kinds_hint(reads: Reads, indicator: str, kind: str, query: dict | None) -> list:
    """Where the chosen kind has no figure but another kind has (a target, a potential), links that
    show that kind instead; kinds are never mixed in one chart."""
    if reads.summary(indicator, by=None, kind=kind).records():
        return []
    links = []
    for other in ("actual", "target", "estimate", "baseline"):
        if other == kind or not reads.summary(indicator, by=None, kind=other).records():
            continue
        params = {k: v for k, v in (query or {}).items() if isinstance(v, str) and v}
        params["kind"] = other
        if params.get("lang") == "en":
            params.pop("lang")
        links.append(dcc.Link(kind_label(other, reads.lang), href="/?" + urlencode(params, safe=",")))
    if not links:
        return []
    items = [part for link in links for part in (link, ", ")][:-1]
    return [html.P([t("No {kind} figure for this selection; the sources state figures of another kind: ", reads.lang,
                      kind=kind_label(kind, reads.lang)), *items], className="chart-note other-kinds")]


# --- breakdowns -----------------------------------------------------------------------------------
def breakdown_frame(records: list[dict], *, others: dict | None = None, rest=(), lang: str = "en") -> pd.DataFrame:
    frame = pd.DataFrame(records, columns=BREAKDOWN_COLUMNS + ["unit", "observations"])[BREAKDOWN_COLUMNS]
    frame["key"] = frame["key"].astype(object)
    if rest:
        frame = frame[~frame["key"].isin(list(rest))]
        if others:
            frame = pd.concat([frame, pd.DataFrame([{"key": OTHERS_KEY, "label": t("Others ({n})", lang, n=len(rest)),
                                                     "value": others["value"], "qualifier": others["qualifier"]}])],
                              ignore_index=True)
    return frame.reset_index(drop=True)


def programmes_tagged(reads: Reads) -> tuple[str, ...] | None:
    """The programmes an SDG filter keeps (None without one)."""
    filters = reads.filters
    if not filters.sdg:
        return None
    tagged = reads.reference("programme_targets")
    keep = tagged[[t_ in filters.sdg_targets or t_.split(".")[0] in filters.sdg_goals for t_ in tagged["target"]]]
    codes = set(keep["programme"])
    if filters.programme:
        codes &= set(filters.programme)
    return tuple(sorted(codes))


def breakdown_data(reads: Reads, indicator: str, kind: str, by: str, *,
                   show_all: bool) -> tuple[pd.DataFrame, list]:
    summary = reads.summary(indicator, by=by, kind=kind)
    records = summary.records()
    frame = pd.DataFrame(records, columns=BREAKDOWN_COLUMNS + ["unit", "observations"])
    _, rest = split_top(frame[frame["key"].notna()], limit=None if show_all else theme.MAX_SERIES)
    others, scope = None, None
    if rest and by == "programme":
        scope = reads.scoped(programme=tuple(rest))
    elif rest:
        allowed = programmes_tagged(reads)
        if allowed is None:
            scope = reads.scoped(sdg=tuple(rest))
        elif allowed:
            scope = reads.scoped(sdg=tuple(rest), programme=allowed)
    if scope is not None:
        # the others' value by the indicator's own rule (a union of countries is not a sum)
        total = scope.summary(indicator, by=None, kind=kind).records()
        others = total[0] if total else None
    return breakdown_frame(records, others=others, rest=rest, lang=reads.lang), summary.notes


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
    reads = Reads(base_filters(query))
    lang = reads.lang
    indicator, kind = chosen_indicator(reads), chosen_kind(reads.filters)
    row = reads.indicator(indicator) or {"name": indicator, "unit": None}
    source = chart_source(reads, indicator, kind)
    starts, ends = contributing_years(reads, indicator, kind)
    period = covered_period(starts, ends, lang) if starts else None
    by_programme, notes_p = breakdown_data(reads, indicator, kind, "programme", show_all=bool(show_all))
    by_sdg, notes_s = breakdown_data(reads, indicator, kind, "sdg", show_all=bool(show_all))
    by_programme["label"] = [t("no programme", lang) if k is None else lab for k, lab in
                             zip(by_programme["key"], by_programme["label"])]
    by_sdg["label"] = [t("no SDG target tagged", lang) if k is None else lab for k, lab in
                       zip(by_sdg["key"], by_sdg["label"])]
    title = chart_title(row["name"], row["unit"], None, lang)
    fig_p = build_breakdown_figure(
        by_programme, by="programme", lang=lang, unit=row["unit"], source=source, title=title,
        subtitle=chart_subtitle(period, t("by programme", lang), kind_label(kind, lang)),
        programme_colours=theme.programme_colours(list(reads.programme_names("en"))))
    fig_s = build_breakdown_figure(
        by_sdg, by="sdg", lang=lang, unit=row["unit"], source=source, title=title,
        subtitle=chart_subtitle(period, t("by SDG target", lang), kind_label(kind, lang)),
        goal_colours=theme.goal_colours())
    notes = [html.P(t("By SDG target: a programme's figure counts once under each target it is tagged with, so "
                      "the rows by target do not add up to the total.", lang), className="chart-note")]
    notes += [html.P(translate_note(n, lang), className="chart-note")
              for n in notes_p + notes_s if n.code != "sdg_overlap"]
    return (fig_p, graph_config(chart_filename(indicator, "programme", reads.filters)), fig_s,
            graph_config(chart_filename(indicator, "sdg", reads.filters)), _dedupe(notes))


def _dedupe(paragraphs: list) -> list:
    seen, out = set(), []
    for p in paragraphs:
        if p.children not in seen:
            seen.add(p.children)
            out.append(p)
    return out


# --- map ------------------------------------------------------------------------------------------
@callback(
    Output(ids.OVERVIEW_MAP_SLOT, "children"),
    Input(ids.OVERVIEW_QUERY, "data"),
)
def render_map(query):
    """The countries-reached map of dashboard.maps, for the same filters."""
    try:
        from dashboard import maps
    except ImportError:  # the map lands separately; the slot stays empty
        return no_update
    reads = Reads(base_filters(query).with_changes(indicator=(), kind=()))
    lang = reads.lang
    programmes = reads.reference("programmes")
    countries = reads.reference("countries")
    figure = maps.build_country_map(
        reads.reach(), reads.events(), lang=lang, country_names=dict(zip(countries["iso3"], countries["name"])),
        programme_names=reads.programme_names(), programmes_frame=programmes, height=560)
    config = maps.map_graph_config(export_filename("countries_reached", "map", reads.filters.to_query()))
    return html.Div(dcc.Graph(id=ids.OVERVIEW_MAP, figure=figure, config=config), className="chart",
                    role="figure", **{"aria-label": t("Map of the countries reached", lang)})


# --- SVG export of any chart ----------------------------------------------------------------------
clientside_callback(
    """
    function (clicks, id) {
        if (!clicks || !window.Plotly) { return window.dash_clientside.no_update; }
        var holder = document.getElementById(id.graph);
        var graph = holder && (holder.classList.contains('js-plotly-plot') ? holder
                               : holder.querySelector('.js-plotly-plot'));
        if (!graph) { return window.dash_clientside.no_update; }
        var options = (graph._context && graph._context.toImageButtonOptions) || {};
        window.Plotly.downloadImage(graph, {format: 'svg', filename: options.filename || id.graph,
                                            width: graph._fullLayout.width, height: graph._fullLayout.height});
        return window.dash_clientside.no_update;
    }
    """,
    Output({"type": ids.SVG_EXPORT, "graph": MATCH}, "title"),
    Input({"type": ids.SVG_EXPORT, "graph": MATCH}, "n_clicks"),
    State({"type": ids.SVG_EXPORT, "graph": MATCH}, "id"),
    prevent_initial_call=True,
)

