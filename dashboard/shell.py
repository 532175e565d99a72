"""The app frame around every page: header with navigation and language switch, the filter panel
(its state lives in the URL query), notices, the page container and the footer."""

from __future__ import annotations

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.i18n import LANGUAGE_NAMES, available_languages, lazy, t

# Navigation order and labels; pages register their paths with dash.register_page.
NAV_ITEMS = (
    ("/", lazy("Overview")),
    ("/sdg", lazy("SDG explorer")),
    ("/map", lazy("Map")),
    ("/data", lazy("Data")),
    ("/sources", lazy("Sources")),
    ("/api", lazy("API")),
)


# Pages that show one whole record and ignore the filter panel (it is hidden there, not left inert).
PAGES_WITHOUT_FILTERS = ("/programmes/", "/api")


def page_uses_filters(pathname: str) -> bool:
    return not any(pathname == p.rstrip("/") or pathname.startswith(p) for p in PAGES_WITHOUT_FILTERS)


def nav(lang: str, pathname: str = "/", search: str = "") -> list:
    links = []
    for path, label in NAV_ITEMS:
        active = pathname == path or (path != "/" and pathname.startswith(path))
        # dcc.Link takes no aria-* attribute: the current page is named in hidden text instead
        text = [t(label, lang), html.Span(t(" (current page)", lang), className="visually-hidden")] if active \
            else t(label, lang)
        links.append(dcc.Link(text, href=f"{path}{search}", className="nav-link" + (" active" if active else "")))
    return links


def language_links(lang: str, pathname: str, query: dict) -> list:
    out = []
    for code in available_languages():  # English, and each language that has a catalogue
        name = LANGUAGE_NAMES[code]
        params = {**query, "lang": code}
        if code == "en":
            params.pop("lang")
        search = "&".join(f"{k}={v}" for k, v in params.items())
        # a full reload: every label of the frame and the page is rendered again in that language
        out.append(html.A(name, href=f"{pathname}{'?' + search if search else ''}", lang=code,
                          className="lang-link" + (" active" if code == lang else ""),
                          **({"aria-current": "true"} if code == lang else {})))
    return out


def header(lang: str = "en", pathname: str = "/", query: dict | None = None, search: str = "") -> list:
    return [
        html.Div([
            html.A(t("SDG programme results", lang), href=f"/{search}", className="brand"),
            html.Span(t("ILO development cooperation · monitoring and evaluation", lang), className="brand-sub"),
        ], className="brand-block"),
        html.Nav(nav(lang, pathname, search), id=ids.NAV, className="main-nav", **{"aria-label": t("Pages", lang)}),
        html.Div(language_links(lang, pathname, query or {}), id=ids.LANG_SWITCH, className="lang-switch",
                 role="group", **{"aria-label": t("Language", lang)}),
    ]


def filter_panel(lang: str = "en", values: dict | None = None) -> html.Section:
    """The filter panel in `lang`. `values` (keys programme, goal, target, region, country, years,
    bounds, marks, and `options` per dropdown) seeds the controls from the URL: the panel mounts already
    showing the URL's filter (a Dash 4 dropdown drops any value missing from its options, so both come
    together), and mounting it never reads as a change of filter."""
    values = values or {}
    options = values.get("options") or {}
    low, high = values.get("bounds") or (2009, 2020)

    def field(label: str, control) -> html.Div:
        return html.Div([html.Label(t(label, lang), htmlFor=control.id, className="filter-label"), control],
                        className="filter-field")

    return html.Section([
        html.H2(t("Filters", lang), className="visually-hidden"),
        field(lazy("Programme"), dcc.Dropdown(id=ids.FILTER_PROGRAMME, multi=True, value=values.get("programme"),
                                              options=options.get("programme", []),
                                              placeholder=t("All programmes", lang))),
        field(lazy("SDG goal"), dcc.Dropdown(id=ids.FILTER_SDG_GOAL, multi=True, value=values.get("goal"),
                                             options=options.get("goal", []),
                                             placeholder=t("All goals", lang))),
        field(lazy("SDG target"), dcc.Dropdown(id=ids.FILTER_SDG_TARGET, multi=True, value=values.get("target"),
                                               options=options.get("target", []),
                                               placeholder=t("All targets", lang))),
        field(lazy("Region"), dcc.Dropdown(id=ids.FILTER_REGION, multi=True, value=values.get("region"),
                                           options=options.get("region", []),
                                           placeholder=t("All regions", lang))),
        field(lazy("Country"), dcc.Dropdown(id=ids.FILTER_COUNTRY, multi=True, value=values.get("country"),
                                            options=options.get("country", []),
                                            placeholder=t("All countries", lang))),
        field(lazy("Years"), dcc.RangeSlider(id=ids.FILTER_YEARS, min=low, max=high, step=1,
                                             value=values.get("years"), marks=values.get("marks"), allowCross=False,
                                             # Dash 4's number boxes beside a wide slider have no label
                                             # (axe "label", critical); the thumbs take arrow keys
                                             allow_direct_input=False,
                                             tooltip={"placement": "bottom", "always_visible": False})),
        html.Div([
            html.Span(id=ids.FILTER_SUMMARY, className="filter-summary", role="status"),
            html.Button(t("Reset filters", lang), id=ids.FILTER_RESET, className="button-secondary", n_clicks=0),
        ], className="filter-actions"),
    ], id=ids.FILTER_PANEL, className="filter-panel", **{"aria-label": t("Filters", lang)})


def layout() -> html.Div:
    """The app layout; text is filled in the URL's language by the shell callbacks."""
    return html.Div([
        dcc.Location(id=ids.URL, refresh="callback-nav"),
        dcc.Store(id=ids.LANG_STORE, data="en"),
        html.A(t("Skip to content"), href="#main", className="skip-link"),
        html.Header(header(), id=ids.HEADER, className="app-header"),
        # rendered again by the shell callback with the URL's filter and options (see filter_panel)
        html.Div(filter_panel(), id="filter-panel-container"),
        html.Div(id=ids.NOTICES, className="notices", role="status", **{"aria-live": "polite"}),
        html.Main(dash.page_container, id="main", tabIndex="-1"),
        html.Footer(id=ids.FOOTER, className="app-footer"),
    ], className="app")


def footer(lang: str) -> list:
    return [
        html.P(t("Figures are quoted from ILO publications; every number links to its source document and "
                 "verbatim quote. Unknown values are shown as not stated, never estimated.", lang)),
        html.P(t("Code: MIT licence. Source documents © ILO, quoted with attribution. SDG texts: United Nations.",
                 lang)),
    ]
