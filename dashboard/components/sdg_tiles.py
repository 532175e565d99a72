"""SDG builders: goal and target tiles, a goal's targets, tagged programmes, their figures.

One tile builder serves the explorer's 17 goal tiles and a programme's target tiles (each look
by its CSS class). Plain frames in, Dash components out; no data access."""

from __future__ import annotations

from typing import Callable, Mapping, Sequence

import pandas as pd
from dash import dcc, html

from dashboard import theme
from dashboard.figures.common import format_value, period_text, translate_note, unit_label
from dashboard.figures.sdg import plural, status_label, target_sort_key
from dashboard.i18n import lazy, t

Href = Callable[[str | None], str]


# --- tiles ---------------------------------------------------------------------------------------
def _luminance(colour: str) -> float:
    colour = colour.lstrip("#")
    channels = [int(colour[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def tile_text_colour(background: str) -> str:
    """White, as on the official SDG tiles, wherever it reaches the 3:1 contrast of large bold text;
    dark text on the few light goal colours (7 yellow, 11 orange...) so the code stays readable."""
    contrast = 1.05 / (_luminance(background) + 0.05)
    return "#FFFFFF" if contrast >= 3 else theme.TEXT_COLOUR


def sdg_tile(parts: list, *, href: str, title: str, colour: str, css: str, modifiers: Sequence[str] = (),
             contrast_text: bool = False, link_id: str | None = None, item_attributes: dict | None = None) -> html.Li:
    """One goal or target as a link tile in its goal's official colour. `css` names the look
    ("sdg-tile": the explorer's goal tiles, whose white text sdg.css outlines; "target-tile": a
    programme's target tiles); `contrast_text` picks white or dark text by the colour instead."""
    style = {"backgroundColor": colour}
    style.update({"color": tile_text_colour(colour)} if contrast_text else {"--goal-colour": colour})
    link = dcc.Link(parts, href=href, title=title, className=" ".join([css, *modifiers]), style=style,
                    **({"id": link_id} if link_id else {}))
    return html.Li(link, className=f"{css}-item", **(item_attributes or {}))


def goal_tiles(goals: pd.DataFrame, counts: Mapping[str, int], *, href_for: Href, lang: str = "en",
               selected_goal: str | None = None) -> html.Ul:
    """One link per goal in its official colour: number, short name, programmes tagged."""
    items = []
    for goal in goals.itertuples():
        count = int(counts.get(goal.code, 0))
        label = plural(count, lazy("{n} programme"), lazy("{n} programmes"), lang) if count else t("no programme", lang)
        selected = goal.code == selected_goal
        items.append(sdg_tile(
            [html.Span(str(goal.number), className="sdg-tile-number"),
             html.Span(goal.short, className="sdg-tile-name"),
             html.Span(label, className="sdg-tile-count"),
             html.Span(" (" + t("selected", lang) + ")", className="visually-hidden") if selected else None],
            href=href_for(goal.code), title=goal.title, colour=goal.colour, css="sdg-tile",
            modifiers=[m for m, on in (("selected", selected), ("untagged", not count)) if on],
            link_id=f"sdg-tile-{goal.code}"))
    return html.Ul(items, className="sdg-tile-grid")


def target_tiles(targets: Sequence[str], *, titles: Mapping[str, str], goal_colours: Mapping[str, str],
                 lang: str = "en") -> html.Ul | html.P:
    """A programme's SDG targets, one tile each in its goal's colour; the target's title on hover
    (title attribute) and for screen readers; each links to the SDG explorer filtered on the target."""
    items = []
    for code in targets:
        background = goal_colours.get(theme.goal_of(code), theme.ACCENT)
        title_text = titles.get(code, "")
        label = t("Target {code}: {title}", lang, code=code, title=title_text) if title_text else \
            t("Target {code}", lang, code=code)
        link_query = f"?sdg={code}" + (f"&lang={lang}" if lang != "en" else "")
        items.append(sdg_tile([html.Span(code, className="target-tile-code"),
                               html.Span(label, className="visually-hidden")],
                              href=f"/sdg{link_query}", title=label, colour=background, css="target-tile",
                              contrast_text=True,
                              item_attributes={"data-target": code, "data-goal": theme.goal_of(code)}))
    if not items:
        return html.P(t("No SDG target stated for this programme.", lang), className="muted")
    return html.Ul(items, className="target-tiles")


# --- the explorer's selection --------------------------------------------------------------------
def selection_heading(selection: Sequence[str], goals: pd.DataFrame, targets: pd.DataFrame, *,
                      lang: str = "en") -> html.Div:
    """"Goal 8: ..." or "Target 8.3: ..." (or a list of codes when several are chosen)."""
    goal_titles = dict(zip(goals["code"], goals["title"]))
    goal_colours = dict(zip(goals["code"], goals["colour"]))
    target_titles = dict(zip(targets["code"], targets["title"]))
    if len(selection) == 1:
        code = selection[0]
        if "." in code:
            heading = t("Target {code}", lang, code=code)
            text = target_titles.get(code, "")
        else:
            heading = t("Goal {code}", lang, code=code)
            text = goal_titles.get(code, "")
        colour = goal_colours.get(code.split(".")[0], "#333")
        return html.Div([
            html.Span(code.split(".")[0], className="sdg-badge", style={"backgroundColor": colour},
                      **{"aria-hidden": "true"}),
            html.Div([html.H2(heading, className="sdg-selection-title"), html.P(text, className="sdg-selection-text")]),
        ], className="sdg-selection-heading")
    return html.Div(html.H2(t("Selected goals and targets: {codes}", lang, codes=", ".join(selection)),
                            className="sdg-selection-title"), className="sdg-selection-heading")


def target_list(targets: pd.DataFrame, counts: Mapping[str, int], programmes_by_target: Mapping[str, Sequence[str]],
                *, href_for: Href, lang: str = "en", selected: Sequence[str] = (), colour: str = "#333") -> html.Section:
    """A goal's targets: those some programme is tagged with first (with the programmes), the others
    in a collapsed list that stays one click away."""
    frame = targets.assign(_order=[target_sort_key(c) for c in targets["code"]]).sort_values("_order")
    tagged = frame[[counts.get(c, 0) > 0 for c in frame["code"]]]
    others = frame[[counts.get(c, 0) == 0 for c in frame["code"]]]

    def item(row, with_programmes: bool) -> html.Li:
        chosen = row.code in selected
        count = int(counts.get(row.code, 0))
        children = [
            dcc.Link([html.Span(row.code, className="sdg-target-code", style={"borderColor": colour}),
                      html.Span(row.title, className="sdg-target-title"),
                      html.Span(" (" + t("selected", lang) + ")", className="visually-hidden") if chosen else None],
                     href=href_for(row.code), className="sdg-target-link" + (" selected" if chosen else "")),
        ]
        if with_programmes:
            children.append(html.Span(
                plural(count, lazy("{n} programme"), lazy("{n} programmes"), lang) + ": " + ", ".join(programmes_by_target.get(row.code, [])),
                className="sdg-target-programmes"))
        return html.Li(children, className="sdg-target" + (" selected" if chosen else ""))

    body = [html.H3(t("Targets tagged by programmes", lang), className="sdg-subheading")]
    if len(tagged):
        body.append(html.Ul([item(r, True) for r in tagged.itertuples()], className="sdg-target-list"))
    else:
        body.append(html.P(t("No programme of the selection is tagged with a target of this goal.", lang), className="empty-note"))
    if len(others):
        body.append(html.Details([
            html.Summary(t("Other targets of this goal ({n}), not tagged by any programme of the selection", lang,
                           n=len(others))),
            html.Ul([item(r, False) for r in others.itertuples()], className="sdg-target-list sdg-target-list-others"),
        ], className="sdg-other-targets", open=any(c in selected for c in others["code"])))
    return html.Section(body, className="sdg-targets")


def programme_cards(programmes: pd.DataFrame, *, lang: str = "en", selection: Sequence[str] = (),
                    href_for_programme: Callable[[str], str], country_names: Mapping[str, str] | None = None,
                    goal_colours: Mapping[str, str] | None = None) -> html.Section:
    """The programmes tagged with the selection, each with its period, status, countries and the
    targets it is tagged with (the chosen ones emphasised)."""
    countries = country_names or {}
    colours = goal_colours or {}
    heading = html.H3(t("Programmes tagged ({n})", lang, n=len(programmes)), className="sdg-subheading",
                      id="sdg-programmes-heading")
    if programmes.empty:
        return html.Section([heading, html.P(t("No programme is tagged with this selection.", lang),
                                             className="empty-note")], className="sdg-programmes")
    cards = []
    for row in programmes.itertuples():
        tags = []
        for target in sorted(row.sdg_targets or [], key=target_sort_key):
            chosen = target in selection or target.split(".")[0] in selection
            tags.append(html.Li(target, className="sdg-chip" + (" chosen" if chosen else ""),
                                style={"--goal-colour": colours.get(target.split(".")[0], "#555")}))
        status = status_label(row.status if isinstance(row.status, str) else None, lang)
        period = period_text(row.year_start, row.year_end, lang)
        if isinstance(row.status, str) and row.status == "ongoing" and pd.isna(row.year_end) and not pd.isna(row.year_start):
            period = t("{year} – open-ended", lang, year=int(row.year_start))
        names = [countries.get(c, c) for c in (row.countries or [])]
        cards.append(html.Li(html.Article([
            html.H4(dcc.Link([html.Span(row.code, className="programme-code"), " ", row.name],
                             href=href_for_programme(row.code))),
            html.P([html.Span(t("Status", lang) + f": {status}"), " · ", html.Span(t("Period", lang) + f": {period}"),
                    " · ", html.Span(t("{n} countries", lang, n=len(names)))], className="programme-meta"),
            html.P(", ".join(names), className="programme-countries") if names else None,
            html.Ul(tags, className="sdg-chip-list", **{"aria-label": t("SDG targets", lang)}),
        ], className="programme-card"), className="programme-card-item", **{"data-code": row.code}))
    return html.Section([heading, html.Ul(cards, className="programme-card-list", id="sdg-programme-list")],
                        className="sdg-programmes")


def indicator_figures(summaries: Sequence[tuple[Mapping, object]], *, lang: str = "en",
                      programme_names: Mapping[str, str] | None = None,
                      sources_href: Callable[[str, str | None], str]) -> html.Section:
    """Per indicator the programmes' figures (one row per programme, by the indicator's own rule,
    with qualifier words), and the note that rows by target do not add up."""
    names = programme_names or {}
    heading = html.H3(t("Figures reported by these programmes", lang), className="sdg-subheading")
    note = html.P(t("A programme's figure counts once under each target it is tagged with: figures by goal or "
                    "target do not add up to a total across targets.", lang), className="sdg-note", role="note")
    if not summaries:
        return html.Section([heading, html.P(t("No figure reported for this selection", lang),
                                             className="empty-note"), note], className="sdg-figures")
    tables = []
    for indicator, summary in summaries:
        rows = []
        for rec in summary.rows.to_dict("records"):
            key = rec["key"]
            label = names.get(key, key) if key else t("not a programme's figure", lang)
            rows.append(html.Tr([
                html.Td([html.Span(key or "—", className="programme-code"), " ", label if label != key else ""]),
                html.Td(format_value(rec["value"], rec["qualifier"], lang, unit=summary.unit, exact=True), className="number"),
                html.Td(str(int(rec["observations"])), className="number"),
                html.Td(dcc.Link(t("quotes", lang), href=sources_href(indicator["code"], key))),
            ]))
        caption = [html.Span(indicator["name"], className="indicator-name"), " · ",
                   html.Span(t("unit", lang) + ": " + unit_label(summary.unit, lang)), " · ",
                   html.Span(t("actual results", lang))]
        notes = [html.Li(translate_note(n, lang)) for n in summary.notes if n.code != "sdg_overlap"]
        tables.append(html.Div([
            html.Table([
                html.Caption(caption),
                html.Thead(html.Tr([html.Th(t("Programme", lang), scope="col"),
                                    html.Th(t("Value", lang), scope="col", className="number"),
                                    html.Th(t("Figures in the sources", lang), scope="col", className="number"),
                                    html.Th(t("Source", lang), scope="col")])),
                html.Tbody(rows),
            ], className="table-plain sdg-figure-table", **{"data-indicator": indicator["code"]}),
            html.Ul(notes, className="summary-notes") if notes else None,
        ], className="sdg-figure-block"))
    return html.Section([heading, note, *tables], className="sdg-figures")
