"""The OpenAPI document: valid OpenAPI 3.1, describing exactly the routes the app serves and the
parameters it accepts (both come from dashboard/api/spec.py), with working examples; and the `/api`
page that renders it."""

from __future__ import annotations

import copy
import io
import json
import re
from urllib.parse import urlsplit

import jsonschema_rs
import pandas as pd
import pytest
import schemathesis

from dashboard.api import openapi, spec
from indicators import repository as repo
from indicators.filters import FILTER_NAMES

CONTROL_NAMES = ("by", "limit", "offset", "format")


@pytest.fixture(scope="module")
def document(client) -> dict:
    response = client.get("/api/v1/openapi.json")
    assert response.status_code == 200 and response.mimetype == "application/json"
    return response.get_json()


def test_document_is_valid_openapi_31(document):
    assert document["openapi"] == "3.1.0"
    schema = schemathesis.openapi.from_dict(copy.deepcopy(document))
    schema.validate()  # the OpenAPI 3.1 meta-schema, through schemathesis
    for name, component in document["components"]["schemas"].items():
        jsonschema_rs.meta.validate(component)  # JSON Schema 2020-12
    broken = copy.deepcopy(document)
    del broken["paths"]["/api/v1/summary"]["get"]["parameters"][0]["in"]
    with pytest.raises(jsonschema_rs.ValidationError):
        schemathesis.openapi.from_dict(broken).validate()  # the check above can fail


def _served_rules(app) -> set[str]:
    rules = set()
    for rule in app.server.url_map.iter_rules():
        if rule.endpoint.startswith("api.") and "GET" in rule.methods and rule.endpoint != "api.not_found":
            rules.add(re.sub(r"<(?:\w+:)?(\w+)>", r"{\1}", rule.rule))
    return rules


def test_document_describes_exactly_the_served_routes(api_app, document):
    assert set(document["paths"]) == _served_rules(api_app)
    assert set(document["paths"]) == {e.openapi_path for e in spec.ENDPOINTS}
    for path, methods in document["paths"].items():
        assert list(methods) == ["get"]
        operation = methods["get"]
        assert {"200", "304"} <= set(operation["responses"])


@pytest.mark.parametrize("endpoint", [e for e in spec.ENDPOINTS if e.list], ids=lambda e: e.operation_id)
def test_the_app_accepts_what_is_documented_and_refuses_the_rest(client, document, endpoint):
    operation = document["paths"][endpoint.openapi_path]["get"]
    documented = {p["name"] for p in operation["parameters"] if p["in"] == "query"}
    assert documented == {p.name for p in endpoint.parameters}
    base = {"indicator": "countries_reached"} if endpoint.operation_id == "getSummary" else {}
    for parameter in operation["parameters"]:
        example = parameter["example"]
        value = ",".join(map(str, example)) if isinstance(example, list) else str(example)
        query = {**base, parameter["name"]: value}
        response = client.get(endpoint.path, query_string=query)
        assert response.status_code == 200, (parameter["name"], value, response.get_data(as_text=True)[:300])
    for name in set(FILTER_NAMES + CONTROL_NAMES) - documented:
        response = client.get(endpoint.path, query_string={**base, name: "x"})
        assert response.status_code == 400 and response.get_json()["error"]["parameter"] == name, name


def test_enumerations_are_the_database_codes(document, seeded_engine):
    parameters = {p["name"]: p for p in document["paths"]["/api/v1/observations"]["get"]["parameters"]}
    assert parameters["programme"]["schema"]["items"]["enum"] == sorted(repo.labels(seeded_engine, "programme"))
    assert parameters["indicator"]["schema"]["items"]["enum"] == list(repo.indicators(seeded_engine)["code"])
    assert parameters["country"]["schema"]["items"]["enum"] == sorted(repo.labels(seeded_engine, "country"))
    assert {"8", "8.3", "17.9", "8.a"} <= set(parameters["sdg"]["schema"]["items"]["enum"])
    assert parameters["programme"]["style"] == "form" and parameters["programme"]["explode"] is False
    limit = parameters["limit"]["schema"]
    assert (limit["minimum"], limit["maximum"], limit["default"]) == (0, 10000, 1000)
    assert parameters["format"]["schema"]["enum"] == ["json", "csv", "opensdg", "sdmx-csv"]


def test_the_served_document_is_the_builder_output(client, document):
    from dashboard.api.routes import known_codes

    with client.application.test_request_context("/api/v1/openapi.json"):
        assert document == json.loads(json.dumps(openapi.build(known_codes(), "http://localhost/")))


def test_examples_work(client, document):
    for path, methods in document["paths"].items():
        samples = {s["label"]: s["source"] for s in methods["get"]["x-codeSamples"]}
        url = re.search(r"curl '([^']+)'", samples["curl"]).group(1)
        parts = urlsplit(url)
        response = client.get(parts.path, query_string=parts.query)
        assert response.status_code == 200, (url, response.get_data(as_text=True)[:200])
        if "read_csv" in samples["pandas"]:
            csv_url = re.search(r"read_csv\('([^']+)'\)", samples["pandas"]).group(1)
            parts = urlsplit(csv_url)
            body = client.get(parts.path, query_string=parts.query).get_data()
            assert len(pd.read_csv(io.BytesIO(body))) >= 0


def test_api_page_renders_the_document(api_app, document):
    from dashboard.components.api_docs import api_reference
    from dashboard.pages import api_docs

    import dash

    registered = [page for page in dash.page_registry.values() if page["path"] == "/api"]
    assert len(registered) == 1 and registered[0]["module"].endswith("api_docs")
    with api_app.server.test_request_context("/api"):
        tree = api_docs.layout(lang="zh")
    text = json.dumps(tree.to_plotly_json(), default=lambda o: o.to_plotly_json(), ensure_ascii=False)
    for path, methods in document["paths"].items():
        assert path in text
        for parameter in methods["get"]["parameters"]:
            assert f'"{parameter["name"]}"' in text
    assert "curl 'http://localhost/api/v1/summary?indicator=countries_reached&amp;by=programme'" not in text
    assert "curl 'http://localhost/api/v1/summary?indicator=countries_reached&by=programme'" in text
    assert "pd.read_csv(" in text
    assert "swagger" not in text.lower() and "cdn" not in text.lower()
    english = json.dumps(api_reference(document, "en").to_plotly_json(), default=lambda o: o.to_plotly_json())
    assert "Open data API" in english
