"""Every endpoint of the API on the seed data, on SQLite and PostgreSQL: the envelope, the records of
section 2 in their field order, paging, localisation, the error object, and no 500 for odd input."""

from __future__ import annotations

import json

import pytest

from indicators import export
from indicators import repository as repo
from indicators.filters import FilterState
from indicators.records import EVENT_FIELDS, INDICATOR_FIELDS, OBSERVATION_FIELDS, PROGRAMME_FIELDS, SOURCE_FIELDS


def get_json(client, url: str, status: int = 200) -> dict:
    response = client.get(url)
    assert response.status_code == status, (url, response.get_data(as_text=True)[:500])
    assert response.mimetype == "application/json"
    return response.get_json()


def assert_error(client, url: str, status: int, parameter: str | None) -> dict:
    body = get_json(client, url, status)
    assert set(body) == {"error"}
    assert set(body["error"]) == {"status", "parameter", "message"}
    assert body["error"]["status"] == status
    assert body["error"]["parameter"] == parameter, body
    assert body["error"]["message"]
    return body["error"]


def test_healthz(client):
    body = get_json(client, "/healthz")
    assert body["status"] == "ok" and body["database"] == "ok"
    assert body["cache"] in ("ok", "off")
    from indicators import __version__

    assert body["version"] == __version__


@pytest.mark.parametrize("path, fields", [
    ("/api/v1/programmes", PROGRAMME_FIELDS + ("name", "description")),
    ("/api/v1/indicators", INDICATOR_FIELDS + ("name",)),
    ("/api/v1/events", EVENT_FIELDS + ("title", "type_name")),
    ("/api/v1/sources", SOURCE_FIELDS),
    ("/api/v1/observations", OBSERVATION_FIELDS + ("disaggregation",)),
])
def test_lists_hold_section_2_records_in_the_envelope(client, path, fields):
    body = get_json(client, path)
    assert list(body) == ["data", "meta"]
    meta = body["meta"]
    assert {"total", "limit", "offset", "filters"} <= set(meta)
    assert meta["limit"] == 1000 and meta["offset"] == 0 and meta["filters"] == {"lang": "en"}
    assert meta["total"] == len(body["data"]) > 0
    for row in body["data"]:
        assert tuple(row) == fields


def test_observations_equal_the_repository_rows(client, seeded_engine):
    body = get_json(client, "/api/v1/observations")
    expected = export.to_records(repo.observations(seeded_engine, FilterState()), "observations")
    assert body["data"] == expected
    assert body["meta"]["total"] == repo.count_observations(seeded_engine, FilterState())
    for row in body["data"]:
        assert isinstance(row["value"], (int, float)) and not isinstance(row["value"], bool)
        assert isinstance(row["disaggregation"], dict)
        assert row["year_start"] is None or isinstance(row["year_start"], int)


def test_observation_filters_are_the_filter_state(client, seeded_engine):
    indicator = repo.indicators(seeded_engine)["code"].iloc[0]
    programme = repo.programmes(seeded_engine)["code"].iloc[0]
    for query in (f"indicator={indicator}", f"programme={programme.lower()}", "kind=actual,context",
                  "year_from=2017&year_to=2018", "region=africa", "sdg=8", "country=ZMB,KEN"):
        body = get_json(client, f"/api/v1/observations?{query}")
        params = dict(part.split("=") for part in query.split("&"))
        filters = FilterState.from_query(params, strict=True)
        assert [r["id"] for r in body["data"]] == list(repo.observations(seeded_engine, filters)["id"]), query
        assert body["meta"]["total"] == len(body["data"])
    body = get_json(client, "/api/v1/observations?year_from=2017&year_to=2018&country=zmb")
    assert body["meta"]["filters"] == {"country": ["ZMB"], "year_from": 2017, "year_to": 2018, "lang": "en"}


def test_paging(client):
    everything = get_json(client, "/api/v1/observations")["data"]
    assert len(everything) >= 3
    page = get_json(client, "/api/v1/observations?limit=2&offset=1")
    assert page["data"] == everything[1:3]
    assert page["meta"] == {"total": len(everything), "limit": 2, "offset": 1, "filters": {"lang": "en"}}
    assert get_json(client, "/api/v1/observations?limit=0")["data"] == []
    beyond = get_json(client, f"/api/v1/observations?offset={len(everything) + 5}")
    assert beyond["data"] == [] and beyond["meta"]["total"] == len(everything)
    assert get_json(client, "/api/v1/programmes?limit=1&offset=1")["data"] == \
        get_json(client, "/api/v1/programmes")["data"][1:2]
    assert get_json(client, "/api/v1/observations?limit=10000")["meta"]["limit"] == 10000


def test_programme_by_code(client):
    listed = get_json(client, "/api/v1/programmes")["data"]
    assert {p["code"] for p in listed} >= {"TRANSFORM", "SSE-ACADEMY", "PAGE-KGZ-MNG", "ZAF-SSE-PROCUREMENT"}
    for programme in listed:
        body = get_json(client, f"/api/v1/programmes/{programme['code']}")
        assert body["data"] == programme
    assert get_json(client, "/api/v1/programmes/transform")["data"]["code"] == "TRANSFORM"
    assert_error(client, "/api/v1/programmes/NO-SUCH-PROGRAMME", 404, "code")
    assert_error(client, "/api/v1/programmes/not%20a%20code", 404, "code")
    assert_error(client, "/api/v1/programmes/TRANSFORM?limit=3", 400, "limit")


def test_programme_filters(client, seeded_engine):
    for query in ("sdg=8", "sdg=1.3", "country=ZMB", "region=asia-pacific", "year_from=2019"):
        params = dict(part.split("=") for part in query.split("&"))
        expected = repo.programmes(seeded_engine, FilterState.from_query(params, strict=True))["code"]
        assert [p["code"] for p in get_json(client, f"/api/v1/programmes?{query}")["data"]] == list(expected)


def test_localised_names_fall_back_to_english(client, seeded_engine):
    frame = repo.indicators(seeded_engine)
    zh = {r["code"]: r["name"] for r in get_json(client, "/api/v1/indicators?lang=zh")["data"]}
    for row in frame.itertuples():
        assert zh[row.code] == (row.name_zh or row.name_en)
    fr = {r["code"]: r for r in get_json(client, "/api/v1/indicators?lang=fr")["data"]}
    for row in frame.itertuples():
        assert fr[row.code]["name"] == (row.name_fr or row.name_en)
    programme = get_json(client, "/api/v1/programmes/TRANSFORM?lang=es")["data"]
    stored = repo.programmes(seeded_engine, FilterState(programme=("TRANSFORM",))).iloc[0]
    assert programme["name"] == (stored["name_es"] or stored["name_en"])
    assert get_json(client, "/api/v1/programmes/TRANSFORM?lang=zh")["data"]["name"] == stored["name_zh"]
    assert programme["description"] == programme["description_en"]  # no Spanish description: English
    events = get_json(client, "/api/v1/events?lang=zh")["data"]
    assert all(e["title"] == (e["title_zh"] or e["title_en"]) for e in events)


def test_json_is_utf8_without_escapes(client):
    response = client.get("/api/v1/indicators?lang=zh")
    raw = response.get_data()
    assert "\\u" not in raw.decode("utf-8")
    names = [r["name_zh"] for r in json.loads(raw)["data"] if r["name_zh"]]
    assert names and names[0].encode("utf-8") in raw


def test_sdg_goals_hold_their_targets_and_tagged_programmes(client, seeded_engine):
    goals = get_json(client, "/api/v1/sdg")["data"]
    assert [g["code"] for g in goals] == [str(n) for n in range(1, 18)]
    targets = repo.sdg_targets(seeded_engine)
    tagged = repo.programme_targets(seeded_engine)
    for goal in goals:
        assert [t["code"] for t in goal["targets"]] == list(targets[targets["goal"] == goal["code"]]["code"])
        assert all(t["code"].startswith(goal["code"] + ".") for t in goal["targets"])
        for target in goal["targets"]:
            assert target["programmes"] == sorted(set(tagged[tagged["target"] == target["code"]]["programme"]))
        assert goal["programmes"] == sorted({p for t in goal["targets"] for p in t["programmes"]})
    eight = get_json(client, "/api/v1/sdg?sdg=8")
    assert [g["code"] for g in eight["data"]] == ["8"] and eight["data"][0] == goals[7]
    assert eight["meta"]["filters"] == {"sdg": ["8"], "lang": "en"}
    one_target = get_json(client, "/api/v1/sdg?sdg=8.3,1.3")["data"]
    assert [(g["code"], [t["code"] for t in g["targets"]]) for g in one_target] == [("1", ["1.3"]), ("8", ["8.3"])]
    assert get_json(client, "/api/v1/sdg?lang=zh")["data"][0]["title"] != goals[0]["title"]


def test_events_and_sources(client, seeded_engine):
    events = get_json(client, "/api/v1/events")["data"]
    assert [e["id"] for e in events] == list(repo.events(seeded_engine)["id"])
    assert all(isinstance(e["participant_countries"], list) and isinstance(e["sources"], list) for e in events)
    academy = get_json(client, "/api/v1/events?programme=SSE-ACADEMY")["data"]
    assert academy and all(e["programme"] == "SSE-ACADEMY" for e in academy)
    sources = get_json(client, "/api/v1/sources")["data"]
    assert [s["id"] for s in sources] == list(repo.sources(seeded_engine)["id"])


@pytest.mark.parametrize("url, parameter", [
    ("/api/v1/observations?year_from=20x7", "year_from"),
    ("/api/v1/observations?year_from=1800", "year_from"),
    ("/api/v1/observations?year_from=2019&year_to=2017", "year_to"),
    ("/api/v1/observations?frobnicate=1", "frobnicate"),
    ("/api/v1/observations?limit=10001", "limit"),
    ("/api/v1/observations?limit=-1", "limit"),
    ("/api/v1/observations?limit=ten", "limit"),
    ("/api/v1/observations?limit=1&limit=2", "limit"),
    ("/api/v1/observations?offset=-5", "offset"),
    ("/api/v1/observations?offset=1e3", "offset"),
    ("/api/v1/observations?offset=99999999999999999999", "offset"),
    ("/api/v1/observations?format=xlsx", "format"),
    ("/api/v1/programmes?format=opensdg", "format"),
    ("/api/v1/observations?country=ZZZ", "country"),
    ("/api/v1/observations?country=Kenya", "country"),
    ("/api/v1/observations?region=atlantis", "region"),
    ("/api/v1/observations?sdg=18", "sdg"),
    ("/api/v1/observations?sdg=8.99", "sdg"),
    ("/api/v1/observations?kind=guess", "kind"),
    ("/api/v1/observations?programme=NOPE", "programme"),
    ("/api/v1/observations?indicator=no_such_indicator", "indicator"),
    ("/api/v1/observations?lang=de", "lang"),
    ("/api/v1/observations?by=country", "by"),
    ("/api/v1/summary", "indicator"),
    ("/api/v1/summary?indicator=", "indicator"),
    ("/api/v1/summary?indicator=no_such_indicator", "indicator"),
    ("/api/v1/summary?indicator=countries_reached,participants_trained", "indicator"),
    ("/api/v1/summary?indicator=countries_reached&by=continent", "by"),
    ("/api/v1/summary?indicator=countries_reached&kind=actual,target", "kind"),
    ("/api/v1/summary?indicator=countries_reached&limit=x", "limit"),
    ("/api/v1/sources?lang=zh&programme=TRANSFORM", "programme"),
    ("/api/v1/healthz?x=1", None),
])
def test_bad_parameters_answer_400_naming_them(client, url, parameter):
    if parameter is None:
        assert_error(client, url, 404, None)
    else:
        assert_error(client, url, 400, parameter)


@pytest.mark.parametrize("path", ["/api/v1", "/api/v1/", "/api/v1/nothing", "/api/v1/programmes/", "/api/v1/a/b/c",
                                  "/api/v1/observations/extra", "/api/v1/%E4%B8%AD"])
def test_unknown_paths_answer_404_with_the_error_object(client, path):
    assert_error(client, path, 404, None)


def test_the_api_is_read_only(client):
    for method in ("post", "put", "delete", "patch"):
        response = getattr(client, method)("/api/v1/programmes")
        assert response.status_code == 405
        assert response.get_json()["error"]["status"] == 405
        assert "GET" in response.headers["Allow"]


ODD_VALUES = ["%00", "%FF%FE", "'%20OR%201=1--", "%E4%B8%AD%E6%96%87", "a" * 5000, "%0A", "8.3%0A", "KEN%0A",
              "..%2F..%2Fetc%2Fpasswd", "%7B%7D", "null", "-0", "%20", ",,,"]


@pytest.mark.parametrize("value", ODD_VALUES)
def test_no_500_for_odd_values(client, value):
    names = ("programme", "indicator", "kind", "sdg", "region", "country", "year_from", "year_to", "lang",
             "limit", "offset", "format", "by")
    for path in ("/api/v1/observations", "/api/v1/summary?indicator=countries_reached&", "/api/v1/programmes",
                 "/api/v1/sdg", "/api/v1/events", "/api/v1/indicators", "/api/v1/sources"):
        joiner = "" if path.endswith("&") else "?"
        for name in names:
            response = client.get(f"{path}{joiner}{name}={value}")
            assert response.status_code < 500, (path, name, value, response.get_data(as_text=True)[:300])
            assert response.status_code in (200, 400)
    response = client.get(f"/api/v1/programmes/{value}")
    assert response.status_code in (200, 404), value
