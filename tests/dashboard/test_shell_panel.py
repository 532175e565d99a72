"""The filter panel is rendered already showing the URL's filter with its options (a Dash 4 dropdown
drops any value missing from its options, which used to clear the URL on page load), the year marks
never crowd, and the language switch and navigation are marked for translation."""

from __future__ import annotations

import pytest

from indicators.config import Settings


@pytest.fixture
def on_seed(sqlite_seeded_url):
    from dashboard import data

    data.configure(Settings(database_url=sqlite_seeded_url))
    data.cache._items.clear()
    yield
    data.configure(Settings.from_env())
    data.cache._items.clear()


def _controls(panel) -> dict:
    found = {}

    def walk(node):
        if hasattr(node, "id") and isinstance(getattr(node, "id", None), str):
            found[node.id] = node
        children = getattr(node, "children", None)
        for child in children if isinstance(children, list) else [children]:
            if child is not None and not isinstance(child, str):
                walk(child)

    walk(panel)
    return found


def test_panel_shows_the_url_filter_with_its_options(on_seed):
    from dashboard import data, ids, shell
    from dashboard.callbacks.shell import panel_values

    filters = data.parse_filters({"programme": "TRANSFORM", "region": "africa", "year_from": "2017",
                                  "year_to": "2018", "sdg": "8,8.3", "lang": "zh"})
    controls = _controls(shell.filter_panel("zh", panel_values(filters)))
    programme = controls[ids.FILTER_PROGRAMME]
    assert programme.value == ["TRANSFORM"]
    assert "TRANSFORM" in {o["value"] for o in programme.options}
    assert controls[ids.FILTER_REGION].value == ["africa"]
    assert controls[ids.FILTER_SDG_GOAL].value == ["8"] and controls[ids.FILTER_SDG_TARGET].value == ["8.3"]
    assert {o["value"] for o in controls[ids.FILTER_SDG_TARGET].options} >= {"8.3"}
    years = controls[ids.FILTER_YEARS]
    assert years.value == [2017, 2018] and years.min <= 2017 and years.max >= 2018 and years.marks


def test_panel_without_a_filter_spans_the_data_years(on_seed):
    from dashboard import data, ids, shell
    from dashboard.callbacks.shell import panel_values
    from dashboard.filter_options import year_bounds

    controls = _controls(shell.filter_panel("en", panel_values(data.parse_filters({}))))
    assert controls[ids.FILTER_PROGRAMME].value == []
    assert controls[ids.FILTER_YEARS].value == list(year_bounds())


@pytest.mark.parametrize("low, high", [(2009, 2018), (2009, 2019), (2017, 2018), (2018, 2018), (2000, 2020)])
def test_year_marks_never_sit_side_by_side(low, high):
    from dashboard.callbacks.shell import year_marks

    years = sorted(year_marks(low, high))
    assert years[0] == low and years[-1] == high
    if len(years) > 2:
        assert all(b - a >= 2 for a, b in zip(years, years[1:]))
