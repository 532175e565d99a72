"""The aggregation rules of INTERFACES.md section 3, in one module: the UI, the API and the CLI all
call `summarise`. SQL does the heavy grouping (repository.py); this module combines the small
grouped results by each indicator's own rule."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Iterable

import numpy as np
import pandas as pd
from sqlalchemy import Engine

from indicators import repository as repo
from indicators.filters import FilterState

GROUPINGS = ("programme", "country", "region", "year", "sdg")
SUMMARY_COLUMNS = ["key", "label", "value", "qualifier", "unit", "observations"]
QUALIFIER_ORDER = ("exact", "approx", "more_than", "at_least", "less_than", "up_to")


class UnknownIndicator(LookupError):
    pass


@dataclass
class Note:
    code: str
    message: str
    count: int | None = None

    def as_dict(self) -> dict:
        return {"code": self.code, "message": self.message}


@dataclass
class Summary:
    indicator: str
    kind: str
    by: str | None
    rule: str
    unit: str
    rows: pd.DataFrame
    notes: list[Note] = field(default_factory=list)

    @property
    def total(self) -> float | None:
        return None if self.rows.empty else float(self.rows["value"].sum())

    def records(self) -> list[dict]:
        out = []
        for rec in self.rows[SUMMARY_COLUMNS].to_dict("records"):
            rec["key"] = _norm(rec["key"])
            rec["label"] = None if rec["key"] is None or pd.isna(rec["label"]) else rec["label"]  # not NaN
            rec["value"] = _plain_number(rec["value"])
            rec["observations"] = int(rec["observations"])
            out.append(rec)
        return out


def _plain_number(value) -> int | float:
    value = float(value)
    return int(value) if value.is_integer() else value


def combine_qualifiers(qualifiers: Iterable[str]) -> str:
    """Inputs sharing one qualifier keep it; mixed qualifiers give `approx`."""
    distinct = {q for q in qualifiers if q}
    if not distinct:
        return "exact"
    return distinct.pop() if len(distinct) == 1 else "approx"


def _group_qualifier(frame: pd.DataFrame) -> str:
    return combine_qualifiers(list(frame["q_min"]) + list(frame["q_max"]))


def _key_column(frame: pd.DataFrame, by: str | None) -> pd.Series:
    if by == "programme":
        return frame["programme"]
    if by == "year":
        return frame["year_end"]
    return frame["dim"]


# --- sum -----------------------------------------------------------------------------------------
MISSING = "\0"  # stands for a missing key inside groupby, which would otherwise drop or mangle it


def _keys(values: pd.Series) -> pd.Series:
    """Group keys as plain Python values with MISSING for null (years as int)."""
    return pd.Series([MISSING if _norm(v) is None else _norm(v) for v in values], index=values.index, dtype=object)


def _unkey(key):
    return None if key == MISSING else key


ROLE_RANK = {"total": 0, "country": 1, "other": 2}


def _sum_rule(engine: Engine, filters: FilterState, indicator: str, kind: str, by: str | None) -> tuple[pd.DataFrame, list[Note]]:
    """Per fact (programme, period, date): its total where stated, else its country breakdown, else
    its other breakdown. Grouped by a place, the breakdown rows go to their key and the part of a
    total that no breakdown covers goes to the total's own area (by region) or to "not stated"."""
    g = repo.grouped_observations(engine, filters, indicator, kind, by)
    if g.empty:
        return pd.DataFrame(columns=["key", "value", "qualifier", "observations"]), []
    g["fact"] = [f"{p}|{a}|{b}|{d}" for p, a, b, d in zip(g["programme"], g["year_start"], g["year_end"], g["date"])]
    g["key"] = _keys(_key_column(g, by))
    g["rank"] = g["role"].map(ROLE_RANK)
    if by not in ("country", "region"):
        # the key is constant within a fact (or repeats it once per SDG target): pick per (fact, key)
        g["chosen"] = g["rank"] == g.groupby(["fact", "key"])["rank"].transform("min")
        g["valued"] = g["chosen"]
        g["amount"] = g["value"].where(g["chosen"], 0.0)
    else:
        has_total = g.groupby("fact")["rank"].transform(lambda r: (r == 0).any())
        has_country = g.groupby("fact")["rank"].transform(lambda r: (r == 1).any())
        is_part = (g["rank"] == 1) | ((g["rank"] == 2) & ~has_country & ~has_total)
        covered = g["value"].where(is_part, 0.0).groupby(g["fact"]).transform("sum")
        total = g["value"].where(g["rank"] == 0, 0.0).groupby(g["fact"]).transform("sum")
        remainder = (total - covered).clip(lower=0.0)
        g["amount"] = g["value"].where(is_part, 0.0) + remainder.where(g["rank"] == 0, 0.0)
        g["valued"] = is_part | ((g["rank"] == 0) & (remainder > 0))
        if by == "country":
            g.loc[g["rank"] == 0, "key"] = MISSING
        g.loc[(g["rank"] == 2) & ~is_part, "key"] = MISSING
    valued = g[g["valued"]]
    values = valued.groupby("key")["amount"].sum()
    qualifiers = valued.groupby("key").apply(lambda part: combine_qualifiers(list(part["q_min"]) + list(part["q_max"])),
                                            include_groups=False)
    counts = g.groupby("key")["n"].sum()
    frame = pd.DataFrame({"key": [_unkey(k) for k in values.index], "value": values.values,
                          "qualifier": [qualifiers[k] for k in values.index],
                          "observations": [int(counts[k]) for k in values.index]})
    return frame, []


# --- latest and max ------------------------------------------------------------------------------
def _latest_rule(engine, filters, indicator, kind, by, rule) -> tuple[pd.DataFrame, list[Note]]:
    grouped = repo.latest_per_group(engine, filters, indicator, kind, by)
    if grouped.empty:
        return pd.DataFrame(columns=["key", "value", "qualifier", "observations"]), []
    grouped["key"] = _keys(grouped["programme"] if by == "programme" else grouped["year_end"] if by == "year"
                           else grouped["dim"])
    rows, undated = [], 0
    for key, part in grouped.groupby("key", sort=False):
        if rule == "max":
            chosen = part[part["value"] == part["value"].max()]
        else:
            dated = part[part["year_end"].notna()]
            if dated.empty:
                chosen = part
                undated += int(part["n"].sum())
            else:
                chosen = dated[dated["year_end"] == dated["year_end"].max()]
                chosen = chosen[chosen["value"] == chosen["value"].max()]
        rows.append({"key": _unkey(key), "value": float(chosen["value"].max()),
                     "qualifier": _group_qualifier(chosen), "observations": int(part["n"].sum())})
    notes = [Note("year_not_stated", f"{undated} figure(s) with no stated year are shown as 'year not stated'",
                  undated)] if undated else []
    return pd.DataFrame(rows), notes


# --- count_events --------------------------------------------------------------------------------
def _count_events_rule(engine, filters, indicator, kind, by, event_type) -> tuple[pd.DataFrame, list[Note]]:
    stated = repo.grouped_observations(engine, filters, indicator, kind, "sdg" if by == "sdg" else None)
    events = repo.held_events(engine, filters, event_type) if kind == "actual" else pd.DataFrame(
        columns=["id", "programme", "year", "country", "region", "ilo_region"])
    events = events.astype({"programme": object})
    stated = stated.astype({"programme": object})
    # per programme: the largest stated running total wins; else the events counted
    programmes = set(stated["programme"].dropna()) | set(events["programme"].dropna())
    if stated["programme"].isna().any() or events["programme"].isna().any():
        programmes.add(None)
    notes: list[Note] = []
    per_programme: dict = {}
    for code in programmes:
        s = stated[stated["programme"].isna()] if code is None else stated[stated["programme"] == code]
        e = events[events["programme"].isna()] if code is None else events[events["programme"] == code]
        counted = len(e)
        if len(s):
            best = s[s["max_value"] == s["max_value"].max()]
            value, qualifier = float(best["max_value"].iloc[0]), _group_qualifier(best)
        else:
            value, qualifier = float(counted), "exact"
        if len(s) and counted != value:
            notes.append(Note("events_differ", f"{code or 'other'}: {value:g} held, {counted} named in the sources"))
        per_programme[code] = (value, qualifier, int(s["n"].sum()) if len(s) else 0, e)
    rows = []
    if by in (None, "programme"):
        for code, (value, qualifier, n, _) in per_programme.items():
            rows.append({"key": code if by else None, "value": value, "qualifier": qualifier, "observations": n})
    elif by == "sdg":
        targets = programme_targets_selected(engine, filters)
        for code, (value, qualifier, n, _) in per_programme.items():
            tagged = targets[targets["programme"] == code]
            # an untagged programme's figure is "not stated"; a tagged one counts under each selected target
            wanted = list(tagged[tagged["selected"]]["target"]) if len(tagged) else [None]
            for target in wanted:
                rows.append({"key": target, "value": value, "qualifier": qualifier, "observations": n})
    else:
        column = {"year": "year", "country": "country", "region": None}[by]
        for code, (value, qualifier, n, e) in per_programme.items():
            keys = (e[column] if column else e["region"].fillna(e["ilo_region"])).astype(object)
            counts = keys.where(keys.notna(), None).value_counts(dropna=False)
            named = 0
            for key, count in counts.items():
                key = None if pd.isna(key) else (int(key) if by == "year" else key)
                rows.append({"key": key, "value": float(count), "qualifier": "exact", "observations": 0})
                named += int(count)
            if value - named > 0:
                rows.append({"key": None, "value": value - named, "qualifier": qualifier, "observations": n})
            elif n:
                rows.append({"key": None, "value": 0.0, "qualifier": qualifier, "observations": n, "only_count": True})
    frame = _merge_rows(rows)
    return frame, notes


def _target_selected(target: str, filters: FilterState) -> bool:
    if not filters.sdg:
        return True
    return target in filters.sdg_targets or target.split(".")[0] in filters.sdg_goals


def programme_targets_selected(engine: Engine, filters: FilterState) -> pd.DataFrame:
    """(programme, target, selected): every tag, and whether the SDG filter selects that target."""
    targets = repo.programme_targets(engine)
    return targets.assign(selected=[_target_selected(t, filters) for t in targets["target"]])


def _by_selected_target(frame: pd.DataFrame, targets: pd.DataFrame) -> pd.DataFrame:
    """One row per selected target of each row's programme (key = target; untagged: no key)."""
    chosen = targets[targets["selected"]][["programme", "target"]]
    return frame.merge(chosen, on="programme", how="left").rename(columns={"target": "key"})


def _merge_rows(rows: list[dict]) -> pd.DataFrame:
    merged: dict = {}
    for row in rows:
        key = row["key"]
        entry = merged.setdefault(key, {"key": key, "value": 0.0, "qualifiers": [], "observations": 0, "valued": False})
        entry["observations"] += row["observations"]
        if not row.get("only_count"):
            entry["value"] += row["value"]
            entry["qualifiers"].extend(row["qualifiers"] if "qualifiers" in row else [row["qualifier"]])
            entry["valued"] = True
    return pd.DataFrame([
        {"key": e["key"], "value": e["value"], "qualifier": combine_qualifiers(e["qualifiers"]),
         "observations": e["observations"]} for e in merged.values() if e["valued"]
    ], columns=["key", "value", "qualifier", "observations"])


# --- distinct_countries --------------------------------------------------------------------------
def _distinct_countries_rule(engine, filters, indicator, kind, by) -> tuple[pd.DataFrame, list[Note]]:
    reach = repo.reach_rows(engine, filters) if kind == "actual" else pd.DataFrame(
        columns=["programme", "country", "year_start", "year_end", "status", "origin"])
    unnamed = repo.unnamed_counts(engine, filters, indicator, kind)
    stated = repo.grouped_observations(engine, filters, indicator, kind, by if by != "year" else None)
    countries = repo.countries(engine)
    region_of = dict(zip(countries["iso3"], countries["ilo_region"]))
    reach = reach.astype({"programme": object})
    unnamed = unnamed.astype({"programme": object, "region": object})

    sdg_targets = programme_targets_selected(engine, filters) if by == "sdg" else None

    def keys_for_reach(frame: pd.DataFrame) -> pd.DataFrame:
        if by == "programme":
            return frame.assign(key=frame["programme"])
        if by == "country":
            return frame.assign(key=frame["country"])
        if by == "region":
            return frame.assign(key=frame["country"].map(region_of))
        if by == "sdg":
            return _by_selected_target(frame, sdg_targets)
        if by == "year":
            return _expand_years(frame)
        return frame.assign(key=None)

    def keys_for_unnamed(frame: pd.DataFrame) -> pd.DataFrame:
        if by == "programme":
            return frame.assign(key=frame["programme"])
        if by == "region":
            return frame.assign(key=frame["region"])
        if by == "year":
            return frame.assign(key=frame["year_end"])
        if by == "sdg":
            return _by_selected_target(frame, sdg_targets)
        return frame.assign(key=None)  # by country (an unnamed count has none) or one total

    reach_k = keys_for_reach(reach) if len(reach) else reach.assign(key=None)
    unnamed_k = keys_for_unnamed(unnamed) if len(unnamed) else unnamed.assign(key=None)
    reach_k["key"], unnamed_k["key"] = _keys(reach_k["key"]), _keys(unnamed_k["key"])
    observed = _observation_counts(stated, by)
    rows = []
    for key in set(reach_k["key"]) | set(unnamed_k["key"]):
        union = set(reach_k[reach_k["key"] == key]["country"])
        counts = unnamed_k[unnamed_k["key"] == key]
        largest = float(counts["value"].max()) if len(counts) else 0.0
        # a count stated without names cannot be unioned: at least the largest of them
        value = max(float(len(union)), largest)
        qualifier = "at_least" if largest > len(union) else "exact"
        rows.append({"key": _unkey(key), "value": value, "qualifier": qualifier,
                     "observations": observed.get(_unkey(key), 0)})
    frame = pd.DataFrame(rows, columns=["key", "value", "qualifier", "observations"])
    if by is None and len(frame):
        frame["key"] = None
    notes = []
    if len(unnamed):
        notes.append(Note("unnamed_counts", f"{len(unnamed)} count(s) stated without naming the countries; "
                                            "the result is at least the largest of them", len(unnamed)))
    return frame, notes


def _norm(key):
    """A group key as a plain value: None for any null, whole numbers (years) as int."""
    if key is None or key is pd.NA or key == "":
        return None
    if isinstance(key, (float, np.floating)):
        return None if math.isnan(key) else int(key)
    if isinstance(key, np.integer):
        return int(key)
    return key


def _observation_counts(stated: pd.DataFrame, by: str | None) -> dict:
    if stated.empty:
        return {}
    key = stated["programme"] if by == "programme" else stated["year_end"] if by == "year" else stated["dim"]
    if by is None:
        return {None: int(stated["n"].sum())}
    counts = stated.assign(key=_keys(key)).groupby("key")["n"].sum()
    return {_unkey(k): int(v) for k, v in counts.items()}


def _expand_years(reach: pd.DataFrame) -> pd.DataFrame:
    """A programme's countries count in every year of its period (open-ended: up to the latest year
    any record of the selection names); records with one year count in that year."""
    dated = reach.dropna(subset=["year_start"])
    last = int(pd.to_numeric(dated["year_end"], errors="coerce").max()) if len(dated) and dated["year_end"].notna().any() else None
    rows = []
    for rec in reach.to_dict("records"):
        start, end = rec["year_start"], rec["year_end"]
        if pd.isna(start):
            rows.append({**rec, "key": None})
            continue
        if pd.isna(end):
            end = max(int(start), last or int(start)) if rec.get("status") == "ongoing" else start
        for year in range(int(start), int(end) + 1):
            rows.append({**rec, "key": year})
    return pd.DataFrame(rows, columns=list(reach.columns) + ["key"])


# --- entry point ---------------------------------------------------------------------------------
def summarise(engine: Engine, indicator: str, *, by: str | None = None, kind: str = "actual",
              filters: FilterState | None = None, lang: str | None = None) -> Summary:
    """One indicator and one kind, grouped by `by` (or one total), by the indicator's own rule."""
    filters = filters or FilterState()
    lang = lang or filters.lang
    if by is not None and by not in GROUPINGS:
        raise ValueError(f"by must be one of {', '.join(GROUPINGS)}")
    definition = repo.indicator_definition(engine, indicator)
    if definition is None:
        raise UnknownIndicator(indicator)
    rule = definition["aggregation"]
    if rule == "sum":
        rows, notes = _sum_rule(engine, filters, indicator, kind, by)
    elif rule in ("latest", "max"):
        rows, notes = _latest_rule(engine, filters, indicator, kind, by, rule)
    elif rule == "count_events":
        rows, notes = _count_events_rule(engine, filters, indicator, kind, by, definition["event_type"])
    else:
        rows, notes = _distinct_countries_rule(engine, filters, indicator, kind, by)
    notes += _coverage_notes(engine, filters, indicator, kind, by)
    rows = _finish(engine, rows, by, lang, definition["unit"])
    return Summary(indicator=indicator, kind=kind, by=by, rule=rule, unit=definition["unit"], rows=rows, notes=notes)


def _coverage_notes(engine, filters, indicator, kind, by) -> list[Note]:
    notes = []
    if filters.has_year:
        n = repo.count_without_period(engine, filters, indicator, kind)
        if n:
            notes.append(Note("no_year", f"{n} figure(s) without a stated year left out by the year filter", n))
    if filters.has_place:
        n = repo.count_without_place(engine, filters, indicator, kind)
        if n:
            notes.append(Note("no_place", f"{n} programme total(s) without a country breakdown left out by the place filter", n))
    if by == "sdg":
        notes.append(Note("sdg_overlap", "A programme's figure counts once under each target it is tagged with; "
                                         "rows by target do not add up to the total"))
    return notes


def sort_key(key, by: str | None) -> tuple:
    """Order of summary rows: by key (SDG targets as 8.2 < 8.10 < 8.a), "not stated" last."""
    if key is None:
        return (1, 0, 0, "")
    if by == "sdg" and "." in str(key):
        goal, tail = str(key).split(".", 1)
        return (0, int(goal), int(tail) if tail.isdigit() else 100 + ord(tail[0]), "")
    if by == "year":
        return (0, int(key), 0, "")
    return (0, 0, 0, str(key))


def _finish(engine, rows: pd.DataFrame, by, lang, unit) -> pd.DataFrame:
    if rows.empty:
        return pd.DataFrame(columns=SUMMARY_COLUMNS)
    records = rows.to_dict("records")
    names = repo.labels(engine, by, lang) if by else {}
    out = []
    for rec in records:
        key = None if by is None else _norm(rec["key"])
        label = None if key is None else str(key) if by == "year" else names.get(key, key)
        out.append({"key": key, "label": label, "value": float(rec["value"]), "qualifier": rec["qualifier"],
                    "unit": unit, "observations": int(rec["observations"])})
    out.sort(key=lambda r: sort_key(r["key"], by))
    frame = pd.DataFrame(out, columns=SUMMARY_COLUMNS)
    frame["key"] = pd.Series([r["key"] for r in out], dtype=object)
    return frame
