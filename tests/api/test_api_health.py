"""/healthz and the API when the database cannot be reached: an app pointed at a PostgreSQL URL on a
local port where nothing listens (the shared server is never touched) answers 503, never 500."""

from __future__ import annotations

import socket

import pytest

from indicators.config import Settings


def closed_port() -> int:
    """A local port with no listener: bound, then released, so connecting is refused at once."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def unreachable_client(app_in_isolation):
    url = f"postgresql+psycopg://postgres@127.0.0.1:{closed_port()}/nothing"
    with app_in_isolation(Settings(database_url=url), initialise=False) as app:
        app._got_first_request["setup_server"] = True  # no page set-up: only the API is exercised here
        yield app.server.test_client()


def test_healthz_503_when_the_database_is_unreachable(unreachable_client):
    response = unreachable_client.get("/healthz")
    assert response.status_code == 503
    body = response.get_json()
    assert body["status"] == "unavailable" and body["database"] == "unavailable"
    assert body["cache"] in ("ok", "off") and body["version"]
    assert response.headers["Cache-Control"] == "no-store"


@pytest.mark.parametrize("url", ["/api/v1/programmes", "/api/v1/observations", "/api/v1/summary?indicator=x",
                                 "/api/v1/openapi.json", "/api/v1/programmes/TRANSFORM"])
def test_api_answers_503_with_the_error_object(unreachable_client, url):
    response = unreachable_client.get(url)
    assert response.status_code == 503
    assert response.get_json()["error"]["status"] == 503
    assert response.headers["Access-Control-Allow-Origin"] == "*"


def test_healthz_ok_with_the_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200 and response.get_json()["status"] == "ok"
