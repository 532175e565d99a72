"""Trend figure: one indicator by year, one series per programme.

A multi-year figure sits at its end year with its full period in the hover; figures without a year
are never plotted at a made-up year: they are counted in a note and listed under the chart."""

from __future__ import annotations

from typing import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard import theme
from dashboard.figures.common import (
    OTHERS_KEY, add_note_line, add_source_line, base_figure, format_quantity, format_value, period_text,
    split_by_year, unit_label, value_axis, year_range,
)
from dashboard.i18n import t

TREND_COLUMNS = ["series", "label", "year", "value", "qualifier", "period", "source"]


def trend_frame(rows_by_series: Mapping[str, Iterable[Mapping]], *, labels: Mapping[str, str] | None = None,
                periods: Mapping[tuple, tuple] | None = None, sources: Mapping[tuple, str] | None = None,
                lang: str = "en") -> pd.DataFrame:
    """Summary rows by year (key, value, qualifier), one list per series, as the trend frame.
    `periods[(series, end_year)]` gives the (start, end) of a multi-year figure; `sources` the
    source line of a point."""
    records = []
    for series, rows in rows_by_series.items():
        for row in rows:
            year = row.get("key")
            year = None if year is None or pd.isna(year) else int(year)
            start, end = (periods or {}).get((series, year), (year, year))
            records.append({
                "series": series, "label": (labels or {}).get(series, series), "year": year,
                "value": float(row["value"]), "qualifier": row.get("qualifier") or "exact",
                "period": period_text(start, end, lang),
                "source": (sources or {}).get((series, year), ""),
            })
    frame = pd.DataFrame(records, columns=TREND_COLUMNS)
    frame["year"] = frame["year"].astype(object)
    return frame


def undated_rows(frame: pd.DataFrame) -> pd.DataFrame:
    """The figures without a stated year (listed under the chart, never plotted)."""
    if frame.empty:
        return frame
    return frame[frame["year"].isna()].reset_index(drop=True)


def build_trend_figure(frame: pd.DataFrame, *, lang: str = "en", title: str = "", subtitle: str = "",
                       unit: str | None = None,
                       source: str = "", colours: Mapping[str, str] | None = None, mode: str = "auto",
                       height: int = 440) -> go.Figure:
    """Bars by year per series (`mode="line"` for lines; "auto" draws lines beyond 12 years).
    `frame` has the columns of TREND_COLUMNS; `year` None means "year not stated"."""
    dated, undated, empty = split_by_year(frame, lang=lang, title=title, subtitle=subtitle, source=source)
    if empty is not None:
        return empty
    years = sorted(dated["year"].unique())
    if mode == "auto":
        mode = "line" if len(years) > 12 else "bar"
    colours = dict(colours or {})
    fig = base_figure(title, subtitle=subtitle, height=height, legend_on_top=True)
    order = (dated.groupby("series", sort=False)["value"].sum().sort_values(ascending=False, kind="stable").index)
    # "others" always last, so the largest programmes keep the first colours
    order = [s for s in order if s != OTHERS_KEY] + [s for s in order if s == OTHERS_KEY]
    palette = iter(theme.PROGRAMME_PALETTE * 4)
    unit_text = "%" if unit == "percent" else unit_label(unit, lang)
    # bars placed by hand (one year wide slot, split between the series): a year never shares its
    # slot with its neighbours, and sparse years keep slim bars
    slot = 0.8 / len(order) if len(order) > 1 else 0.5
    for index, series in enumerate(order):
        part = dated[dated["series"] == series].sort_values("year")
        colour = theme.OTHERS_COLOUR if series == OTHERS_KEY else colours.get(series) or next(palette)
        label = str(part["label"].iloc[0])
        # the legend names the programme by its code (short, stable); the hover gives the full name
        legend_name = label if series == OTHERS_KEY else str(series)
        values = [format_quantity(v, q, unit, lang) for v, q in zip(part["value"], part["qualifier"])]
        bar_text = [format_value(v, q, lang, compact=True) + (f"<br>({p})" if "–" in str(p) else "")
                    for v, q, p in zip(part["value"], part["qualifier"], part["period"])]
        full_name = label if legend_name == label else f"{legend_name} · {label}"
        customdata = [[full_name, value, period, src or source] for value, period, src in
                      zip(values, part["period"], part["source"])]
        hover = "<b>%{customdata[0]}</b><br>%{customdata[2]}: %{customdata[1]}<br>%{customdata[3]}<extra></extra>"
        common = dict(x=list(part["year"]), y=list(part["value"]), name=legend_name, customdata=customdata,
                      hovertemplate=hover, showlegend=True, meta={"series": series})
        if mode == "line":
            fig.add_trace(go.Scatter(mode="lines+markers", line={"color": colour, "width": 3},
                                     marker={"size": 9, "color": colour}, **common))
        else:
            fig.add_trace(go.Bar(marker={"color": colour}, text=bar_text, textposition="outside",
                                 width=slot, offset=-slot * len(order) / 2 + index * slot if len(order) > 1
                                 else -slot / 2,
                                 cliponaxis=False, textfont={"size": 13}, **common))
    fig.update_layout(barmode="overlay")
    tick = {"tickmode": "array", "tickvals": years, "ticktext": [str(y) for y in years]} if len(years) <= 15 else {
        "tickformat": "d"}
    fig.update_xaxes(title={"text": t("Year (multi-year figures at their end year)", lang)},
                     range=year_range(years), **tick)
    top = float(dated["value"].max())
    fig.update_yaxes(title={"text": unit_text}, **value_axis(top, unit))
    add_source_line(fig, source)
    if len(undated):
        add_note_line(fig, t("{n} figure(s) with year not stated are not plotted: see the list under the chart",
                             lang, n=len(undated)))
    return fig
