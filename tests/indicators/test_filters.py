"""FilterState: query strings to filters and back; lenient for pages, strict for the API."""

from __future__ import annotations

import pytest

from indicators.filters import FilterError, FilterState


def test_round_trip():
    state = FilterState(programme=("TRANSFORM", "SSE-ACADEMY"), sdg=("8", "17.9"), region=("africa",),
                        country=("KEN",), year_from=2015, year_to=2018, lang="zh")
    assert FilterState.from_query(state.to_query()) == state
    assert state.to_query_string() == ("?programme=TRANSFORM,SSE-ACADEMY&sdg=8,17.9&region=africa&country=KEN"
                                       "&year_from=2015&year_to=2018&lang=zh")


def test_lists_and_case():
    state = FilterState.from_query({"programme": "transform, sse-academy", "country": ["ken", "zmb"]})
    assert state.programme == ("TRANSFORM", "SSE-ACADEMY") and state.country == ("KEN", "ZMB")


@pytest.mark.parametrize("query, name", [
    ({"year_from": "20x8"}, "year_from"), ({"sdg": "18"}, "sdg"), ({"sdg": "8.3.1"}, "sdg"),
    ({"country": "KENYA"}, "country"), ({"kind": "guess"}, "kind"), ({"lang": "de"}, "lang"),
    ({"year_from": "2019", "year_to": "2015"}, "year_to"), ({"colour": "red"}, "colour"),
])
def test_strict_parsing_names_the_parameter(query, name):
    with pytest.raises(FilterError) as error:
        FilterState.from_query(query, strict=True)
    assert error.value.parameter == name


def test_lenient_parsing_drops_bad_values_with_a_notice():
    state = FilterState.from_query({"year_from": "20x8", "sdg": "8,99", "country": "KEN"})
    assert state.sdg == ("8",) and state.year_from is None and state.country == ("KEN",)
    assert len(state.notices) == 2


def test_known_codes_are_enforced():
    state = FilterState.from_query({"programme": "TRANSFORM,NOPE"}, known={"programme": ["TRANSFORM"]})
    assert state.programme == ("TRANSFORM",) and "NOPE" in state.notices[0]


def test_goals_and_targets():
    state = FilterState(sdg=("8", "17.9"))
    assert state.sdg_goals == ("8",) and state.sdg_targets == ("17.9",)
