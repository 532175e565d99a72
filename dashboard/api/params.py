"""Request parameters checked against the declaration in spec.py.

Names the endpoint does not declare, repeated single values, missing required ones and values outside
the declared schema are refused with ApiError(400, parameter); filters are parsed by FilterState
(strict), the one filter parser."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

from werkzeug.datastructures import MultiDict

from dashboard.api.spec import DEFAULT_LIMIT, Endpoint, Parameter
from indicators.filters import FilterError, FilterState

INTEGER = re.compile(r"[0-9]{1,12}")


class ApiError(Exception):
    """An answer other than success: status 400/404/503 with the error object of section 5."""

    def __init__(self, status: int, message: str, parameter: str | None = None):
        super().__init__(message)
        self.status = status
        self.message = message
        self.parameter = parameter

    def as_dict(self) -> dict:
        return {"error": {"status": self.status, "parameter": self.parameter, "message": self.message}}


@dataclass(frozen=True)
class Request:
    """A request's parameters once checked: the filter object plus the paging and output options."""

    filters: FilterState
    limit: int = DEFAULT_LIMIT
    offset: int = 0
    format: str = "json"
    by: str | None = None
    values: Mapping[str, Any] | None = None

    def filters_meta(self, endpoint: Endpoint) -> dict:
        """The filters applied, as parsed, for `meta.filters` (lists as lists, years as numbers)."""
        out: dict[str, Any] = {}
        for parameter in endpoint.parameters:
            if not parameter.filter or parameter.location != "query":
                continue
            value = getattr(self.filters, parameter.name)
            if isinstance(value, tuple):
                if value:
                    out[parameter.name] = list(value) if parameter.list else value[0]
            elif value is not None:
                out[parameter.name] = value
        return out


def _check(parameter: Parameter, value: str) -> Any:
    """One value against the declared schema (the subset the declaration uses): integers with their
    bounds, enumerations. Patterns and code lists of filters are FilterState's to check."""
    schema = parameter.schema
    if schema.get("type") == "integer":
        if not INTEGER.fullmatch(value):
            raise ApiError(400, f"{value!r} is not a whole number", parameter.name)
        number = int(value)
        low, high = schema.get("minimum"), schema.get("maximum")
        if (low is not None and number < low) or (high is not None and number > high):
            raise ApiError(400, f"{number} is not between {low} and {high}", parameter.name)
        return number
    if "enum" in schema and value not in schema["enum"]:
        raise ApiError(400, f"{value!r} is not one of {', '.join(map(str, schema['enum']))}", parameter.name)
    return value


def parse(endpoint: Endpoint, args: MultiDict, known: Mapping[str, list[str]]) -> Request:
    """Check the query string of a request to `endpoint`; `known` maps a code list name to its codes."""
    declared = {p.name: p for p in endpoint.parameters if p.location == "query"}
    for name in args.keys():
        if name not in declared:
            allowed = ", ".join(declared) or "none"
            raise ApiError(400, f"unknown parameter {name!r} (this endpoint takes: {allowed})", name)
    query: dict[str, Any] = {}
    checked: dict[str, Any] = {}
    for name, parameter in declared.items():
        raw = args.getlist(name)
        if not raw:
            if parameter.required:
                raise ApiError(400, "required", name)
            continue
        if not parameter.list:
            if len(raw) > 1:
                raise ApiError(400, "given more than once", name)
            if parameter.filter and "," in raw[0]:
                raise ApiError(400, f"takes one value, not a list: {raw[0]!r}", name)
        if parameter.filter:
            query[name] = raw
        else:
            checked[name] = _check(parameter, raw[0].strip())
    codes = {p.codes: list(known.get(p.codes, ())) for p in declared.values() if p.filter and p.codes}
    try:
        filters = FilterState.from_query(query, strict=True, known=codes)
    except FilterError as error:
        raise ApiError(400, error.message, error.parameter) from None
    for name, parameter in declared.items():
        # an empty value of a required filter ("indicator=") leaves nothing to summarise
        if parameter.required and parameter.filter and not getattr(filters, name):
            raise ApiError(400, "required", name)
    return Request(filters=filters, limit=checked.get("limit", DEFAULT_LIMIT), offset=checked.get("offset", 0),
                   format=checked.get("format", "json"), by=checked.get("by"), values=checked)
