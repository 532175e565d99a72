"""Sources page callbacks: the URL query -> the quotes under each source document.

The observations, events and programme records of the selection -> their quotes grouped under each
source document, figures marked; and a scroll to `#obs-<id>`."""

from __future__ import annotations

import re
from typing import Mapping

import pandas as pd
from dash import Input, Output, State, callback, clientside_callback, html
from dash.exceptions import PreventUpdate

from dashboard import data, ids
from dashboard.callbacks.shell import query_dict
from dashboard.figures.common import format_value, kind_label, period_text, unit_label
from dashboard.figures.sdg import figures_not_found, mark_figures
from dashboard.i18n import lazy, t
from indicators import repository as repo

PATH = "/sources"
CONTENT = ids.page_id("sources", "content")
SUMMARY = ids.page_id("sources", "summary")
SCROLLED = ids.page_id("sources", "scrolled")
OBSERVATION_LIMIT = 2000  # beyond this the page asks for a narrower filter (the Data page pages through all)
CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")


def observation_anchor(observation_id: str) -> str:
    """The HTML id of an observation's row: `obs-<id>` (dots become dashes, as in component IDs)."""
    return f"obs-{ids.slug(observation_id)}"


def _text(value) -> str:
    return "" if value is None or (isinstance(value, float) and pd.isna(value)) else str(value)


def quote_groups(observations: pd.DataFrame, events: pd.DataFrame | None = None,
                 programmes: pd.DataFrame | None = None) -> dict[str, list[dict]]:
    """Source id -> its quotes, each once: {section, quote, quote_en, document, observations, events,
    programmes}, ordered by section then quote. A quote backing several figures, events or programme
    fields appears once with all of them."""
    groups: dict[tuple, dict] = {}

    def group(source_id, document, section, quote, quote_en) -> dict:
        key = (_text(source_id), _text(section), _text(quote))
        entry = groups.setdefault(key, {"source_id": key[0], "document": _text(document), "section": key[1],
                                        "quote": key[2], "quote_en": "", "observations": [], "events": [],
                                        "programmes": []})
        if not entry["quote_en"] and _text(quote_en):
            entry["quote_en"] = _text(quote_en)
        return entry

    if observations is not None and len(observations):
        for rec in observations.to_dict("records"):
            group(rec["source_id"], rec.get("source_document"), rec.get("source_section"), rec.get("source_quote"),
                  rec.get("source_quote_en"))["observations"].append(rec)
    for frame, bucket in ((events, "events"), (programmes, "programmes")):
        if frame is None or not len(frame):
            continue
        for rec in frame.to_dict("records"):
            for source in rec.get("sources") or []:
                entry = group(source.get("source_id"), source.get("source_document"), source.get("source_section"),
                              source.get("source_quote"), source.get("source_quote_en"))
                if all(r is not rec for r in entry[bucket]):
                    entry[bucket].append(rec)
    out: dict[str, list[dict]] = {}
    for entry in sorted(groups.values(), key=lambda g: (g["source_id"], g["section"], g["quote"])):
        out.setdefault(entry["source_id"], []).append(entry)
    return out


@callback(
    Output(CONTENT, "children"),
    Output(SUMMARY, "children"),
    Input(ids.URL, "search"),
    Input(ids.URL, "pathname"),
)
def render_sources(search, pathname):
    if (pathname or "").rstrip("/") != PATH:
        raise PreventUpdate
    filters = data.parse_filters(query_dict(search))
    lang = filters.lang
    engine = data.engine()
    observations = repo.observations(engine, filters, limit=OBSERVATION_LIMIT)
    total = repo.count_observations(engine, filters) if len(observations) >= OBSERVATION_LIMIT else len(observations)
    # an indicator or kind filter asks for figures: the quotes of events and programme records are left out
    records_too = not (filters.indicator or filters.kind)
    events = repo.events(engine, filters, lang=lang) if records_too else None
    programmes = repo.programmes(engine, filters, lang=lang) if records_too else None
    names = _names(lang)
    groups = quote_groups(observations, events, programmes)
    sources = data.reference("sources")
    content = [source_article(rec, groups.get(rec["id"], []), lang=lang, names=names,
                              filtered=not filters.is_empty())
               for rec in sources.to_dict("records")]
    index = html.Nav(html.Ul([html.Li(html.A(_text(rec.get("title")) or rec["document"],
                                             href=f"#source-{ids.slug(rec['id'])}"))
                              for rec in sources.to_dict("records")], className="plain-list"),
                     className="sources-index", **{"aria-label": t("Source documents", lang)})
    content = [index, *content] if len(sources) > 1 else content
    n_quotes = sum(len(g) for g in groups.values())
    summary = t("Quotes: {q} · source documents: {s} · figures backed: {f}", lang, q=n_quotes,
                s=len([k for k in groups if groups[k]]), f=total)
    if total > len(observations):
        summary += " " + t("The first {n} figures are shown: narrow the filters to see the others.", lang,
                           n=len(observations))
    return content, summary


clientside_callback(
    """
    function (children, hash) {
        if (!hash || hash.length < 2) { return window.dash_clientside.no_update; }
        var id = decodeURIComponent(hash.slice(1));
        window.requestAnimationFrame(function () {
            var element = document.getElementById(id);
            if (element) {
                element.classList.add("is-target");
                element.scrollIntoView({block: "center"});
            }
        });
        return id;
    }
    """,
    Output(SCROLLED, "data"),
    Input(CONTENT, "children"),
    State(ids.URL, "hash"),
)


def _names(lang: str) -> dict[str, dict[str, str]]:
    indicators = data.reference("indicators", lang)
    programmes = data.reference("programmes", lang)
    countries = data.reference("countries", lang)
    areas = data.reference("areas", lang)
    return {
        "indicator": dict(zip(indicators["code"], indicators["name"])),
        "unit": dict(zip(indicators["code"], indicators["unit"])),
        "programme": dict(zip(programmes["code"], programmes["name"])),
        "country": dict(zip(countries["iso3"], countries["name"])),
        "area": dict(zip(areas["code"], areas["name"])),
    }


# --- presentational builders (pure) --------------------------------------------------------------
def source_article(source: Mapping, quotes: list[dict], *, lang: str = "en", names: Mapping[str, Mapping],
                   filtered: bool = False) -> html.Article:
    """A source document, its details, and its quotes."""
    year = _text(source.get("year")) or t("year not stated", lang)
    if year and year.endswith(".0"):
        year = year[:-2]
    url = _text(source.get("url"))
    details = html.Dl([
        html.Dt(t("Document", lang)), html.Dd(html.Code(_text(source.get("document")))),
        html.Dt(t("Publisher", lang)), html.Dd(_text(source.get("publisher")) or t("not stated", lang)),
        html.Dt(t("Year", lang)), html.Dd(year),
        html.Dt(t("Licence", lang)), html.Dd(_text(source.get("licence")) or t("not stated", lang)),
        *([html.Dt(t("Address", lang)), html.Dd(html.A(url, href=url, rel="noopener noreferrer"))] if url else []),
    ], className="source-details")
    n_figures = sum(len(q["observations"]) for q in quotes)
    count = html.P(t("Quotes: {q} · figures backed: {f}", lang, q=len(quotes), f=n_figures), className="source-count")
    body = [quote_block(q, lang=lang, names=names) for q in quotes]
    if not quotes:
        body = [html.P(t("No quote of this document backs the current selection.", lang) if filtered
                       else t("No quote of this document is used.", lang), className="empty-note")]
    title = _text(source.get("title")) or _text(source.get("document"))
    return html.Article([
        html.H2(title, lang="zh-Hans" if CJK.search(title) else None, className="source-title"),
        details, count, *body,
    ], id=f"source-{ids.slug(source['id'])}", className="source-doc")


def quote_block(group: dict, *, lang: str = "en", names: Mapping[str, Mapping]) -> html.Section:
    """The verbatim quote with its figures marked, the English rendering, the section, and what it backs."""
    figures = [_text(o.get("source_figure")) for o in group["observations"]]
    quote = group["quote"]
    if quote:
        segments = [html.Mark(text, className="figure-mark") if marked else text
                    for text, marked in mark_figures(quote, figures)]
        quote_element = html.Blockquote(segments, className="quote-original",
                                        lang="zh-Hans" if CJK.search(quote) else None)
    else:
        quote_element = html.P(t("No verbatim quote recorded.", lang), className="empty-note")
    missing = figures_not_found(quote, figures) if quote else []
    children = [
        html.P([html.Span(t("Section", lang) + ": ", className="label"), group["section"] or t("not stated", lang)],
               className="quote-section"),
        quote_element,
    ]
    if group["quote_en"]:
        children.append(html.P([html.Span(t("English", lang) + ": ", className="label"), group["quote_en"]],
                               className="quote-en", lang="en"))
    if missing:
        children.append(html.P(t("Figure not found in the quote: {figures}", lang, figures=", ".join(missing)),
                               className="notice"))
    if group["observations"]:
        children.append(figures_table(group["observations"], lang=lang, names=names))
    backed = [html.Li([t("Event", lang), ": ", _event_title(e, lang), " (", period_text(e.get("year"), e.get("year"),
                                                                                          lang), ")"])
              for e in group["events"]]
    backed += [html.Li([t("Programme record", lang), ": ", html.Span(p["code"], className="programme-code"), " ",
                        names["programme"].get(p["code"], p["code"])]) for p in group["programmes"]]
    if backed:
        children.append(html.Ul(backed, className="quote-backs plain-list"))
    return html.Section(children, className="quote-block")


def _event_title(rec: Mapping, lang: str) -> str:
    if lang == "zh" and _text(rec.get("title_zh")):
        return _text(rec["title_zh"])
    return _text(rec.get("title_en")) or _text(rec.get("title_zh")) or _text(rec.get("id"))


def figures_table(observations: list[dict], *, lang: str = "en", names: Mapping[str, Mapping]) -> html.Table:
    """The figures one quote backs; each row is the anchor `#obs-<id>`."""
    rows = []
    for rec in sorted(observations, key=lambda r: r["id"]):
        anchor = observation_anchor(rec["id"])
        place = (names["country"].get(rec["country"], rec["country"]) if _text(rec.get("country"))
                 else names["area"].get(rec["region"], rec["region"]) if _text(rec.get("region"))
                 else t("no country breakdown", lang))
        programme = _text(rec.get("programme"))
        rows.append(html.Tr([
            html.Td(names["indicator"].get(rec["indicator"], rec["indicator"])),
            html.Td([html.A(format_value(rec["value"], rec["qualifier"], lang, unit=rec.get("unit"), exact=True), href=f"#{anchor}",
                            title=t("Link to this figure", lang)),
                     html.Span(" " + unit_label(rec.get("unit"), lang), className="unit")
                     if rec.get("unit") not in (None, "", "percent") else None],
                    className="number nowrap"),
            html.Td(html.Mark(_text(rec.get("source_figure")), className="figure-mark")
                    if _text(rec.get("source_figure")) else "—"),
            html.Td(kind_label(rec["kind"], lang)),
            html.Td(period_text(rec.get("year_start"), rec.get("year_end"), lang, _text(rec.get("date")) or None)),
            html.Td(place),
            html.Td([html.Span(programme, className="programme-code"), " ", names["programme"].get(programme, "")]
                    if programme else t("not a programme's figure", lang)),
            html.Td(_text(rec.get("note")), className="note-cell"),
        ], id=anchor, className="figure-row", **{"data-observation": rec["id"]}))
    return html.Table([
        html.Thead(html.Tr([html.Th(t(h, lang), scope="col") for h in
                            (lazy("Indicator"), lazy("Value"), lazy("As written"), lazy("Kind"), lazy("Period"),
                             lazy("Place"), lazy("Programme"), lazy("Note"))])),
        html.Tbody(rows),
    ], className="table-plain figures-table")
