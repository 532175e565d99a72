"""Progress against targets by the compound-growth method of national SDG reporting platforms.

Pure functions (no database, no Dash): they take the dated values of one indicator for one
programme, by kind, and say whether the results move fast enough to reach the target in time.

Method (the "current status / anticipated progress" assessment used by Open SDG based national
reporting platforms and the UN ESCAP SDG progress report):

* the **start** is the baseline (kind ``baseline``, the earliest dated one) or, without a baseline,
  the first dated actual; the **latest** is the most recent dated actual after the start;
* the **target** is the dated target with the latest year (a target without a year cannot give a
  required rate);
* observed growth rate ``r_obs = (latest / start) ** (1 / (t_latest - t_start)) - 1``;
* required growth rate ``r_req = (target / start) ** (1 / (t_target - t_start)) - 1``;
* ``ratio = r_obs / r_req``; status ``on_track`` when ratio >= 0.95, ``moderate`` when
  0.6 <= ratio < 0.95, ``off_track`` below 0.6 (a move away from the target gives a negative ratio);
* compound growth is undefined for a start or target at or below zero: the rates are then the
  average annual change ``(latest - start) / (t_latest - t_start)`` and
  ``(target - start) / (t_target - t_start)`` (the same ratio on absolute change);
* a target already reached (the latest actual at or beyond it, in the target's direction) is
  ``on_track`` whatever the rates; a target equal to the start asks to keep at least that level;
* ``insufficient_data`` when there are fewer than two dated points from the start to the latest
  actual (no baseline and a single actual, or only undated figures), or the target has no year or
  lies at or before the start year;
* ``no_target`` when no target is stated: none is ever invented.

The simple **gap** is ``target - latest actual`` (None when either is missing), shown beside the
status whatever the method concludes.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Iterable, Mapping, Sequence

ON_TRACK_RATIO = 0.95
MODERATE_RATIO = 0.6
STATUSES = ("on_track", "moderate", "off_track", "insufficient_data", "no_target")

# Why a status was given; message ids the UI translates.
REASONS = {
    "no_target": "No target is stated for this indicator.",
    "no_actual": "No dated actual figure is reported.",
    "one_point": "Fewer than two dated figures: a trend needs a baseline or an earlier actual.",
    "target_year": "The target has no stated year.",
    "target_before_start": "The target year is not after the starting year.",
    "reached": "The target is reached.",
    "growth": "Observed growth compared with the growth needed to reach the target in time.",
}

Point = tuple[int, float]


@dataclass(frozen=True)
class Progress:
    """The assessment of one indicator: status, the rates behind it and the simple gap."""

    status: str
    reason: str
    ratio: float | None = None
    observed_rate: float | None = None
    required_rate: float | None = None
    method: str | None = None  # "compound" or "linear"
    start: Point | None = None
    start_kind: str | None = None  # "baseline" or "actual"
    latest: Point | None = None
    target: Point | None = None
    gap: float | None = None

    def as_dict(self) -> dict:
        return asdict(self)


def classify(ratio: float) -> str:
    """The status for a ratio of observed to required growth."""
    if ratio >= ON_TRACK_RATIO:
        return "on_track"
    if ratio >= MODERATE_RATIO:
        return "moderate"
    return "off_track"


def _dated(points: Iterable[tuple[int | None, float | None]]) -> list[Point]:
    out = []
    for year, value in points:
        if _missing(year) or _missing(value):
            continue
        out.append((int(year), float(value)))
    return sorted(out)


def _missing(value) -> bool:
    """None, NaN and pandas' NA all mean "not stated"."""
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN is the one value unequal to itself
    except TypeError:  # pandas.NA refuses bool()
        return True


def _rate(start: Point, end: Point, compound: bool) -> float:
    years = end[0] - start[0]
    if compound:
        return (end[1] / start[1]) ** (1.0 / years) - 1.0
    return (end[1] - start[1]) / years


def assess(actuals: Sequence[tuple[int | None, float | None]], *,
           targets: Sequence[tuple[int | None, float | None]] = (),
           baselines: Sequence[tuple[int | None, float | None]] = ()) -> Progress:
    """Progress of the actual values towards the target. Each argument is a list of
    (year, value) pairs (year None = not stated); see the module docstring for the method."""
    dated_actuals = _dated(actuals)
    dated_targets = _dated(targets)
    undated_targets = [float(v) for y, v in targets if _missing(y) and not _missing(v)]
    dated_baselines = _dated(baselines)
    latest = dated_actuals[-1] if dated_actuals else None
    # the final target; an undated one still gives the simple gap
    target = dated_targets[-1] if dated_targets else None
    target_value = target[1] if target else (undated_targets[-1] if undated_targets else None)
    gap = None if target_value is None or latest is None else target_value - latest[1]
    if target_value is None:
        return Progress("no_target", "no_target", latest=latest)
    if latest is None:
        return Progress("insufficient_data", "no_actual", target=target, gap=gap)
    if dated_baselines and dated_baselines[0][0] < latest[0]:
        start, start_kind = dated_baselines[0], "baseline"
    elif len(dated_actuals) >= 2 and dated_actuals[0][0] < latest[0]:
        start, start_kind = dated_actuals[0], "actual"
    else:
        return Progress("insufficient_data", "one_point", latest=latest, target=target, gap=gap)
    common = {"start": start, "start_kind": start_kind, "latest": latest, "target": target, "gap": gap}
    if target is None:
        return Progress("insufficient_data", "target_year", **common)
    if target[0] <= start[0]:
        return Progress("insufficient_data", "target_before_start", **common)
    increasing = target[1] >= start[1]
    if (latest[1] >= target[1]) if increasing else (latest[1] <= target[1]):
        ratio = None
        if target[1] != start[1]:
            ratio = _ratio(start, latest, target)[0]
        return Progress("on_track", "reached", ratio=ratio, **common)
    ratio, observed, required, method = _ratio(start, latest, target)
    return Progress(classify(ratio), "growth", ratio=ratio, observed_rate=observed, required_rate=required,
                    method=method, **common)


def _ratio(start: Point, latest: Point, target: Point) -> tuple[float, float, float, str]:
    compound = start[1] > 0 and target[1] > 0 and latest[1] > 0
    observed = _rate(start, latest, compound)
    required = _rate(start, target, compound)
    if required == 0:
        # target equal to the start: keep at least that level; any fall is off track
        return (1.0 if observed >= 0 else -1.0), observed, required, "compound" if compound else "linear"
    return observed / required, observed, required, "compound" if compound else "linear"


def assess_rows(rows: Iterable[Mapping]) -> Progress:
    """`assess` on records with keys kind, year (end year or None) and value, e.g. summary rows by
    year of several kinds stacked together. Kinds other than actual, target and baseline are ignored."""
    by_kind: dict[str, list] = {"actual": [], "target": [], "baseline": []}
    for row in rows:
        kind = row.get("kind")
        if kind in by_kind:
            by_kind[kind].append((row.get("year"), row.get("value")))
    return assess(by_kind["actual"], targets=by_kind["target"], baselines=by_kind["baseline"])
