"""The programme page as data: record, profile names, events, reach and indicator charts.

Per indicator the programme reports: its figures by kind and year with their periods, sources and
progress against the target."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from dashboard import data, theme
from dashboard.figures.common import as_year, covered_period, export_filename, source_text
from dashboard.figures.progress import KIND_ORDER, progress_frame
from dashboard.views.reads import Reads, events_of_type, source_quotes, sources_complete
from indicators.filters import FilterState
from indicators.progress import Progress, assess_rows


def programme_reads(code: str, lang: str = "en") -> Reads:
    """The reads of one programme's figures, events and reach (all years, every place)."""
    return Reads(FilterState(programme=(code,), lang=lang))


def programme_record(code: str | None, lang: str) -> dict | None:
    """The programme's record (None for an empty or unknown code)."""
    if not code:
        return None
    programmes = data.reference("programmes", lang)
    match = programmes[programmes["code"] == code]
    return None if match.empty else match.iloc[0].to_dict()


def profile_names(lang: str) -> dict:
    """The names and colours a profile looks up: countries, areas, target titles, goal colours."""
    countries = data.reference("countries", lang)
    areas = data.reference("areas", lang)
    targets = data.reference("targets", lang)
    return {"country_names": dict(zip(countries["iso3"], countries["name"])),
            "area_names": dict(zip(areas["code"], areas["name"])),
            "target_titles": dict(zip(targets["code"], targets["title"])),
            "goal_colours": theme.goal_colours()}


def programme_events(code: str, lang: str) -> pd.DataFrame:
    return programme_reads(code, lang).events()


def programme_map_rows(code: str, lang: str) -> dict | None:
    """The rows of the programme's map (None where it reaches no country) and its export file name."""
    reads = programme_reads(code, lang)
    reach = reads.reach()
    if reach.empty:
        return None
    programmes = reads.reference("programmes")
    return {"reach": reach, "events": reads.events(), "programmes": programmes[programmes["code"] == code],
            "filename": export_filename("countries_reached", "map", {"programme": code})}


def programme_indicators(code: str) -> list[tuple[str, list[str]]]:
    """(indicator, kinds) the programme reports: observations of any kind, and held events an
    event-counting indicator counts."""
    reads = programme_reads(code)
    found: dict[str, list[str]] = {}
    for rec in reads.indicator_kinds().to_dict("records"):
        if rec["kind"] in KIND_ORDER:
            found.setdefault(rec["indicator"], []).append(rec["kind"])
    indicators = reads.reference("indicators")
    events = reads.events()
    held_types = set(events[events["status"] == "held"]["type"]) if len(events) else set()
    for rec in indicators.to_dict("records"):
        if rec["aggregation"] == "count_events" and rec["event_type"] in held_types:
            kinds = found.setdefault(rec["code"], [])
            if "actual" not in kinds:
                kinds.append("actual")
    order = {c: i for i, c in enumerate(indicators["code"])}
    return sorted(((k, [x for x in KIND_ORDER if x in v]) for k, v in found.items()),
                  key=lambda item: order.get(item[0], 999))


@dataclass(frozen=True)
class IndicatorChart:
    """One indicator of a programme: its figures by kind and year (rows of figures/progress.py's
    progress_frame), the progress against its target, and what lies behind them."""

    indicator: dict  # the indicator's reference row (code, name, unit, aggregation...)
    kinds: list[str]
    frame: pd.DataFrame
    progress: Progress
    period: str | None
    source: str
    quotes: list
    filename: str


def indicator_chart(code: str, indicator: dict, kinds: list[str], lang: str) -> IndicatorChart:
    """The figures the programme reports for `indicator`, every kind beside the others, all years."""
    reads = programme_reads(code, lang)
    ind = indicator["code"]
    rows_by_kind, point_periods, point_sources, all_sources, quotes = {}, {}, {}, [], []
    starts, ends = [], []
    complete = True
    for kind in kinds:
        rows_by_kind[kind] = reads.summary(ind, by="year", kind=kind).records()
        for rec in reads.periods(ind, kind).to_dict("records"):
            end, start = as_year(rec["year_end"]), as_year(rec["year_start"])
            if end is not None:
                first = point_periods.get((kind, end), (end, end))[0]
                point_periods[(kind, end)] = (min(start if start is not None else end, first), end)
            starts.append(start)
            ends.append(end)
        complete = complete and sources_complete(reads, ind, kind)
        for rec in reads.sources(ind, kind).to_dict("records"):
            point_sources.setdefault((kind, as_year(rec["year_end"])), []).append(rec)
            all_sources.append(rec)
        quotes += source_quotes(reads, ind, kind)
    if not complete:
        point_sources = {}
    if indicator.get("aggregation") == "count_events":
        held = events_of_type(reads, indicator.get("event_type"))
        starts += list(held["year"])
        ends += list(held["year"])
        if not quotes:
            quotes = [q for s in held["sources"] for q in s]
    frame = progress_frame(rows_by_kind, periods=point_periods,
                           sources={k: source_text(v, lang) for k, v in point_sources.items()}, lang=lang)
    progress = assess_rows([{"kind": r["kind"], "year": r["year"], "value": r["value"]}
                            for r in frame.to_dict("records")])
    years = [y for y in frame["year"] if y is not None and not pd.isna(y)]
    return IndicatorChart(
        indicator=indicator, kinds=kinds, frame=frame, progress=progress,
        period=covered_period(starts + years, ends + years, lang) if len(frame) else None,
        source=source_text(all_sources, lang, complete=complete), quotes=quotes,
        filename=export_filename(ind, "year", {"programme": code}))


def indicator_charts(code: str, lang: str) -> list[IndicatorChart]:
    """Every indicator the programme reports, in the reference order."""
    by_code = {r["code"]: r for r in data.reference("indicators", lang).to_dict("records")}
    return [indicator_chart(code, by_code[ind], kinds, lang)
            for ind, kinds in programme_indicators(code) if ind in by_code]
