"""The SDG explorer's and the sources page's builders by value (no browser): text helpers (qualifier
words, periods, figures marked in a quote), the programmes x targets grid in the official goal
colours, the goal tiles, and the callbacks on the seeded database (`?sdg=8.3` lists exactly the
programmes tagged 8.3; quotes mark their figures; figure rows carry their `#obs-<id>` anchor)."""

from __future__ import annotations

import pandas as pd
import pytest
from dash import dcc, html

from dashboard.components.sdg_tiles import goal_tiles, indicator_figures
from dashboard.figures.common import format_value, period_text
from dashboard.figures.sdg import (
    build_target_grid,
    figures_not_found,
    filter_period_label,
    mark_figures,
    plural,
    programme_counts_by_goal,
    programme_counts_by_target,
    target_sort_key,
)
from indicators.config import PROJECT_ROOT, Settings


@pytest.fixture(scope="module")
def goals() -> pd.DataFrame:
    """The official goals and colours, as the reference data ships them."""
    frame = pd.read_csv(PROJECT_ROOT / "data" / "reference" / "sdg_goals.csv", keep_default_na=False, dtype=str)
    return pd.DataFrame({"code": frame["goal"], "number": frame["goal"].astype(int), "colour": frame["colour_hex"],
                         "title": frame["title_en"], "short": frame["short_en"]})


@pytest.fixture(scope="module")
def targets() -> pd.DataFrame:
    frame = pd.read_csv(PROJECT_ROOT / "data" / "reference" / "sdg_targets.csv", keep_default_na=False, dtype=str)
    return pd.DataFrame({"code": frame["target"], "goal": frame["goal"], "title": frame["title_en"]})


PAIRS = pd.DataFrame([("PAGE-KGZ-MNG", t) for t in ("8.3", "8.4", "13.2", "17.6", "17.7")]
                     + [("SSE-ACADEMY", t) for t in ("8.3", "17.9")]
                     + [("TRANSFORM", t) for t in ("1.3", "3.8", "5.4", "8.5", "10.4")],
                     columns=["programme", "target"])
PROGRAMMES = pd.DataFrame({"code": ["PAGE-KGZ-MNG", "SSE-ACADEMY", "TRANSFORM"],
                           "name": ["PAGE Kyrgyzstan-Mongolia", "SSE Academy", "TRANSFORM"]})


# --- text helpers --------------------------------------------------------------------------------
@pytest.mark.parametrize("value, qualifier, unit, expected", [
    (250, "approx", "people", "about 250"),
    (100000000, "more_than", "people", "more than 100,000,000"),
    (19, "at_least", "countries", "at least 19"),
    (40, "approx", "percent", "about 40%"),
    (23, "exact", "people", "23"),
    (2.5, "up_to", None, "up to 2.5"),
    (None, "exact", None, "not stated"),
])
def test_values_carry_their_qualifier_words(value, qualifier, unit, expected):
    assert format_value(value, qualifier, unit=unit, exact=True) == expected


def test_periods_are_never_guessed():
    assert period_text(2017, 2017) == "2017"
    assert period_text(2017, 2018) == "2017–2018"
    assert period_text(None, None) == "year not stated"
    assert period_text(float("nan"), None) == "year not stated"
    assert period_text(2017, 2017, date="2017-10") == "2017-10"
    assert filter_period_label(None, None) == "all years"
    assert filter_period_label(2015, 2018) == "2015–2018"


def test_figures_are_marked_in_the_verbatim_quote():
    quote = "2017 年至 2018 年期间，共有来自南非和东非五个国家的约 250 位从业者参与了 TRANSFORM 线下培训研讨会。"
    segments = mark_figures(quote, ["约 250", "五"])
    assert "".join(text for text, _ in segments) == quote
    assert [text for text, marked in segments if marked] == ["五", "约 250"]
    # overlapping figures merge into one mark; a figure missing from the quote is reported
    assert [t for t, m in mark_figures("约 250 位", ["约 250", "250"]) if m] == ["约 250"]
    assert figures_not_found(quote, ["约 250", "300"]) == ["300"]
    assert mark_figures("", ["5"]) == []


def test_plural_and_target_order():
    assert plural(1, "{n} programme", "{n} programmes") == "1 programme"
    assert plural(3, "{n} programme", "{n} programmes") == "3 programmes"
    assert sorted(["8.10", "8.a", "8.2", "17.9", "1.3"], key=target_sort_key) == ["1.3", "8.2", "8.10", "8.a", "17.9"]


def test_programme_counts_by_goal_and_target():
    assert programme_counts_by_goal(PAIRS) == {"1": 1, "3": 1, "5": 1, "8": 3, "10": 1, "13": 1, "17": 2}
    assert programme_counts_by_goal(PAIRS, ["TRANSFORM"]) == {"1": 1, "3": 1, "5": 1, "8": 1, "10": 1}
    assert programme_counts_by_target(PAIRS)["8.3"] == 2


# --- the grid ------------------------------------------------------------------------------------
def test_grid_has_one_square_per_tag_in_the_official_goal_colours(goals, targets):
    figure = build_target_grid(PAIRS, programmes=PROGRAMMES, targets=targets, goals=goals,
                               sources=["003_2e8176e59af46d66.txt"],
                               programme_sources={"SSE-ACADEMY": ["000_a885415dce5153b4.txt", "003_2e8176e59af46d66.txt"]})
    official = dict(zip(goals["code"], goals["colour"]))
    assert [t.type for t in figure.data] == ["scatter"] * 7
    for trace in figure.data:
        goal = trace.name.split(":")[0].removeprefix("Goal ")
        assert trace.marker.color == official[goal]
        assert trace.marker.symbol == "square"
        assert all(x.split(".")[0] == goal for x in trace.x)
    goal8 = [t for t in figure.data if t.name.startswith("Goal 8:")][0]
    assert goal8.name == "Goal 8: Decent work and economic growth"
    assert goal8.marker.color == "#A21942"
    assert list(zip(goal8.x, goal8.y)) == [("8.3", "PAGE-KGZ-MNG"), ("8.3", "SSE-ACADEMY"), ("8.4", "PAGE-KGZ-MNG"),
                                           ("8.5", "TRANSFORM")]
    assert "Programmes tagged with this target: 2" in goal8.hovertext[0]
    assert "Source: 000_a885415dce5153b4.txt; 003_2e8176e59af46d66.txt" in goal8.hovertext[1]  # SSE-ACADEMY, 8.3
    assert list(figure.layout.xaxis.categoryarray) == ["1.3", "3.8", "5.4", "8.3", "8.4", "8.5", "10.4", "13.2",
                                                       "17.6", "17.7", "17.9"]
    assert figure.layout.title.text == "SDG targets of the programmes"
    assert "unit: programme tags" in figure.layout.title.subtitle.text
    assert "003_2e8176e59af46d66.txt" in figure.layout.annotations[0].text
    assert not figure.layout.shapes


def test_grid_highlights_the_chosen_target(goals, targets):
    figure = build_target_grid(PAIRS, programmes=PROGRAMMES, targets=targets, goals=goals, selected=("8.3",))
    (shape,) = figure.layout.shapes
    assert (shape.x0, shape.x1) == (3 - 0.45, 3 + 0.45)  # the column of 8.3
    chosen_goal = build_target_grid(PAIRS, programmes=PROGRAMMES, targets=targets, goals=goals, selected=("8",))
    assert len(chosen_goal.layout.shapes) == 3  # 8.3, 8.4, 8.5


def test_grid_empty_state(goals, targets):
    figure = build_target_grid(PAIRS.iloc[0:0], programmes=PROGRAMMES, targets=targets, goals=goals)
    assert not figure.data
    assert figure.layout.xaxis.visible is False and figure.layout.yaxis.visible is False
    assert figure.layout.annotations[0].text == "No figure reported for this selection"
    assert figure.layout.title.text == "SDG targets of the programmes"


# --- tiles ---------------------------------------------------------------------------------------
def _find(component, kind):
    found = []
    if isinstance(component, kind):
        found.append(component)
    children = getattr(component, "children", None)
    for child in children if isinstance(children, list) else [children]:
        if child is not None and hasattr(child, "to_plotly_json"):
            found += _find(child, kind)
    return found


def test_goal_tiles_are_links_in_the_official_colours(goals):
    tiles = goal_tiles(goals, {"8": 3, "17": 2}, href_for=lambda code: f"/sdg?sdg={code}", selected_goal="8")
    links = _find(tiles, dcc.Link)
    assert len(links) == 17
    assert [link.href for link in links] == [f"/sdg?sdg={n}" for n in range(1, 18)]
    assert [link.style["backgroundColor"] for link in links] == list(goals["colour"])
    eight = links[7]
    texts = [c.children for c in eight.children if c is not None]
    assert texts[:3] == ["8", "Decent work and economic growth", "3 programmes"]
    assert "selected" in eight.className
    assert [c.children for c in links[0].children if c is not None][2] == "no programme"


def test_indicator_figures_note_that_rows_by_target_do_not_add_up():
    class Summary:
        unit = "people"
        rows = pd.DataFrame([{"key": "TRANSFORM", "label": "TRANSFORM", "value": 250.0, "qualifier": "approx",
                              "unit": "people", "observations": 1}])
        notes = []

    section = indicator_figures([({"code": "participants_trained", "name": "Participants trained"}, Summary())],
                                programme_names={"TRANSFORM": "TRANSFORM"},
                                sources_href=lambda indicator, programme: f"/sources?indicator={indicator}")
    text = str(section.to_plotly_json())
    assert "do not add up" in text and "about 250" in text
    assert "/sources?indicator=participants_trained" in text


# --- callbacks on the seeded database ------------------------------------------------------------
@pytest.fixture
def seeded_app(sqlite_seeded_url):
    from dashboard import create_app, data

    app = create_app(Settings(database_url=sqlite_seeded_url), initialise=False)
    data.cache._items.clear()
    return app


def _programme_codes(detail) -> set[str]:
    items = [li for section in detail for li in _find(section, html.Li) if "programme-card-item" in (getattr(li, "className", None) or "")]
    return {li.to_plotly_json()["props"]["data-code"] for li in items}


def test_target_lists_exactly_the_programmes_tagged(seeded_app):
    from dashboard.callbacks.sdg import render_sdg

    tiles, detail, figure, config, _style = render_sdg("?sdg=8.3", "/sdg")
    assert _programme_codes(detail) == {"SSE-ACADEMY", "PAGE-KGZ-MNG"}
    assert {y for trace in figure.data for y in trace.y} == {"SSE-ACADEMY", "PAGE-KGZ-MNG"}
    text = str([d.to_plotly_json() for d in detail])
    assert "do not add up" in text
    assert config["toImageButtonOptions"]["filename"] == "sdg-targets-by-programme-8-3-en"
    tile_links = _find(tiles, dcc.Link)
    assert tile_links[7].href == "/sdg?sdg=8"


def test_goal_includes_all_its_targets(seeded_app):
    from dashboard.callbacks.sdg import render_sdg

    _tiles, detail, _figure, _config, _style = render_sdg("?sdg=8", "/sdg")
    assert _programme_codes(detail) == {"SSE-ACADEMY", "PAGE-KGZ-MNG", "TRANSFORM"}
    _tiles, detail, _figure, _config, _style = render_sdg("?sdg=3", "/sdg")
    assert _programme_codes(detail) == {"TRANSFORM"}


def test_sdg_links_keep_the_other_filters(seeded_app):
    from dashboard.callbacks.sdg import render_sdg

    tiles, _detail, _figure, _config, _style = render_sdg("?lang=zh&region=africa", "/sdg")
    assert _find(tiles, dcc.Link)[0].href == "/sdg?sdg=1&region=africa&lang=zh"


def test_sources_mark_figures_and_anchor_each_row(seeded_app):
    from dashboard.callbacks.sources import render_sources

    content, summary = render_sources("", "/sources")
    marks = {m.children for article in content for m in _find(article, html.Mark)}
    assert {"约 250", "23"} <= marks
    rows = [tr for article in content for tr in _find(article, html.Tr) if getattr(tr, "id", None)]
    assert "obs-transform-tot-2017-trainers" in {tr.id for tr in rows}
    assert "figures backed" in summary


def test_sources_follow_the_filters(seeded_app):
    from dashboard.callbacks.sources import render_sources

    content, _summary = render_sources("?programme=TRANSFORM&indicator=trainers_trained", "/sources")
    rows = {tr.id for article in content for tr in _find(article, html.Tr) if getattr(tr, "id", None)}
    assert rows == {"obs-transform-tot-2017-trainers"}
