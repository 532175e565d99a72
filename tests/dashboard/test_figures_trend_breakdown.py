"""Figure builders tested by value, without a browser: trace types, x/y, titles, colours, hover
text, source line, notes and the empty state (STYLE.md habit 2)."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard import theme
from dashboard.figures import build_breakdown_figure, build_progress_figure, build_trend_figure, empty_figure
from dashboard.figures.common import (
    OTHERS_KEY, chart_title, covered_period, export_filename, format_number, format_quantity, format_value,
    graph_config, is_empty_figure, period_text, source_text, split_top, translate_note, year_range,
)
from dashboard.figures.progress import progress_frame, status_label
from dashboard.figures.trend import trend_frame, undated_rows
from indicators.metrics import Note
from indicators.progress import assess


def annotations(fig, name: str) -> list[str]:
    return [a.text for a in fig.layout.annotations if a.name == name]


# --- common helpers --------------------------------------------------------------------------------
@pytest.mark.parametrize("value, qualifier, expected", [
    (250, "approx", "about 250"),
    (19, "at_least", "at least 19"),
    (20, "more_than", "more than 20"),
    (5, "less_than", "less than 5"),
    (7, "up_to", "up to 7"),
    (260000, "exact", "260,000"),
    (2.5, "exact", "2.5"),
    (0.125, None, "0.12"),
])
def test_qualifier_words(value, qualifier, expected):
    assert format_value(value, qualifier) == expected


def test_compact_numbers_in_words():
    assert format_value(100_000_000, "more_than", compact=True) == "more than 100 million"
    assert format_number(260_000, "zh", compact=True) == "26万"
    assert format_number(100_000_000, "zh", compact=True) == "1亿"
    assert format_number(250, "zh", compact=True) == "250"
    assert format_number(1234, compact=True) == "1,234"  # not a round million: digits


def test_quantities_with_units():
    assert format_quantity(250, "approx", "people") == "about 250 people"
    assert format_quantity(10, "approx", "percent") == "about 10%"
    assert format_quantity(1, "exact", "events") == "1 event"
    assert format_quantity(9, "exact", "events") == "9 events"


def test_periods():
    assert period_text(2017, 2018) == "2017–2018"
    assert period_text(2017, 2017) == "2017"
    assert period_text(None, None) == "year not stated"
    assert period_text(float("nan"), 2014) == "2014"
    assert covered_period([2010, None, 2013], [2014, None, 2013]) == "2010–2014; some figures: year not stated"
    assert covered_period([None], [None]) == "year not stated"
    assert covered_period([2017], [2018]) == "2017–2018"


def test_title_names_unit_and_period():
    assert chart_title("Participants trained", "people", "2017–2018") == "Participants trained (people), 2017–2018"
    assert chart_title("SSE share", "percent", None) == "SSE share (%)"


def test_source_line():
    one = {"source_document": "003_x.txt", "source_section": "TRANSFORM › 解决途径"}
    assert source_text([one, one]) == "Source: ILO, 003_x.txt › TRANSFORM › 解决途径"
    two_sections = [one, {**one, "source_section": "PAGE › 挑战"}]
    assert source_text(two_sections) == "Source: ILO, 003_x.txt (2 sections)"
    assert source_text([one, {"source_document": "000_y.txt", "source_section": "A"}]) == "Sources: 2 documents"
    assert source_text([]) == ""


def test_empty_state_has_a_message_and_no_axes():
    fig = empty_figure(title="Jobs created (jobs)", source="Source: ILO, a.txt")
    assert is_empty_figure(fig)
    assert annotations(fig, "empty") == ["No figure reported for this selection"]
    assert fig.layout.xaxis.visible is False and fig.layout.yaxis.visible is False
    assert fig.layout.title.text == "Jobs created (jobs)"
    assert fig.layout.template.layout.font.family == theme.pio.templates[theme.TEMPLATE_NAME].layout.font.family


def test_top_n_split():
    frame = pd.DataFrame({"key": list("abcdefghij"), "value": [10, 9, 8, 7, 6, 5, 4, 3, 2, 1]})
    shown, rest = split_top(frame, limit=8)
    assert shown == list("abcdefg") and rest == list("hij")
    assert split_top(frame, limit=None) == (list("abcdefghij"), [])
    assert split_top(frame.head(8), limit=8)[1] == []


def test_export_configuration():
    name = export_filename("participants_trained", "programme", {"programme": "TRANSFORM", "sdg": "8.3",
                                                                 "lang": "zh", "indicator": "x"})
    assert name == "participants_trained-programme-programme-transform-sdg-8-3"
    config = graph_config(name, asset_url=lambda path: f"/assets/{path}")
    assert config["toImageButtonOptions"] == {"format": "png", "filename": name, "scale": 3}
    assert config["displaylogo"] is False and config["topojsonURL"] == "/assets/topojson/"


def test_notes_of_the_aggregation_are_translated_by_pattern():
    note = Note("events_differ", "SSE-ACADEMY: 9 held, 8 named in the sources")
    assert translate_note(note) == "SSE-ACADEMY: 9 held, 8 named in the sources"
    assert translate_note({"code": "unknown", "message": "as is"}) == "as is"


def test_year_range_never_one_bar_across_the_chart():
    assert year_range([2018]) == [2015.5, 2020.5]
    assert year_range([2010, 2020]) == [2009.3, 2020.7]


# --- trend ----------------------------------------------------------------------------------------
def seed_like_trend() -> pd.DataFrame:
    return trend_frame(
        {"TRANSFORM": [{"key": 2018, "value": 250.0, "qualifier": "approx"}],
         "SSE-ACADEMY": [{"key": 2010, "value": 1.0, "qualifier": "exact"},
                         {"key": 2014, "value": 1.0, "qualifier": "exact"},
                         {"key": None, "value": 5.0, "qualifier": "exact"}]},
        labels={"TRANSFORM": "TRANSFORM - Leadership", "SSE-ACADEMY": "SSE Academy"},
        periods={("TRANSFORM", 2018): (2017, 2018)},
        sources={("TRANSFORM", 2018): "Source: ILO, 003.txt › TRANSFORM"},
    )


def test_trend_places_multi_year_values_at_their_end_year_with_the_period_in_the_hover():
    frame = seed_like_trend()
    fig = build_trend_figure(frame, title="Participants trained (people), 2017–2018", unit="people",
                             source="Sources: 2 documents",
                             colours={"TRANSFORM": "#009E73", "SSE-ACADEMY": "#E69F00"})
    assert [tr.type for tr in fig.data] == ["bar", "bar"]
    transform = next(tr for tr in fig.data if tr.name == "TRANSFORM")
    assert list(transform.x) == [2018] and list(transform.y) == [250.0]
    assert transform.marker.color == "#009E73"
    hover = transform.customdata[0]
    assert hover[0] == "TRANSFORM · TRANSFORM - Leadership"
    assert hover[1] == "about 250 people" and hover[2] == "2017–2018"
    assert hover[3] == "Source: ILO, 003.txt › TRANSFORM"
    assert "about 250" in transform.text[0] and "2017–2018" in transform.text[0]
    assert fig.layout.title.text == "Participants trained (people), 2017–2018"
    assert annotations(fig, "source") == ["Sources: 2 documents"]


def test_trend_never_plots_undated_values():
    frame = seed_like_trend()
    fig = build_trend_figure(frame, unit="events")
    academy = next(tr for tr in fig.data if tr.name == "SSE-ACADEMY")
    assert list(academy.x) == [2010, 2014]  # the 5 without a year are not at a made-up year
    assert annotations(fig, "note") == [
        "1 figure(s) with year not stated are not plotted: see the list under the chart"]
    undated = undated_rows(frame)
    assert list(undated["series"]) == ["SSE-ACADEMY"] and list(undated["value"]) == [5.0]
    assert list(undated["period"]) == ["year not stated"]


def test_trend_with_only_undated_values_is_an_empty_state_that_says_why():
    frame = trend_frame({"SSE-ACADEMY": [{"key": None, "value": 9.0, "qualifier": "exact"}]})
    fig = build_trend_figure(frame, title="Academies held (events)")
    assert is_empty_figure(fig)
    assert "year not stated" in annotations(fig, "empty")[0]


def test_trend_empty_frame_is_the_empty_state():
    fig = build_trend_figure(trend_frame({}), title="Jobs created (jobs)")
    assert is_empty_figure(fig) and fig.data == ()


def test_trend_others_series_is_grey_and_last():
    frame = trend_frame({OTHERS_KEY: [{"key": 2018, "value": 500.0}], "A": [{"key": 2018, "value": 100.0}]},
                        labels={OTHERS_KEY: "Others (3)", "A": "Programme A"})
    fig = build_trend_figure(frame, colours={"A": "#0072B2"})
    assert [tr.name for tr in fig.data] == ["A", "Others (3)"]
    assert fig.data[1].marker.color == theme.OTHERS_COLOUR


def test_trend_draws_lines_beyond_twelve_years():
    rows = [{"key": year, "value": float(year - 2000)} for year in range(2000, 2016)]
    fig = build_trend_figure(trend_frame({"A": rows}))
    assert fig.data[0].type == "scatter" and fig.data[0].mode == "lines+markers"


# --- breakdown ------------------------------------------------------------------------------------
def test_breakdown_by_sdg_uses_goal_colours_and_says_rows_do_not_add_up():
    frame = pd.DataFrame([
        {"key": "8.3", "label": "Promote development-oriented policies", "value": 12.0, "qualifier": "exact"},
        {"key": "17.9", "label": "Enhance international support", "value": 10.0, "qualifier": "exact"},
        {"key": "1.3", "label": "Social protection systems", "value": 19.0, "qualifier": "at_least"},
        {"key": None, "label": None, "value": 1.0, "qualifier": "exact"},
        {"key": OTHERS_KEY, "label": "Others (4)", "value": 2.0, "qualifier": "exact"},
    ])
    colours = {"1": "#E5243B", "8": "#A21942", "17": "#19486A"}
    fig = build_breakdown_figure(frame, by="sdg", unit="countries", goal_colours=colours,
                                 title="Countries reached (countries)", source="Source: ILO, 003.txt")
    bar = fig.data[0]
    assert bar.type == "bar" and bar.orientation == "h"
    # largest first, then "others", then "not stated"
    assert list(bar.x) == [19.0, 12.0, 10.0, 2.0, 1.0]
    assert bar.y[0].startswith("1.3 ") and bar.y[-2] == "Others (4)" and bar.y[-1] == "not stated"
    assert list(bar.marker.color) == ["#E5243B", "#A21942", "#19486A", theme.OTHERS_COLOUR, theme.NOT_STATED_COLOUR]
    assert bar.customdata[0][1] == "at least 19 countries"
    assert bar.text[0] == "at least 19"
    assert annotations(fig, "source") == ["Source: ILO, 003.txt"]
    assert "do not add up" in annotations(fig, "note")[0]
    assert fig.layout.yaxis.autorange == "reversed"


def test_breakdown_by_programme_uses_programme_colours_and_codes():
    frame = pd.DataFrame([
        {"key": "SSE-ACADEMY", "label": "ILO SSE Academy", "value": 10.0, "qualifier": "exact"},
        {"key": "TRANSFORM", "label": "TRANSFORM - Leadership", "value": 19.0, "qualifier": "at_least"},
    ])
    colours = theme.programme_colours(["SSE-ACADEMY", "TRANSFORM"])
    fig = build_breakdown_figure(frame, by="programme", unit="countries", programme_colours=colours)
    bar = fig.data[0]
    assert list(bar.y) == ["TRANSFORM", "SSE-ACADEMY"]
    assert list(bar.marker.color) == [colours["TRANSFORM"], colours["SSE-ACADEMY"]]
    assert bar.customdata[0][0] == "TRANSFORM · TRANSFORM - Leadership"
    assert annotations(fig, "note") == []


def test_breakdown_empty_state():
    fig = build_breakdown_figure(pd.DataFrame(columns=["key", "label", "value", "qualifier"]), title="x")
    assert is_empty_figure(fig)


# --- progress -------------------------------------------------------------------------------------
def test_progress_figure_draws_targets_beside_actuals_and_the_path():
    frame = progress_frame({
        "baseline": [{"key": 2015, "value": 100.0}],
        "actual": [{"key": 2018, "value": 133.1, "qualifier": "approx"}, {"key": None, "value": 50.0}],
        "target": [{"key": 2020, "value": 161.051}],
    }, periods={("actual", 2018): (2017, 2018)})
    progress = assess([(2018, 133.1)], targets=[(2020, 161.051)], baselines=[(2015, 100)])
    fig = build_progress_figure(frame, title="Participants trained (people)", unit="people", progress=progress,
                                source="Source: ILO, a.txt")
    kinds = [tr.meta["kind"] for tr in fig.data]
    assert kinds == ["baseline", "actual", "target", "path"]
    actual = fig.data[1]
    assert actual.type == "bar" and list(actual.x) == [2018] and list(actual.y) == [133.1]
    assert actual.customdata[0][1] == "about 133.1 people" and actual.customdata[0][2] == "2017–2018"
    target = fig.data[2]
    assert target.type == "scatter" and target.marker.symbol == "diamond"
    path = fig.data[3]
    assert list(path.x) == [2015, 2020] and list(path.y) == [100.0, 161.051]
    assert list(fig.layout.xaxis.tickvals) == [2015, 2018, 2020]
    assert annotations(fig, "note") == [
        "1 figure(s) with year not stated are not plotted: see the list under the chart"]
    assert status_label(progress.status) == "On track"


def test_progress_figure_without_target_has_no_path():
    frame = progress_frame({"actual": [{"key": 2017, "value": 23.0}]})
    fig = build_progress_figure(frame, progress=assess([(2017, 23)]))
    assert [tr.meta["kind"] for tr in fig.data] == ["actual"]
    assert status_label("no_target") == "No target stated"
    assert is_empty_figure(build_progress_figure(progress_frame({}), title="t"))
