"""The `/api` page's documentation, rendered from the OpenAPI document.

One section per endpoint with its parameters, responses and example requests in curl and pandas,
then the fields of every record. Pure: (document, lang) -> Dash components, no data access, no CDN."""

from __future__ import annotations

from dash import dcc, html

from dashboard import ids
from dashboard.i18n import lazy, t

MAX_LISTED_VALUES = 12
INTRO = lazy("Every figure of this dashboard can be read by programs: the same filters as the pages, the "
             "same aggregation rules as the charts and the command line, as JSON or CSV. The API is read-only "
             "and needs no sign-in.")
CONVENTIONS = (
    lazy("Lists answer {\"data\": [...], \"meta\": {\"total\", \"limit\", \"offset\", \"filters\"}}; page with "
         "limit (default 1000, at most 10000) and offset."),
    lazy("format=csv gives the same rows as CSV, header and rows only, so pandas.read_csv(url) works; the total "
         "is in the X-Total-Count header and the next page in the Link header."),
    lazy("Observations also come as format=opensdg (Open SDG data CSV) and format=sdmx-csv (SDMX-CSV 2.0)."),
    lazy("Lists of codes are comma-separated (country=KEN,ZMB); lang=zh, fr or es gives names in that "
         "language, falling back to English where a name has no translation."),
    lazy("An unknown parameter, or a malformed or unknown value, answers 400 with an error object naming the "
         "parameter; an unknown path or code answers 404."),
    lazy("Responses carry an ETag (send If-None-Match to get 304 Not Modified) and may be cached for five "
         "minutes; any web page may read the API (CORS)."),
)
STATUS_NAMES = {"200": lazy("OK"), "304": lazy("Not modified"), "400": lazy("Bad parameter"),
                "404": lazy("Not found"), "503": lazy("Database unavailable")}


def _type_text(schema: dict, lang: str) -> str:
    """A parameter schema in words: the type, its bounds, its values (long code lists shortened)."""
    if schema.get("type") == "array":
        return t("list of {item}", lang, item=_type_text(schema.get("items", {}), lang))
    values = schema.get("enum")
    if values:
        if len(values) > MAX_LISTED_VALUES:
            return t("one of {count} codes, e.g. {examples}", lang, count=len(values),
                     examples=", ".join(map(str, values[:4])))
        return t("one of: {values}", lang, values=", ".join(map(str, values)))
    if schema.get("type") == "integer":
        low, high = schema.get("minimum"), schema.get("maximum")
        if low is not None and high is not None:
            return t("whole number {low}–{high}", lang, low=low, high=high)
        return t("whole number", lang)
    if "pattern" in schema:
        return t("text matching {pattern}", lang, pattern=schema["pattern"])
    return t("text", lang)


def parameters_table(parameters: list[dict], lang: str) -> html.Table | html.P:
    if not parameters:
        return html.P(t("No parameters.", lang), className="api-none")
    head = html.Thead(html.Tr([html.Th(t(label, lang), scope="col") for label in
                               ("Parameter", "In", "Required", "Values", "Description")]))
    rows = []
    for parameter in parameters:
        schema = parameter.get("schema", {})
        default = schema.get("default")
        description = t(parameter.get("description", ""), lang)
        if default is not None:
            description += " " + t("Default: {value}.", lang, value=default)
        rows.append(html.Tr([
            html.Td(html.Code(parameter["name"])),
            html.Td(t("path", lang) if parameter["in"] == "path" else t("query", lang)),
            html.Td(t("yes", lang) if parameter.get("required") else t("no", lang)),
            html.Td(_type_text(schema, lang)),
            html.Td(dcc.Markdown(description, className="api-markdown")),
        ]))
    return html.Table([head, html.Tbody(rows)], className="api-table")


def responses_list(responses: dict[str, dict], lang: str) -> html.Ul:
    items = []
    for status, response in responses.items():
        media = ", ".join(response.get("content", {}))
        items.append(html.Li([
            html.Code(status), " ", html.Strong(t(STATUS_NAMES.get(status, ""), lang)) if status in STATUS_NAMES
            else "", " – ", t(response.get("description", ""), lang),
            html.Span(f" ({media})", className="api-media") if media else "",
        ]))
    return html.Ul(items, className="api-responses")


def examples(samples: list[dict], lang: str) -> html.Div:
    blocks = []
    for sample in samples:
        blocks.append(html.Figure([
            html.Figcaption(sample.get("label", sample.get("lang", ""))),
            html.Pre(html.Code(sample["source"]), className="api-code", tabIndex="0"),
        ], className="api-example"))
    return html.Div([html.H4(t("Example", lang)), *blocks], className="api-examples")


def endpoint_section(path: str, method: str, operation: dict, lang: str) -> html.Section:
    anchor = ids.page_id("api", operation["operationId"])
    return html.Section([
        html.H3([html.Span(method.upper(), className="api-method"), " ", html.Code(path)], id=anchor),
        html.P(html.Strong(t(operation.get("summary", ""), lang))),
        dcc.Markdown(t(operation.get("description", ""), lang), className="api-markdown"),
        html.H4(t("Parameters", lang)),
        parameters_table(operation.get("parameters", []), lang),
        html.H4(t("Responses", lang)),
        responses_list(operation.get("responses", {}), lang),
        examples(operation.get("x-codeSamples", []), lang),
    ], className="api-endpoint", **{"aria-labelledby": anchor})


def _field_type(schema: dict) -> str:
    if "$ref" in schema:
        return schema["$ref"].rsplit("/", 1)[-1]
    if "enum" in schema:
        return " | ".join("null" if v is None else str(v) for v in schema["enum"])
    kind = schema.get("type", "")
    if isinstance(kind, list):
        kind = " | ".join(kind)
    if kind == "array":
        return f"[{_field_type(schema.get('items', {}))}]"
    return kind or "object"


def schemas_section(schemas: dict[str, dict], lang: str) -> html.Section:
    blocks = []
    for name, schema in schemas.items():
        properties = schema.get("properties")
        if not properties or name in ("OpenApiDocument",):
            continue
        blocks.append(html.Details([
            html.Summary(html.Code(name)),
            html.Table([
                html.Thead(html.Tr([html.Th(t("Field", lang), scope="col"), html.Th(t("Type", lang), scope="col")])),
                html.Tbody([html.Tr([html.Td(html.Code(field)), html.Td(_field_type(spec))])
                            for field, spec in properties.items()]),
            ], className="api-table"),
        ], className="api-schema"))
    return html.Section([html.H2(t("Records", lang)),
                         html.P(t("The fields of each record, in order (the CSV columns of the same list).", lang)),
                         *blocks], className="api-schemas")


def api_reference(document: dict, lang: str = "en") -> html.Div:
    """The whole documentation of the page from the OpenAPI document."""
    paths = document.get("paths", {})
    contents = html.Nav(html.Ul([
        html.Li(html.A([html.Code(path)], href="#" + ids.page_id("api", operation["operationId"])))
        for path, methods in paths.items() for method, operation in methods.items()
    ]), className="api-contents", **{"aria-label": t("Endpoints", lang)})
    sections = [endpoint_section(path, method, operation, lang)
                for path, methods in paths.items() for method, operation in methods.items()]
    return html.Div([
        html.H1(t("Open data API", lang)),
        html.P(t(INTRO, lang), className="page-intro"),
        html.P([t("Machine-readable description (OpenAPI {version}): ", lang, version=document.get("openapi", "")),
                html.A("/api/v1/openapi.json", href="/api/v1/openapi.json"),
                " · ", t("API version {version}", lang, version=document.get("info", {}).get("version", ""))]),
        html.Section([html.H2(t("Conventions", lang)), html.Ul([html.Li(t(text, lang)) for text in CONVENTIONS])],
                     className="api-conventions"),
        html.H2(t("Endpoints", lang)),
        contents,
        *sections,
        schemas_section(document.get("components", {}).get("schemas", {}), lang),
    ], className="page page-api")
