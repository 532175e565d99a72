"""Progress against targets (indicators/progress.py), checked on cases computed by hand."""

from __future__ import annotations

import math

import pytest

from indicators.progress import REASONS, STATUSES, assess, assess_rows, classify


def test_growth_exactly_as_required_is_on_track():
    # 100 -> 133.1 in 3 years is 10 % a year; 100 -> 161.051 in 5 years also needs 10 % a year
    result = assess([(2018, 133.1)], targets=[(2020, 161.051)], baselines=[(2015, 100)])
    assert result.status == "on_track"
    assert result.method == "compound"
    assert result.observed_rate == pytest.approx(0.10)
    assert result.required_rate == pytest.approx(0.10)
    assert result.ratio == pytest.approx(1.0)
    assert result.start == (2015, 100.0) and result.start_kind == "baseline"
    assert result.gap == pytest.approx(161.051 - 133.1)


def test_slower_growth_is_moderate():
    # observed 100 -> 121 over 2 years: 10 %; required 100 -> 200 over 5 years: 2**0.2 - 1 = 14.87 %
    result = assess([(2017, 121)], targets=[(2020, 200)], baselines=[(2015, 100)])
    assert result.required_rate == pytest.approx(2 ** 0.2 - 1)
    assert result.ratio == pytest.approx(0.1 / (2 ** 0.2 - 1))  # 0.6725
    assert result.status == "moderate"
    assert result.gap == 79


def test_no_growth_is_off_track_and_first_actual_is_the_start_without_baseline():
    result = assess([(2016, 100), (2018, 100)], targets=[(2020, 150)])
    assert result.start == (2016, 100.0) and result.start_kind == "actual"
    assert result.latest == (2018, 100.0)
    assert result.ratio == pytest.approx(0.0)
    assert result.status == "off_track"
    assert result.gap == 50


def test_moving_away_from_the_target_gives_a_negative_ratio():
    result = assess([(2017, 90)], targets=[(2020, 150)], baselines=[(2015, 100)])
    observed = 0.9 ** 0.5 - 1
    required = 1.5 ** 0.2 - 1
    assert result.ratio == pytest.approx(observed / required)
    assert result.ratio < 0
    assert result.status == "off_track"


def test_falling_target_compares_negative_rates():
    # 40 -> 30 in 4 years: 0.75**0.25 - 1 = -6.94 %; 40 -> 20 in 10 years: 0.5**0.1 - 1 = -6.70 %
    result = assess([(2019, 30)], targets=[(2025, 20)], baselines=[(2015, 40)])
    assert result.ratio == pytest.approx((0.75 ** 0.25 - 1) / (0.5 ** 0.1 - 1))
    assert result.ratio == pytest.approx(1.0363, abs=1e-4)
    assert result.status == "on_track"
    assert result.gap == -10


def test_zero_baseline_uses_average_annual_change():
    # 0 -> 40 in 2 years: 20 a year; 0 -> 100 in 4 years: 25 a year; ratio 0.8
    result = assess([(2017, 40)], targets=[(2019, 100)], baselines=[(2015, 0)])
    assert result.method == "linear"
    assert result.observed_rate == pytest.approx(20)
    assert result.required_rate == pytest.approx(25)
    assert result.ratio == pytest.approx(0.8)
    assert result.status == "moderate"


def test_reached_target_is_on_track_with_negative_gap():
    result = assess([(2016, 50), (2018, 120)], targets=[(2020, 100)])
    assert result.status == "on_track"
    assert result.reason == "reached"
    assert result.gap == -20


def test_single_actual_without_baseline_is_insufficient_data():
    result = assess([(2018, 250)], targets=[(2020, 500)])
    assert result.status == "insufficient_data"
    assert result.reason == "one_point"
    assert result.gap == 250  # the simple gap is still given


def test_undated_figures_do_not_make_a_trend():
    result = assess([(None, 9), (2014, 4)], targets=[(2020, 12)])
    assert result.status == "insufficient_data"
    assert result.latest == (2014, 4.0)


def test_no_actual_at_all():
    result = assess([], targets=[(2020, 12)], baselines=[(2015, 3)])
    assert result.status == "insufficient_data"
    assert result.reason == "no_actual"
    assert result.gap is None


def test_no_target_is_never_invented():
    result = assess([(2017, 23), (2018, 40)])
    assert result.status == "no_target"
    assert result.ratio is None and result.gap is None and result.target is None
    assert result.latest == (2018, 40.0)


def test_target_without_year_gives_gap_but_no_rate():
    result = assess([(2016, 10), (2018, 20)], targets=[(None, 50)])
    assert result.status == "insufficient_data"
    assert result.reason == "target_year"
    assert result.gap == 30


def test_target_year_not_after_start():
    result = assess([(2018, 20)], targets=[(2015, 50)], baselines=[(2016, 10)])
    assert result.status == "insufficient_data"
    assert result.reason == "target_before_start"


def test_latest_target_and_earliest_baseline_are_used():
    result = assess([(2018, 121)], targets=[(2017, 110), (2020, 150)], baselines=[(2016, 100), (2017, 105)])
    assert result.start == (2016, 100.0)
    assert result.target == (2020, 150.0)
    assert result.ratio == pytest.approx((1.21 ** 0.5 - 1) / (1.5 ** 0.25 - 1))


def test_nan_and_none_years_are_not_stated():
    result = assess([(float("nan"), 5), (2016, 10), (2018, 14.4)], targets=[(2020, 20.736)])
    # 10 -> 14.4 over 2 years: 20 %; 10 -> 20.736 over 4 years: 20 %
    assert result.ratio == pytest.approx(1.0)
    assert result.status == "on_track"


@pytest.mark.parametrize("ratio, status", [
    (1.4, "on_track"), (0.95, "on_track"), (0.9499, "moderate"), (0.6, "moderate"),
    (0.5999, "off_track"), (0.0, "off_track"), (-2.0, "off_track"),
])
def test_thresholds(ratio, status):
    assert classify(ratio) == status


def test_assess_rows_reads_stacked_summary_rows():
    rows = [
        {"kind": "baseline", "year": 2015, "value": 100},
        {"kind": "actual", "year": 2018, "value": 133.1},
        {"kind": "target", "year": 2020, "value": 161.051},
        {"kind": "estimate", "year": 2020, "value": 999},  # never part of progress
    ]
    assert assess_rows(rows).ratio == pytest.approx(1.0)


def test_every_status_and_reason_is_documented():
    import indicators.progress as module

    for status in STATUSES:
        assert status in module.__doc__
    assert set(REASONS) >= {"no_target", "no_actual", "one_point", "target_year", "target_before_start",
                            "reached", "growth"}
    assert not math.isnan(assess([(2016, 1), (2018, 2)], targets=[(2020, 4)]).ratio)
