"""The overview's charts as data: trend, breakdowns by programme and SDG target, map rows.

The trend per programme by year, the breakdowns by programme and by SDG target (largest shown, the
rest as "others" by the indicator's own rule), the kinds that have figures, the map's rows."""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from dashboard import theme
from dashboard.figures.breakdown import BREAKDOWN_COLUMNS
from dashboard.figures.common import OTHERS_KEY, covered_period, export_filename, source_text, split_top, translate_note
from dashboard.figures.trend import trend_frame
from dashboard.i18n import t
from dashboard.views.overview import chosen_indicator, chosen_kind
from dashboard.views.reads import SOURCE_SAMPLE, Reads, chart_source, contributing_years
from indicators.filters import FilterState

KINDS = ("actual", "target", "estimate", "baseline")


@dataclass(frozen=True)
class ChartData:
    """One indicator's chart(s) for the filters: what the figure builders and notes need."""

    indicator: str
    name: str
    unit: str | None
    kind: str
    period: str | None
    source: str
    programme_colours: dict
    notes: list[str] = field(default_factory=list)
    frames: dict = field(default_factory=dict)  # by split ("year", "programme", "sdg") -> frame
    filenames: dict = field(default_factory=dict)  # by split -> export file name
    other_kinds: list[str] = field(default_factory=list)  # kinds with a figure when this one has none


def _chart_data(reads: Reads, **fields) -> ChartData:
    indicator, kind = chosen_indicator(reads), chosen_kind(reads.filters)
    row = reads.indicator(indicator) or {"name": indicator, "unit": None}
    query = reads.filters.to_query()
    return ChartData(indicator=indicator, name=row["name"], unit=row["unit"], kind=kind,
                     source=chart_source(reads, indicator, kind),
                     programme_colours=theme.programme_colours(list(reads.programme_names("en"))),
                     filenames={by: export_filename(indicator, by, query) for by in ("year", "programme", "sdg")},
                     **fields)


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


def trend_rows(reads: Reads, indicator: str, kind: str, *, show_all: bool) -> tuple[pd.DataFrame, list[str]]:
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


def other_kinds(reads: Reads, indicator: str, kind: str) -> list[str]:
    """Where the chosen kind has no figure, the other kinds that have one (a target, a potential)."""
    if reads.summary(indicator, by=None, kind=kind).records():
        return []
    return [other for other in KINDS
            if other != kind and reads.summary(indicator, by=None, kind=other).records()]


def trend_chart(filters: FilterState, *, show_all: bool) -> ChartData:
    """The trend per programme by year of the chosen indicator and kind."""
    reads = Reads(filters)
    indicator, kind = chosen_indicator(reads), chosen_kind(filters)
    frame, notes = trend_rows(reads, indicator, kind, show_all=show_all)
    starts, ends = contributing_years(reads, indicator, kind)
    years = [y for y in frame["year"] if y is not None and pd.notna(y)]
    period = covered_period(starts + years, ends + years, reads.lang) if len(frame) else None
    return _chart_data(reads, period=period, notes=notes, frames={"year": frame},
                       other_kinds=other_kinds(reads, indicator, kind))


# --- breakdowns -----------------------------------------------------------------------------------
def breakdown_frame(records: list[dict], *, others: dict | None = None, rest=(), lang: str = "en") -> pd.DataFrame:
    """The breakdown's rows with the `rest` keys replaced by one "others" row (its value `others`)."""
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


def breakdown_rows(reads: Reads, indicator: str, kind: str, by: str, *,
                   show_all: bool) -> tuple[pd.DataFrame, list]:
    """(rows by programme or by SDG target with the smallest grouped as "others", the notes)."""
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


def breakdown_charts(filters: FilterState, *, show_all: bool) -> ChartData:
    """The chosen indicator by programme and by SDG target, with the notes under both."""
    reads = Reads(filters)
    lang = reads.lang
    indicator, kind = chosen_indicator(reads), chosen_kind(filters)
    starts, ends = contributing_years(reads, indicator, kind)
    by_programme, notes_p = breakdown_rows(reads, indicator, kind, "programme", show_all=show_all)
    by_sdg, notes_s = breakdown_rows(reads, indicator, kind, "sdg", show_all=show_all)
    by_programme["label"] = [t("no programme", lang) if k is None else lab for k, lab in
                             zip(by_programme["key"], by_programme["label"])]
    by_sdg["label"] = [t("no SDG target tagged", lang) if k is None else lab for k, lab in
                       zip(by_sdg["key"], by_sdg["label"])]
    notes = [t("By SDG target: a programme's figure counts once under each target it is tagged with, so "
               "the rows by target do not add up to the total.", lang)]
    notes += [translate_note(n, lang) for n in notes_p + notes_s if n.code != "sdg_overlap"]
    return _chart_data(reads, period=covered_period(starts, ends, lang) if starts else None,
                       notes=list(dict.fromkeys(notes)), frames={"programme": by_programme, "sdg": by_sdg})


# --- map ------------------------------------------------------------------------------------------
def map_rows(filters: FilterState) -> dict:
    """The rows and names `maps.build_country_map` takes, for the filters (all indicators and kinds),
    and the export file name."""
    reads = Reads(filters.with_changes(indicator=(), kind=()))
    countries = reads.reference("countries")
    return {"reach": reads.reach(), "events": reads.events(),
            "country_names": dict(zip(countries["iso3"], countries["name"])),
            "programme_names": reads.programme_names(), "programmes": reads.reference("programmes"),
            "filename": export_filename("countries_reached", "map", reads.filters.to_query())}
