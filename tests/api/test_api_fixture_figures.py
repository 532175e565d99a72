"""Summary figures the aggregation rules give on the hand-made fixture (tests/fixtures/aggregation_seed),
read through the API: known by heart, so the API's wiring of filters, kinds and groupings is checked
against the rules of INTERFACES.md section 3 and not only against itself."""

from __future__ import annotations


def rows(client, query: str) -> tuple[list[tuple], dict]:
    response = client.get("/api/v1/summary?" + query)
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_json()
    return [(r["key"], r["value"], r["qualifier"], r["observations"]) for r in body["data"]], body["meta"]


def test_distinct_countries_with_an_unnamed_count(fixture_client):
    data, meta = rows(fixture_client, "indicator=countries_reached&by=programme")
    # TEST-A: KEN, ZMB (programme) + ETH, GHA (participants of its training of trainers) = 4;
    # TEST-B: ZMB, MNG and an unnamed "2" = 2; TEST-C: ITA, CAN, KOR held, "19 countries" unnamed.
    assert data == [("TEST-A", 4, "exact", 0), ("TEST-B", 2, "exact", 1), ("TEST-C", 19, "at_least", 1)]
    assert meta["rule"] == "distinct_countries" and meta["unit"] == "countries"
    assert [n["code"] for n in meta["notes"]] == ["unnamed_counts"]


def test_totals_without_breakdown(fixture_client):
    assert rows(fixture_client, "indicator=countries_reached")[0] == [(None, 19, "at_least", 2)]
    assert rows(fixture_client, "indicator=participants_trained")[0] == [(None, 190, "approx", 6)]


def test_year_overlap(fixture_client):
    # 2018 keeps the 2018 figure and the 2016-2018 one (overlap), not 2017's
    assert rows(fixture_client, "indicator=participants_trained&year_from=2018&year_to=2018")[0] == \
        [(None, 90, "approx", 2)]
    # by year: a multi-year value sits at its end year
    assert rows(fixture_client, "indicator=participants_trained&by=year")[0] == \
        [(2017, 100, "exact", 4), (2018, 90, "approx", 2)]
    # with a year filter, undated figures are left out and counted in a note
    _, meta = rows(fixture_client, "indicator=member_organisations&kind=context&year_from=2010")
    assert {"code": "no_year", "message": "1 figure(s) without a stated year left out by the year filter"} \
        in meta["notes"]


def test_total_and_breakdown_are_one_fact(fixture_client):
    data, _ = rows(fixture_client, "indicator=participants_trained&by=country")
    # TEST-A 2017: 100 in total, 60 + 30 by country: 10 not stated; with TEST-A's 2018 total (about 50)
    assert data == [("KEN", 60, "exact", 1), ("MNG", 40, "exact", 1), ("ZMB", 30, "exact", 1), (None, 60, "approx", 3)]


def test_sdg_goal_contains_its_targets(fixture_client):
    data, meta = rows(fixture_client, "indicator=countries_reached&by=sdg&sdg=8")
    assert data == [("8.3", 4, "exact", 0), ("8.5", 2, "exact", 1)]  # TEST-C (17.9) is not in goal 8
    assert "sdg_overlap" in [n["code"] for n in meta["notes"]]
    goals = fixture_client.get("/api/v1/sdg?sdg=8").get_json()["data"]
    tagged = {t["code"]: t["programmes"] for t in goals[0]["targets"] if t["programmes"]}
    assert tagged == {"8.3": ["TEST-A"], "8.5": ["TEST-B"]} and goals[0]["programmes"] == ["TEST-A", "TEST-B"]


def test_count_events_and_latest(fixture_client):
    data, meta = rows(fixture_client, "indicator=academies_held&by=programme")
    assert data == [("TEST-C", 9, "exact", 2)]
    assert meta["notes"] == [{"code": "events_differ", "message": "TEST-C: 9 held, 3 named in the sources"}]
    assert rows(fixture_client, "indicator=member_organisations&kind=context")[0] == [(None, 15, "exact", 3)]
    assert rows(fixture_client, "indicator=member_organisations")[0] == []  # no actual figure: no row


def test_place_filter_note(fixture_client):
    data, meta = rows(fixture_client, "indicator=participants_trained&country=KEN")
    assert data == [(None, 60, "exact", 1)]
    assert [n["code"] for n in meta["notes"]] == ["no_place"]
