"""The one declaration of the HTTP API: endpoints, parameters and response schemas.

INTERFACES.md section 5. `params.py` validates requests from it and `openapi.py` builds the OpenAPI
document from it, so the document and the app cannot drift apart."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from dashboard.i18n import lazy
from indicators.filters import AREA, ISO3, SDG_CODE
from indicators.metrics import GROUPINGS, QUALIFIER_ORDER
from indicators.records import (
    EVENT_FIELDS,
    INDICATOR_FIELDS,
    INDICATOR_CODE,
    OBSERVATION_FIELDS,
    PROGRAMME_CODE,
    PROGRAMME_FIELDS,
    SOURCE_FIELDS,
)
from indicators.tables import AGGREGATIONS, EVENT_STATUSES, KINDS, LANGUAGES, PROGRAMME_STATUSES

PREFIX = "/api/v1"
DEFAULT_LIMIT = 1000
MAX_LIMIT = 10000
MAX_OFFSET = 2**31 - 1
MAX_AGE = 300  # seconds a response may be reused (Cache-Control: public, max-age)
CSV_MEDIA_TYPE = "text/csv"
SDMX_MEDIA_TYPE = "application/vnd.sdmx.data+csv"


@dataclass(frozen=True)
class Parameter:
    """One query or path parameter. `codes` names the list of valid codes (programme, indicator,
    country, region, sdg) that becomes the documented enum and the `known` values of FilterState;
    `filter` parameters are parsed by indicators.filters.FilterState (one parser for pages, API, CLI)."""

    name: str
    description: str
    schema: dict[str, Any]
    list: bool = False
    required: bool = False
    codes: str | None = None
    filter: bool = False
    location: str = "query"
    example: Any = None


def _codes(pattern: str, description: str, example: str, codes: str) -> Parameter:
    return Parameter(codes, description, {"type": "string", "pattern": pattern}, list=True, codes=codes,
                     filter=True, example=example)


PROGRAMME = _codes(PROGRAMME_CODE.pattern, lazy("Programme codes (comma-separated), e.g. `TRANSFORM`."), "TRANSFORM",
                   "programme")
INDICATOR = _codes(INDICATOR_CODE.pattern, lazy("Indicator codes (comma-separated), e.g. `participants_trained`."),
                   "participants_trained", "indicator")
SDG = _codes(SDG_CODE.pattern, lazy("SDG goals or targets (comma-separated): `8` (a goal includes all its targets) "
                                    "or `8.3`. Selects the programmes tagged with them."), "8", "sdg")
REGION = _codes(AREA.pattern, lazy("Area codes (comma-separated): an ILO region (`africa`, `americas`, `arab-states`, "
                                   "`asia-pacific`, `europe-central-asia`) or another area (`world`, `eu`). Keeps rows "
                                   "whose area is it or whose country lies in it."), "africa", "region")
COUNTRY = _codes(ISO3.pattern, lazy("Countries as ISO 3166-1 alpha-3 codes (comma-separated)."), "ZMB", "country")
KIND = Parameter("kind", lazy("Kinds of figure (comma-separated): actual, target, baseline, estimate, context."),
                 {"type": "string", "enum": list(KINDS)}, list=True, filter=True, example="actual")
YEAR_FROM = Parameter("year_from", lazy("First year: keeps records whose period overlaps [year_from, year_to]; records "
                                        "without a stated period are left out (and counted in a note)."),
                      {"type": "integer", "minimum": 1900, "maximum": 2100}, filter=True, example=2017)
YEAR_TO = Parameter("year_to", lazy("Last year (at least year_from)."), {"type": "integer", "minimum": 1900,
                                                                   "maximum": 2100}, filter=True, example=2018)
LANG = Parameter("lang", lazy("Language of names and labels (data without a translation falls back to English)."),
                 {"type": "string", "enum": list(LANGUAGES), "default": "en"}, filter=True, example="zh")
LIMIT = Parameter("limit", f"Rows per page (default {DEFAULT_LIMIT}, at most {MAX_LIMIT}).",
                  {"type": "integer", "minimum": 0, "maximum": MAX_LIMIT, "default": DEFAULT_LIMIT}, example=100)
OFFSET = Parameter("offset", lazy("Rows to skip before the page starts."),
                   {"type": "integer", "minimum": 0, "maximum": MAX_OFFSET, "default": 0}, example=0)
BY = Parameter("by", lazy("Grouping of the summary rows; omitted = one total row."),
               {"type": "string", "enum": list(GROUPINGS)}, example="programme")
SUMMARY_INDICATOR = Parameter("indicator", lazy("The indicator to summarise (exactly one code)."),
                              {"type": "string", "pattern": INDICATOR_CODE.pattern}, required=True,
                              codes="indicator", filter=True, example="countries_reached")
SUMMARY_KIND = Parameter("kind", lazy("The kind summarised (one; default actual). Kinds are never added together."),
                         {"type": "string", "enum": list(KINDS), "default": "actual"}, filter=True, example="actual")
PROGRAMME_PATH = Parameter("code", lazy("Programme code."), {"type": "string", "pattern": PROGRAMME_CODE.pattern},
                           required=True, codes="programme", location="path", example="TRANSFORM")

FORMAT_NAMES = {
    "json": "JSON envelope `{data, meta}`",
    "csv": "CSV: header and rows only, the record's fields in order (lists joined with `,`)",
    "opensdg": "Open SDG data CSV (`Year` first, disaggregations, programme and place, `Units`, `Value` last)",
    "sdmx-csv": "SDMX-CSV 2.0 of the dataflow SDGDASH:DF_PROGRAMME_RESULTS(1.0)",
}


def format_parameter(formats: tuple[str, ...]) -> Parameter:
    described = "; ".join(f"`{f}`: {FORMAT_NAMES[f]}" for f in formats)
    return Parameter("format", f"Response format. {described}.",
                     {"type": "string", "enum": list(formats), "default": "json"}, example=formats[-1])


LIST_FORMATS = ("json", "csv")
OBSERVATION_FORMATS = ("json", "csv", "opensdg", "sdmx-csv")
PAGING = (LIMIT, OFFSET)
PLACE_TIME = (SDG, REGION, COUNTRY, YEAR_FROM, YEAR_TO)


@dataclass(frozen=True)
class Endpoint:
    path: str                     # Flask rule, e.g. /api/v1/programmes/<code>
    operation_id: str
    summary: str
    description: str
    parameters: tuple[Parameter, ...]
    schema: str                   # name of the component schema of one row (or the whole body)
    formats: tuple[str, ...] = ()
    list: bool = True             # a list in the {data, meta} envelope, paged
    example: dict[str, str] = field(default_factory=dict)
    tag: str = "data"

    @property
    def openapi_path(self) -> str:
        return self.path.replace("<", "{").replace(">", "}")

    @property
    def parameter_names(self) -> tuple[str, ...]:
        return tuple(p.name for p in self.parameters)

    def parameter(self, name: str) -> Parameter | None:
        return next((p for p in self.parameters if p.name == name), None)


def _list(path, operation_id, summary, description, params, schema, *, formats=LIST_FORMATS, example=None):
    return Endpoint(f"{PREFIX}{path}", operation_id, summary, description,
                    (*params, LANG, *PAGING, format_parameter(formats)), schema, formats, example=example or {})


ENDPOINTS: tuple[Endpoint, ...] = (
    Endpoint("/healthz", "health", lazy("Health check"),
             lazy("200 when the database answers; 503 with `status: unavailable` when it cannot be reached. "
                  "`cache` is `ok` when the result cache works (in-process, or the Redis server of CACHE_REDIS_URL) "
                  "and `off` when the configured Redis server cannot be reached (results are then computed each "
                  "time)."),
             (), "Health", list=False, tag="service"),
    _list("/programmes", "listProgrammes", lazy("Programmes"),
          lazy("Programme records (section 2 of INTERFACES.md) with `name` and `description` in `lang`. Place filters "
               "keep programmes working in those countries or areas; a year filter keeps programmes whose period "
               "overlaps it."), (PROGRAMME, *PLACE_TIME), "Programme", example={"sdg": "8"}),
    Endpoint(f"{PREFIX}/programmes/<code>", "getProgramme", lazy("One programme"),
             lazy("One programme record; 404 with the error object for an unknown code."),
             (PROGRAMME_PATH, LANG), "Programme", list=False, example={"code": "TRANSFORM"}),
    _list("/indicators", "listIndicators", lazy("Indicators"),
          lazy("What is counted: code, names, unit, definition and the aggregation rule (sum, distinct_countries, "
               "count_events, latest, max) that decides how values combine."), (INDICATOR,), "Indicator",
          example={"lang": "zh"}),
    _list("/sdg", "listSdgGoals", lazy("SDG goals and targets"),
          lazy("The 17 goals, each with its targets and the programmes tagged with them. `sdg` narrows to goals "
               "(with all their targets) or single targets. CSV: one row per target."), (SDG,), "SdgGoal",
          example={"sdg": "8"}),
    _list("/events", "listEvents", lazy("Events"),
          lazy("Dated, located occurrences (academy editions, trainings of trainers, study visits...): the breakdown "
               "behind counts, never added to observations."), (PROGRAMME, *PLACE_TIME), "Event",
          example={"programme": "SSE-ACADEMY"}),
    _list("/sources", "listSources", lazy("Sources"), lazy("The documents every figure is quoted from."), (), "Source"),
    _list("/observations", "listObservations", lazy("Observations"),
          lazy("One row per number, with its source and verbatim quote; fields and order as section 2 of "
               "INTERFACES.md, `disaggregation` an object (`{}` for a total)."),
          (PROGRAMME, INDICATOR, KIND, *PLACE_TIME), "Observation", formats=OBSERVATION_FORMATS,
          example={"indicator": "participants_trained", "format": "csv"}),
    _list("/summary", "getSummary", lazy("Summary of one indicator"),
          lazy("One indicator and one kind aggregated by the indicator's own rule (computed by the same function as "
               "the dashboard and the command line). Rows are ordered by key; `key` null is \"not stated\". `meta` "
               "names the rule and lists notes (figures left out for having no year or place, events that differ "
               "from a stated total, SDG rows that overlap)."),
          (SUMMARY_INDICATOR, BY, SUMMARY_KIND, PROGRAMME, *PLACE_TIME), "SummaryRow",
          example={"indicator": "countries_reached", "by": "programme"}),
    Endpoint(f"{PREFIX}/openapi.json", "openapi", lazy("This document"),
             lazy("The OpenAPI 3.1 description of the API."), (), "OpenApiDocument", list=False, tag="service"),
)

NOT_FOUND_HINT = f"no such endpoint; see {PREFIX}/openapi.json or the /api page"


def endpoint(operation_id: str) -> Endpoint:
    return next(e for e in ENDPOINTS if e.operation_id == operation_id)


# --- schemas of what the API returns -------------------------------------------------------------
def _nullable(kind: str | list[str]) -> dict:
    kinds = [kind] if isinstance(kind, str) else list(kind)
    return {"type": [*kinds, "null"]}


TEXT = _nullable("string")
YEAR = _nullable("integer")
STRINGS = {"type": "array", "items": {"type": "string"}}
QUOTE = {
    "type": "object",
    "properties": {name: TEXT for name in ("source_id", "source_document", "source_section", "source_quote",
                                           "source_quote_en")},
    "required": ["source_id"],
}


def _record(fields: tuple[str, ...], types: dict[str, dict], extra: dict[str, dict] | None = None) -> dict:
    properties = {name: types.get(name, TEXT) for name in fields}
    properties.update(extra or {})
    return {"type": "object", "properties": properties, "required": list(properties), "additionalProperties": False}


SCHEMAS: dict[str, dict] = {
    "Observation": _record(OBSERVATION_FIELDS, {
        "id": {"type": "string"}, "indicator": {"type": "string"}, "unit": {"type": "string"},
        "kind": {"enum": list(KINDS)}, "qualifier": {"enum": list(QUALIFIER_ORDER)}, "value": {"type": "number"},
        "year_start": YEAR, "year_end": YEAR, "source_id": {"type": "string"},
    }, {"disaggregation": {"type": "object", "additionalProperties": {"type": "string"}}}),
    "Programme": _record(PROGRAMME_FIELDS, {
        "code": {"type": "string"}, "status": {"enum": [*PROGRAMME_STATUSES, None]}, "year_start": YEAR,
        "year_end": YEAR, "countries": STRINGS, "regions": STRINGS, "subdivisions": STRINGS,
        "sdg_targets": STRINGS, "funders": STRINGS, "implementers": STRINGS, "nominated_by": STRINGS,
        "links": STRINGS, "sources": {"type": "array", "items": QUOTE},
    }, {"name": TEXT, "description": TEXT}),
    "Event": _record(EVENT_FIELDS, {
        "id": {"type": "string"}, "type": {"type": "string"}, "year": YEAR, "latitude": _nullable("number"),
        "longitude": _nullable("number"), "status": {"enum": list(EVENT_STATUSES)},
        "participants": _nullable("number"), "participant_countries": STRINGS,
        "sources": {"type": "array", "items": QUOTE},
    }, {"title": TEXT, "type_name": TEXT}),
    "Source": _record(SOURCE_FIELDS, {"id": {"type": "string"}, "year": YEAR}),
    "Indicator": _record(INDICATOR_FIELDS, {
        "code": {"type": "string"}, "unit": {"type": "string"}, "aggregation": {"enum": list(AGGREGATIONS)},
    }, {"name": TEXT}),
    "SdgTarget": {
        "type": "object",
        "properties": {"code": {"type": "string"}, "title": TEXT, "programmes": STRINGS},
        "required": ["code", "title", "programmes"], "additionalProperties": False,
    },
    "SdgGoal": {
        "type": "object",
        "properties": {
            "code": {"type": "string"}, "number": {"type": "integer"}, "colour": TEXT, "title": TEXT, "short": TEXT,
            "programmes": STRINGS, "targets": {"type": "array", "items": {"$ref": "#/components/schemas/SdgTarget"}},
        },
        "required": ["code", "number", "colour", "title", "short", "programmes", "targets"],
        "additionalProperties": False,
    },
    "SummaryRow": {
        "type": "object",
        "properties": {
            "key": {"type": ["string", "integer", "null"],
                    "description": "Programme code, ISO3, area code, year or SDG target; null = not stated"},
            "label": TEXT, "value": {"type": "number"}, "qualifier": {"enum": list(QUALIFIER_ORDER)},
            "unit": {"type": "string"}, "observations": {"type": "integer", "minimum": 0},
        },
        "required": ["key", "label", "value", "qualifier", "unit", "observations"], "additionalProperties": False,
    },
    "Note": {
        "type": "object", "properties": {"code": {"type": "string"}, "message": {"type": "string"}},
        "required": ["code", "message"], "additionalProperties": False,
    },
    "Meta": {
        "type": "object",
        "properties": {
            "total": {"type": "integer", "minimum": 0}, "limit": {"type": "integer", "minimum": 0},
            "offset": {"type": "integer", "minimum": 0},
            "filters": {"type": "object", "description": "The filters applied, as parsed"},
        },
        "required": ["total", "limit", "offset", "filters"],
    },
    "SummaryMeta": {
        "allOf": [{"$ref": "#/components/schemas/Meta"}],
        "type": "object",
        "properties": {
            "indicator": {"type": "string"}, "kind": {"enum": list(KINDS)}, "by": {"enum": [*GROUPINGS, None]},
            "rule": {"enum": list(AGGREGATIONS)}, "unit": {"type": "string"},
            "notes": {"type": "array", "items": {"$ref": "#/components/schemas/Note"}},
        },
        "required": ["indicator", "kind", "by", "rule", "unit", "notes"],
    },
    "Error": {
        "type": "object",
        "properties": {"error": {
            "type": "object",
            "properties": {"status": {"type": "integer"}, "parameter": TEXT, "message": {"type": "string"}},
            "required": ["status", "parameter", "message"], "additionalProperties": False,
        }},
        "required": ["error"], "additionalProperties": False,
    },
    "Health": {
        "type": "object",
        "properties": {
            "status": {"enum": ["ok", "unavailable"]}, "database": {"enum": ["ok", "unavailable"]},
            "cache": {"enum": ["ok", "off"]}, "version": {"type": "string"},
        },
        "required": ["status", "database", "cache", "version"], "additionalProperties": False,
    },
    "OpenApiDocument": {"type": "object", "required": ["openapi", "info", "paths"]},
}
