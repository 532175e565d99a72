"""Caching and cross-origin headers: ETag with If-None-Match -> 304, Cache-Control, and CORS on GET
under /api/v1 only (never on pages or /healthz)."""

from __future__ import annotations

import pytest

LIST_URLS = ["/api/v1/programmes", "/api/v1/programmes/TRANSFORM", "/api/v1/indicators", "/api/v1/sdg",
             "/api/v1/events", "/api/v1/sources", "/api/v1/observations?format=csv",
             "/api/v1/observations?format=sdmx-csv", "/api/v1/summary?indicator=countries_reached&by=programme",
             "/api/v1/openapi.json"]


@pytest.mark.parametrize("url", LIST_URLS)
def test_etag_and_not_modified(client, url):
    first = client.get(url)
    assert first.status_code == 200
    etag = first.headers["ETag"]
    assert etag.startswith('"') and len(etag) > 10
    assert first.headers["Cache-Control"] == "public, max-age=300"
    again = client.get(url)
    assert again.headers["ETag"] == etag and again.get_data() == first.get_data()  # deterministic bytes
    not_modified = client.get(url, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not_modified.get_data() == b""
    assert not_modified.headers["ETag"] == etag
    assert client.get(url, headers={"If-None-Match": '"something-else"'}).status_code == 200


def test_etag_differs_with_the_query(client):
    a = client.get("/api/v1/observations?limit=1").headers["ETag"]
    b = client.get("/api/v1/observations?limit=2").headers["ETag"]
    assert a != b


def test_cors_on_api_gets_only(client):
    for url in LIST_URLS + ["/api/v1/summary?indicator=nope", "/api/v1/nowhere"]:
        response = client.get(url)
        assert response.headers["Access-Control-Allow-Origin"] == "*", url
    assert client.head("/api/v1/sources").headers["Access-Control-Allow-Origin"] == "*"
    for url in ("/", "/api", "/data", "/healthz"):
        response = client.get(url)
        assert response.status_code in (200, 503), url
        assert "Access-Control-Allow-Origin" not in response.headers, url
    assert "Access-Control-Allow-Origin" not in client.post("/api/v1/sources").headers


def test_errors_and_health_are_not_cached(client):
    assert client.get("/api/v1/observations?limit=x").headers["Cache-Control"] == "no-store"
    assert client.get("/healthz").headers["Cache-Control"] == "no-store"
    assert "ETag" not in client.get("/api/v1/observations?limit=x").headers
