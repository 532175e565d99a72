"""Shell callbacks: the frame's text in the URL's language, and the filter panel kept in step with the
URL query (the URL is the state; the back button steps through filter changes)."""

from __future__ import annotations

from urllib.parse import parse_qs, urlencode

from dash import Input, Output, State, callback, ctx, html, no_update

from dashboard import data, ids, shell
from dashboard.filter_options import filter_options, year_bounds
from dashboard.i18n import t
from indicators.filters import FilterState


def query_dict(search: str | None) -> dict[str, str]:
    """`?a=1&b=x,y` -> {"a": "1", "b": "x,y"} (last value wins for repeated keys)."""
    parsed = parse_qs((search or "").lstrip("?"), keep_blank_values=False)
    return {k: v[-1] for k, v in parsed.items()}


def search_from(filters: FilterState, extra: dict[str, str] | None = None) -> str:
    query = {**filters.to_query(), **(extra or {})}
    return ("?" + urlencode(query, safe=",")) if query else ""


def controls_to_filters(current: FilterState, programme, goals, targets, regions, countries, years,
                        bounds: tuple[int, int]) -> FilterState:
    """A pure function from the panel's values to the filter state (language, indicator and kind
    come from the current URL; a year range equal to the data's bounds means no year filter)."""
    year_from = year_to = None
    if years and len(years) == 2 and (years[0], years[1]) != tuple(bounds):
        year_from, year_to = int(years[0]), int(years[1])
    return FilterState(
        programme=tuple(programme or ()), indicator=current.indicator, kind=current.kind,
        sdg=tuple(goals or ()) + tuple(targets or ()), region=tuple(regions or ()),
        country=tuple(countries or ()), year_from=year_from, year_to=year_to, lang=current.lang,
    )


@callback(
    Output(ids.HEADER, "children"),
    Output(ids.FOOTER, "children"),
    Output(ids.LANG_STORE, "data"),
    Output("filter-panel-container", "children"),
    Output("filter-panel-container", "hidden"),
    Input(ids.URL, "pathname"),
    State(ids.URL, "search"),
    State(ids.LANG_STORE, "data"),
)
def render_frame(pathname, search, _previous_lang):
    """The header, footer and filter panel in the URL's language (rendered on page load; a language
    change is a full reload). Pages that show one whole record (a programme, the API) hide the panel."""
    query = query_dict(search)
    filters = data.parse_filters(query)
    lang = filters.lang
    return (shell.header(lang, pathname or "/", query, search or ""), shell.footer(lang), lang,
            shell.filter_panel(lang, panel_values(filters)), not shell.page_uses_filters(pathname or "/"))


def panel_values(filters: FilterState) -> dict:
    """The controls' values and options for a filter: the panel is rendered already showing the URL's
    filter, so that mounting it never reads as a change that clears the URL."""
    low, high = year_bounds()
    return {"programme": list(filters.programme), "goal": list(filters.sdg_goals),
            "target": list(filters.sdg_targets), "region": list(filters.region), "country": list(filters.country),
            "years": [filters.year_from or low, filters.year_to or high], "bounds": (low, high),
            "marks": year_marks(low, high), "options": filter_options(filters.lang, list(filters.sdg_goals))}


def year_marks(low: int, high: int) -> dict:
    """Every second year and the last one, never two adjacent labels (they would overlap)."""
    years = [year for year in range(low, high + 1) if (high - year) % 2 == 0 or year == low]
    if len(years) > 2 and years[1] - years[0] < 2:
        years.pop(1)
    return {year: str(year) for year in years}


@callback(
    Output(ids.NAV, "children"),
    Input(ids.URL, "pathname"),
    Input(ids.URL, "search"),
    State(ids.LANG_STORE, "data"),
)
def update_nav(pathname, search, lang):
    """Navigation links carry the current filters to the next page."""
    return shell.nav(lang or "en", pathname or "/", search or "")


@callback(
    Output(ids.FILTER_PROGRAMME, "options"),
    Output(ids.FILTER_SDG_GOAL, "options"),
    Output(ids.FILTER_SDG_TARGET, "options"),
    Output(ids.FILTER_REGION, "options"),
    Output(ids.FILTER_COUNTRY, "options"),
    Output(ids.FILTER_YEARS, "min"),
    Output(ids.FILTER_YEARS, "max"),
    Output(ids.FILTER_YEARS, "marks"),
    Input(ids.FILTER_SDG_GOAL, "value"),
    Input(ids.LANG_STORE, "data"),
)
def update_options(goals, lang):
    """Options in the page language; target options follow the chosen goals."""
    options = filter_options(lang or "en", goals or [])
    low, high = year_bounds()
    marks = year_marks(low, high)
    return (options["programme"], options["goal"], options["target"], options["region"], options["country"],
            low, high, marks)


@callback(
    Output(ids.URL, "search"),
    Output(ids.FILTER_PROGRAMME, "value"),
    Output(ids.FILTER_SDG_GOAL, "value"),
    Output(ids.FILTER_SDG_TARGET, "value"),
    Output(ids.FILTER_REGION, "value"),
    Output(ids.FILTER_COUNTRY, "value"),
    Output(ids.FILTER_YEARS, "value"),
    Output(ids.NOTICES, "children"),
    Input(ids.URL, "search"),
    Input(ids.FILTER_PROGRAMME, "value"),
    Input(ids.FILTER_SDG_GOAL, "value"),
    Input(ids.FILTER_SDG_TARGET, "value"),
    Input(ids.FILTER_REGION, "value"),
    Input(ids.FILTER_COUNTRY, "value"),
    Input(ids.FILTER_YEARS, "value"),
    Input(ids.FILTER_RESET, "n_clicks"),
    State(ids.FILTER_PROGRAMME, "options"),
    State(ids.FILTER_SDG_GOAL, "options"),
    State(ids.FILTER_SDG_TARGET, "options"),
    State(ids.FILTER_REGION, "options"),
    State(ids.FILTER_COUNTRY, "options"),
    prevent_initial_call=False,
)
def sync_filters(search, programme, goals, targets, regions, countries, years, _reset,
                 programme_options=None, goal_options=None, target_options=None, region_options=None,
                 country_options=None):
    """URL -> panel when the URL changes (page load, back button); panel -> URL when a control changes."""
    query = query_dict(search)
    current = data.parse_filters(query)
    bounds = year_bounds()
    trigger = ctx.triggered_id
    if trigger == ids.FILTER_RESET:
        reset = FilterState(lang=current.lang)
        return (search_from(reset), [], [], [], [], [], list(bounds), None)
    # a panel just mounted reports all its controls at once: it shows the URL's filter, not a change
    mounted = len(ctx.triggered or []) > 1
    if trigger in (None, ids.URL) or mounted:
        notices = [html.P(t("Ignored in the link: {notice}", current.lang, notice=n), className="notice")
                   for n in current.notices]
        years_value = [current.year_from or bounds[0], current.year_to or bounds[1]]
        return (no_update, list(current.programme), list(current.sdg_goals), list(current.sdg_targets),
                list(current.region), list(current.country), years_value, notices or None)
    # a dropdown without options cannot express a choice (Dash 4 empties the value of a dropdown whose
    # options have not arrived yet): it keeps the URL's value
    programme = programme if programme_options else list(current.programme)
    goals = goals if goal_options else list(current.sdg_goals)
    targets = targets if target_options else list(current.sdg_targets)
    regions = regions if region_options else list(current.region)
    countries = countries if country_options else list(current.country)
    # a target whose goal is no longer chosen is dropped, so options and values agree
    if goals:
        targets = [x for x in (targets or []) if x.split(".")[0] in goals] or targets
    updated = controls_to_filters(current, programme, goals, targets, regions, countries, years, bounds)
    if updated == current:
        return (no_update,) * 8
    extra = {k: v for k, v in query.items() if k not in FilterState().to_query() and k not in updated.to_query()
             and k not in ("programme", "sdg", "region", "country", "year_from", "year_to", "lang", "indicator", "kind")}
    return (search_from(updated, extra), no_update, no_update, no_update, no_update, no_update, no_update, None)
