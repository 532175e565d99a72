"""Text under a chart: undated figures, aggregation notes, links to other kinds of figure.

Figures without a stated year are listed, never placed on the time axis; where the chosen kind has
no figure, links show the kinds the sources do state."""

from __future__ import annotations

from typing import Sequence
from urllib.parse import urlencode

from dash import dcc, html

from dashboard.figures.common import format_quantity, kind_label
from dashboard.i18n import t


def undated_list(items: Sequence[tuple[str, float, str]], unit: str | None, lang: str = "en", *,
                 heading_level: int = 3, intro: bool = True) -> list:
    """The figures with no stated year, (label, value, qualifier) each: listed under the chart, never
    placed on its time axis. Nothing when every figure has a year."""
    if not len(items):
        return []
    heading = html.H3 if heading_level == 3 else html.H4
    parts = [heading(t("Year not stated", lang), className="undated-heading")]
    if intro:
        parts.append(html.P(t("These figures have no stated year; they are not placed on the time axis.", lang),
                            className="undated-intro"))
    parts.append(html.Ul([html.Li([html.Strong(label), ": ", format_quantity(value, qualifier, unit, lang)])
                          for label, value, qualifier in items]))
    return parts


def chart_notes(notes: Sequence[str]) -> list[html.P]:
    """One paragraph per note."""
    return [html.P(note, className="chart-note") for note in notes]


def other_kinds_hint(kinds: Sequence[str], kind: str, query: dict | None, lang: str = "en") -> list:
    """Where the chosen kind has no figure but other `kinds` have (a target, a potential), links that
    show that kind instead (the same query otherwise); kinds are never mixed in one chart."""
    links = []
    for other in kinds:
        params = {k: v for k, v in (query or {}).items() if isinstance(v, str) and v}
        params["kind"] = other
        if params.get("lang") == "en":
            params.pop("lang")
        links.append(dcc.Link(kind_label(other, lang), href="/?" + urlencode(params, safe=",")))
    if not links:
        return []
    items = [part for link in links for part in (link, ", ")][:-1]
    return [html.P([t("No {kind} figure for this selection; the sources state figures of another kind: ", lang,
                      kind=kind_label(kind, lang)), *items], className="chart-note other-kinds")]
