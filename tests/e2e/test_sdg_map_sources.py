"""Browser tests of the SDG explorer, the map and the sources page on the seeded app: each loads with
no console error and no request outside the app, the map draws its countries from the local
topology, `?sdg=8.3` lists exactly the programmes tagged 8.3, quotes mark their figures."""

from __future__ import annotations

from urllib.parse import urlparse

import pytest
from selenium.common.exceptions import InvalidArgumentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.e2e.conftest import console_errors, outside_requests, save_screenshot, wait_for_graphs

pytestmark = pytest.mark.browser


def open_page(served, path: str, name: str | None = None, *, ready: str | None = None, content: str = "h1"):
    """Opens `path` at 1366x768 and waits for it; with `name`, saves a screenshot of the top of the page
    and one scrolled to `content` (the part under the header and filter panel)."""
    served.driver.set_window_size(1366, 768)
    served.driver.get(served.server_url + path)
    if ready:
        served.wait_for_element(ready, timeout=20)
    if not path.startswith("/sources"):  # wait_for_graphs passes while no graph is mounted yet
        served.wait_for_element(".js-plotly-plot .main-svg", timeout=20)
    wait_for_graphs(served)
    if name:
        save_screenshot(served, name)
        served.driver.execute_script("document.querySelector(arguments[0]).scrollIntoView({block: 'start'})", content)
        save_screenshot(served, f"{name}-content")
        served.driver.execute_script("window.scrollTo(0, 0)")


def requests_outside(served) -> list[str]:
    """outside_requests(), or, where the performance log is off (dash_duo replaces the driver's
    goog:loggingPrefs), every resource the page loaded by the Resource Timing API."""
    try:
        return outside_requests(served)
    except InvalidArgumentException:
        own = urlparse(served.server_url).netloc
        urls = served.driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href])")
        return [u for u in urls if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).netloc != own]


def assert_clean(served):
    assert console_errors(served) == []
    assert requests_outside(served) == []


def programme_codes(served) -> set[str]:
    cards = served.driver.find_elements(By.CSS_SELECTOR, "#sdg-programme-list .programme-card-item")
    return {card.get_attribute("data-code") for card in cards}


def test_sdg_page_lists_the_goals_in_their_colours(served):
    open_page(served, "/sdg", "sdg", ready=".sdg-tile", content=".sdg-tiles-nav")
    tiles = served.driver.find_elements(By.CSS_SELECTOR, ".sdg-tile")
    assert len(tiles) == 17
    # goal 8's tile: official colour from the database, white text, a count of programmes tagged
    tile = served.driver.find_element(By.ID, "sdg-tile-8")
    assert tile.value_of_css_property("background-color") in ("rgba(162, 25, 66, 1)", "rgb(162, 25, 66)")
    assert tile.value_of_css_property("color") in ("rgba(255, 255, 255, 1)", "rgb(255, 255, 255)")
    assert "2 programme" in tile.text or "3 programme" in tile.text
    assert served.driver.find_elements(By.CSS_SELECTOR, "#sdg-grid .main-svg")
    assert_clean(served)


def test_sdg_target_lists_exactly_the_programmes_tagged(served):
    open_page(served, "/sdg?sdg=8.3", "sdg-8.3", ready="#sdg-programme-list", content=".sdg-detail")
    assert programme_codes(served) == {"SSE-ACADEMY", "PAGE-KGZ-MNG"}
    text = served.driver.find_element(By.ID, "sdg-detail").text
    assert "do not add up" in text
    # figures of the tagged programmes, with qualifier words where the source has them
    tables = served.driver.find_elements(By.CSS_SELECTOR, ".sdg-figure-table")
    assert tables
    assert "TRANSFORM" not in " ".join(t.text for t in tables)
    assert_clean(served)


def test_choosing_a_goal_by_keyboard_writes_the_url(served):
    open_page(served, "/sdg", ready="#sdg-tile-17")
    tile = served.driver.find_element(By.ID, "sdg-tile-17")
    tile.send_keys(Keys.ENTER)
    served.wait_for_element("#sdg-programme-list", timeout=20)
    served._wait_for(lambda d: "sdg=17" in d.current_url, timeout=10, msg="sdg=17 not in the URL")
    wait_for_graphs(served)
    assert programme_codes(served) == {"SSE-ACADEMY", "PAGE-KGZ-MNG"}
    # the filter panel shows the same choice
    panel = served.driver.find_element(By.ID, "filter-sdg-goal").text
    assert "17" in panel
    assert_clean(served)


def test_map_draws_countries_and_events_from_the_local_topology(served):
    open_page(served, "/map", "map", ready="#map-countries table", content="#map-graph")
    served._wait_for(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#map-graph path.choroplethlocation")) > 0,
                     timeout=20, msg="no country drawn")
    countries = served.driver.find_elements(By.CSS_SELECTOR, "#map-graph path.choroplethlocation")
    assert len(countries) >= 20
    # the base map itself (land and borders) is drawn, not just the data layer
    assert served.driver.find_elements(By.CSS_SELECTOR, "#map-graph .layer.land path, #map-graph path.land")
    # event and small-state markers
    assert len(served.driver.find_elements(By.CSS_SELECTOR, "#map-graph .scattergeo path.point")) >= 8
    text = served.driver.find_element(By.ID, "map-graph").text
    assert "do not imply official endorsement" in text
    topology = [u for u in served.driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)") if "topojson" in u]
    assert topology and all("/assets/topojson/world_50m.json" in u for u in topology)
    assert_clean(served)


def test_map_country_details_by_keyboard(served):
    open_page(served, "/map", ready="#map-countries table")
    button = served.driver.find_element(By.CSS_SELECTOR, "button[data-iso3='LUX']")
    button.send_keys(Keys.ENTER)
    served._wait_for(lambda d: "SSE-ACADEMY" in d.find_element(By.ID, "map-detail").text, timeout=15,
                     msg="no details for Luxembourg")
    assert "Luxembourg" in served.driver.find_element(By.ID, "map-detail").text
    assert_clean(served)


def test_map_in_chinese(served):
    open_page(served, "/map?lang=zh", "map-zh", ready="#map-countries table", content="#map-graph")
    served._wait_for(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#map-graph path.choroplethlocation")) > 0,
                     timeout=20, msg="no country drawn")
    assert "卢森堡" in served.driver.find_element(By.ID, "map-countries").text
    assert_clean(served)


def test_sources_mark_the_figure_in_the_quote(served):
    open_page(served, "/sources", "sources", ready=".quote-original mark", content=".sources-summary")
    marks = served.driver.find_elements(By.CSS_SELECTOR, ".quote-original mark")
    texts = {m.text for m in marks}
    assert "约 250" in texts and "23" in texts
    # every figure row is an anchor other pages link to
    row = served.driver.find_element(By.ID, "obs-transform-tot-2017-trainers")
    assert "23" in row.text
    assert_clean(served)


def test_sources_link_to_a_figure_scrolls_to_it(served):
    open_page(served, "/sources#obs-transform-tot-2017-trainers", ready="#obs-transform-tot-2017-trainers")
    served._wait_for(lambda d: "is-target" in d.find_element(By.ID, "obs-transform-tot-2017-trainers")
                     .get_attribute("class"), timeout=10, msg="the linked figure is not highlighted")
    assert_clean(served)


@pytest.mark.parametrize("path", ["/sdg", "/sdg?sdg=8.3", "/map", "/sources", "/map?lang=zh"])
def test_no_serious_accessibility_violation(served, path):
    from tests.e2e.conftest import axe_violations

    open_page(served, path, ready="#_pages_content > *")
    served._wait_for(lambda d: d.find_elements(By.CSS_SELECTOR, ".sdg-tile, #map-countries table, .source-doc"),
                     timeout=20, msg="page content not rendered")
    wait_for_graphs(served)
    # the page's own content (the shell's filter panel is checked with the shell)
    violations = axe_violations(served, context='"#_pages_content"')
    assert violations == [], "\n".join(f"{v['id']}: {v['nodes']}" for v in violations)


def test_svg_export_button_runs_without_error(served):
    open_page(served, "/map", ready="#map-graph .main-svg")
    served._wait_for(lambda d: d.execute_script("return !!window.Plotly"), timeout=10, msg="plotly.js not loaded")
    # the download itself is plotly's; here it is recorded instead of saved
    served.driver.execute_script("window.__downloads = [];"
                                 "window.Plotly.downloadImage = (g, o) => { window.__downloads.push(o); return Promise.resolve(); };")
    served.driver.find_element(By.CSS_SELECTOR, "button.button-secondary[title*='SVG']").click()
    served._wait_for(lambda d: d.execute_script("return window.__downloads.length") == 1, timeout=10,
                     msg="the SVG export did not start")
    options = served.driver.execute_script("return window.__downloads[0]")
    assert options["format"] == "svg" and options["filename"] == "map-countries-reached-en"
    assert_clean(served)
