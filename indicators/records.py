"""The record shapes of INTERFACES.md section 2: field order, list fields and stable ids, in one place."""

from __future__ import annotations

import hashlib
import json
import re
from typing import Any, Mapping

OBSERVATION_FIELDS: tuple[str, ...] = (
    "id", "programme", "indicator", "unit", "kind", "qualifier", "value", "year_start", "year_end",
    "date", "country", "region", "subdivision", "source_id", "source_document", "source_section",
    "source_quote", "source_figure", "source_quote_en", "note",
)
EVENT_FIELDS: tuple[str, ...] = (
    "id", "programme", "type", "title_en", "title_zh", "year", "date", "city", "country", "region",
    "latitude", "longitude", "location_source", "status", "participants", "participant_countries",
    "note", "sources",
)
PROGRAMME_FIELDS: tuple[str, ...] = (
    "code", "name_en", "name_zh", "description_en", "description_zh", "status", "year_start",
    "year_end", "countries", "regions", "subdivisions", "sdg_targets", "funders", "implementers",
    "nominated_by", "links", "note", "sources",
)
PROGRAMME_LIST_FIELDS: tuple[str, ...] = (
    "countries", "regions", "subdivisions", "sdg_targets", "funders", "implementers", "nominated_by", "links",
)
SOURCE_FIELDS: tuple[str, ...] = ("id", "document", "title", "publisher", "year", "url", "licence")
INDICATOR_FIELDS: tuple[str, ...] = (
    "code", "name_en", "name_zh", "name_fr", "name_es", "definition_en", "definition_zh", "unit",
    "aggregation", "event_type",
)
QUOTE_FIELDS: tuple[str, ...] = ("source_id", "source_document", "source_section", "source_quote", "source_quote_en")

# Words a table or chart shows for a qualifier; the UI translates these through its catalogue.
QUALIFIER_WORDS = {
    "exact": "", "approx": "about", "more_than": "more than", "at_least": "at least",
    "less_than": "less than", "up_to": "up to",
}

PROGRAMME_CODE = re.compile(r"^[A-Z0-9-]{2,32}$")
INDICATOR_CODE = re.compile(r"^[a-z][a-z0-9_]*$")
RECORD_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,159}$")
DATE = re.compile(r"^\d{4}-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?$")
SDG_TARGET = re.compile(r"^([1-9]|1[0-7])\.([1-9]|1[0-9]|[a-z])$")
SUBDIVISION = re.compile(r"^[A-Z]{2}-[A-Z0-9]{1,3}$")


def canonical_disaggregation(value: Mapping[str, Any] | str | None) -> str:
    """The disaggregation as sorted compact JSON ("{}" for a total), the form stored and compared."""
    if value is None or value == "":
        return "{}"
    if isinstance(value, str):
        value = json.loads(value)
    cleaned = {str(k): str(v) for k, v in value.items() if v not in (None, "")}
    return json.dumps(cleaned, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def make_observation_id(record: Mapping[str, Any]) -> str:
    """A stable id from every identifying field, so importing the same file twice changes nothing."""
    parts = [
        record.get("programme") or "", record.get("indicator") or "", record.get("kind") or "",
        record.get("year_start") or "", record.get("year_end") or "", record.get("date") or "",
        record.get("country") or "", record.get("region") or "", record.get("subdivision") or "",
        canonical_disaggregation(record.get("disaggregation")),
    ]
    digest = hashlib.sha1("|".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:10]
    readable = "-".join(str(p).lower() for p in parts[:5] if p)
    return re.sub(r"[^a-z0-9._-]+", "-", f"{readable}-{digest}")[:160]


def period_of(record: Mapping[str, Any]) -> tuple[int | None, int | None]:
    """(year_start, year_end) with the rules of section 3: a date alone gives its year as both."""
    start, end = record.get("year_start"), record.get("year_end")
    if start is None and end is None and record.get("date"):
        year = int(str(record["date"])[:4])
        return year, year
    if start is None:
        start = end
    if end is None:
        end = start
    return start, end
