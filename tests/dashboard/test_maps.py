"""The map builders by value (no browser): geometry computed from the local topology, trace types,
locations and colours, small-state markers, event points by status and precision, hover text with
figures and sources, the UN disclaimer, the local topology in every geo graph's config, the empty
state; and the map page's callbacks on the seeded database."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from dashboard.geometry import CountryGeometry, country_geometry, geometry_from_topology
from dashboard.maps import (
    UN_DISCLAIMER,
    build_country_map,
    event_points,
    map_graph_config,
    reach_by_country,
    reach_colour,
)
from indicators.config import PROJECT_ROOT, Settings

NAMES = {"ZAF": "South Africa", "LSO": "Lesotho", "ZMB": "Zambia", "ITA": "Italy", "ESP": "Spain",
         "LUX": "Luxembourg", "KEN": "Kenya"}


def reach_frame() -> pd.DataFrame:
    rows = [
        ("TRANSFORM", "ZMB", "programme"), ("TRANSFORM", "ZMB", "event"), ("TRANSFORM", "LSO", "event"),
        ("TRANSFORM", "ZAF", "event"), ("SSE-ACADEMY", "ZAF", "programme"), ("ZAF-SSE-PROCUREMENT", "ZAF", "programme"),
        ("SSE-ACADEMY", "ITA", "programme"), ("SSE-ACADEMY", "LUX", "programme"),
    ]
    return pd.DataFrame([{"programme": p, "country": c, "year_start": None, "year_end": None, "status": None,
                          "origin": o} for p, c, o in rows])


def event(id_, **fields) -> dict:
    base = {"id": id_, "programme": "SSE-ACADEMY", "type": "academy", "type_name": "Academy", "title_en": id_,
            "title_zh": "", "year": None, "date": None, "city": None, "country": None, "region": None,
            "latitude": None, "longitude": None, "location_source": "", "status": "held", "participants": None,
            "participant_countries": [], "note": "", "sources": []}
    return {**base, **fields}


def events_frame() -> pd.DataFrame:
    source = [{"source_id": "s", "source_document": "003_2e8176e59af46d66.txt", "source_section": "x",
               "source_quote": "q", "source_quote_en": "q"}]
    return pd.DataFrame([
        event("turin", title_en="SSE Academy - Turin", year=2010, city="Turin", country="ITA", latitude=45.07049,
              longitude=7.68682, location_source="GeoNames 3165524", sources=source),
        event("seoul", title_en="SSE Academy - Seoul", city="Seoul", country="KOR", latitude=37.566,
              longitude=126.9784, sources=source),
        event("spain-2018", title_en="SSE Academy - Spain", year=2018, country="ESP", status="planned"),
        event("zambia-tot", programme="TRANSFORM", type="training_of_trainers", type_name="Training of trainers",
              title_en="TRANSFORM training of trainers", date="2017-10", year=2017, country="ZMB", participants=23,
              participant_countries=["LSO", "ZAF"], sources=source),
        event("africa-conference", programme=None, type="conference", title_en="Conference", year=2009,
              region="africa"),
    ])


def traces(figure, kind):
    return [t for t in figure.data if t.type == kind]


# --- geometry ------------------------------------------------------------------------------------
def test_area_of_a_one_degree_square_at_the_equator():
    # quantised topology: a 1 x 1 degree square, one arc, no transform
    topology = {"type": "Topology", "arcs": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]],
                "objects": {"countries": {"type": "GeometryCollection", "geometries": [
                    {"type": "Polygon", "id": "AAA", "arcs": [[0]], "properties": {"ct": [0.5, 0.5]}}]}}}
    geometry = geometry_from_topology(topology)
    expected = (math.pi * 6371.0088 / 180) ** 2  # about 12,364 km2
    assert geometry.areas_km2["AAA"] == pytest.approx(expected, rel=1e-3)
    assert geometry.centroid("AAA") == (0.5, 0.5)
    assert geometry.is_small("AAA")


def test_small_states_are_computed_from_the_served_topology():
    geometry = country_geometry()
    assert (PROJECT_ROOT / "assets" / "topojson" / "world_50m.json").exists()
    for small in ("LUX", "MUS", "SGP", "LSO", "MLT", "BHR"):
        assert geometry.is_small(small), small
    for large in ("ZAF", "ZMB", "KOR", "MNG", "ITA"):
        assert not geometry.is_small(large), large
    assert geometry.areas_km2["LUX"] == pytest.approx(2586, rel=0.1)  # Luxembourg: 2,586 km2
    assert geometry.areas_km2["LSO"] == pytest.approx(30355, rel=0.1)  # Lesotho: 30,355 km2
    lon, lat = geometry.centroid("LUX")
    assert 5.7 < lon < 6.6 and 49.4 < lat < 50.2
    assert len(geometry.centroids) > 230


# --- the figure ----------------------------------------------------------------------------------
def test_choropleth_of_countries_by_number_of_programmes():
    figure = build_country_map(reach_frame(), None, country_names=NAMES)
    (choropleth,) = traces(figure, "choropleth")
    assert choropleth.locationmode == "ISO-3"
    assert list(choropleth.locations) == ["ITA", "LSO", "LUX", "ZAF", "ZMB"]
    assert list(choropleth.z) == [1, 1, 1, 3, 1]
    assert list(choropleth.customdata) == ["ITA", "LSO", "LUX", "ZAF", "ZMB"]
    # hover: the country, each programme and how it reaches it
    zaf = choropleth.hovertext[3]
    assert "South Africa" in zaf and "Reached by 3 programmes" in zaf
    assert "ZAF-SSE-PROCUREMENT (programme country)" in zaf and "TRANSFORM (held event" in zaf
    geo = figure.layout.geo
    assert geo.resolution == 50 and geo.scope == "world" and geo.projection.type == "natural earth"
    assert geo.showcountries and geo.showland


def test_stepped_colour_scale_and_small_state_markers_in_the_same_colours():
    figure = build_country_map(reach_frame(), None, country_names=NAMES)
    (choropleth,) = traces(figure, "choropleth")
    assert choropleth.zmin == 0.5 and choropleth.zmax == 3.5
    assert list(choropleth.colorbar.tickvals) == [1, 2, 3]
    scale = [tuple(step) for step in choropleth.colorscale]
    assert scale[0][1] == scale[1][1] == reach_colour(1, 3)
    assert scale[-1][1] == reach_colour(3, 3)
    assert len({reach_colour(n, 3) for n in (1, 2, 3)}) == 3
    small = [t for t in traces(figure, "scattergeo") if list(t.customdata) and "LSO" in t.customdata]
    assert len(small) == 1
    marker = small[0]
    assert set(marker.customdata) == {"LSO", "LUX"}  # South Africa, Zambia and Italy are large enough
    assert list(marker.marker.color) == [reach_colour(1, 3)] * 2
    lon, lat = country_geometry().centroid("LSO")
    assert (marker.lon[list(marker.customdata).index("LSO")], marker.lat[list(marker.customdata).index("LSO")]) == (lon, lat)


def test_events_by_status_and_precision():
    figure = build_country_map(reach_frame(), events_frame(), country_names=NAMES)
    by_name = {t.name: t for t in traces(figure, "scattergeo")}
    held_city = by_name["Event held, in its city"]
    assert held_city.marker.symbol == "circle"
    assert sorted(zip(held_city.lon, held_city.lat)) == [(7.68682, 45.07049), (126.9784, 37.566)]
    planned = by_name["Event planned, city not stated"]
    assert planned.marker.symbol == "diamond-open"
    assert (planned.lon[0], planned.lat[0]) == country_geometry().centroid("ESP")
    held_country = by_name["Event held, city not stated"]
    assert held_country.marker.symbol == "diamond"
    hover = held_country.hovertext[0]
    assert "TRANSFORM training of trainers" in hover and "2017-10" in hover
    assert "city not stated" in hover and "Participants: 23" in hover
    assert "003_2e8176e59af46d66.txt" in hover
    turin = [h for h in held_city.hovertext if "Turin" in h][0]
    assert "2010" in turin and "held" in turin and "Source: 003_2e8176e59af46d66.txt" in turin
    seoul = [h for h in held_city.hovertext if "Seoul" in h][0]
    assert "year not stated" in seoul
    assert figure.layout.showlegend is not False


def test_events_without_a_place_are_not_mapped():
    mapped, unmapped = event_points(events_frame(), country_geometry(), country_names=NAMES)
    assert list(unmapped["id"]) == ["africa-conference"]
    assert set(mapped["precision"]) == {"city", "country"}
    assert dict(zip(mapped["id"], mapped["precision"]))["zambia-tot"] == "country"


def test_events_at_one_point_share_a_marker_listing_them_all():
    frame = pd.DataFrame([event("a", title_en="First visit", country="MNG", year=2014),
                          event("b", title_en="Second visit", country="MNG", year=2017)])
    figure = build_country_map(pd.DataFrame(), frame)
    (points,) = traces(figure, "scattergeo")
    assert len(points.lon) == 1
    assert "First visit" in points.hovertext[0] and "Second visit" in points.hovertext[0]


def test_source_line_and_un_disclaimer_under_the_map():
    programmes = pd.DataFrame([{"code": "SSE-ACADEMY", "sources": [{"source_document": "003_2e8176e59af46d66.txt"}]}])
    figure = build_country_map(reach_frame(), None, programmes_frame=programmes)
    texts = [a.text for a in figure.layout.annotations]
    assert UN_DISCLAIMER in texts
    assert any(t.startswith("Source: 003_2e8176e59af46d66.txt") and "Natural Earth" in t for t in texts)
    assert figure.layout.title.text == "Countries reached by the programmes"
    assert "5 countries" in figure.layout.title.subtitle.text and "all years" in figure.layout.title.subtitle.text


def test_empty_state_has_no_map_and_hidden_axes():
    figure = build_country_map(pd.DataFrame(columns=["programme", "country", "origin"]),
                               pd.DataFrame([event("x", region="africa")]), title="Countries reached")
    assert not traces(figure, "choropleth") and not traces(figure, "scattergeo")
    assert figure.layout.xaxis.visible is False and figure.layout.yaxis.visible is False
    assert [a.text for a in figure.layout.annotations] == ["No figure reported for this selection"]
    assert figure.layout.title.text == "Countries reached"


def test_reach_by_country_counts_distinct_programmes():
    frame = reach_by_country(reach_frame())
    zaf = frame[frame["country"] == "ZAF"].iloc[0]
    assert zaf["programme_count"] == 3
    assert zaf["programmes"] == ["SSE-ACADEMY", "TRANSFORM", "ZAF-SSE-PROCUREMENT"]
    assert frame[frame["country"] == "ZMB"].iloc[0]["origins"] == {"TRANSFORM": ["event", "programme"]}


def test_chinese_labels():
    figure = build_country_map(reach_frame(), events_frame(), lang="zh",
                               country_names={"ZAF": "南非"})
    (choropleth,) = traces(figure, "choropleth")
    assert "南非" in choropleth.hovertext[3]


def test_every_geo_graph_config_serves_the_local_topology():
    config = map_graph_config("Countries reached: 8.3")
    assert config["topojsonURL"] == "/assets/topojson/"
    assert config["displaylogo"] is False
    assert config["toImageButtonOptions"] == {"format": "png", "filename": "countries-reached-8.3", "scale": 3}
    assert map_graph_config("x", topojson="/prefix/assets/topojson/")["topojsonURL"] == "/prefix/assets/topojson/"


def test_missing_topology_gives_an_empty_geometry(tmp_path):
    country_geometry.cache_clear()
    try:
        assert country_geometry(str(tmp_path / "none.json")) == CountryGeometry()
    finally:
        country_geometry.cache_clear()


# --- the page's callbacks on the seeded database -------------------------------------------------
@pytest.fixture
def seeded_app(sqlite_seeded_url):
    from dashboard import create_app, data

    app = create_app(Settings(database_url=sqlite_seeded_url), initialise=False)
    data.cache._items.clear()
    return app


def test_map_callback_on_the_seed(seeded_app):
    from dashboard.callbacks.map import render_map

    figure, config, style, table, _unmapped = render_map("", "/map")
    assert style["height"] == f"{figure.layout.height}px"
    (choropleth,) = traces(figure, "choropleth")
    locations = set(choropleth.locations)
    assert {"ITA", "CAN", "MAR", "BRA", "MEX", "CRI", "KOR", "LUX", "ZAF", "ZMB", "KGZ", "MNG"} <= locations
    small = {c for t in traces(figure, "scattergeo") if t.name == "Small country reached" for c in t.customdata}
    assert {"LUX", "LSO", "MUS"} <= small
    assert config["topojsonURL"].endswith("/assets/topojson/")
    assert "Luxembourg" in str(table)


def test_map_callback_follows_the_programme_filter_and_language(seeded_app):
    from dashboard.callbacks.map import render_map

    figure, config, _style, _table, _unmapped = render_map("?programme=PAGE-KGZ-MNG&lang=zh", "/map")
    (choropleth,) = traces(figure, "choropleth")
    assert sorted(choropleth.locations) == ["KGZ", "MNG"]
    assert config["toImageButtonOptions"]["filename"] == "map-countries-reached-page-kgz-mng-zh"
    assert "蒙古" in " ".join(choropleth.hovertext)


def test_country_details_list_programmes_and_events(seeded_app):
    from dashboard.callbacks.map import COUNTRY_BUTTON, selected_country

    assert selected_country({"type": COUNTRY_BUTTON, "iso3": "LUX"}, None) == "LUX"
    assert selected_country("map-graph", {"points": [{"customdata": "KEN"}]}) == "KEN"
    assert selected_country("map-graph", None) is None


def test_hover_lists_the_figures_stated_for_the_country():
    figures = pd.DataFrame([{"id": "zaf-jobs", "programme": None, "indicator": "jobs_created", "unit": "jobs",
                             "kind": "estimate", "qualifier": "exact", "value": 260000.0, "year_start": None,
                             "year_end": None, "date": None, "country": "ZAF",
                             "source_document": "000_a885415dce5153b4.txt", "country_total": 3}])
    figure = build_country_map(reach_frame(), None, country_names=NAMES, figures_frame=figures,
                               indicator_names={"jobs_created": "Jobs created"})
    (choropleth,) = traces(figure, "choropleth")
    zaf = choropleth.hovertext[list(choropleth.locations).index("ZAF")]
    assert "Jobs created: 260,000 jobs (potential / estimate, year not stated)" in zaf
    assert "and 2 more" in zaf
    assert "Source: 000_a885415dce5153b4.txt" in zaf


def test_country_observations_are_capped_per_country(sqlite_seeded_url):
    from indicators import repository as repo
    from indicators.db import get_engine
    from indicators.filters import FilterState

    engine = get_engine(sqlite_seeded_url)
    every = repo.country_observations(engine, FilterState(), per_country=100)
    assert len(every) and every["country"].notna().all()
    assert (every.groupby("country").size() == every.groupby("country")["country_total"].first()).all()
    one = repo.country_observations(engine, FilterState(), per_country=1)
    assert one.groupby("country").size().max() == 1
    assert set(one["country"]) == set(every["country"])
    assert repo.country_observations(engine, FilterState(programme=("TRANSFORM",)), per_country=5)["programme"] \
        .eq("TRANSFORM").all()


def test_country_details_on_the_seed(seeded_app):
    from dash import html

    from dashboard import data
    from dashboard.callbacks.map import country_detail
    from indicators import repository as repo
    from indicators.filters import FilterState

    engine = data.engine()
    here = FilterState(country=("ZMB",))
    detail = country_detail("ZMB", repo.reach_rows(engine, here), repo.events(engine, FilterState()),
                            repo.observations(engine, here), country_names={"ZMB": "Zambia"},
                            programme_names={}, indicator_names={}, filters=FilterState())
    text = str([c.to_plotly_json() if hasattr(c, "to_plotly_json") else c for c in detail])
    assert "Zambia" in text and "TRANSFORM" in text
    assert "city not stated" in text and "host" in text
    assert isinstance(detail[0], html.H2)
