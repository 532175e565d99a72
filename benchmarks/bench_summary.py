"""Benchmark: server-side cost of a filter change (one `metrics.summarise` call, uncached) on synthetic
data of growing size, against the naive pattern (the whole observation table in a pandas DataFrame,
filtered and grouped in Python on every change). Run on demand, never in the test suite:

    .venv/bin/python benchmarks/bench_summary.py [--sizes 10000 100000 1000000] [--repeat 3]

Writes benchmarks/results/summary-<size>.json and prints medians, p95 and the ratio."""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import pandas as pd  # noqa: E402
from sqlalchemy import select  # noqa: E402

from indicators import metrics  # noqa: E402
from indicators import tables as T  # noqa: E402
from indicators.db import get_engine, init_db  # noqa: E402
from indicators.demo import add_demo_data  # noqa: E402
from indicators.filters import FilterState  # noqa: E402

RESULTS = Path(__file__).resolve().parent / "results"


def filter_changes(programmes: list[str], rng: random.Random, count: int) -> list[tuple[str, str | None, FilterState]]:
    """A replay of what a user does: pick a programme, a goal, a year range, a region; regroup."""
    out = []
    for _ in range(count):
        choice = rng.random()
        if choice < 0.25:
            state = FilterState(programme=(rng.choice(programmes),))
        elif choice < 0.5:
            state = FilterState(sdg=(str(rng.randint(1, 17)),))
        elif choice < 0.75:
            start = rng.randint(2010, 2018)
            state = FilterState(year_from=start, year_to=start + rng.randint(0, 4))
        else:
            state = FilterState(region=(rng.choice(["africa", "americas", "asia-pacific", "europe-central-asia"]),))
        indicator = rng.choice(["participants_trained", "participants_trained", "jobs_created", "countries_reached"])
        by = rng.choice(["programme", "year", "country", None])
        out.append((indicator, by, state))
    return out


def naive_summary(frame: pd.DataFrame, targets: pd.DataFrame, regions: dict, indicator: str, by, state: FilterState):
    """The pattern to beat: filter and group the whole table in pandas (sum rule only, no semantics)."""
    rows = frame[(frame["indicator"] == indicator) & (frame["kind"] == "actual")]
    if state.programme:
        rows = rows[rows["programme"].isin(state.programme)]
    if state.sdg:
        tagged = targets[targets["value"].str.split(".").str[0].isin(state.sdg)]["programme"]
        rows = rows[rows["programme"].isin(set(tagged))]
    if state.year_from is not None:
        rows = rows[(rows["year_start"] <= state.year_to) & (rows["year_end"] >= state.year_from)]
    if state.region:
        rows = rows[rows["country"].map(regions).isin(state.region)]
    if indicator == "countries_reached":
        return rows["country"].nunique()
    key = {"programme": "programme", "year": "year_end", "country": "country"}.get(by)
    return rows.groupby(key)["value"].sum() if key else rows["value"].sum()


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(q * (len(ordered) - 1))))]


def run(size: int, repeat: int, changes: int) -> dict:
    workdir = Path(tempfile.mkdtemp(prefix="bench-"))
    engine = get_engine(f"sqlite:///{workdir / 'bench.db'}")
    init_db(engine)
    started = time.perf_counter()
    add_demo_data(engine, size, progress=sys.stderr.isatty())
    load_seconds = time.perf_counter() - started
    with engine.connect() as connection:
        programmes = list(connection.scalars(select(T.Programme.code)))
    rng = random.Random(7)
    replay = filter_changes(programmes, rng, changes)

    ours: list[float] = []
    for _ in range(repeat):
        for indicator, by, state in replay:
            t0 = time.perf_counter()
            metrics.summarise(engine, indicator, by=by, filters=state)
            ours.append(time.perf_counter() - t0)

    gc.collect()
    tracemalloc.start()
    t0 = time.perf_counter()
    frame = pd.read_sql_table("observation", engine)
    targets = pd.read_sql_query("select programme, value from programme_attribute where field = 'sdg_targets'", engine)
    regions = dict(pd.read_sql_query("select iso3, ilo_region from country", engine).itertuples(index=False))
    naive_load = time.perf_counter() - t0
    naive_memory = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    naive: list[float] = []
    for _ in range(repeat):
        for indicator, by, state in replay:
            t0 = time.perf_counter()
            naive_summary(frame, targets, regions, indicator, by, state)
            naive.append(time.perf_counter() - t0)
    result = {
        "size": size, "changes_per_repeat": changes, "repeats": repeat, "demo_data_seconds": round(load_seconds, 2),
        "ours_median_ms": round(statistics.median(ours) * 1000, 2), "ours_p95_ms": round(percentile(ours, 0.95) * 1000, 2),
        "naive_median_ms": round(statistics.median(naive) * 1000, 2), "naive_p95_ms": round(percentile(naive, 0.95) * 1000, 2),
        "naive_table_load_seconds": round(naive_load, 2), "naive_table_memory_mb": round(naive_memory, 1),
        "database_mb": round(os.path.getsize(workdir / "bench.db") / 2**20, 1),
    }
    result["p95_ratio_naive_over_ours"] = round(result["naive_p95_ms"] / result["ours_p95_ms"], 2)
    engine.dispose()
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000, 1_000_000])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--changes", type=int, default=40)
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    for size in args.sizes:
        result = run(size, args.repeat, args.changes)
        (RESULTS / f"summary-{size}.json").write_text(json.dumps(result, indent=1))
        print(json.dumps(result))


if __name__ == "__main__":
    main()
