"""Browser-test helpers: the app on a seeded SQLite database, checks that a page made no request
outside the app and logged no console error, and screenshots saved as artifacts."""

from __future__ import annotations

import json
import socket
from pathlib import Path
from urllib.parse import urlparse

import pytest

from indicators.config import PROJECT_ROOT, Settings

SCREENSHOT_DIR = PROJECT_ROOT / "artifacts" / "screenshots"
pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def dash_app(sqlite_seeded_url):
    """One app for the browser tests, on its own seeded SQLite database."""
    from dashboard import create_app

    return create_app(Settings(database_url=sqlite_seeded_url))


@pytest.fixture
def served(dash_duo, dash_app):
    """dash_duo with the app started on a free port; yields the driver wrapper."""
    dash_duo.start_server(dash_app, port=free_port())
    return dash_duo


def browser_log(dash_duo) -> list[dict]:
    return dash_duo.driver.get_log("browser")


def console_errors(dash_duo) -> list[str]:
    """SEVERE console entries, ignoring the favicon (none is shipped)."""
    return [e["message"] for e in browser_log(dash_duo)
            if e["level"] == "SEVERE" and "favicon.ico" not in e["message"]]


def requested_urls(dash_duo) -> list[str]:
    """Every URL the browser asked the network for in this test, from Chromium's performance log
    (reading the log empties it: the URLs seen are kept on the driver, so calls can be repeated)."""
    urls = dash_duo.driver.__dict__.setdefault("_requested_urls", [])
    for entry in dash_duo.driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return list(urls)


def outside_requests(dash_duo) -> list[str]:
    """Requests to any host other than the app's own (data: and blob: URLs are local)."""
    own = urlparse(dash_duo.server_url).netloc
    return [u for u in requested_urls(dash_duo)
            if urlparse(u).scheme in ("http", "https", "ws", "wss") and urlparse(u).netloc != own]


def save_screenshot(dash_duo, name: str) -> Path:
    """A 1366x768 screenshot saved under artifacts/screenshots/ (git-ignored)."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    dash_duo.driver.set_window_size(1366, 768)
    path = SCREENSHOT_DIR / f"{name}.png"
    dash_duo.driver.save_screenshot(str(path))
    return path


def wait_for_graphs(dash_duo, timeout: float = 20) -> None:
    """Waits until no Dash loading indicator is shown and every graph has drawn its SVG."""
    dash_duo.wait_for_no_elements("._dash-loading", timeout=timeout) if hasattr(dash_duo, "wait_for_no_elements") else None
    dash_duo._wait_for(
        lambda d: d.execute_script(
            "return Array.from(document.querySelectorAll('.js-plotly-plot')).every("
            "g => g.querySelector('.main-svg')) && !document.querySelector('[data-dash-is-loading=\"true\"]')"),
        timeout=timeout, msg="graphs did not finish drawing")


AXE_SCRIPT = PROJECT_ROOT / "node_modules" / "axe-core" / "axe.min.js"
SERIOUS = ("serious", "critical")


def axe_violations(dash_duo, impacts: tuple[str, ...] = SERIOUS, context: str = "document") -> list[dict]:
    """axe-core's violations on the current page with one of `impacts` ({id, impact, help, nodes}).
    axe runs from node_modules (npm devDependency axe-core), injected by the driver: no request."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT} is missing: run scripts/setup.sh (npm ci installs axe-core)")
    driver = dash_duo.driver
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(AXE_SCRIPT.read_text(encoding="utf-8"))
    driver.set_script_timeout(60)
    result = driver.execute_async_script(
        """const done = arguments[arguments.length - 1];
        axe.run(%s, {resultTypes: ["violations"]})
          .then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,
              nodes: v.nodes.slice(0, 5).map(n => n.target.join(" ") + " :: " + (n.failureSummary || "")
                  .replace(/\\s+/g, " ").slice(0, 300))}))))
          .catch(e => done({error: String(e)}));""" % context)
    if isinstance(result, dict) and "error" in result:
        raise AssertionError(f"axe-core failed: {result['error']}")
    return [v for v in result if v["impact"] in impacts]


def wait_for_page(dash_duo, timeout: float = 20) -> None:
    """Waits until the frame and the page content are rendered, no callback is pending and every graph
    has drawn (wait_for_graphs)."""
    dash_duo._wait_for(
        lambda d: d.execute_script(
            "const c = document.getElementById('_pages_content');"
            "const h = document.querySelector('#app-nav .nav-link');"
            "return !!(c && c.children.length && h) && !document.querySelector('[data-dash-is-loading=\"true\"]')"),
        timeout=timeout, msg="the page did not render")
    wait_for_graphs(dash_duo, timeout=timeout)
