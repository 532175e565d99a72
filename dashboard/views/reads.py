"""Memoised reads for one callback run, and what lies behind a figure (years, sources, quotes).

Each read goes once through the shared result cache and is then kept for the rest of the run."""

from __future__ import annotations

import pandas as pd

from dashboard import data
from dashboard.components.source_panel import unique_quotes
from dashboard.figures.common import source_text
from indicators import repository as repo
from indicators.filters import FilterState

SOURCE_SAMPLE = 500  # observations read for source lines and quotes (fewer = all of them)
QUOTE_COLUMNS = ["source_document", "source_section", "source_quote", "source_figure", "source_quote_en"]


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

    def indicator_kinds(self) -> pd.DataFrame:
        """(indicator, kind) rows with observations under the filters (from the rollup)."""
        return self._get(("indicator_kinds", self.filters), lambda: repo.indicator_kinds(data.engine(), self.filters))

    def kinds_reported(self) -> set[tuple[str, str]]:
        frame = self.indicator_kinds()
        return set(zip(frame["indicator"], frame["kind"]))

    def indicator(self, code: str) -> dict | None:
        frame = self.reference("indicators")
        match = frame[frame["code"] == code]
        return None if match.empty else match.iloc[0].to_dict()

    def programme_names(self, lang: str | None = None) -> dict:
        frame = self.reference("programmes", lang)
        return dict(zip(frame["code"], frame["name"]))


# --- what lies behind a figure -------------------------------------------------------------------
def sources_complete(reads: Reads, indicator: str, kind: str) -> bool:
    """Whether every source of the figure was read (not only the first SOURCE_SAMPLE)."""
    return len(reads.sources(indicator, kind)) < SOURCE_SAMPLE


def chart_source(reads: Reads, indicator: str, kind: str) -> str:
    """The source line of a chart of the figure."""
    sample = reads.sources(indicator, kind)
    return source_text(sample.to_dict("records"), reads.lang, complete=sources_complete(reads, indicator, kind))


def source_quotes(reads: Reads, indicator: str, kind: str, limit: int = 24) -> list[dict]:
    """The distinct source quotes behind a figure (at most `limit`), for the sources disclosure."""
    return unique_quotes(reads.sources(indicator, kind)[QUOTE_COLUMNS].to_dict("records"))[:limit]


def events_of_type(reads: Reads, event_type: str | None, status: str = "held") -> pd.DataFrame:
    """The events of one type and status under the filters (a count of events counts the held ones)."""
    frame = reads.events()
    return frame[(frame["type"] == event_type) & (frame["status"] == status)]


def contributing_years(reads: Reads, indicator: str, kind: str) -> tuple[list, list]:
    """(starts, ends) of the records behind a figure: its observations; for a count of events the
    held events; for countries reached the programme periods, actual figures and events it unions."""
    prov = reads.periods(indicator, kind)
    starts, ends = list(prov["year_start"]), list(prov["year_end"])
    row = reads.indicator(indicator) or {}
    if row.get("aggregation") == "count_events" and kind == "actual" and row.get("event_type"):
        held = events_of_type(reads, row["event_type"])
        starts += list(held["year"])
        ends += list(held["year"])
    if row.get("aggregation") == "distinct_countries" and kind == "actual":
        reach = reads.reach()
        starts += list(reach["year_start"])
        ends += list(reach["year_end"])
    return starts, ends
