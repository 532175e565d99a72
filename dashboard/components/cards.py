"""Headline cards: figures of every kind side by side, with period, notes and source quotes.

Each figure with its qualifier words, unit, kind (actual, target, potential...), the period it
covers, the notes of the aggregation, and a disclosure with its source quotes. Figures of different
kinds share a card side by side; they are never added."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, Sequence

from dash import html

from dashboard.components.source_panel import source_panel
from dashboard.figures.common import format_number, format_value, kind_label, unit_label
from dashboard.i18n import t


@dataclass(frozen=True)
class CardFigure:
    """One number on a card. `value` None = no figure reported for the selection."""

    kind: str
    label: str
    value: float | None
    qualifier: str = "exact"
    unit: str | None = None
    period: str = ""
    note: str = ""
    observations: int = 0

    @property
    def reported(self) -> bool:
        return self.value is not None


@dataclass(frozen=True)
class Card:
    key: str
    title: str
    figures: Sequence[CardFigure]
    notes: Sequence[str] = ()
    sources: Sequence[Mapping[str, Any]] = field(default_factory=tuple)
    definition: str = ""


def summary_total(rows: Sequence[Mapping[str, Any]]) -> tuple[float | None, str, int]:
    """(value, qualifier, observations) of a summary without grouping (one row, or none)."""
    if not rows:
        return None, "exact", 0
    row = rows[0]
    return float(row["value"]), row.get("qualifier") or "exact", int(row.get("observations") or 0)


def value_text(figure: CardFigure, lang: str = "en") -> str:
    if not figure.reported:
        return t("No figure reported", lang)
    return format_value(figure.value, figure.qualifier, lang, compact=True)


def unit_text(figure: CardFigure, lang: str = "en") -> str:
    if not figure.reported:
        return ""
    return "%" if figure.unit == "percent" else unit_label(figure.unit, lang, figure.value)


def figure_block(figure: CardFigure, lang: str = "en", *, primary: bool = False) -> html.Div:
    value = html.Span(value_text(figure, lang), className="card-value" + ("" if figure.reported else " card-none"))
    unit = unit_text(figure, lang)
    line = [value] + ([" ", html.Span(unit, className="card-unit")] if unit else [])
    meta = [html.Span(kind_label(figure.kind, lang), className=f"kind-badge kind-{figure.kind}")]
    if figure.reported and figure.period:
        meta += [" ", html.Span(figure.period, className="card-period")]
    children = []
    if not primary:
        children.append(html.P(figure.label, className="card-figure-label"))
    children += [html.P(line, className="card-value-line"), html.P(meta, className="card-meta")]
    if figure.note:
        children.append(html.P(figure.note, className="card-figure-note"))
    exact = format_number(figure.value, lang) if figure.reported else ""
    return html.Div(children, className=f"card-figure kind-{figure.kind}" + (" primary" if primary else " secondary"),
                    title=f"{figure.label}: {format_value(figure.value, figure.qualifier, lang)} {unit}".strip()
                    if figure.reported else figure.label,
                    **{"data-value": exact, "data-kind": figure.kind})


def metric_card(card: Card, lang: str = "en", *, card_id: str | dict | None = None) -> html.Article:
    """A card: the first figure large, the others beside it (smaller, each with its own label and
    kind), the aggregation notes and the sources disclosure."""
    figures = list(card.figures)
    children: list = [html.H3(card.title, className="card-title")]
    if figures:
        children.append(figure_block(figures[0], lang, primary=True))
    if len(figures) > 1:
        children.append(html.Div([figure_block(f, lang) for f in figures[1:]], className="card-secondary"))
    if card.notes:
        children.append(html.Ul([html.Li(n) for n in card.notes], className="card-notes"))
    if card.sources:
        children.append(source_panel(card.sources, lang))
    kwargs = {"id": card_id} if card_id is not None else {}
    return html.Article(children, className=f"card metric-card card-{card.key}",
                        title=card.definition or None, **kwargs)


def card_grid(cards: Sequence[Card], lang: str = "en", *, id_prefix: str = "card") -> list[html.Article]:
    return [metric_card(c, lang, card_id=f"{id_prefix}-{c.key}") for c in cards]
