"""The OpenAPI 3.1 document of the API, built from the declaration in spec.py.

The same declaration validates requests; the valid codes of the database become enumerations, and
every operation has an example request in curl and pandas (vendor extension `x-codeSamples`)."""

from __future__ import annotations

from typing import Any, Mapping
from urllib.parse import urlencode

from dashboard.api import spec
from dashboard.api.spec import Endpoint, Parameter
from indicators import __version__
from indicators.export import CITATION
from indicators.interchange import SDMX_DATAFLOW

TITLE = "SDG programme results: open data API"
DESCRIPTION = f"""Read-only figures of ILO development-cooperation programmes linked to the SDGs: programmes,
indicators, SDG goals and targets, events, sources, observations (every number with its source and verbatim quote) and
summaries computed by each indicator's aggregation rule. No sign-in.

* Lists answer `{{"data": [...], "meta": {{"total", "limit", "offset", "filters"}}}}`; page with `limit`
  (default {spec.DEFAULT_LIMIT}, at most {spec.MAX_LIMIT}) and `offset`. `format=csv` gives the same rows as CSV
  (header and rows only, so `pandas.read_csv(url)` works; the total is in `X-Total-Count`, the next page
  in `Link: rel="next"`). Observations also come as `format=opensdg` and `format=sdmx-csv` (dataflow
  `{SDMX_DATAFLOW}`).
* Lists are comma-separated (`country=KEN,ZMB`). Unknown parameters, malformed or unknown values
  answer 400 with `{{"error": {{"status", "parameter", "message"}}}}`; unknown paths and codes 404.
* Responses carry an `ETag` (send `If-None-Match` for a 304), `Cache-Control: public, max-age={spec.MAX_AGE}`
  and, under `{spec.PREFIX}`, `Access-Control-Allow-Origin: *`.
* Citation: {CITATION}"""

ENVELOPE_HEADERS = {
    "ETag": {"description": "Hash of the body; send it back in If-None-Match to get 304 when unchanged",
             "schema": {"type": "string"}},
    "Cache-Control": {"description": f"public, max-age={spec.MAX_AGE}", "schema": {"type": "string"}},
    "Access-Control-Allow-Origin": {"description": "`*` on every GET under /api/v1", "schema": {"type": "string"}},
    "Link": {"description": 'Citation (`rel="cite-as"`), licence (`rel="license"`) and, when a page is cut, '
                            'the next page (`rel="next"`)', "schema": {"type": "string"}},
    "X-Total-Count": {"description": "Rows matching the query, all pages", "schema": {"type": "string"}},
}


def _items_schema(parameter: Parameter, codes: Mapping[str, list[str]]) -> dict:
    schema = dict(parameter.schema)
    values = list(codes.get(parameter.codes, ())) if parameter.codes else []
    if values:
        schema = {"type": "string", "enum": values}
    return schema


def parameter_object(parameter: Parameter, codes: Mapping[str, list[str]]) -> dict:
    schema = _items_schema(parameter, codes)
    out: dict[str, Any] = {
        "name": parameter.name,
        "in": parameter.location,
        "required": parameter.required or parameter.location == "path",
        "description": parameter.description,
    }
    if parameter.list:
        out["schema"] = {"type": "array", "items": schema}
        out["style"], out["explode"] = "form", False
    else:
        out["schema"] = schema
    if parameter.example is not None:
        example = parameter.example
        if parameter.codes and schema.get("enum") and example not in schema["enum"]:
            example = schema["enum"][0]
        out["example"] = [example] if parameter.list else example
    return out


def _ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


def _error(description: str) -> dict:
    return {"description": description, "content": {"application/json": {"schema": _ref("Error")}}}


def _success(endpoint: Endpoint) -> dict:
    if endpoint.operation_id == "health":
        return {"description": "The database answers", "content": {"application/json": {"schema": _ref("Health")}}}
    if endpoint.operation_id == "openapi":
        body = _ref("OpenApiDocument")
    elif endpoint.list:
        meta = "SummaryMeta" if endpoint.operation_id == "getSummary" else "Meta"
        body = {"type": "object", "properties": {"data": {"type": "array", "items": _ref(endpoint.schema)},
                                                 "meta": _ref(meta)},
                "required": ["data", "meta"], "additionalProperties": False}
    else:
        body = {"type": "object", "properties": {"data": _ref(endpoint.schema), "meta": {"type": "object"}},
                "required": ["data", "meta"], "additionalProperties": False}
    content: dict[str, Any] = {"application/json": {"schema": body}}
    if "csv" in endpoint.formats or "opensdg" in endpoint.formats:
        content[spec.CSV_MEDIA_TYPE] = {"schema": {"type": "string"}}
    if "sdmx-csv" in endpoint.formats:
        content[spec.SDMX_MEDIA_TYPE] = {"schema": {"type": "string"}}
    headers = dict(ENVELOPE_HEADERS) if endpoint.list else {
        k: v for k, v in ENVELOPE_HEADERS.items() if k in ("ETag", "Cache-Control", "Access-Control-Allow-Origin")}
    return {"description": "Success", "headers": headers, "content": content}


def example_url(endpoint: Endpoint, base_url: str, codes: Mapping[str, list[str]]) -> str:
    """The endpoint's example request as an absolute URL."""
    path = endpoint.openapi_path
    query = {}
    for name, value in endpoint.example.items():
        parameter = endpoint.parameter(name)
        if parameter is not None and parameter.codes and codes.get(parameter.codes) and \
                value not in codes[parameter.codes]:
            value = codes[parameter.codes][0]  # the example names a code this database does not hold
        if parameter is not None and parameter.location == "path":
            path = path.replace("{" + name + "}", value)
        else:
            query[name] = value
    return base_url.rstrip("/") + path + ("?" + urlencode(query, safe=",") if query else "")


def code_samples(endpoint: Endpoint, base_url: str, codes: Mapping[str, list[str]]) -> list[dict]:
    url = example_url(endpoint, base_url, codes)
    samples = [{"lang": "Shell", "label": "curl", "source": f"curl '{url}'"}]
    if endpoint.list and "csv" in endpoint.formats:
        csv_url = url if "format=" in url else url + ("&" if "?" in url else "?") + "format=csv"
        samples.append({"lang": "Python", "label": "pandas",
                        "source": f"import pandas as pd\n\nframe = pd.read_csv('{csv_url}')"})
    else:
        samples.append({"lang": "Python", "label": "pandas",
                        "source": "import pandas as pd\nimport requests\n\n"
                                  f"body = requests.get('{url}', timeout=30).json()\n"
                                  + ("frame = pd.json_normalize(body['data'])" if endpoint.list or
                                     endpoint.operation_id == "getProgramme" else "print(body)")})
    return samples


def operation(endpoint: Endpoint, codes: Mapping[str, list[str]], base_url: str) -> dict:
    responses: dict[str, Any] = {"200": _success(endpoint),
                                 "304": {"description": "Not modified (the If-None-Match ETag still holds)"}}
    if endpoint.operation_id == "health":
        responses["503"] = {"description": "The database cannot be reached (`status: unavailable`)",
                            "content": {"application/json": {"schema": _ref("Health")}}}
    else:
        if endpoint.parameters:
            responses["400"] = _error("A parameter is unknown, malformed or names an unknown code")
        if any(p.location == "path" for p in endpoint.parameters):
            responses["404"] = _error("Unknown code in the path")
        responses["503"] = _error("The database cannot be reached")
    return {
        "operationId": endpoint.operation_id,
        "summary": endpoint.summary,
        "description": endpoint.description,
        "tags": [endpoint.tag],
        "parameters": [parameter_object(p, codes) for p in endpoint.parameters],
        "responses": responses,
        "x-codeSamples": code_samples(endpoint, base_url, codes),
    }


def build(codes: Mapping[str, list[str]] | None = None, base_url: str = "http://127.0.0.1:8050/") -> dict:
    """The OpenAPI 3.1 document; `codes` (programme, indicator, sdg, region, country -> valid codes)
    become enumerations, `base_url` the host of the examples."""
    codes = codes or {}
    return {
        "openapi": "3.1.0",
        "info": {"title": TITLE, "version": __version__, "description": DESCRIPTION,
                 "license": {"name": "MIT (code); figures quote ILO documents with attribution", "identifier": "MIT"}},
        "servers": [{"url": "/"}],
        "tags": [{"name": "data", "description": "Records and summaries"},
                 {"name": "service", "description": "Health and this description"}],
        "paths": {e.openapi_path: {"get": operation(e, codes, base_url)} for e in spec.ENDPOINTS},
        "components": {"schemas": spec.SCHEMAS},
    }


def current_document() -> dict:
    """The document as this app serves it, for the `/api` page: the dashboard's codes, and the host of
    the request being answered (examples then work when copied)."""
    from flask import has_request_context, request

    from dashboard import data

    base_url = request.host_url if has_request_context() else "http://127.0.0.1:8050/"
    return build(data.known_codes(), base_url)
