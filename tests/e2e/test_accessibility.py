"""Every page in headless Chromium, in English and Chinese: no console error, no request outside the app,
no axe-core violation of impact serious or critical; by keyboard, Tab reaches the skip link, the
navigation and the filter controls, each with a visible focus ring.

The pages are the paths the design names plus every page registered in dash.page_registry (a path
template like /programmes/<code> is opened with an example value)."""

from __future__ import annotations

import re

import dash
import pytest
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.keys import Keys

from tests.e2e.conftest import axe_violations, console_errors, outside_requests, save_screenshot, wait_for_page

pytestmark = pytest.mark.browser

PATHS = ("/", "/sdg", "/map", "/data", "/sources", "/api", "/programmes/TRANSFORM")
EXAMPLES = {"code": "TRANSFORM", "chart": "overview-trend"}  # values for path templates


def registered_paths() -> list[str]:
    """Paths of the registered pages (create_app must have run), templates filled with EXAMPLES."""
    paths = []
    for page in dash.page_registry.values():
        template = page.get("path_template")
        path = page["path"]
        if template:
            path = re.sub(r"<([^>]+)>", lambda m: EXAMPLES.get(m.group(1), "example"), template)
        paths.append(path)
    return paths


def check_page(dash_duo, path: str) -> list[str]:
    """Opens `path` and returns what is wrong with it (empty when it passes)."""
    dash_duo.driver.get(dash_duo.server_url + path)
    wait_for_page(dash_duo)
    problems = [f"console error: {e[:400]}" for e in console_errors(dash_duo)]
    problems += [f"request outside the app: {u}" for u in outside_requests(dash_duo)]
    for violation in axe_violations(dash_duo):
        problems.append(f"axe {violation['impact']} {violation['id']} ({violation['help']}): "
                        + " | ".join(violation["nodes"]))
    return problems


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", PATHS)
def test_page_is_accessible(served, path, lang):
    problems = check_page(served, path + ("?lang=zh" if lang == "zh" else ""))
    save_screenshot(served, "page" + (path.replace("/", "-") if path != "/" else "-overview") + f"-{lang}")
    assert not problems, f"{path} ({lang}):\n" + "\n".join(problems)


def test_every_registered_page_is_accessible(served):
    others = [p for p in dict.fromkeys(registered_paths()) if p not in PATHS]
    problems = []
    for path in others:
        problems += [f"{path}: {p}" for p in check_page(served, path)]
    assert not problems, "\n".join(problems)


def test_the_shared_paths_are_registered_pages(served):
    """The design's pages exist (a path still missing shows the not-found page, which is checked too)."""
    registered = set(registered_paths())
    assert {"/", "/data"} <= registered


# --- keyboard ------------------------------------------------------------------------------------------
def focused(dash_duo) -> dict:
    return dash_duo.driver.execute_script(
        """const e = document.activeElement; const s = getComputedStyle(e);
        return {tag: e.tagName, id: e.id, cls: String(e.className || ""), text: (e.innerText || e.value || "").trim().slice(0, 40),
                role: e.getAttribute("role"), nav: !!e.closest("#app-nav"), panel: !!e.closest("#filter-panel"),
                skip: e.classList.contains("skip-link"), lang: !!e.closest("#lang-switch"),
                ring: s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2 || s.boxShadow !== "none"};""")


def tab_through(dash_duo, presses: int = 40) -> list[dict]:
    """Tab from the top of a freshly loaded page (nothing clicked), recording each stop."""
    stops = []
    for _ in range(presses):
        ActionChains(dash_duo.driver).send_keys(Keys.TAB).perform()
        stops.append(focused(dash_duo))
    return stops


@pytest.mark.parametrize("path", ["/", "/data"])
def test_keyboard_reaches_the_navigation_and_the_filters(served, path):
    dash_duo = served
    dash_duo.driver.get(dash_duo.server_url + path)
    wait_for_page(dash_duo)
    stops = tab_through(dash_duo)
    assert stops[0]["skip"], f"the first Tab stop is not the skip link: {stops[0]}"
    nav = [s for s in stops if s["nav"]]
    assert len(nav) >= 4, f"Tab reached {len(nav)} navigation links: {stops}"
    panel = [s for s in stops if s["panel"]]
    dropdowns = [s for s in panel if "dash-dropdown" in s["cls"]]
    assert [s["id"] for s in dropdowns][:5] == ["filter-programme", "filter-sdg-goal", "filter-sdg-target",
                                                "filter-region", "filter-country"], \
        f"Tab did not reach each filter dropdown once, in order: {panel}"
    assert any(s["role"] == "slider" for s in panel), f"Tab never reached the year slider: {stops}"
    assert any(s["text"] and s["tag"] == "BUTTON" for s in panel), f"Tab never reached the reset button: {stops}"
    # order: skip link, navigation, language switch, then the filters
    first_panel = next(i for i, s in enumerate(stops) if s["panel"])
    assert max(i for i, s in enumerate(stops) if s["nav"]) < first_panel
    # every stop of the frame shows where the focus is
    for stop in stops[:first_panel]:
        assert stop["ring"], f"no visible focus ring on {stop}"


def test_skip_link_moves_focus_to_the_content(served):
    dash_duo = served
    dash_duo.driver.get(dash_duo.server_url + "/data")
    wait_for_page(dash_duo)
    stops = tab_through(dash_duo, presses=1)
    assert stops[0]["skip"]
    ActionChains(dash_duo.driver).send_keys(Keys.ENTER).perform()
    dash_duo._wait_for(lambda d: d.execute_script("return document.activeElement.id === 'main' || "
                                                  "!!document.activeElement.closest('#main')"),
                       timeout=5, msg="the skip link did not move the focus to the content")
