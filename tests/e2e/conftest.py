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
    """Every URL the page asked the network for, from Chromium's performance log."""
    urls = []
    for entry in dash_duo.driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
    return urls


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
