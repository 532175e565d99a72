"""The data page without a browser: grid rows and columns from the section-2 frame, value labels with
qualifier words, "not stated" years, names in the page language, the row limit with its notice, the
filter notes, and downloads equal to the command-line export."""

from __future__ import annotations

import base64
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from indicators.config import PROJECT_ROOT, Settings
from indicators.records import OBSERVATION_FIELDS

FIXTURE_SEED_DIR = PROJECT_ROOT / "tests" / "fixtures" / "aggregation_seed"


def _use(url: str):
    from dashboard import data

    data.configure(Settings(database_url=url))
    data.cache._items.clear()  # entries are keyed by data version, which two databases can share


@pytest.fixture(scope="module")
def fixture_url(tmp_path_factory):
    """SQLite with the hand-made aggregation fixture (totals, breakdowns, undated rows, a disaggregation)."""
    from indicators.db import get_engine, migrate
    from indicators.seed import load_reference, load_seed

    url = f"sqlite:///{tmp_path_factory.mktemp('data_page') / 'fixture.db'}"
    engine = get_engine(url)
    migrate(engine)
    load_reference(engine)
    load_seed(engine, seed_dir=FIXTURE_SEED_DIR, user="tests")
    return url


@pytest.fixture
def on_fixture(fixture_url):
    _use(fixture_url)
    yield fixture_url
    _use(Settings.from_env().database_url)


@pytest.fixture
def on_seed(sqlite_seeded_url):
    _use(sqlite_seeded_url)
    yield sqlite_seeded_url
    _use(Settings.from_env().database_url)


def _filters(**query):
    from dashboard import data

    return data.parse_filters({k: v for k, v in query.items()})


# --- pure builders ---------------------------------------------------------------------------------
def test_columns_follow_section_2_in_order():
    from dashboard.components.observation_grid import column_defs

    columns = column_defs("en", ["sex"])
    assert [c["colId"] for c in columns] == list(OBSERVATION_FIELDS) + ["dim_sex"]
    assert all(c.get("headerName") for c in columns)
    by_id = {c["colId"]: c for c in columns}
    # names shown, codes in the tooltip
    assert by_id["programme"]["field"] == "programme_name" and by_id["programme"]["tooltipField"] == "programme"
    assert by_id["indicator"]["field"] == "indicator_name"
    # the value sorts and filters as a number and shows the words
    assert by_id["value"]["field"] == "value" and by_id["value"]["filter"] == "agNumberColumnFilter"
    assert "value_label" in by_id["value"]["valueFormatter"]["function"]
    assert by_id["source_quote"]["cellRenderer"] == "SourceQuote"


def test_headers_and_not_stated_in_chinese():
    from dashboard.components.observation_grid import column_defs, grid_options

    by_id = {c["colId"]: c for c in column_defs("zh")}
    assert by_id["programme"]["headerName"] == "方案/项目"
    assert "未说明" in by_id["year_start"]["valueFormatter"]["function"]
    assert "not stated" in {c["colId"]: c for c in column_defs("en")}["year_end"]["valueFormatter"]["function"]
    options = grid_options("zh")
    assert options["pagination"] is True and options["localeText"]["page"] == "页"
    assert grid_options("en")["localeText"] == {"noRowsToShow": "No observation matches these filters."}


@pytest.mark.parametrize("value, qualifier, unit, lang, expected", [
    (250.0, "approx", "people", "en", "about 250"),
    (100_000_000.0, "more_than", "people", "en", "more than 100,000,000"),
    (19.0, "at_least", "countries", "en", "at least 19"),
    (23.0, "exact", "people", "en", "23"),
    (10.0, "approx", "percent", "en", "about 10%"),
    (250.0, "approx", "people", "zh", "约250"),
    (100_000_000.0, "more_than", "people", "zh", "超过100,000,000"),
    (19.0, "at_least", "countries", "zh", "至少19"),
    (2.5, "exact", "people", "en", "2.5"),
])
def test_value_label(value, qualifier, unit, lang, expected):
    from dashboard.components.observation_grid import value_label

    assert value_label(value, qualifier, unit, lang) == expected


def test_rows_keep_numbers_and_codes_and_add_names():
    from dashboard.components.observation_grid import grid_rows

    frame = pd.DataFrame([{
        **{name: None for name in OBSERVATION_FIELDS},
        "id": "x-1", "programme": "TRANSFORM", "indicator": "participants_trained", "unit": "people",
        "kind": "actual", "qualifier": "approx", "value": 250.0, "year_start": 2017.0, "year_end": float("nan"),
        "country": "ZMB", "region": None, "source_quote": "约 250 名", "source_figure": "约 250",
        "disaggregation": {"sex": "female"},
    }])
    [row] = grid_rows(frame, lang="zh", programme_names={"TRANSFORM": "转型"},
                      indicator_names={"participants_trained": "受训学员人数"}, country_names={"ZMB": "赞比亚"})
    assert row["value"] == 250 and isinstance(row["value"], int)
    assert row["year_start"] == 2017 and row["year_end"] is None
    assert row["programme"] == "TRANSFORM" and row["programme_name"] == "转型"
    assert row["indicator_name"] == "受训学员人数" and row["country_name"] == "赞比亚"
    assert row["value_label"] == "约250" and row["kind_name"] == "实际" and row["unit_name"] == "人数"
    assert row["dim_sex"] == "female"


def test_download_name_names_the_filters():
    from dashboard.components.observation_grid import download_name

    assert download_name({}, "csv") == "observations-all.csv"
    assert download_name({"lang": "zh"}, "xlsx") == "observations-all.xlsx"
    assert (download_name({"programme": "TRANSFORM,SSE-ACADEMY", "sdg": "8.3", "year_from": "2017"}, "csv")
            == "observations-programme-TRANSFORM+SSE-ACADEMY_sdg-8.3_year_from-2017.csv")


# --- the view from the database ----------------------------------------------------------------------
def test_table_view_shows_every_observation_of_the_filter(on_fixture):
    from dashboard.callbacks.data import table_view

    view = table_view(_filters())
    assert view["total"] == 15 and len(view["rows"]) == 15 and not view["more"]
    assert view["status"] == "15 observations"
    assert [c["colId"] for c in view["columns"]][-1] == "dim_sex"  # the fixture has a breakdown by sex
    ids_ = [r["id"] for r in view["rows"]]
    assert ids_ == sorted(ids_)
    undated = next(r for r in view["rows"] if r["id"] == "members-undated")
    assert undated["year_start"] is None and undated["value_label"] == "more than 20"
    assert undated["programme_name"] == "—"

    narrowed = table_view(_filters(programme="TEST-B"))
    assert {r["programme"] for r in narrowed["rows"]} == {"TEST-B"}
    assert narrowed["status"] == "2 observations"


def test_row_limit_with_a_notice(on_fixture):
    from dashboard.callbacks.data import table_view

    view = table_view(_filters(), limit=4)
    assert len(view["rows"]) == 4 and view["more"] and view["total"] == 15
    assert "first 4 of 15" in view["status"]
    zh = table_view(_filters(lang="zh"), limit=4)
    assert "15" in zh["status"] and "4" in zh["status"] and "observations" not in zh["status"]


def test_notes_count_rows_left_out_by_year_and_place_filters(on_fixture):
    from dashboard.callbacks.data import table_view

    by_year = table_view(_filters(year_from="2017", year_to="2018"))
    assert all(r["year_start"] is not None for r in by_year["rows"])
    assert any("without a stated year" in note for note in by_year["notes"])
    by_country = table_view(_filters(country="KEN"))
    assert [r["country"] for r in by_country["rows"]] == ["KEN"]
    assert any("neither a country nor an area" in note for note in by_country["notes"])
    assert table_view(_filters())["notes"] == []


def test_names_in_the_page_language(on_seed):
    from dashboard.callbacks.data import table_view

    rows = {r["id"]: r for r in table_view(_filters(lang="zh"))["rows"]}
    row = rows["transform-workshops-2017-2018-practitioners"]
    assert row["indicator_name"] == "受训学员人数"
    assert row["programme_name"].startswith("TRANSFORM - 建立")
    assert row["region_name"] == "非洲" and row["value_label"] == "约250"
    assert row["source_figure"] in row["source_quote"]
    english = {r["id"]: r for r in table_view(_filters())["rows"]}
    assert english["transform-workshops-2017-2018-practitioners"]["region_name"] == "Africa"


def test_layout_builds_in_every_language():
    import dash

    from dashboard import create_app, ids

    app = create_app(Settings(database_url="sqlite://"), initialise=False)  # registers the pages
    page = next(p for p in dash.page_registry.values() if p["path"] == "/data")
    for lang in ("en", "zh", "xx"):
        tree = page["layout"](lang=lang, programme="TRANSFORM")
        assert ids.DATA_GRID in str(tree.to_plotly_json())
    assert app is not None


# --- downloads equal the command-line export ---------------------------------------------------------
def _cli_export(url: str, *args: str) -> bytes:
    env = {**os.environ, "DATABASE_URL": url}
    result = subprocess.run([sys.executable, "-m", "indicators", "export", *args], cwd=PROJECT_ROOT, env=env,
                            capture_output=True, check=True)
    return result.stdout


@pytest.mark.parametrize("search, flags", [
    ("", []),
    ("?programme=TRANSFORM&lang=zh", ["--programme", "TRANSFORM"]),
    ("?region=africa&year_from=2017&year_to=2018", ["--region", "africa", "--year-from", "2017", "--year-to", "2018"]),
])
@pytest.mark.parametrize("fmt", ["csv", "xlsx"])
def test_download_equals_cli_export(on_seed, search, flags, fmt):
    from dashboard.callbacks.data import download

    payload = download(fmt, search)
    content = base64.b64decode(payload["content"]) if payload.get("base64") else payload["content"].encode()
    assert content == _cli_export(on_seed, "--format", fmt, *flags)
    assert payload["filename"].startswith("observations-") and payload["filename"].endswith(f".{fmt}")
    if "programme" in search:
        assert payload["filename"] == f"observations-programme-TRANSFORM.{fmt}"


def test_download_holds_every_row_beyond_the_grid_limit(on_fixture, monkeypatch):
    from dashboard.callbacks import data as page

    monkeypatch.setattr(page, "ROW_LIMIT", 3)
    payload = page.download("csv", "")
    lines = base64.b64decode(payload["content"]).decode().strip().splitlines()
    assert len(lines) == 1 + 15


def test_callbacks_are_registered():
    from dashboard import create_app, ids

    app = create_app(Settings(database_url="sqlite://"), initialise=False)
    outputs = " ".join(app.callback_map)
    assert f"{ids.DATA_GRID}.rowData" in outputs and f"{ids.DATA_DOWNLOAD}.data" in outputs
