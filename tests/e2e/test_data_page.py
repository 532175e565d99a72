"""The data page in headless Chromium: the grid shows the filter's observations with the figure marked in
each quote, sorts by value, reproduces a filtered view from its URL, and downloads the same bytes as
the command-line export; screenshots in English and Chinese."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest
from selenium.webdriver.common.by import By

from indicators.config import PROJECT_ROOT
from indicators.db import get_engine
from indicators.filters import FilterState
from indicators import repository as repo
from tests.e2e.conftest import console_errors, outside_requests, requested_urls, save_screenshot

pytestmark = pytest.mark.browser

ROWS = ".data-grid .ag-center-cols-container .ag-row"


def expected_ids(url: str, **filters) -> list[str]:
    return list(repo.observations(get_engine(url), FilterState(**filters))["id"])


def open_data(dash_duo, query: str = "") -> None:
    dash_duo.driver.get(f"{dash_duo.server_url}/data{query}")
    dash_duo.wait_for_element(".data-grid .ag-root", timeout=20)
    dash_duo._wait_for(lambda d: d.execute_script(
        "var s = document.getElementById('data-status'); return s && s.textContent.trim().length > 0"),
        timeout=20, msg="the status line was never filled")


def grid_ids(dash_duo) -> list[str]:
    """Row ids in display order (ensureDomOrder keeps the DOM in that order)."""
    return dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll(arguments[0])).map(r => r.getAttribute('row-id'))", ROWS)


def cell_text(dash_duo, row_id: str, column: str) -> str:
    return dash_duo.driver.execute_script(
        "var r = document.querySelector(`.data-grid .ag-center-cols-container .ag-row[row-id=\"${arguments[0]}\"]`);"
        "var c = r && r.querySelector(`[col-id=\"${arguments[1]}\"]`); return c ? c.innerText.trim() : null;",
        row_id, column)


def show_quotes(dash_duo) -> None:
    """Scrolls the page to the grid and the grid to its quote columns (for the screenshots)."""
    dash_duo.driver.execute_script(
        "const grid = document.querySelector('.data-grid');"
        "const quote = grid.querySelector('.ag-header-cell[col-id=source_section]');"
        "const scroller = grid.querySelector('.ag-body-horizontal-scroll-viewport');"
        "scroller.scrollLeft = quote.offsetLeft || parseFloat(quote.style.left) || 0;"
        "scroller.dispatchEvent(new Event('scroll'));"
        "window.scrollTo(0, grid.getBoundingClientRect().top + window.scrollY - 8);")
    time.sleep(0.5)


def wait_rows(dash_duo, count: int) -> None:
    dash_duo._wait_for(lambda d: len(grid_ids(dash_duo)) == count, timeout=20,
                       msg=f"the grid never showed {count} rows (showed {len(grid_ids(dash_duo))})")


def test_grid_shows_every_observation_with_its_quote(served, sqlite_seeded_url):
    dash_duo = served
    open_data(dash_duo)
    expected = expected_ids(sqlite_seeded_url)
    wait_rows(dash_duo, len(expected))
    assert grid_ids(dash_duo) == expected  # ordered by id, as the export
    frame = repo.observations(get_engine(sqlite_seeded_url), FilterState()).set_index("id")
    for row_id, record in frame.iterrows():
        figure = dash_duo.driver.execute_script(
            "var r = document.querySelector(`.data-grid .ag-row[row-id=\"${arguments[0]}\"] [col-id=source_quote] mark`);"
            "return r ? r.textContent : null;", row_id)
        assert figure == record["source_figure"], row_id
    # the value shows its qualifier words; an empty year reads "not stated"
    approx = frame[frame["qualifier"] == "approx"].index[0]
    assert cell_text(dash_duo, approx, "value").startswith("about ")
    undated = frame[frame["year_start"].isna()].index[0]
    assert cell_text(dash_duo, undated, "year_start") == "not stated"
    assert dash_duo.find_element("#data-status").text == f"{len(expected)} observations"
    assert console_errors(dash_duo) == []
    # the grid's scripts come from the app itself (serve_locally), nothing from a CDN
    urls = requested_urls(dash_duo)
    assert any(urlparse(u).netloc == urlparse(dash_duo.server_url).netloc and "/dash_ag_grid/" in u for u in urls)
    assert outside_requests(dash_duo) == []
    save_screenshot(dash_duo, "data")
    show_quotes(dash_duo)
    save_screenshot(dash_duo, "data-quotes")


def test_sorting_by_value(served, sqlite_seeded_url):
    dash_duo = served
    open_data(dash_duo)
    frame = repo.observations(get_engine(sqlite_seeded_url), FilterState()).set_index("id")
    wait_rows(dash_duo, len(frame))
    header = dash_duo.find_element(".data-grid .ag-header-cell[col-id=value] .ag-header-cell-label")
    header.click()
    dash_duo._wait_for(lambda d: [frame.loc[i, "value"] for i in grid_ids(dash_duo)]
                       == sorted(frame["value"]), timeout=10, msg="not sorted ascending by value")
    header.click()
    dash_duo._wait_for(lambda d: [frame.loc[i, "value"] for i in grid_ids(dash_duo)]
                       == sorted(frame["value"], reverse=True), timeout=10, msg="not sorted descending by value")
    sort = dash_duo.find_element(".data-grid .ag-header-cell[col-id=value]").get_attribute("aria-sort")
    assert sort == "descending"


def test_url_filter_reproduces_the_rows(served, sqlite_seeded_url):
    dash_duo = served
    open_data(dash_duo, "?programme=TRANSFORM&year_from=2017&year_to=2018")
    expected = expected_ids(sqlite_seeded_url, programme=("TRANSFORM",), year_from=2017, year_to=2018)
    assert expected and len(expected) < len(expected_ids(sqlite_seeded_url))
    wait_rows(dash_duo, len(expected))
    assert grid_ids(dash_duo) == expected
    # the filter panel shows the same filter
    dash_duo._wait_for(lambda d: "TRANSFORM" in d.find_element(By.ID, "filter-programme").text, timeout=10,
                       msg="the programme filter does not show TRANSFORM")
    # a filter chosen in the panel changes the URL and the rows
    dash_duo.driver.get(f"{dash_duo.server_url}/data?region=africa")
    expected = expected_ids(sqlite_seeded_url, region=("africa",))
    wait_rows(dash_duo, len(expected))
    assert grid_ids(dash_duo) == expected


def _cli_export(url: str, *args: str) -> bytes:
    env = {**os.environ, "DATABASE_URL": url}
    return subprocess.run([sys.executable, "-m", "indicators", "export", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, check=True).stdout


def _downloaded(dash_duo, name: str, timeout: float = 15) -> bytes:
    path = Path(dash_duo.download_path) / name
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and not Path(str(path) + ".crdownload").exists() and path.stat().st_size:
            return path.read_bytes()
        time.sleep(0.2)
    raise AssertionError(f"{name} was not downloaded; found {os.listdir(dash_duo.download_path)}")


def test_csv_and_xlsx_downloads_equal_the_cli_export(served, sqlite_seeded_url):
    dash_duo = served
    open_data(dash_duo, "?programme=TRANSFORM")
    wait_rows(dash_duo, len(expected_ids(sqlite_seeded_url, programme=("TRANSFORM",))))
    dash_duo.find_element("#data-download-csv").click()
    assert _downloaded(dash_duo, "observations-programme-TRANSFORM.csv") == _cli_export(
        sqlite_seeded_url, "--programme", "TRANSFORM")
    dash_duo.find_element("#data-download-xlsx").click()
    assert _downloaded(dash_duo, "observations-programme-TRANSFORM.xlsx") == _cli_export(
        sqlite_seeded_url, "--programme", "TRANSFORM", "--format", "xlsx")
    assert console_errors(dash_duo) == []


def test_chinese_page(served, sqlite_seeded_url):
    dash_duo = served
    open_data(dash_duo, "?lang=zh")
    expected = expected_ids(sqlite_seeded_url)
    wait_rows(dash_duo, len(expected))
    headers = dash_duo.driver.execute_script(
        "return Array.from(document.querySelectorAll('.data-grid .ag-header-cell-text')).map(h => h.textContent)")
    assert "方案/项目" in headers and "数值" in headers
    frame = repo.observations(get_engine(sqlite_seeded_url), FilterState()).set_index("id")
    undated = frame[frame["year_start"].isna()].index[0]
    assert cell_text(dash_duo, undated, "year_start") == "未说明"
    approx = frame[frame["qualifier"] == "approx"].index[0]
    assert cell_text(dash_duo, approx, "value").startswith("约")
    assert dash_duo.find_element("#data-status").text == f"{len(expected)} 条观测数据"
    assert dash_duo.driver.execute_script("return document.documentElement.lang") == "zh-Hans"
    # Chinese is drawn with a CJK font, not as boxes: the page's Noto Sans SC face is available
    assert dash_duo.driver.execute_script("return document.fonts.check('16px \"Noto Sans SC\"', '数据')")
    subset = PROJECT_ROOT / "assets" / "fonts" / "NotoSansSC-subset.woff2"
    if subset.exists():  # the web font served by the app loads and parses (browsers without CJK fonts use it)
        status = dash_duo.driver.execute_async_script(
            "const done = arguments[arguments.length - 1];"
            "new FontFace('SubsetCheck', 'url(/assets/fonts/NotoSansSC-subset.woff2)').load()"
            ".then(f => done(f.status), e => done(String(e)));")
        assert status == "loaded"
    assert console_errors(dash_duo) == []
    assert outside_requests(dash_duo) == []
    save_screenshot(dash_duo, "data-zh")
    show_quotes(dash_duo)
    save_screenshot(dash_duo, "data-zh-quotes")
