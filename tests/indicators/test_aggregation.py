"""The aggregation rules of INTERFACES.md section 3 on a hand-made fixture whose answers are known
(tests/fixtures/aggregation_seed), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest

from indicators import metrics
from indicators.filters import FilterState


def rows(engine, indicator, by=None, kind="actual", **filters):
    summary = metrics.summarise(engine, indicator, by=by, kind=kind, filters=FilterState(**filters))
    return {r["key"]: (r["value"], r["qualifier"]) for r in summary.records()}, summary


# --- sum: totals, breakdowns, kinds -------------------------------------------------------------
def test_programme_total_uses_the_total_not_its_breakdown(fixture_engine):
    result, _ = rows(fixture_engine, "participants_trained", by="programme")
    # TEST-A: 2017 total 100 (its KEN 60 + ZMB 30 breakdown and the female 45 are the same fact)
    # plus 2018 about 50; mixed qualifiers give "approx"
    assert result == {"TEST-A": (150, "approx"), "TEST-B": (40, "exact")}


def test_by_country_keeps_the_uncovered_part_of_a_total_as_not_stated(fixture_engine):
    result, _ = rows(fixture_engine, "participants_trained", by="country")
    assert result["KEN"] == (60, "exact")
    assert result["ZMB"] == (30, "exact")
    assert result["MNG"] == (40, "exact")
    # 100 - 90 uncovered in 2017, plus the 2018 total of about 50 with no country: never spread
    assert result[None] == (60, "approx")


def test_by_region_places_a_total_at_its_stated_area(fixture_engine):
    result, _ = rows(fixture_engine, "participants_trained", by="region")
    assert result == {"africa": (140, "approx"), "asia-pacific": (40, "exact"), None: (10, "exact")}


def test_groups_add_up_to_the_total(fixture_engine):
    total, _ = rows(fixture_engine, "participants_trained")
    for by in ("programme", "country", "region", "year"):
        grouped, _ = rows(fixture_engine, "participants_trained", by=by)
        assert sum(v for v, _ in grouped.values()) == total[None][0], by


def test_targets_are_never_added_to_actuals(fixture_engine):
    actual, _ = rows(fixture_engine, "participants_trained", by="programme")
    target, _ = rows(fixture_engine, "participants_trained", by="programme", kind="target")
    assert target == {"TEST-A": (500, "exact")}
    assert actual["TEST-A"][0] == 150


def test_multi_year_value_is_placed_at_its_end_year(fixture_engine):
    result, _ = rows(fixture_engine, "participants_trained", by="year")
    # TEST-B's 2016-2018 value of 40 sits at 2018, beside TEST-A's 2018 total of about 50
    assert result == {2017: (100, "exact"), 2018: (90, "approx")}


@pytest.mark.parametrize("year_from, year_to, expected", [
    (2018, 2018, {"TEST-A": 50, "TEST-B": 40}),
    (2016, 2016, {"TEST-B": 40}),  # 2016-2018 overlaps 2016
    (2017, 2017, {"TEST-A": 100, "TEST-B": 40}),
    (2019, 2020, {}),
])
def test_year_filter_keeps_overlapping_periods(fixture_engine, year_from, year_to, expected):
    result, _ = rows(fixture_engine, "participants_trained", by="programme", year_from=year_from, year_to=year_to)
    assert {k: v for k, (v, _) in result.items()} == expected


def test_year_filter_counts_figures_without_a_year(fixture_engine):
    _, summary = rows(fixture_engine, "academies_held", year_from=2010, year_to=2011)
    assert any(n.code == "no_year" and n.count == 1 for n in summary.notes)


def test_country_filter_leaves_out_totals_without_a_breakdown_and_says_so(fixture_engine):
    result, summary = rows(fixture_engine, "participants_trained", country=("KEN",))
    assert result == {None: (60, "exact")}
    assert any(n.code == "no_place" for n in summary.notes)


def test_region_filter_takes_rows_of_the_area_and_of_its_countries(fixture_engine):
    result, _ = rows(fixture_engine, "participants_trained", region=("africa",))
    assert result == {None: (140, "approx")}


# --- SDG ------------------------------------------------------------------------------------------
def test_goal_filter_includes_all_its_targets(fixture_engine):
    goal, _ = rows(fixture_engine, "participants_trained", by="programme", sdg=("8",))
    assert set(goal) == {"TEST-A", "TEST-B"}  # tagged 8.3 and 8.5
    target, _ = rows(fixture_engine, "participants_trained", by="programme", sdg=("8.3",))
    assert set(target) == {"TEST-A"}
    other, _ = rows(fixture_engine, "academies_held", by="programme", sdg=("8",))
    assert other == {}  # TEST-C is tagged 17.9 only


def test_by_sdg_counts_a_programme_once_under_each_target(fixture_engine):
    result, summary = rows(fixture_engine, "participants_trained", by="sdg")
    assert result["8.3"][0] == result["1.3"][0] == 150
    assert result["8.5"][0] == 40
    assert any(n.code == "sdg_overlap" for n in summary.notes)


# --- distinct countries ---------------------------------------------------------------------------
def test_countries_reached_is_a_distinct_union_not_a_sum(fixture_engine):
    # TEST-A: KEN, ZMB (programme) + ETH, GHA (training participants); TEST-B: ZMB, MNG and an
    # unnamed count of 2. Union = 5, although 4 + 2 = 6 and ZMB is in both.
    result, _ = rows(fixture_engine, "countries_reached", programme=("TEST-A", "TEST-B"))
    assert result == {None: (5, "exact")}
    by_programme, _ = rows(fixture_engine, "countries_reached", by="programme")
    assert by_programme["TEST-A"] == (4, "exact")
    assert by_programme["TEST-B"] == (2, "exact")


def test_an_unnamed_count_larger_than_the_union_gives_at_least(fixture_engine):
    result, summary = rows(fixture_engine, "countries_reached")
    assert result == {None: (19, "at_least")}
    assert any(n.code == "unnamed_counts" for n in summary.notes)
    by_programme, _ = rows(fixture_engine, "countries_reached", by="programme")
    assert by_programme["TEST-C"] == (19, "at_least")


def test_planned_events_and_non_actual_rows_do_not_reach_countries(fixture_engine):
    by_country, _ = rows(fixture_engine, "countries_reached", by="country")
    assert "ESP" not in by_country  # the planned academy
    assert "ZAF" not in by_country  # an estimate with no programme
    assert {"ITA", "CAN", "KOR", "KEN", "ZMB", "MNG", "ETH", "GHA"} <= set(by_country)


def test_countries_reached_by_region(fixture_engine):
    result, _ = rows(fixture_engine, "countries_reached", by="region")
    assert result["africa"] == (4, "exact")  # KEN, ZMB, ETH, GHA
    assert result["world"] == (19, "at_least")


# --- events ---------------------------------------------------------------------------------------
def test_a_stated_running_total_wins_over_counting_events(fixture_engine):
    result, summary = rows(fixture_engine, "academies_held", by="programme")
    # "nine to date" and "the first two" are cumulative: the largest wins, never 9 + 2
    assert result == {"TEST-C": (9, "exact")}
    assert any(n.code == "events_differ" and "9 held, 3 named" in n.message for n in summary.notes)


def test_events_are_the_breakdown_by_year_and_place(fixture_engine):
    by_year, _ = rows(fixture_engine, "academies_held", by="year")
    assert by_year == {2010: (1, "exact"), 2011: (1, "exact"), None: (7, "exact")}
    by_country, _ = rows(fixture_engine, "academies_held", by="country")
    assert by_country == {"CAN": (1, "exact"), "ITA": (1, "exact"), "KOR": (1, "exact"), None: (6, "exact")}


def test_year_filter_on_events_uses_the_stated_total_of_that_period(fixture_engine):
    result, _ = rows(fixture_engine, "academies_held", year_from=2010, year_to=2011)
    assert result == {None: (2, "exact")}


# --- latest ---------------------------------------------------------------------------------------
def test_latest_takes_the_newest_dated_value_and_never_sums_years(fixture_engine):
    result, _ = rows(fixture_engine, "member_organisations", kind="context")
    assert result == {None: (15, "exact")}
    by_year, summary = rows(fixture_engine, "member_organisations", kind="context", by="year")
    assert by_year == {2014: (10, "exact"), 2016: (15, "exact"), None: (20, "more_than")}


def test_summary_rows_are_ordered_with_not_stated_last(fixture_engine):
    summary = metrics.summarise(fixture_engine, "participants_trained", by="country")
    keys = [r["key"] for r in summary.records()]
    assert keys == ["KEN", "MNG", "ZMB", None]
    assert summary.records()[0]["label"] == "Kenya"


def test_labels_follow_the_language(fixture_engine):
    summary = metrics.summarise(fixture_engine, "participants_trained", by="country", lang="zh")
    assert summary.records()[0]["label"] == "肯尼亚"


def test_unknown_indicator_is_refused(fixture_engine):
    with pytest.raises(metrics.UnknownIndicator):
        metrics.summarise(fixture_engine, "no_such_indicator")


def test_sdg_target_order_is_numeric():
    assert sorted(["8.a", "8.10", "8.3", None], key=lambda k: metrics.sort_key(k, "sdg")) == ["8.3", "8.10", "8.a", None]


def test_combine_qualifiers():
    assert metrics.combine_qualifiers(["more_than", "more_than"]) == "more_than"
    assert metrics.combine_qualifiers(["exact", "more_than"]) == "approx"
    assert metrics.combine_qualifiers([]) == "exact"


def test_by_sdg_under_a_goal_filter_lists_only_that_goals_targets(fixture_engine):
    for indicator in ("participants_trained", "countries_reached"):
        result, _ = rows(fixture_engine, indicator, by="sdg", sdg=("8",))
        assert set(result) <= {"8.3", "8.5"}, (indicator, result)
    result, _ = rows(fixture_engine, "participants_trained", by="sdg", sdg=("8.3",))
    assert result == {"8.3": (150, "approx")}
