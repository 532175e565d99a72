"""Map figure builders (pure): countries reached, small states and events on the app's own topology."""

from __future__ import annotations

from typing import Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go
from plotly.colors import sample_colorscale, unlabel_rgb

from dashboard.figures.common import graph_config, safe_filename
from dashboard.figures.sdg import SOURCE_GREY, empty_figure, sources_line
from dashboard.geometry import TOPOLOGY_SOURCE, CountryGeometry, country_geometry
from dashboard.i18n import lazy, t
from dashboard.map_hover import blank, country_hover, event_hover, event_title, figure_lines
from dashboard.theme import TEMPLATE_NAME

# Used by the Map page and by any page that shows a map (a programme's countries and events): pass the
# rows of `repository.reach_rows` and `repository.events` for the selection, and put the figure in a
# `dcc.Graph(config=map_graph_config(filename))`, which points plotly.js at the local topology (no CDN:
# offline, a map without it stays blank).

UN_DISCLAIMER = lazy("The boundaries and names shown and the designations used on this map do not imply official "
                 "endorsement or acceptance by the United Nations.")

# number of programmes reaching a country: ColorBrewer "Blues" (sequential, colour-blind safe),
# the lightest steps left out so that one programme still stands out from land without data
REACH_COLOURS = ("#9ECAE1", "#6BAED6", "#3182BD", "#08519C", "#08306B")
LAND_COLOUR = "#E9ECEF"
BORDER_COLOUR = "#B8C0C8"
LEGEND_X = 0.76  # the map takes the left three quarters; colour scale and legend sit on the right
EVENT_COLOUR = "#D55E00"  # Okabe-Ito vermillion: apart from the blues of the choropleth
SMALL_STATE_LINE = "#1F2933"

# (status, precision) -> marker symbol and legend label
EVENT_STYLES = {
    ("held", "city"): ("circle", lazy("Event held, in its city")),
    ("planned", "city"): ("circle-open", lazy("Event planned, in its city")),
    ("held", "country"): ("diamond", lazy("Event held, city not stated")),
    ("planned", "country"): ("diamond-open", lazy("Event planned, city not stated")),
}


# --- graph config --------------------------------------------------------------------------------
def graph_style(figure: go.Figure) -> dict:
    """The graph's size for a figure: with `responsive` on, plotly fits the figure to its container,
    so the container takes the height the figure asks for (the width follows the page)."""
    return {"height": f"{int(figure.layout.height or 450)}px", "width": "100%"}


def map_graph_config(filename: str, *, topojson: str | None = None) -> dict:
    """The config every geo graph needs: the local topology (plotly caches it per page, so a graph
    without it could render by luck in one view and stay blank in another) plus the export options."""
    config = graph_config(safe_filename(filename))
    if topojson:
        config["topojsonURL"] = topojson
    config["scrollZoom"] = False  # the page scrolls; zoom with the modebar or a double click
    return config


# --- frames for the map --------------------------------------------------------------------------
def reach_by_country(reach_frame: pd.DataFrame) -> pd.DataFrame:
    """One row per country: the distinct programmes that reach it, how many, and how each reaches it
    (from the rows of `repository.reach_rows`)."""
    columns = ["country", "programmes", "programme_count", "origins"]
    if reach_frame is None or reach_frame.empty:
        return pd.DataFrame(columns=columns)
    frame = reach_frame.dropna(subset=["country", "programme"])
    rows = []
    for country, part in frame.groupby("country", sort=True):
        origins: dict[str, list[str]] = {}
        for programme, origin in zip(part["programme"], part["origin"] if "origin" in part else [None] * len(part)):
            bucket = origins.setdefault(programme, [])
            if origin and origin not in bucket:
                bucket.append(origin)
        rows.append({"country": country, "programmes": sorted(origins), "programme_count": len(origins),
                     "origins": {p: sorted(o) for p, o in sorted(origins.items())}})
    return pd.DataFrame(rows, columns=columns)


def country_sources(reach_frame: pd.DataFrame, programmes_frame: pd.DataFrame | None,
                    events_frame: pd.DataFrame | None) -> dict[str, list[str]]:
    """Country -> the source documents behind its reach: the programme records' sources (a
    programme country) and the sources of the held events it hosted or took part in."""
    out: dict[str, set[str]] = {}
    if reach_frame is None or reach_frame.empty:
        return {}
    programme_docs: dict[str, set[str]] = {}
    if programmes_frame is not None and len(programmes_frame) and "sources" in programmes_frame:
        for code, sources in zip(programmes_frame["code"], programmes_frame["sources"]):
            programme_docs[code] = {s.get("source_document") for s in (sources or []) if s.get("source_document")}
    event_docs: dict[tuple[str, str], set[str]] = {}
    if events_frame is not None and len(events_frame):
        for rec in events_frame.to_dict("records"):
            if rec.get("status") != "held":
                continue
            docs = {s.get("source_document") for s in (rec.get("sources") or []) if s.get("source_document")}
            places = [rec.get("country")] + list(rec.get("participant_countries") or [])
            for place in places:
                if not blank(place):
                    event_docs.setdefault((rec.get("programme"), place), set()).update(docs)
    for rec in reach_frame.dropna(subset=["country"]).to_dict("records"):
        docs = out.setdefault(rec["country"], set())
        if rec.get("origin") == "programme":
            docs |= programme_docs.get(rec["programme"], set())
        elif rec.get("origin") == "event":
            docs |= event_docs.get((rec["programme"], rec["country"]), set())
    return {country: sorted(docs) for country, docs in out.items()}

def event_points(events_frame: pd.DataFrame, geometry: CountryGeometry, *, lang: str = "en",
                 country_names: Mapping[str, str] | None = None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """(mapped, unmapped): each event with its point and precision, `city` where the source names a
    city (its coordinates), `country` at the host country's centre where only the country is stated.
    Events with neither a country nor coordinates cannot be mapped and are returned apart."""
    names = country_names or {}
    columns = ["id", "lon", "lat", "precision", "status", "country", "hover", "title", "year"]
    if events_frame is None or events_frame.empty:
        return pd.DataFrame(columns=columns), pd.DataFrame(columns=list(columns) + ["region"])
    mapped, unmapped = [], []
    for rec in events_frame.to_dict("records"):
        title = event_title(rec, lang)
        status = rec.get("status") or "held"
        country = None if blank(rec.get("country")) else rec["country"]
        if not blank(rec.get("latitude")) and not blank(rec.get("longitude")):
            lon, lat, precision = float(rec["longitude"]), float(rec["latitude"]), "city"
        elif country and geometry.centroid(country):
            (lon, lat), precision = geometry.centroid(country), "country"
        else:
            unmapped.append({**{k: rec.get(k) for k in ("id", "status", "country", "region", "year")},
                             "title": title, "lon": None, "lat": None, "precision": None,
                             "hover": event_hover(rec, lang=lang, country_names=names)})
            continue
        mapped.append({"id": rec["id"], "lon": lon, "lat": lat, "precision": precision, "status": status,
                       "country": country, "title": title, "year": rec.get("year"),
                       "hover": event_hover(rec, lang=lang, country_names=names)})
    return pd.DataFrame(mapped, columns=columns), pd.DataFrame(unmapped, columns=list(columns) + ["region"])

def to_hex(rgb: str) -> str:
    """"rgb(49, 130, 189)" -> "#3182BD"."""
    red, green, blue = (int(round(float(v))) for v in unlabel_rgb(rgb))
    return f"#{red:02X}{green:02X}{blue:02X}"

# --- colours -------------------------------------------------------------------------------------
def reach_colour(count: int, highest: int) -> str:
    """The colour of `count` programmes on a scale up to `highest` (the same on polygons and markers):
    evenly spaced along REACH_COLOURS, so neighbouring counts never share a colour."""
    highest = max(int(highest), 1)
    if highest == 1:
        return REACH_COLOURS[2]
    position = (min(max(int(count), 1), highest) - 1) / (highest - 1)
    scale = [[i / (len(REACH_COLOURS) - 1), c] for i, c in enumerate(REACH_COLOURS)]
    return to_hex(sample_colorscale(scale, [position], colortype="rgb")[0])


def reach_colourscale(highest: int) -> list[list]:
    """A stepped colourscale for whole counts 1..highest (z range 0.5 .. highest + 0.5)."""
    highest = max(int(highest), 1)
    scale = []
    for count in range(1, highest + 1):
        colour = reach_colour(count, highest)
        scale.append([(count - 1) / highest, colour])
        scale.append([count / highest, colour])
    return scale


# --- the figure ----------------------------------------------------------------------------------
def build_country_map(reach_frame: pd.DataFrame, events_frame: pd.DataFrame | None = None, *, lang: str = "en",
                      country_names: Mapping[str, str] | None = None,
                      programme_names: Mapping[str, str] | None = None,
                      programmes_frame: pd.DataFrame | None = None,
                      figures_frame: pd.DataFrame | None = None,
                      indicator_names: Mapping[str, str] | None = None,
                      title: str | None = None, period_label: str | None = None,
                      geometry: CountryGeometry | None = None, height: int = 600) -> go.Figure:
    """Countries reached, coloured by how many programmes reach them; a point marker on reached small
    states; events as points (held filled, planned open; a diamond at the country's centre where the
    city is not stated); a source line and the UN disclaimer under the map.

    reach_frame: rows of `repository.reach_rows` (programme, country, origin...);
    events_frame: rows of `repository.events` (with `type_name`); programmes_frame: rows of
    `repository.programmes` (their `sources` give the documents behind programme countries);
    figures_frame: rows of `repository.country_observations` (figures stated for single countries,
    listed in the hover with their source)."""
    geometry = geometry if geometry is not None else country_geometry()
    names = dict(country_names or {})
    title = title or t("Countries reached by the programmes", lang)
    by_country = reach_by_country(reach_frame)
    mapped, _unmapped = event_points(events_frame, geometry, lang=lang, country_names=names)
    period = period_label or t("all years", lang)
    if by_country.empty and mapped.empty:
        return empty_figure(title, lang=lang, subtitle=period, height=420)

    sources = country_sources(reach_frame, programmes_frame, events_frame)
    if figures_frame is not None and len(figures_frame):
        for country, part in figures_frame.groupby("country"):
            sources[country] = sorted(set(sources.get(country, [])) | set(part["source_document"].dropna()))
    figures = figure_lines(figures_frame, lang=lang, indicator_names=indicator_names)
    highest = int(by_country["programme_count"].max()) if len(by_country) else 1
    figure = go.Figure()
    if len(by_country):
        records = by_country.to_dict("records")
        hover = [country_hover(r, lang=lang, country_names=names, programme_names=programme_names,
                               sources=sources, figures=figures) for r in records]
        figure.add_trace(go.Choropleth(
            locations=list(by_country["country"]), locationmode="ISO-3",
            z=[int(v) for v in by_country["programme_count"]], zmin=0.5, zmax=highest + 0.5,
            colorscale=reach_colourscale(highest), autocolorscale=False,
            marker={"line": {"color": "white", "width": 0.6}},
            colorbar={"title": {"text": t("Programmes reaching the country", lang), "side": "top",
                                "font": {"size": 13}},
                      "tickmode": "array", "tickvals": list(range(1, highest + 1)),
                      "ticktext": [str(i) for i in range(1, highest + 1)], "orientation": "h",
                      "len": 0.2, "lenmode": "fraction", "thickness": 14, "x": LEGEND_X, "xanchor": "left",
                      "y": 0.98, "yanchor": "top", "outlinewidth": 0},
            customdata=list(by_country["country"]), hovertext=hover, hovertemplate="%{hovertext}<extra></extra>",
            name=t("Countries reached", lang), showlegend=False,
        ))
        small = [r for r, h in zip(records, hover) if geometry.is_small(r["country"]) and geometry.centroid(r["country"])]
        if small:
            small_hover = [h for r, h in zip(records, hover) if r in small]
            figure.add_trace(go.Scattergeo(
                lon=[geometry.centroid(r["country"])[0] for r in small],
                lat=[geometry.centroid(r["country"])[1] for r in small],
                mode="markers", name=t("Small country reached", lang),
                marker={"size": 11, "symbol": "circle",
                        "color": [reach_colour(r["programme_count"], highest) for r in small],
                        "line": {"color": SMALL_STATE_LINE, "width": 1.2}},
                customdata=[r["country"] for r in small], hovertext=small_hover,
                hovertemplate="%{hovertext}<extra></extra>",
            ))
    for (status, precision), (symbol, label) in EVENT_STYLES.items():
        part = mapped[(mapped["status"] == status) & (mapped["precision"] == precision)] if len(mapped) else mapped
        if part.empty:
            continue
        grouped = _group_points(part, lang)
        figure.add_trace(go.Scattergeo(
            lon=grouped["lon"], lat=grouped["lat"], mode="markers", name=t(label, lang),
            marker={"size": [min(9 + 3 * n, 21) for n in grouped["count"]], "symbol": symbol,
                    "color": EVENT_COLOUR, "opacity": 0.95,
                    "line": {"color": "white" if not symbol.endswith("open") else EVENT_COLOUR,
                             "width": 1 if not symbol.endswith("open") else 2.2}},
            customdata=grouped["country"], hovertext=grouped["hover"],
            hovertemplate="%{hovertext}<extra></extra>",
        ))

    subtitle_parts = [t("{n} countries", lang, n=len(by_country)),
                      t("colour: number of programmes reaching the country", lang),
                      period]
    if len(mapped):
        subtitle_parts.append(t("points: events", lang))
    documents = sorted({d for docs in sources.values() for d in docs} | _event_documents(events_frame))
    figure.update_layout(
        template=TEMPLATE_NAME, height=height,
        title={"text": title, "subtitle": {"text": " · ".join(subtitle_parts)}},
        geo={"scope": "world", "projection": {"type": "natural earth"}, "resolution": 50,
             "showframe": False, "showcoastlines": True, "coastlinecolor": "#9AA5B1", "coastlinewidth": 0.5,
             "showcountries": True, "countrycolor": BORDER_COLOUR, "countrywidth": 0.5,
             "showland": True, "landcolor": LAND_COLOUR, "showocean": True, "oceancolor": "#F4F8FB",
             "showlakes": False, "bgcolor": "white", "lataxis": {"range": [-57, 84]},
             "domain": {"x": [0, LEGEND_X - 0.01], "y": [0, 1]}},
        legend={"orientation": "v", "x": LEGEND_X, "y": 0.72, "yanchor": "top", "xanchor": "left",
                "font": {"size": 13}, "itemsizing": "constant", "title": {"text": t("Points", lang)}},
        margin={"l": 8, "r": 8, "t": 84, "b": 64},
        hovermode="closest",
        annotations=map_annotations(documents, lang, geometry_source=geometry.source),
    )
    return figure


def _event_documents(events_frame: pd.DataFrame | None) -> set[str]:
    if events_frame is None or events_frame.empty or "sources" not in events_frame:
        return set()
    return {s.get("source_document") for sources in events_frame["sources"] for s in (sources or [])
            if s.get("source_document")}


def _group_points(part: pd.DataFrame, lang: str, limit: int = 6) -> pd.DataFrame:
    """Events at the same point become one marker whose hover lists them all."""
    rows = []
    keyed = part.assign(_key=[f"{round(x, 4)}|{round(y, 4)}" for x, y in zip(part["lon"], part["lat"])])
    for _, group in keyed.groupby("_key", sort=False):
        hovers = list(group["hover"])
        text = "<br><br>".join(hovers[:limit])
        if len(hovers) > limit:
            text += "<br>" + t("and {n} more", lang, n=len(hovers) - limit)
        rows.append({"lon": float(group["lon"].iloc[0]), "lat": float(group["lat"].iloc[0]),
                     "count": len(group), "country": group["country"].iloc[0], "hover": text})
    return pd.DataFrame(rows, columns=["lon", "lat", "count", "country", "hover"])


def map_annotations(documents: Sequence[str], lang: str = "en", *, geometry_source: str = TOPOLOGY_SOURCE) -> list[dict]:
    """The source line and the UN disclaimer, under the map (they travel with exported images)."""
    source = sources_line(documents, lang) + " · " + t("Boundaries: {source}", lang, source=geometry_source)
    return [
        {"text": source, "showarrow": False, "xref": "paper", "yref": "paper", "x": 0, "y": 0,
         "xanchor": "left", "yanchor": "top", "yshift": -8, "align": "left",
         "font": {"size": 12, "color": SOURCE_GREY}},
        {"text": map_disclaimer(lang), "showarrow": False, "xref": "paper", "yref": "paper", "x": 0, "y": 0,
         "xanchor": "left", "yanchor": "top", "yshift": -28, "align": "left",
         "font": {"size": 12, "color": SOURCE_GREY}, "name": "un-disclaimer"},
    ]


def map_disclaimer(lang: str = "en") -> str:
    """The UN map disclaimer in `lang` (shown under every map)."""
    return t(UN_DISCLAIMER, lang)
