"""Breakdown figure: one indicator by programme or by SDG target, as horizontal bars.

Largest first. Targets take their goal's official colour; rows by target do not add up to the
total (a programme counts under each target it is tagged with) and the chart says so."""

from __future__ import annotations

from typing import Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard import theme
from dashboard.figures.common import (
    OTHERS_KEY, add_note_line, add_source_line, base_figure, empty_figure, format_quantity, format_value,
    text_width, unit_label, value_axis,
)
from dashboard.i18n import t

BREAKDOWN_COLUMNS = ["key", "label", "value", "qualifier"]


def _short(text: str, max_px: float = 290) -> str:
    """The label cut (with …) to about `max_px` wide at the axis font size."""
    text = " ".join(str(text).split())
    if text_width(text, 13) <= max_px:
        return text
    while text and text_width(text + "…", 13) > max_px:
        text = text[:-1]
    return text.rstrip() + "…"


def bar_colours(keys, by: str, *, goal_colours: Mapping[str, str] | None = None,
                programme_colours: Mapping[str, str] | None = None) -> list[str]:
    """Goal colour for an SDG target, the programme's colour, grey for "others" and "not stated"."""
    out = []
    for key in keys:
        if key is None or (isinstance(key, float) and pd.isna(key)):
            out.append(theme.NOT_STATED_COLOUR)
        elif key == OTHERS_KEY:
            out.append(theme.OTHERS_COLOUR)
        elif by == "sdg":
            out.append((goal_colours or {}).get(theme.goal_of(key), theme.ACCENT))
        else:
            out.append((programme_colours or {}).get(key, theme.ACCENT))
    return out


def axis_label(key, label, by: str, lang: str) -> str:
    if key is None or (isinstance(key, float) and pd.isna(key)):
        return t("not stated", lang)
    if key == OTHERS_KEY:
        return str(label)
    if by == "sdg":
        return _short(f"{key} {label}") if label and label != key else str(key)
    if by == "programme":
        return str(key)  # codes are short and stable; the full name is in the hover
    return _short(label or key)


def build_breakdown_figure(frame: pd.DataFrame, *, by: str = "programme", lang: str = "en", title: str = "",
                           subtitle: str = "",
                           unit: str | None = None, source: str = "",
                           goal_colours: Mapping[str, str] | None = None,
                           programme_colours: Mapping[str, str] | None = None) -> go.Figure:
    """One horizontal bar per key (columns of BREAKDOWN_COLUMNS, key None = not stated), largest at
    the top, "others" and "not stated" at the bottom."""
    if frame is None or frame.empty:
        return empty_figure(lang, title=title, subtitle=subtitle, source=source)
    frame = frame.copy()
    frame["_rank"] = [2 if k == OTHERS_KEY else 3 if k is None or (isinstance(k, float) and pd.isna(k)) else 1
                      for k in frame["key"]]
    frame = frame.sort_values(["_rank", "value"], ascending=[True, False], kind="stable")
    keys = list(frame["key"])
    labels = [axis_label(k, lab, by, lang) for k, lab in zip(keys, frame["label"])]
    full = [t("not stated", lang) if lab is None or (isinstance(lab, float) and pd.isna(lab)) else str(lab)
            for lab in frame["label"]]
    values = [format_quantity(v, q, unit, lang) for v, q in zip(frame["value"], frame["qualifier"])]
    if "source" in frame:
        sources = [s or source for s in frame["source"].fillna("")]
    else:
        sources = [source] * len(frame)
    head = [f"{k} · {f}" if by in ("sdg", "programme") and k not in (None, OTHERS_KEY) and not
            (isinstance(k, float) and pd.isna(k)) and f != k else f for k, f in zip(keys, full)]
    height = 150 + 44 * len(frame) + (24 if by == "sdg" else 0)
    fig = base_figure(title, subtitle=subtitle, height=max(height, 300))
    fig.add_trace(go.Bar(
        orientation="h", y=labels, x=list(frame["value"]),
        marker={"color": bar_colours(keys, by, goal_colours=goal_colours, programme_colours=programme_colours),
                "line": {"width": 0}},
        text=[format_value(v, q, lang, compact=True) for v, q in zip(frame["value"], frame["qualifier"])],
        textposition="outside", cliponaxis=False, textfont={"size": 13},
        customdata=[[h, v, s] for h, v, s in zip(head, values, sources)],
        hovertemplate="<b>%{customdata[0]}</b><br>%{customdata[1]}<br>%{customdata[2]}<extra></extra>",
        showlegend=False, meta={"keys": [None if k is None or (isinstance(k, float) and pd.isna(k)) else k
                                         for k in keys]},
    ))
    top = float(frame["value"].max())
    unit_text = "%" if unit == "percent" else unit_label(unit, lang)
    # a fixed left margin from the longest label, so the source line can start under the labels
    left = int(min(340, max(text_width(label, 13) for label in labels) + 24))
    fig.update_yaxes(autorange="reversed", title=None, rangemode="normal", gridcolor="rgba(0,0,0,0)",
                     automargin=False, tickfont={"size": 13})
    fig.update_xaxes(title={"text": unit_text}, **value_axis(top, unit))
    fig.update_layout(margin={"l": left, "r": 24})
    add_source_line(fig, source, xshift=-left + 12)
    if by == "sdg":
        add_note_line(fig, t("A programme counts under each target it is tagged with: rows do not add up to the "
                             "total.", lang), xshift=-left + 12)
    return fig
