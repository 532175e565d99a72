"""The programme page's record as page content, and the page for an unknown code.

Key facts, description, SDG target tiles, the record as a definition list, the map slot, note,
events and sources. Pure: every lookup is passed in."""

from __future__ import annotations

import pandas as pd
from dash import dcc, html

from dashboard.components.sdg_tiles import target_tiles
from dashboard.components.source_panel import source_panel
from dashboard.figures.common import as_year
from dashboard.i18n import lazy, t

EVENT_COLUMNS = (lazy("Year"), lazy("Event"), lazy("Type"), lazy("Place"), lazy("Status"))


def _text(value) -> str:
    """A text field as a string ("" for None or NaN from a DataFrame)."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    return str(value)


def status_text(status: str | None, lang: str = "en") -> str:
    """The programme's status as a key fact (`Ongoing`), or "Status not stated"."""
    labels = {"ongoing": t("Ongoing", lang), "completed": t("Completed", lang), "planned": t("Planned", lang)}
    return labels.get(status or "", t("Status not stated", lang))


def programme_period_text(status: str | None, start, end, lang: str = "en") -> str:
    """`2015–2020`; an empty end is open-ended only when the programme is ongoing
    (`2013 – ongoing, no end date`), else "not stated"."""
    start, end = as_year(start), as_year(end)
    if start is None and end is None:
        return t("ongoing, no end date", lang) if status == "ongoing" else t("Period not stated", lang)
    if end is None:
        tail = t("ongoing, no end date", lang) if status == "ongoing" else t("end not stated", lang)
        return f"{start} – {tail}"
    if start is None:
        return t("start not stated – {end}", lang, end=end)
    return str(start) if start == end else f"{start}–{end}"


def _link(text: str) -> html.A:
    href = text if "://" in text else f"http://{text}"
    return html.A(text, href=href, rel="external noopener noreferrer", className="external-link")


def definition_list(rows: list[tuple[str, object]]) -> html.Dl:
    """(term, value) rows as a definition list."""
    children = []
    for term, value in rows:
        children += [html.Dt(term), html.Dd(value)]
    return html.Dl(children, className="programme-facts")


def _list_or_none(values, lang: str, render=lambda v: v) -> object:
    values = [v for v in (values or []) if v]
    if not values:
        return html.Span(t("not stated", lang), className="muted")
    return html.Ul([html.Li(render(v)) for v in values], className="inline-list")


def not_found(code: str | None, lang: str = "en", search: str = "") -> html.Div:
    """The page for a code no programme has, with the way back."""
    return html.Div([
        html.H1(t("Programme not found", lang)),
        html.P(t("No programme has the code “{code}”.", lang, code=code or "")),
        dcc.Link(t("Back to the overview", lang), href=f"/{search}", className="button-secondary"),
    ], className="not-found", role="alert")


def key_facts(record: dict, countries: list[str], lang: str) -> html.Ul:
    """Status, period and number of countries, at the top of the page."""
    def fact(label: str, value: str) -> html.Li:
        return html.Li([html.Span(label, className="key-fact-label"), html.Span(value, className="key-fact-value")])

    return html.Ul([
        fact(t("Status", lang), status_text(record.get("status"), lang)),
        fact(t("Period", lang), programme_period_text(record.get("status"), record.get("year_start"),
                                                      record.get("year_end"), lang)),
        fact(t("Countries", lang), str(len(countries)) if countries else t("not stated", lang)),
    ], className="key-facts")


def profile(record: dict, lang: str, *, country_names: dict, area_names: dict, target_titles: dict,
            goal_colours: dict, events: pd.DataFrame | None = None, search: str = "",
            map_figure=None) -> list:
    """The programme's record as page content (pure: every lookup is passed in)."""
    description = (_text(record.get(f"description_{lang}")) if lang in ("en", "zh") else "") or \
        _text(record.get("description_en"))
    countries = [country_names.get(c, c) for c in record.get("countries") or []]
    regions = [area_names.get(r, r) for r in record.get("regions") or []]
    places = countries + [r for r in regions if r not in countries]
    facts = [(t("Countries and regions", lang), _list_or_none(places, lang))]
    if record.get("subdivisions"):
        facts.append((t("Provinces", lang), _list_or_none(record["subdivisions"], lang)))
    facts += [
        (t("Funders", lang), _list_or_none(record.get("funders"), lang)),
        (t("Implementers", lang), _list_or_none(record.get("implementers"), lang)),
        (t("Nominated by", lang), _list_or_none(record.get("nominated_by"), lang)),
        (t("Links", lang), _list_or_none(record.get("links"), lang, _link)),
    ]
    content = [
        html.P(dcc.Link(t("← Overview", lang), href=f"/{search}"), className="breadcrumb"),
        html.H1([html.Span(record.get("name") or record["code"]), " ",
                 html.Span(record["code"], className="code-badge")]),
        html.Div([
            html.Div([key_facts(record, countries, lang),
                      html.P(description, className="page-intro") if description else None],
                     className="programme-lead"),
            html.Section([html.H2(t("SDG targets", lang)),
                          target_tiles(list(record.get("sdg_targets") or []), titles=target_titles,
                                       goal_colours=goal_colours, lang=lang)],
                         className="programme-targets"),
        ], className="programme-top"),
        html.Section([html.H2(t("Programme record", lang)), definition_list(facts)], className="programme-section"),
    ]
    if map_figure is not None:
        content.append(html.Section([html.H2(t("Where it works", lang)), map_figure], className="programme-section"))
    if _text(record.get("note")):
        content.append(html.Section([html.H2(t("Note", lang)),
                                     html.P(_text(record["note"]), lang="en", className="note")],
                                    className="programme-section"))
    if events is not None and len(events):
        content.append(events_table(events, lang, country_names))
    content.append(html.Section([html.H2(t("Sources of this record", lang)),
                                 source_panel(record.get("sources") or [], lang)], className="programme-section"))
    return [c for c in content if c is not None]


def events_table(events: pd.DataFrame, lang: str, country_names: dict) -> html.Section:
    """The programme's events by year: title, type, place and whether held or planned."""
    rows = []
    for rec in events.sort_values(["year", "id"], na_position="last").to_dict("records"):
        title = (_text(rec.get("title_zh")) if lang == "zh" else "") or _text(rec.get("title_en")) or rec["id"]
        year = as_year(rec.get("year"))
        country = _text(rec.get("country"))
        place = ", ".join(p for p in (_text(rec.get("city")), country_names.get(country, country)) if p)
        rows.append(html.Tr([
            html.Td(str(year) if year is not None else t("year not stated", lang)),
            html.Td(title), html.Td(_text(rec.get("type_name")) or rec.get("type")),
            html.Td(place or t("place not stated", lang)),
            html.Td(t("held", lang) if rec.get("status") == "held" else t("planned", lang)),
        ]))
    head = html.Thead(html.Tr([html.Th(t(h, lang), scope="col") for h in EVENT_COLUMNS]))
    return html.Section([html.H2(t("Events", lang)),
                         html.Div(html.Table([head, html.Tbody(rows)], className="table-plain events-table"),
                                  className="table-wrap")],
                        className="programme-section")
