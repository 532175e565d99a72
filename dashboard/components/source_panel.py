"""The "sources" disclosure: the verbatim quotes behind a figure, the figure marked.

The figure highlighted with <mark> in the original sentence, its English rendering, and the
document and section."""

from __future__ import annotations

import re
from typing import Any, Iterable, Mapping

from dash import html

from dashboard.i18n import t

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")


def highlight_segments(quote: str, figure: str | None) -> list[tuple[str, bool]]:
    """The quote split into (text, is_figure) segments: the first occurrence of `figure` marked
    (the data guarantees it is unique in its quote). No figure, or one not found: the whole quote."""
    quote = quote or ""
    figure = (figure or "").strip()
    if not figure or figure not in quote:
        return [(quote, False)] if quote else []
    start = quote.index(figure)
    parts = [(quote[:start], False), (figure, True), (quote[start + len(figure):], False)]
    return [(text, marked) for text, marked in parts if text]


def quote_language(text: str) -> str:
    return "zh" if CJK.search(text or "") else "en"


def unique_quotes(quotes: Iterable[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Quotes once each (the same sentence may stand behind several records), in their order; the
    same sentence with another highlighted figure stays a separate item."""
    seen, out = set(), []
    for quote in quotes:
        key = (quote.get("source_document"), quote.get("source_section"), quote.get("source_quote"),
               quote.get("source_figure") or "")
        if key not in seen and (quote.get("source_quote") or quote.get("source_document")):
            seen.add(key)
            out.append(quote)
    return out


def quote_item(quote: Mapping[str, Any], lang: str = "en") -> html.Li:
    text = quote.get("source_quote") or ""
    segments = highlight_segments(text, quote.get("source_figure"))
    original = [html.Mark(part) if marked else part for part, marked in segments]
    where = " › ".join(p for p in (quote.get("source_document"), quote.get("source_section")) if p)
    children = [html.Blockquote(original, lang=quote_language(text), className="source-quote")]
    if quote.get("source_quote_en"):
        children.append(html.P([html.Span(t("English: ", lang), className="source-label"), quote["source_quote_en"]],
                               lang="en", className="source-quote-en"))
    if where:
        children.append(html.P([html.Span(t("Document: ", lang), className="source-label"), html.Cite(where)],
                               className="source-where"))
    if quote.get("note"):
        children.append(html.P([html.Span(t("Note: ", lang), className="source-label"), quote["note"]],
                               lang="en", className="source-note"))
    return html.Li(children, className="source-item")


def source_panel(quotes: Iterable[Mapping[str, Any]], lang: str = "en", *, panel_id: str | dict | None = None,
                 summary: str | None = None, open_: bool = False, limit: int = 12) -> html.Details:
    """A keyboard-operable disclosure (<details>) listing the sources; `limit` keeps the list short,
    saying how many more there are."""
    items = unique_quotes(quotes)
    label = summary or t("Sources ({n})", lang, n=len(items))
    body: list = []
    if not items:
        body.append(html.P(t("No source quote for this selection.", lang), className="source-empty"))
    else:
        body.append(html.Ol([quote_item(q, lang) for q in items[:limit]], className="source-list"))
        if len(items) > limit:
            body.append(html.P(t("and {n} more: see the Data page for every figure with its source.", lang,
                                 n=len(items) - limit), className="source-more"))
    kwargs = {"id": panel_id} if panel_id is not None else {}
    return html.Details([html.Summary(label, className="source-summary"), html.Div(body, className="source-body")],
                        open=open_, className="source-panel", **kwargs)
