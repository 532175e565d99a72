"""SDG explorer callbacks: the URL query -> goal tiles, the selection's detail, the targets grid.

The `sdg` filter and the rest of the filter panel -> queries -> tiles, the chosen goal's targets,
the programmes tagged, their figures and the grid."""

from __future__ import annotations

from dash import Input, Output, callback, dcc, html
from dash.exceptions import PreventUpdate

from dashboard import data, ids
from dashboard.callbacks.shell import query_dict, search_from
from dashboard.components import sdg_tiles
from dashboard.figures.common import graph_config, safe_filename
from dashboard.figures.sdg import (
    build_target_grid,
    filter_period_label,
    programme_counts_by_goal,
    programme_counts_by_target,
)
from dashboard.i18n import t
from dashboard.maps import graph_style
from indicators import metrics
from indicators import repository as repo
from indicators.filters import FILTER_NAMES, FilterState

PATH = "/sdg"
TILES = ids.page_id("sdg", "tiles")
DETAIL = ids.page_id("sdg", "detail")
GRAPH = ids.page_id("sdg", "grid")


def selection_goal(selection: tuple[str, ...]) -> str | None:
    """The one goal whose targets to list: the goal chosen, or the goal of the targets chosen."""
    goals = {code.split(".")[0] for code in selection}
    return goals.pop() if len(goals) == 1 else None


def link_builder(filters: FilterState, query: dict[str, str]):
    """href for choosing an SDG code (None clears the choice); every other filter is kept."""
    extra = {k: v for k, v in query.items() if k not in FILTER_NAMES}

    def href_for(code: str | None) -> str:
        return PATH + search_from(filters.with_changes(sdg=(code,) if code else ()), extra)

    return href_for


def reported_figures(filters: FilterState, lang: str) -> list[tuple[dict, metrics.Summary]]:
    """Every indicator with a figure for the selection, by programme (each by its own rule)."""
    out = []
    for indicator in data.reference("indicators", lang).to_dict("records"):
        if filters.indicator and indicator["code"] not in filters.indicator:
            continue
        summary = data.summary(indicator["code"], by="programme", kind="actual", filters=filters)
        if not summary.rows.empty:
            out.append((indicator, summary))
    return out


@callback(
    Output(TILES, "children"),
    Output(DETAIL, "children"),
    Output(GRAPH, "figure"),
    Output(GRAPH, "config"),
    Output(GRAPH, "style"),
    Input(ids.URL, "search"),
    Input(ids.URL, "pathname"),
)
def render_sdg(search, pathname):
    if (pathname or "").rstrip("/") != PATH:
        raise PreventUpdate
    query = query_dict(search)
    filters = data.parse_filters(query)
    lang = filters.lang
    engine = data.engine()
    goals = data.reference("goals", lang)
    targets = data.reference("targets", lang)
    pairs = data.reference("programme_targets")
    countries = data.reference("countries", lang)
    country_names = dict(zip(countries["iso3"], countries["name"]))
    goal_colours = dict(zip(goals["code"], goals["colour"]))

    # programmes matching every filter but the SDG choice: what the tiles count
    in_scope = repo.programmes(engine, filters.with_changes(sdg=()), lang=lang)
    scope_codes = list(in_scope["code"])
    href_for = link_builder(filters, query)
    selection = filters.sdg
    goal = selection_goal(selection)
    tiles = sdg_tiles.goal_tiles(goals, programme_counts_by_goal(pairs, scope_codes), href_for=href_for,
                                 lang=lang, selected_goal=goal)

    tagged = repo.programmes(engine, filters, lang=lang) if selection else in_scope
    programme_names = dict(zip(data.reference("programmes", lang)["code"], data.reference("programmes", lang)["name"]))

    def programme_href(code: str) -> str:
        return f"/programmes/{code}" + search_from(FilterState(lang=lang))

    def sources_href(indicator: str, programme: str | None) -> str:
        chosen = FilterState(programme=(programme,) if programme else (), indicator=(indicator,), lang=lang)
        return "/sources" + search_from(chosen)

    if selection:
        detail = [sdg_tiles.selection_heading(selection, goals, targets, lang=lang),
                  html.P(dcc.Link(t("Clear the SDG choice", lang), href=href_for(None), className="button-secondary"),
                         className="sdg-clear")]
        if goal:
            counts = programme_counts_by_target(pairs, scope_codes)
            in_goal = targets[targets["goal"] == goal]
            by_target = (pairs[pairs["programme"].isin(scope_codes)].groupby("target")["programme"]
                         .apply(lambda s: sorted(set(s))).to_dict())
            detail.append(sdg_tiles.target_list(in_goal, counts, by_target, href_for=href_for, lang=lang,
                                                selected=selection, colour=goal_colours.get(goal, "#333")))
        detail.append(sdg_tiles.programme_cards(tagged, lang=lang, selection=selection,
                                                href_for_programme=programme_href, country_names=country_names,
                                                goal_colours=goal_colours))
        detail.append(sdg_tiles.indicator_figures(reported_figures(filters, lang), lang=lang,
                                                  programme_names=programme_names, sources_href=sources_href))
    else:
        untagged = [c for c in scope_codes if c not in set(pairs["programme"])]
        detail = [html.P(t("Choose a goal above. Programmes tagged with an SDG target: {n}; targets: {m}; goals: {k}.",
                           lang, n=pairs[pairs["programme"].isin(scope_codes)]["programme"].nunique(),
                           m=pairs[pairs["programme"].isin(scope_codes)]["target"].nunique(),
                           k=len(programme_counts_by_goal(pairs, scope_codes))), className="sdg-prompt")]
        if untagged:
            detail.append(html.P(t("Not tagged with any SDG target in the sources: {codes}", lang,
                                   codes=", ".join(untagged)), className="sdg-untagged"))

    grid_pairs = pairs[pairs["programme"].isin(list(tagged["code"]))]
    by_programme = {code: sorted({s.get("source_document") for s in (sources or []) if s.get("source_document")})
                    for code, sources in zip(tagged["code"], tagged["sources"])} if len(tagged) else {}
    documents = sorted({d for docs in by_programme.values() for d in docs})
    figure = build_target_grid(grid_pairs, programmes=tagged[["code", "name"]], targets=targets, goals=goals,
                               lang=lang, selected=selection, sources=documents, programme_sources=by_programme,
                               period_label=filter_period_label(filters.year_from, filters.year_to, lang))
    config = graph_config(safe_filename("sdg-targets-by-programme", *[ids.slug(s) for s in selection], lang), geo=False)
    return tiles, detail, figure, config, graph_style(figure)
