"""Browser tests of the overview `/` and the programme page on the seeded app: no console error and
no request outside the app; the cards show the seed's figures with their qualifier words, period
and sources; the programme filter updates cards and URL; the indicator selector writes the URL;
a programme page shows its SDG tiles in the goals' colours; screenshots at 1366x768."""

from __future__ import annotations

import pytest
from selenium.common.exceptions import StaleElementReferenceException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.e2e.conftest import console_errors, outside_requests, save_screenshot, wait_for_graphs

pytestmark = pytest.mark.browser


def open_page(served, path: str, *, ready: str, name: str | None = None):
    served.driver.set_window_size(1366, 768)
    served.driver.get(served.server_url + path)
    served.wait_for_element(ready, timeout=30)
    wait_for_graphs(served, timeout=30)
    if name:
        save_screenshot(served, name)


def assert_clean(served):
    assert console_errors(served) == []
    assert outside_requests(served) == []


def choose(served, dropdown_id: str, search: str, option_text: str) -> None:
    """Opens a Dash dropdown, searches and clicks the option whose text contains `option_text`."""
    served.driver.find_element(By.ID, dropdown_id).click()
    box = served.wait_for_element(".dash-dropdown-content input.dash-dropdown-search", timeout=10)
    box.send_keys(search)
    served._wait_for(lambda d: [o for o in d.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option")
                                if option_text in o.text], timeout=10, msg=f"no option {option_text!r}")
    option = [o for o in served.driver.find_elements(By.CSS_SELECTOR, ".dash-dropdown-option")
              if option_text in o.text][0]
    option.click()
    try:  # a multi-select stays open; a single select closes (and the page may re-render)
        box.send_keys(Keys.ESCAPE)
    except StaleElementReferenceException:
        pass


def card(served, key: str):
    return served.driver.find_element(By.ID, f"overview-card-{key}")


def primary_value(served, key: str) -> str:
    return card(served, key).find_element(By.CSS_SELECTOR, ".card-figure.primary").get_attribute("data-value")


def test_overview_cards_show_the_seed_figures(served):
    open_page(served, "/", ready="#overview-card-academies", name="overview")
    participants = card(served, "participants")
    text = participants.text
    # about 250 participants, 2017-2018; 23 trainers beside them, never added
    assert "about 250" in text and "2017–2018" in text
    assert "23" in text and "Trainers trained" in text
    assert "273" not in text
    figures = participants.find_elements(By.CSS_SELECTOR, ".card-figure")
    assert [f.get_attribute("data-value") for f in figures] == ["250", "23"]
    # academies: 9 held, the planned 10th beside it, and the difference the sources show
    academies = card(served, "academies").text
    assert primary_value(served, "academies") == "9"
    assert "9 held, 8 named in the sources" in academies
    assert "Planned" in academies
    # jobs: no actual figure; the potential is labelled as such, not added
    jobs = card(served, "jobs")
    kinds = [f.get_attribute("data-kind") for f in jobs.find_elements(By.CSS_SELECTOR, ".card-figure")]
    assert kinds == ["actual", "estimate"]
    assert "No figure reported" in jobs.text and "260,000" in jobs.text
    # countries reached: a distinct count, with the note on counts stated without names
    assert int(primary_value(served, "countries")) >= 19
    assert "without naming the countries" in card(served, "countries").text
    assert_clean(served)


def test_card_sources_show_the_quote_with_the_figure_marked(served):
    open_page(served, "/", ready="#overview-card-participants")
    panel = card(served, "participants").find_element(By.CSS_SELECTOR, "details.source-panel")
    panel.find_element(By.CSS_SELECTOR, "summary").click()
    marks = [m.text for m in panel.find_elements(By.CSS_SELECTOR, "mark")]
    assert "约 250" in marks and "23" in marks
    assert "003_2e8176e59af46d66.txt" in panel.text
    assert "Between 2017 and 2018" in panel.text  # the English rendering


def test_charts_have_titles_source_lines_and_undated_list(served):
    open_page(served, "/?indicator=academies_held", ready="#overview-trend .main-svg")
    served._wait_for(lambda d: "Academies held" in d.find_element(By.ID, "overview-trend").text, timeout=20,
                     msg="trend title missing")
    trend = served.driver.find_element(By.ID, "overview-trend").text
    assert "Sources: 2 documents" in trend or "Source: ILO" in trend
    undated = served.driver.find_element(By.ID, "overview-trend-undated").text
    assert "Year not stated" in undated
    by_sdg = served.driver.find_element(By.ID, "overview-by-sdg").text
    assert "8.3" in by_sdg and "17.9" in by_sdg
    notes = served.driver.find_element(By.ID, "overview-breakdown-notes").text
    assert "do not add up to the total" in notes
    assert_clean(served)


def test_programme_filter_updates_cards_and_url(served):
    open_page(served, "/", ready="#overview-card-academies")
    assert primary_value(served, "academies") == "9"
    choose(served, "filter-programme", "TRANSFORM", "(TRANSFORM)")
    served._wait_for(lambda d: "programme=TRANSFORM" in d.current_url, timeout=15, msg="URL not updated")
    served._wait_for(lambda d: d.find_elements(By.ID, "overview-card-academies")
                     and "No figure reported" in d.find_element(By.ID, "overview-card-academies").text,
                     timeout=20, msg="academies card not updated")
    wait_for_graphs(served, timeout=30)
    assert "about 250" in card(served, "participants").text
    assert "260,000" not in card(served, "jobs").text  # not a TRANSFORM figure
    assert_clean(served)


def test_indicator_selector_writes_the_url_and_keeps_other_parameters(served):
    open_page(served, "/?programme=TRANSFORM", ready="#overview-card-participants")
    choose(served, "overview-indicator", "Trainers", "Trainers trained")
    served._wait_for(lambda d: "indicator=trainers_trained" in d.current_url, timeout=15, msg="URL not updated")
    assert "programme=TRANSFORM" in served.driver.current_url
    served._wait_for(lambda d: "Trainers trained" in d.find_element(By.ID, "overview-trend").text, timeout=20,
                     msg="trend not redrawn")
    wait_for_graphs(served, timeout=30)
    assert_clean(served)


def test_overview_in_chinese(served):
    open_page(served, "/?lang=zh", ready="#overview-card-participants", name="overview-zh")
    text = card(served, "participants").text
    assert "受训学员人数" in text  # the indicator's name from the data, in Chinese
    assert "250" in text
    assert_clean(served)


def test_programme_page_shows_sdg_tiles_and_indicator_charts(served):
    open_page(served, "/programmes/TRANSFORM", ready=".target-tile", name="programme-transform")
    tiles = served.driver.find_elements(By.CSS_SELECTOR, ".target-tile-item")
    assert [t.get_attribute("data-target") for t in tiles] == ["1.3", "3.8", "5.4", "8.5", "10.4"]
    tile = served.driver.find_element(By.CSS_SELECTOR, "[data-target='8.5'] .target-tile")
    assert tile.value_of_css_property("background-color") in ("rgba(162, 25, 66, 1)", "rgb(162, 25, 66)")
    assert tile.value_of_css_property("color") in ("rgba(255, 255, 255, 1)", "rgb(255, 255, 255)")
    assert "Target 8.5" in tile.get_attribute("title")
    page = served.driver.find_element(By.ID, "main").text
    assert "2015–2020" in page and "Ongoing" in page
    assert "Irish Aid" in page
    served.wait_for_element(".indicator-block", timeout=30)
    wait_for_graphs(served, timeout=30)
    blocks = served.driver.find_elements(By.CSS_SELECTOR, ".indicator-block")
    assert {b.get_attribute("data-indicator") for b in blocks} >= {"participants_trained", "trainers_trained"}
    # no target in the sources: said so, in words beside the colour and arrow
    assert "No target stated" in served.driver.find_element(By.CSS_SELECTOR, ".progress-status").text
    assert_clean(served)


def test_open_ended_programme_period(served):
    open_page(served, "/programmes/SSE-ACADEMY", ready=".target-tile")
    assert "ongoing, no end date" in served.driver.find_element(By.ID, "main").text


def test_unknown_programme_is_a_clear_not_found(served):
    open_page(served, "/programmes/NO-SUCH", ready=".not-found")
    text = served.driver.find_element(By.CSS_SELECTOR, ".not-found").text
    assert "Programme not found" in text and "NO-SUCH" in text
    link = served.driver.find_element(By.CSS_SELECTOR, ".not-found a")
    assert link.get_attribute("href").rstrip("/").endswith(served.server_url.rstrip("/").split("//")[1]) or \
        link.get_attribute("href").endswith("/")
    assert_clean(served)
