"""Progress figure: targets against actuals for one indicator of one programme.

Actual values as bars by year, targets as diamonds, baselines and estimates as their own marks
(never added together), and the path from the start to the target that the progress method
compares against."""

from __future__ import annotations

from typing import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard import theme
from dashboard.figures.common import (
    add_note_line, add_source_line, base_figure, format_quantity, format_value, kind_label, period_text,
    split_by_year, unit_label, value_axis, year_range,
)
from dashboard.i18n import lazy, t
from indicators.progress import Progress

PROGRESS_COLUMNS = ["kind", "year", "value", "qualifier", "period", "source"]
KIND_ORDER = ("baseline", "actual", "target", "estimate")
STATUS_LABELS = {
    "on_track": lazy("On track"),
    "moderate": lazy("Moderate progress"),
    "off_track": lazy("Off track"),
    "insufficient_data": lazy("Insufficient data"),
    "no_target": lazy("No target stated"),
}
KIND_STYLE = {
    "actual": {"colour": theme.ACCENT},
    "baseline": {"colour": "#7B8794"},
    "target": {"colour": theme.TEXT_COLOUR, "symbol": "diamond"},
    "estimate": {"colour": "#B7791F", "symbol": "circle-open"},
}


def progress_frame(rows_by_kind: Mapping[str, Iterable[Mapping]], *, periods: Mapping[tuple, tuple] | None = None,
                   sources: Mapping[tuple, str] | None = None, lang: str = "en") -> pd.DataFrame:
    """Summary rows by year (key, value, qualifier) per kind as one frame; `periods[(kind, year)]`
    gives the full period of a multi-year figure."""
    records = []
    for kind, rows in rows_by_kind.items():
        for row in rows:
            year = row.get("key")
            year = None if year is None or pd.isna(year) else int(year)
            start, end = (periods or {}).get((kind, year), (year, year))
            records.append({"kind": kind, "year": year, "value": float(row["value"]),
                            "qualifier": row.get("qualifier") or "exact", "period": period_text(start, end, lang),
                            "source": (sources or {}).get((kind, year), "")})
    frame = pd.DataFrame(records, columns=PROGRESS_COLUMNS)
    frame["year"] = frame["year"].astype(object)
    return frame


def status_label(status: str, lang: str = "en") -> str:
    return t(STATUS_LABELS.get(status, status), lang)


def build_progress_figure(frame: pd.DataFrame, *, lang: str = "en", title: str = "", subtitle: str = "",
                          unit: str | None = None,
                          source: str = "", progress: Progress | None = None, height: int = 380) -> go.Figure:
    """Actuals as bars, targets as diamonds joined to the start by the required path, baselines as
    grey bars, estimates as open circles; figures without a year are counted in a note."""
    dated, undated, empty = split_by_year(frame, lang=lang, title=title, subtitle=subtitle, source=source)
    if empty is not None:
        return empty
    fig = base_figure(title, subtitle=subtitle, height=height, legend_on_top=True)
    hover = "<b>%{customdata[0]}</b><br>%{customdata[2]}: %{customdata[1]}<br>%{customdata[3]}<extra></extra>"
    shared_years = bool(set(dated[dated["kind"] == "baseline"]["year"])
                        & set(dated[dated["kind"] == "actual"]["year"]))
    for kind in KIND_ORDER:
        part = dated[dated["kind"] == kind].sort_values("year")
        if part.empty:
            continue
        style = KIND_STYLE[kind]
        name = kind_label(kind, lang).capitalize() if lang != "zh" else kind_label(kind, lang)
        customdata = [[name, format_quantity(v, q, unit, lang), p, s or source]
                      for v, q, p, s in zip(part["value"], part["qualifier"], part["period"], part["source"])]
        text = [format_value(v, q, lang, compact=True) for v, q in zip(part["value"], part["qualifier"])]
        common = dict(x=list(part["year"]), y=list(part["value"]), name=name, customdata=customdata,
                      hovertemplate=hover, meta={"kind": kind}, showlegend=True)
        if kind in ("actual", "baseline"):
            # slim bars centred on their year; a baseline and an actual of one year side by side
            fig.add_trace(go.Bar(marker={"color": style["colour"]}, text=text, textposition="outside",
                                 width=0.4 if shared_years else 0.55,
                                 offset=(-0.4 if kind == "baseline" else 0.0) if shared_years else -0.275,
                                 cliponaxis=False, **common))
        else:
            fig.add_trace(go.Scatter(mode="markers+text", text=text, textposition="top center",
                                     marker={"symbol": style["symbol"], "size": 15, "color": style["colour"],
                                             "line": {"width": 2, "color": style["colour"]}}, **common))
    if progress is not None and progress.start and progress.target:
        (x0, y0), (x1, y1) = progress.start, progress.target
        fig.add_trace(go.Scatter(x=[x0, x1], y=[y0, y1], mode="lines", name=t("Path to target", lang),
                                 line={"dash": "dash", "color": theme.TEXT_COLOUR, "width": 1.5},
                                 hoverinfo="skip", meta={"kind": "path"}))
    years = sorted(set(dated["year"]) | ({progress.target[0]} if progress and progress.target else set()))
    top = float(dated["value"].max())
    fig.update_layout(barmode="overlay")
    fig.update_xaxes(tickmode="array", tickvals=years, ticktext=[str(y) for y in years],
                     range=year_range(years), title={"text": t("Year", lang)})
    fig.update_yaxes(title={"text": "%" if unit == "percent" else unit_label(unit, lang)},
                     **value_axis(top, unit))
    add_source_line(fig, source)
    if len(undated):
        add_note_line(fig, t("{n} figure(s) with year not stated are not plotted: see the list under the chart",
                             lang, n=len(undated)))
    return fig
