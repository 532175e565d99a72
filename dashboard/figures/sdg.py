"""SDG explorer figures (the programmes x targets grid) and the text helpers pages share.

The helpers write statuses, plurals, hover lines and quotes with their figures marked, for the SDG
explorer, the map and the sources page; numbers, units, kinds and periods are written by
figures/common.py. Everything here takes plain frames and keyword options and returns a figure or
plain values; no database and no Dash callback context."""

from __future__ import annotations

import math
import textwrap
from typing import Iterable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from dashboard.figures.common import EMPTY_MESSAGE, NOT_STATED, is_missing
from dashboard.i18n import lazy, t
from dashboard.theme import TEMPLATE_NAME, TEXT_COLOUR

SOURCE_GREY = "#3E4C59"  # 9.4:1 on white
STATUS_LABELS = {"held": lazy("held"), "planned": lazy("planned"), "ongoing": lazy("ongoing"),
                 "completed": lazy("completed")}


# --- text helpers --------------------------------------------------------------------------------
def filter_period_label(year_from: int | None, year_to: int | None, lang: str = "en") -> str:
    """The period a chart covers under the year filter."""
    if year_from is None and year_to is None:
        return t("all years", lang)
    if year_from is not None and year_to is not None:
        return str(year_from) if year_from == year_to else f"{year_from}–{year_to}"
    if year_from is not None:
        return t("from {year}", lang, year=year_from)
    return t("up to {year}", lang, year=year_to)


def plural(n: int, one: str, many: str, lang: str = "en", **values) -> str:
    """`one` or `many` (msgids with {n}) by the count; catalogues give each its own translation."""
    return t(one if int(n) == 1 else many, lang, n=int(n), **values)


def status_label(status: str | None, lang: str = "en") -> str:
    """Programme or event status in words; empty = "status not stated"."""
    if not status or is_missing(status):
        return t("status not stated", lang)
    return t(STATUS_LABELS[status], lang) if status in STATUS_LABELS else str(status)


def mark_figures(quote: str, figures: Iterable[str]) -> list[tuple[str, bool]]:
    """Splits a verbatim quote into (text, is_figure) segments, each figure's first occurrence marked
    (overlapping matches merge). Figures not found in the quote are ignored here; see
    `figures_not_found`."""
    quote = quote or ""
    spans: list[list[int]] = []
    for figure in dict.fromkeys(f for f in figures if f):
        at = quote.find(figure)
        if at >= 0:
            spans.append([at, at + len(figure)])
    spans.sort()
    merged: list[list[int]] = []
    for span in spans:
        if merged and span[0] <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], span[1])
        else:
            merged.append(span)
    out: list[tuple[str, bool]] = []
    position = 0
    for start, end in merged:
        if start > position:
            out.append((quote[position:start], False))
        out.append((quote[start:end], True))
        position = end
    if position < len(quote):
        out.append((quote[position:], False))
    return out


def figures_not_found(quote: str, figures: Iterable[str]) -> list[str]:
    return [f for f in dict.fromkeys(figures) if f and f not in (quote or "")]


def wrap(text: str, width: int = 60) -> str:
    """Line breaks for hover labels (Chinese has no spaces, so it is cut by characters)."""
    text = str(text or "")
    if " " not in text.strip():
        return "<br>".join(text[i:i + width // 2] for i in range(0, len(text), width // 2)) or text
    return "<br>".join(textwrap.wrap(text, width)) or text


def target_sort_key(code: str) -> tuple:
    """8.2 < 8.10 < 8.a; goals by number."""
    goal, _, tail = str(code).partition(".")
    tail_key = (0, int(tail)) if tail.isdigit() else (1, ord(tail[0])) if tail else (-1, 0)
    return (int(goal) if goal.isdigit() else 99, tail_key)


# --- empty state ---------------------------------------------------------------------------------
def empty_figure(title: str, *, lang: str = "en", message: str = EMPTY_MESSAGE, subtitle: str = "",
                 height: int = 360) -> go.Figure:
    """A titled figure saying that nothing is reported, with every axis hidden (never blank axes)."""
    figure = go.Figure()
    figure.update_layout(
        template=TEMPLATE_NAME, height=height,
        title={"text": title, "subtitle": {"text": subtitle}} if subtitle else {"text": title},
        xaxis={"visible": False}, yaxis={"visible": False},
        meta={"empty": True},
        annotations=[{"text": t(message, lang) if message else "", "showarrow": False, "xref": "paper", "yref": "paper",
                      "x": 0.5, "y": 0.5, "font": {"size": 17, "color": SOURCE_GREY}}],
        margin={"l": 24, "r": 24, "t": 96, "b": 24},
    )
    return figure


def source_annotation(text: str, *, y: float = -0.02, yshift: int = 0) -> dict:
    """The grey source line at the bottom left of a chart."""
    return {"text": text, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0, "y": y,
            "xanchor": "left", "yanchor": "top", "yshift": yshift, "align": "left",
            "font": {"size": 12, "color": SOURCE_GREY}}


def sources_line(documents: Sequence[str], lang: str = "en", prefix: str | None = None) -> str:
    documents = [d for d in dict.fromkeys(documents) if d]
    label = prefix or t("Source", lang)
    if not documents:
        return label + ": " + t(NOT_STATED, lang)
    return f"{label}: " + "; ".join(documents)


# --- programmes x targets grid -------------------------------------------------------------------
def build_target_grid(pairs: pd.DataFrame, *, programmes: pd.DataFrame, targets: pd.DataFrame,
                      goals: pd.DataFrame, lang: str = "en", selected: Sequence[str] = (),
                      sources: Sequence[str] = (), period_label: str | None = None,
                      programme_sources: Mapping[str, Sequence[str]] | None = None) -> go.Figure:
    """Programmes (rows) by the SDG targets they are tagged with (columns): one square per tag, in
    the official colour of the target's goal, one legend entry per goal.

    pairs: (programme, target) rows; programmes: code, name; targets: code, goal, title;
    goals: code, colour, short (names already in `lang`); selected: SDG codes (goals or targets)
    whose columns are highlighted; programme_sources: programme -> the documents its record (and
    its SDG tags) come from, shown in the hover."""
    title = t("SDG targets of the programmes", lang)
    subtitle = " · ".join([t("One square per programme and SDG target it is tagged with", lang),
                           t("unit: programme tags", lang), period_label or t("all years", lang)])
    pairs = pairs.dropna().drop_duplicates() if len(pairs) else pairs
    if pairs is None or pairs.empty:
        return empty_figure(title, lang=lang, subtitle=subtitle)
    names = dict(zip(programmes["code"], programmes["name"])) if len(programmes) else {}
    titles = dict(zip(targets["code"], targets["title"])) if len(targets) else {}
    colours = dict(zip(goals["code"], goals["colour"]))
    shorts = dict(zip(goals["code"], goals["short"]))
    columns = sorted(pairs["target"].unique(), key=target_sort_key)
    rows = sorted(pairs["programme"].unique(), reverse=True)  # first code at the top
    tagged_count = pairs.groupby("target")["programme"].nunique().to_dict()
    figure = go.Figure()
    for goal in sorted({c.split(".")[0] for c in columns}, key=lambda g: int(g)):
        part = pairs[pairs["target"].str.split(".").str[0] == goal]
        part = part.assign(_order=[target_sort_key(c) for c in part["target"]]).sort_values(["_order", "programme"])
        hover = [
            "<b>" + t("Target {code}", lang, code=row.target) + f"</b><br>{wrap(titles.get(row.target, ''), 70)}<br>"
            + t("Programme", lang) + f": {row.programme} · {wrap(names.get(row.programme, row.programme), 70)}<br>"
            + t("Programmes tagged with this target", lang) + f": {tagged_count.get(row.target, 0)}<br>"
            + sources_line((programme_sources or {}).get(row.programme, []), lang)
            for row in part.itertuples()]
        figure.add_trace(go.Scatter(
            x=list(part["target"]), y=list(part["programme"]), mode="markers",
            name=t("Goal {code}", lang, code=goal) + f": {shorts.get(goal, '')}",
            marker={"symbol": "square", "size": 24, "color": colours.get(goal, TEXT_COLOUR),
                    "line": {"color": "white", "width": 1}},
            hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
            customdata=list(part["target"]),
        ))
    highlighted = [c for c in columns if c in selected or c.split(".")[0] in selected]
    shapes = [{"type": "rect", "xref": "x", "yref": "paper", "x0": columns.index(c) - 0.45,
               "x1": columns.index(c) + 0.45, "y0": 0, "y1": 1, "fillcolor": "rgba(10,77,140,0.10)",
               "line": {"color": "rgba(10,77,140,0.6)", "width": 1}, "layer": "below"} for c in highlighted]
    source = sources_line(sources, lang, t("Source: programme records (project boxes) in", lang))
    height = 230 + 58 * len(rows)
    figure.update_layout(
        template=TEMPLATE_NAME, height=height,
        title={"text": title, "subtitle": {"text": subtitle}},
        xaxis={"type": "category", "categoryorder": "array", "categoryarray": columns,
               "title": {"text": t("SDG target", lang)}, "showgrid": True, "side": "top", "ticks": ""},
        yaxis={"type": "category", "categoryorder": "array", "categoryarray": rows,
               "title": {"text": ""}, "showgrid": True},
        shapes=shapes,
        legend={"orientation": "h", "y": -0.08, "x": 0, "yanchor": "top", "title": {"text": ""}},
        margin={"l": 24, "r": 24, "t": 132, "b": 72 + 22 * math.ceil(len(figure.data) / 3)},
        annotations=[source_annotation(source, y=0, yshift=-(40 + 22 * math.ceil(len(figure.data) / 3)))],
        hovermode="closest",
    )
    return figure


def programme_counts_by_goal(pairs: pd.DataFrame, programmes: Iterable[str] | None = None) -> dict[str, int]:
    """Goal code -> number of distinct programmes tagged with any of its targets (optionally among
    `programmes` only)."""
    if pairs is None or pairs.empty:
        return {}
    frame = pairs if programmes is None else pairs[pairs["programme"].isin(list(programmes))]
    goal = frame["target"].astype(str).str.split(".").str[0]
    return frame.assign(goal=goal).groupby("goal")["programme"].nunique().astype(int).to_dict()


def programme_counts_by_target(pairs: pd.DataFrame, programmes: Iterable[str] | None = None) -> dict[str, int]:
    if pairs is None or pairs.empty:
        return {}
    frame = pairs if programmes is None else pairs[pairs["programme"].isin(list(programmes))]
    return frame.groupby("target")["programme"].nunique().astype(int).to_dict()
