"""Headline cards and the sources disclosure, tested by component tree; then the overview's cards
and the programme profile computed from the seed (figures as the documents state them)."""

from __future__ import annotations

import pytest
from dash import dcc, html

from dashboard.components.cards import Card, CardFigure, metric_card, summary_total
from dashboard.components.source_panel import highlight_segments, source_panel, unique_quotes

QUOTE = {
    "source_document": "003_2e8176e59af46d66.txt",
    "source_section": "TRANSFORM › 解决途径",
    "source_quote": "2017 年至 2018 年期间，共有来自南非和东非五个国家的约 250 位从业者参与了 TRANSFORM 线下培训研讨会。",
    "source_figure": "约 250",
    "source_quote_en": "Between 2017 and 2018, about 250 practitioners from five countries of Southern and East Africa "
                       "took part in TRANSFORM face-to-face training workshops.",
}


def walk(component):
    """Every component in a tree, depth first."""
    yield component
    children = getattr(component, "children", None)
    if children is None:
        return
    for child in children if isinstance(children, (list, tuple)) else [children]:
        if hasattr(child, "to_plotly_json"):
            yield from walk(child)


def text_of(component) -> str:
    parts = []
    for node in walk(component):
        children = getattr(node, "children", None)
        for child in children if isinstance(children, (list, tuple)) else [children]:
            if isinstance(child, (str, int, float)):
                parts.append(str(child))
    return " ".join(parts)


def find(component, type_, class_name: str | None = None) -> list:
    return [n for n in walk(component) if isinstance(n, type_)
            and (class_name is None or class_name in (getattr(n, "className", "") or "").split())]


# --- highlighting ---------------------------------------------------------------------------------
def test_the_figure_is_marked_in_the_quote():
    segments = highlight_segments(QUOTE["source_quote"], "约 250")
    assert [marked for _, marked in segments] == [False, True, False]
    assert segments[1][0] == "约 250"
    assert "".join(text for text, _ in segments) == QUOTE["source_quote"]


def test_missing_or_absent_figure_leaves_the_quote_whole():
    assert highlight_segments("九个学院", None) == [("九个学院", False)]
    assert highlight_segments("九个学院", "十") == [("九个学院", False)]
    assert highlight_segments("", "九") == []
    assert highlight_segments("23 位", "23") == [("23", True), (" 位", False)]


# --- sources disclosure ---------------------------------------------------------------------------
def test_source_panel_lists_quote_translation_and_place():
    panel = source_panel([QUOTE, dict(QUOTE)])
    assert isinstance(panel, html.Details)
    assert find(panel, html.Summary)[0].children == "Sources (1)"  # the same quote once
    marks = find(panel, html.Mark)
    assert [m.children for m in marks] == ["约 250"]
    quote = find(panel, html.Blockquote)[0]
    assert quote.lang == "zh"
    text = text_of(panel)
    assert "Between 2017 and 2018" in text
    assert "003_2e8176e59af46d66.txt › TRANSFORM › 解决途径" in text


def test_source_panel_limits_long_lists_and_says_so():
    quotes = [{**QUOTE, "source_quote": f"第 {i} 句", "source_figure": str(i)} for i in range(15)]
    panel = source_panel(quotes, limit=12)
    assert len(find(panel, html.Li, "source-item")) == 12
    assert "and 3 more" in text_of(panel)


def test_source_panel_without_quotes_says_so():
    assert "No source quote" in text_of(source_panel([]))


def test_unique_quotes_keep_the_same_sentence_with_another_figure():
    other = {**QUOTE, "source_figure": "五"}
    assert len(unique_quotes([QUOTE, other, QUOTE])) == 2


# --- cards ----------------------------------------------------------------------------------------
def participants_card() -> Card:
    return Card("participants", "Participants trained", [
        CardFigure("actual", "Participants trained", 250.0, "approx", "people", "2017–2018"),
        CardFigure("actual", "Trainers trained", 23.0, "exact", "people", "2017", note="shown beside, never added"),
    ], notes=("a note",), sources=[QUOTE])


def test_card_shows_value_with_qualifier_unit_kind_and_period():
    card = metric_card(participants_card(), card_id="overview-card-participants")
    assert card.id == "overview-card-participants"
    primary, secondary = find(card, html.Div, "card-figure")
    assert "primary" in primary.className and "secondary" in secondary.className
    assert getattr(primary, "data-value") == "250" and getattr(secondary, "data-value") == "23"
    assert find(primary, html.Span, "card-value")[0].children == "about 250"
    assert find(primary, html.Span, "card-unit")[0].children == "people"
    assert find(primary, html.Span, "kind-badge")[0].children == "actual"
    assert find(primary, html.Span, "card-period")[0].children == "2017–2018"
    assert "Trainers trained" in text_of(secondary) and "shown beside, never added" in text_of(secondary)
    assert [li.children for li in find(card, html.Li) if not getattr(li, "className", None)] == ["a note"]
    assert find(card, html.Details, "source-panel")


def test_card_without_a_figure_says_so_and_kinds_stay_apart():
    card = metric_card(Card("jobs", "Jobs created", [
        CardFigure("actual", "Jobs created", None),
        CardFigure("estimate", "Potential or projected (estimate)", 260000.0, "exact", "jobs", "year not stated"),
    ]))
    figures = find(card, html.Div, "card-figure")
    assert [getattr(f, "data-kind") for f in figures] == ["actual", "estimate"]
    assert "No figure reported" in text_of(figures[0])
    assert find(figures[0], html.Span, "card-period") == []  # no period for a missing figure
    assert find(figures[1], html.Span, "card-value")[0].children == "260,000"
    assert find(figures[1], html.Span, "kind-badge")[0].children == "potential / estimate"


def test_one_event_is_singular():
    card = metric_card(Card("academies", "Academies held", [CardFigure("planned", "Planned", 1.0, unit="events")]))
    assert find(card, html.Span, "card-unit")[0].children == "event"


def test_summary_total():
    assert summary_total([]) == (None, "exact", 0)
    assert summary_total([{"value": 9, "qualifier": "exact", "observations": 2}]) == (9.0, "exact", 2)


# --- computed from the seed -----------------------------------------------------------------------
@pytest.fixture(scope="module")
def seeded_app(sqlite_seeded_url):
    from dashboard import create_app
    from indicators.config import Settings

    app = create_app(Settings(database_url=sqlite_seeded_url))
    with app.server.test_request_context("/"):
        yield app


def figures_of(cards, key):
    return next(c for c in cards if c.key == key).figures


def test_overview_cards_from_the_seed(seeded_app):
    from dashboard import data
    from dashboard.views.overview import overview_cards

    cards = overview_cards(data.parse_filters({}))
    assert [c.key for c in cards] == ["participants", "jobs", "countries", "academies"]
    participants = figures_of(cards, "participants")
    assert [(f.label, f.value, f.qualifier, f.period) for f in participants] == [
        ("Participants trained", 250.0, "approx", "2017–2018"), ("Trainers trained", 23.0, "exact", "2017")]
    jobs = figures_of(cards, "jobs")
    assert [(f.kind, f.value) for f in jobs] == [("actual", None), ("estimate", 260000.0)]
    assert "not a programme result" in jobs[1].note
    academies = next(c for c in cards if c.key == "academies")
    assert [(f.kind, f.value) for f in academies.figures] == [("actual", 9.0), ("planned", 1.0)]
    assert any("9 held, 8 named in the sources" in n for n in academies.notes)
    countries = figures_of(cards, "countries")[0]
    assert countries.value >= 19
    # every card can show where its numbers come from
    assert all(c.sources for c in cards)
    marked = {q.get("source_figure") for q in next(c for c in cards if c.key == "participants").sources}
    assert {"约 250", "23"} <= marked


def test_overview_cards_follow_the_programme_filter(seeded_app):
    from dashboard import data
    from dashboard.views.overview import overview_cards

    cards = overview_cards(data.parse_filters({"programme": "SSE-ACADEMY"}))
    assert figures_of(cards, "participants")[0].value is None
    assert figures_of(cards, "academies")[0].value == 9.0
    assert [f.kind for f in figures_of(cards, "jobs")] == ["actual"]  # the potential is no SSE-ACADEMY figure


def test_overview_cards_in_chinese_use_the_data_names(seeded_app):
    from dashboard import data
    from dashboard.views.overview import overview_cards

    cards = overview_cards(data.parse_filters({"lang": "zh"}))
    assert cards[0].title == "受训学员人数"


def test_trend_and_breakdowns_from_the_seed(seeded_app):
    from dashboard.callbacks.overview import render_breakdowns, render_trend

    figure, config, undated = render_trend({"indicator": "academies_held"}, [])
    assert [list(tr.x) for tr in figure.data] == [[2010, 2011, 2013, 2014]]
    assert config["toImageButtonOptions"]["filename"] == "academies_held-year"
    assert "Year not stated" in text_of(html.Div(undated))
    by_programme, _, by_sdg, _, notes = render_breakdowns({"indicator": "countries_reached"}, [])
    assert list(by_programme.data[0].y)[0] == "TRANSFORM"
    # 11 targets tagged: the 7 largest shown, the rest as "others" (computed by the rule), not stated last
    assert len(by_sdg.data[0].y) == 9 and by_sdg.data[0].y[-2].startswith("Others (4)")
    _, _, all_sdg, _, _ = render_breakdowns({"indicator": "countries_reached"}, ["all"])
    assert len(all_sdg.data[0].y) == 12
    assert "do not add up" in text_of(html.Div(notes))


def test_indicator_selector_keeps_other_parameters():
    from dashboard.callbacks.overview import with_indicator

    assert with_indicator("?programme=TRANSFORM,SSE-ACADEMY&lang=zh", "trainers_trained") == \
        "?programme=TRANSFORM,SSE-ACADEMY&lang=zh&indicator=trainers_trained"
    assert with_indicator("?indicator=a&sdg=8", "b") == "?indicator=b&sdg=8"


# --- programme page -------------------------------------------------------------------------------
def test_programme_period_and_status_words():
    from dashboard.components.programme_profile import programme_period_text, status_text
    from dashboard.components.sdg_tiles import tile_text_colour

    assert programme_period_text("ongoing", 2015, 2020) == "2015–2020"
    assert programme_period_text("ongoing", 2013, None) == "2013 – ongoing, no end date"
    assert programme_period_text(None, 2013, None) == "2013 – end not stated"
    assert programme_period_text(None, None, None) == "Period not stated"
    assert status_text(None) == "Status not stated" and status_text("completed") == "Completed"
    assert tile_text_colour("#A21942") == "#FFFFFF"   # goal 8: white, as on the official tiles
    assert tile_text_colour("#FCC30B") != "#FFFFFF"   # goal 7's yellow: dark text stays readable


def test_programme_profile_and_indicators_from_the_seed(seeded_app):
    from dashboard.callbacks.programme import render_indicators, render_profile

    profile = html.Div(render_profile({"code": "TRANSFORM", "query": {}}))
    tiles = find(profile, dcc.Link, "target-tile")
    assert [t.children[0].children for t in tiles] == ["1.3", "3.8", "5.4", "8.5", "10.4"]
    assert tiles[3].style == {"backgroundColor": "#A21942", "color": "#FFFFFF"}
    assert tiles[3].title.startswith("Target 8.5: ")
    text = text_of(profile)
    assert "2015–2020" in text and "Ongoing" in text and "Irish Aid" in text and "Ethiopia" in text
    indicators = render_indicators({"code": "TRANSFORM", "query": {}})
    blocks = find(indicators, html.Section, "indicator-block")
    assert [getattr(b, "data-indicator") for b in blocks] == ["countries_reached", "participants_trained",
                                                              "trainers_trained"]
    statuses = [getattr(s, "data-status") for s in find(indicators, html.Div, "progress-status")]
    assert statuses == ["no_target"] * 3
    graphs = find(indicators, dcc.Graph)
    assert all(g.config["toImageButtonOptions"]["scale"] == 3 for g in graphs)


def test_unknown_programme_is_not_found(seeded_app):
    from dashboard.callbacks.programme import render_indicators, render_profile

    page = render_profile({"code": "NO-SUCH", "query": {}})
    assert "Programme not found" in text_of(page) and "NO-SUCH" in text_of(page)
    assert find(page, dcc.Link)[0].href == "/"
    assert render_indicators({"code": "NO-SUCH", "query": {}}) is None


def test_progress_reasons_are_marked_for_translation_word_for_word():
    from dashboard.components.status_badge import REASON_MESSAGES
    from indicators.progress import REASONS

    assert REASON_MESSAGES == REASONS


def test_selecting_an_indicator_writes_the_url_only_when_it_changes(seeded_app):
    from dash import no_update

    from dashboard.callbacks.overview import select_indicator

    assert select_indicator("trainers_trained", "?programme=TRANSFORM", "/") == \
        "?programme=TRANSFORM&indicator=trainers_trained"
    assert select_indicator("participants_trained", "?programme=TRANSFORM", "/") is no_update  # the default
    assert select_indicator("participants_trained", "?indicator=no_such_code", "/") is no_update
    assert select_indicator("trainers_trained", "", "/data") is no_update
