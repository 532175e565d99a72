"""Validation of incoming records (seed files and imports share it): every problem is reported with
its file, row and column, and a batch with any problem is refused whole."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Mapping

from indicators import records as R
from indicators.tables import AGGREGATIONS, EVENT_STATUSES, KINDS, PROGRAMME_STATUSES, QUALIFIERS

SPREADSHEET_ESCAPE = ("=", "+", "-", "@", "\t", "\r")


@dataclass(frozen=True)
class Issue:
    file: str
    row: int | str
    column: str
    message: str


class ValidationError(Exception):
    """Raised with every issue found; nothing has been written when it is raised."""

    def __init__(self, issues: list[Issue]):
        self.issues = issues
        super().__init__(self.as_table())

    def as_table(self) -> str:
        rows = [("file", "row", "column", "message")] + [
            (i.file, str(i.row), i.column, i.message) for i in self.issues
        ]
        widths = [max(len(r[c]) for r in rows) for c in range(3)]
        return "\n".join(
            "  ".join(r[c].ljust(widths[c]) for c in range(3)) + "  " + r[3] for r in rows
        )


@dataclass
class KnownCodes:
    """Codes a record may refer to: what the database holds plus what the same batch adds."""

    countries: set[str] = field(default_factory=set)
    areas: set[str] = field(default_factory=set)
    programmes: set[str] = field(default_factory=set)
    indicators: dict[str, str] = field(default_factory=dict)  # code -> unit
    sources: dict[str, str] = field(default_factory=dict)  # id -> document
    sdg_targets: set[str] = field(default_factory=set)
    event_types: set[str] = field(default_factory=set)


class _Checker:
    """Collects issues for one file while normalising its rows."""

    def __init__(self, file: str):
        self.file = file
        self.issues: list[Issue] = []

    def add(self, row: int | str, column: str, message: str) -> None:
        self.issues.append(Issue(self.file, row, column, message))

    def raise_if_any(self) -> None:
        if self.issues:
            raise ValidationError(self.issues)


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or (
        isinstance(value, str) and value.strip() == ""
    )


def text(value: Any) -> str | None:
    """A trimmed string, or None; undoes the spreadsheet-formula escape (a leading ')."""
    if blank(value):
        return None
    s = str(value).strip() if not isinstance(value, str) else value.strip()
    if len(s) > 1 and s[0] == "'" and s[1] in SPREADSHEET_ESCAPE:
        s = s[1:]
    return s


def _number(ck: _Checker, row, column, value, *, integer=False, required=False):
    if blank(value):
        if required:
            ck.add(row, column, "is required")
        return None
    if isinstance(value, bool):
        ck.add(row, column, f"must be a number, not {value!r}")
        return None
    try:
        number = float(str(value).replace(",", "")) if isinstance(value, str) else float(value)
    except (TypeError, ValueError):
        ck.add(row, column, f"must be a number, not {value!r}")
        return None
    if not math.isfinite(number):
        ck.add(row, column, f"must be a finite number, not {value!r}")
        return None
    if integer:
        if number != int(number):
            ck.add(row, column, f"must be a whole number, not {value!r}")
            return None
        return int(number)
    return int(number) if number.is_integer() and abs(number) < 2**53 else number


def _year(ck, row, column, value):
    year = _number(ck, row, column, value, integer=True)
    if year is not None and not 1900 <= year <= 2100:
        ck.add(row, column, f"year {year} is outside 1900-2100")
        return None
    return year


def _choice(ck, row, column, value, allowed: Iterable[str], *, required=False, default=None):
    value = text(value)
    if value is None:
        if required and default is None:
            ck.add(row, column, "is required")
        return default
    if value not in allowed:
        ck.add(row, column, f"{value!r} is not one of {', '.join(sorted(allowed))}")
        return None
    return value


def _ref(ck, row, column, value, known: Iterable[str], what: str, *, required=False, transform=str):
    value = text(value)
    if value is None:
        if required:
            ck.add(row, column, "is required")
        return None
    value = transform(value)
    if value not in known:
        ck.add(row, column, f"unknown {what} {value!r}")
        return None
    return value


def as_list(value: Any) -> list[str]:
    if blank(value):
        return []
    if isinstance(value, str):
        return [p.strip() for p in value.split(",") if p.strip()]
    return [str(v).strip() for v in value if not blank(v)]


def _quotes(ck, row, value, known: KnownCodes, *, column="sources") -> list[dict]:
    out = []
    for i, quote in enumerate(value or []):
        if not isinstance(quote, Mapping):
            ck.add(row, column, f"item {i + 1} must be a mapping of {', '.join(R.QUOTE_FIELDS)}")
            continue
        source_id = _ref(ck, row, f"{column}[{i + 1}].source_id", quote.get("source_id"), known.sources,
                         "source", required=True)
        out.append({
            "source_id": source_id,
            "source_section": text(quote.get("source_section")) or "",
            "source_quote": text(quote.get("source_quote")) or "",
            "source_quote_en": text(quote.get("source_quote_en")) or "",
        })
    return out


def _check_date(ck, row, value):
    value = text(value)
    if value is not None and not R.DATE.match(value):
        ck.add(row, "date", f"{value!r} is not YYYY-MM or YYYY-MM-DD")
        return None
    return value


def validate_sources(rows: list[Mapping], *, file: str, known: KnownCodes) -> list[dict]:
    ck, out = _Checker(file), []
    for n, raw in enumerate(rows, start=1):
        rec = {
            "id": text(raw.get("id")), "document": text(raw.get("document")),
            "title": text(raw.get("title")) or "", "publisher": text(raw.get("publisher")) or "",
            "year": _year(ck, n, "year", raw.get("year")), "url": text(raw.get("url")),
            "licence": text(raw.get("licence")) or "",
        }
        if not rec["id"] or not R.RECORD_ID.match(rec["id"]):
            ck.add(n, "id", f"{rec['id']!r} is not a lower-case id")
        if not rec["document"]:
            ck.add(n, "document", "is required")
        out.append(rec)
    _unique(ck, out, "id")
    ck.raise_if_any()
    known.sources.update({r["id"]: r["document"] for r in out})
    return out


def validate_indicators(rows: list[Mapping], *, file: str, known: KnownCodes) -> list[dict]:
    ck, out = _Checker(file), []
    for n, raw in enumerate(rows, start=1):
        rec = {f: text(raw.get(f)) for f in R.INDICATOR_FIELDS}
        if not rec["code"] or not R.INDICATOR_CODE.match(rec["code"]):
            ck.add(n, "code", f"{rec['code']!r} is not a snake_case code")
        for required in ("name_en", "unit"):
            if not rec[required]:
                ck.add(n, required, "is required")
        rec["aggregation"] = _choice(ck, n, "aggregation", raw.get("aggregation"), AGGREGATIONS, required=True)
        rec["event_type"] = _ref(ck, n, "event_type", raw.get("event_type"), known.event_types, "event type")
        if rec["aggregation"] == "count_events" and not rec["event_type"]:
            ck.add(n, "event_type", "is required for the count_events rule")
        for f in ("name_zh", "name_fr", "name_es", "definition_en", "definition_zh"):
            rec[f] = rec[f] or ""
        out.append(rec)
    _unique(ck, out, "code")
    ck.raise_if_any()
    known.indicators.update({r["code"]: r["unit"] for r in out})
    return out


def validate_programmes(rows: list[Mapping], *, file: str, known: KnownCodes) -> list[dict]:
    ck, out = _Checker(file), []
    list_checks: dict[str, Callable[[str], bool]] = {
        "countries": lambda v: v in known.countries,
        "regions": lambda v: v in known.areas,
        "subdivisions": lambda v: bool(R.SUBDIVISION.match(v)),
        "sdg_targets": lambda v: v in known.sdg_targets,
    }
    for n, raw in enumerate(rows, start=1):
        rec = {
            "code": text(raw.get("code")), "name_en": text(raw.get("name_en")),
            "name_zh": text(raw.get("name_zh")) or "",
            "description_en": text(raw.get("description_en")) or "",
            "description_zh": text(raw.get("description_zh")) or "",
            "status": _choice(ck, n, "status", raw.get("status"), PROGRAMME_STATUSES),
            "year_start": _year(ck, n, "year_start", raw.get("year_start")),
            "year_end": _year(ck, n, "year_end", raw.get("year_end")),
            "note": text(raw.get("note")) or "",
            "synthetic": bool(raw.get("synthetic", False)),
        }
        if not rec["code"] or not R.PROGRAMME_CODE.match(rec["code"]):
            ck.add(n, "code", f"{rec['code']!r} is not an upper-case code of 2-32 letters, digits or -")
        if not rec["name_en"]:
            ck.add(n, "name_en", "is required")
        if rec["year_start"] and rec["year_end"] and rec["year_start"] > rec["year_end"]:
            ck.add(n, "year_end", f"{rec['year_end']} is before year_start {rec['year_start']}")
        for name in R.PROGRAMME_LIST_FIELDS:
            items = as_list(raw.get(name))
            check = list_checks.get(name)
            for item in items:
                if check and not check(item):
                    ck.add(n, name, f"unknown {name[:-1].replace('_', ' ')} {item!r}")
            rec[name] = items
        rec["sources"] = _quotes(ck, n, raw.get("sources"), known)
        out.append(rec)
    _unique(ck, out, "code")
    ck.raise_if_any()
    known.programmes.update(r["code"] for r in out)
    return out


def validate_events(rows: list[Mapping], *, file: str, known: KnownCodes) -> list[dict]:
    ck, out = _Checker(file), []
    for n, raw in enumerate(rows, start=1):
        rec = {
            "id": text(raw.get("id")),
            "programme": _ref(ck, n, "programme", raw.get("programme"), known.programmes, "programme"),
            "type": _ref(ck, n, "type", raw.get("type"), known.event_types, "event type", required=True),
            "title_en": text(raw.get("title_en")) or "", "title_zh": text(raw.get("title_zh")) or "",
            "year": _year(ck, n, "year", raw.get("year")), "date": _check_date(ck, n, raw.get("date")),
            "city": text(raw.get("city")),
            "country": _ref(ck, n, "country", raw.get("country"), known.countries, "country", transform=str.upper),
            "region": _ref(ck, n, "region", raw.get("region"), known.areas, "area"),
            "latitude": _number(ck, n, "latitude", raw.get("latitude")),
            "longitude": _number(ck, n, "longitude", raw.get("longitude")),
            "location_source": text(raw.get("location_source")) or "",
            "status": _choice(ck, n, "status", raw.get("status"), EVENT_STATUSES, required=True),
            "participants": _number(ck, n, "participants", raw.get("participants")),
            "note": text(raw.get("note")) or "",
        }
        if not rec["id"] or not R.RECORD_ID.match(rec["id"]):
            ck.add(n, "id", f"{rec['id']!r} is not a lower-case id")
        if rec["date"] and rec["year"] and int(rec["date"][:4]) != rec["year"]:
            ck.add(n, "date", f"{rec['date']} is not in year {rec['year']}")
        if rec["date"] and not rec["year"]:
            rec["year"] = int(rec["date"][:4])
        if (rec["latitude"] is None) != (rec["longitude"] is None):
            ck.add(n, "longitude", "latitude and longitude go together")
        if rec["latitude"] is not None and not rec["location_source"]:
            ck.add(n, "location_source", "coordinates need their source")
        countries = []
        for item in as_list(raw.get("participant_countries")):
            if item.upper() not in known.countries:
                ck.add(n, "participant_countries", f"unknown country {item!r}")
            countries.append(item.upper())
        rec["participant_countries"] = countries
        rec["sources"] = _quotes(ck, n, raw.get("sources"), known)
        out.append(rec)
    _unique(ck, out, "id")
    ck.raise_if_any()
    return out


def validate_observations(rows: list[Mapping], *, file: str, known: KnownCodes,
                          disaggregation_columns: Iterable[str] = (), first_row: int = 1) -> list[dict]:
    """Observations as section 2 (CSV rows or YAML mappings); ids are made where empty."""
    ck, out = _Checker(file), []
    for n, raw in enumerate(rows, start=first_row):
        indicator = _ref(ck, n, "indicator", raw.get("indicator"), known.indicators, "indicator", required=True)
        rec = {
            "id": text(raw.get("id")),
            "programme": _ref(ck, n, "programme", raw.get("programme"), known.programmes, "programme"),
            "indicator": indicator,
            "kind": _choice(ck, n, "kind", raw.get("kind"), KINDS, required=True),
            "qualifier": _choice(ck, n, "qualifier", raw.get("qualifier"), QUALIFIERS, default="exact"),
            "value": _number(ck, n, "value", raw.get("value"), required=True),
            "year_start": _year(ck, n, "year_start", raw.get("year_start")),
            "year_end": _year(ck, n, "year_end", raw.get("year_end")),
            "date": _check_date(ck, n, raw.get("date")),
            "country": _ref(ck, n, "country", raw.get("country"), known.countries, "country", transform=str.upper),
            "region": _ref(ck, n, "region", raw.get("region"), known.areas, "area"),
            "subdivision": text(raw.get("subdivision")),
            "source_id": text(raw.get("source_id")),
            "source_section": text(raw.get("source_section")) or "",
            "source_quote": text(raw.get("source_quote")) or "",
            "source_figure": text(raw.get("source_figure")) or "",
            "source_quote_en": text(raw.get("source_quote_en")) or "",
            "note": text(raw.get("note")) or "",
        }
        unit = text(raw.get("unit"))
        if indicator and unit and unit != known.indicators[indicator]:
            ck.add(n, "unit", f"{unit!r} does not match the unit of {indicator} ({known.indicators[indicator]!r})")
        document = text(raw.get("source_document"))
        if not document:
            ck.add(n, "source_document", "is required")
        elif rec["source_id"] is None:
            matches = [sid for sid, doc in known.sources.items() if doc == document]
            if len(matches) == 1:
                rec["source_id"] = matches[0]
            else:
                ck.add(n, "source_document", f"{document!r} is not a registered source; register it or give source_id")
        elif rec["source_id"] not in known.sources:
            ck.add(n, "source_id", f"unknown source {rec['source_id']!r}")
        elif known.sources[rec["source_id"]] != document:
            ck.add(n, "source_document", f"{document!r} is not the document of source {rec['source_id']!r}")
        if rec["subdivision"] and not R.SUBDIVISION.match(rec["subdivision"]):
            ck.add(n, "subdivision", f"{rec['subdivision']!r} is not an ISO 3166-2 code")
        if rec["year_start"] and rec["year_end"] and rec["year_start"] > rec["year_end"]:
            ck.add(n, "year_end", f"{rec['year_end']} is before year_start {rec['year_start']}")
        if rec["date"]:
            year = int(rec["date"][:4])
            if rec["year_start"] is None and rec["year_end"] is None:
                rec["year_start"] = rec["year_end"] = year
            elif not (rec["year_start"] or year) <= year <= (rec["year_end"] or year):
                ck.add(n, "date", f"{rec['date']} lies outside the period {rec['year_start']}-{rec['year_end']}")
        elif (rec["year_start"] is None) != (rec["year_end"] is None):
            rec["year_start"], rec["year_end"] = R.period_of(rec)
        if rec["source_figure"] and rec["source_quote"] and rec["source_figure"] not in rec["source_quote"]:
            ck.add(n, "source_figure", f"{rec['source_figure']!r} is not in source_quote")
        disaggregation = dict(raw.get("disaggregation") or {})
        for column in disaggregation_columns:
            if not blank(raw.get(column)):
                disaggregation[column] = text(raw.get(column))
        rec["disaggregation"] = R.canonical_disaggregation(disaggregation)
        if not rec["id"]:
            rec["id"] = R.make_observation_id(rec)
        elif not R.RECORD_ID.match(rec["id"]):
            ck.add(n, "id", f"{rec['id']!r} is not a lower-case id of letters, digits, '.', '_' or '-'")
        out.append(rec)
    _unique(ck, out, "id", first_row=first_row)
    ck.raise_if_any()
    return out


def _unique(ck: _Checker, rows: list[dict], key: str, first_row: int = 1) -> None:
    seen: dict[Any, int] = {}
    for n, rec in enumerate(rows, start=first_row):
        value = rec.get(key)
        if value is None:
            continue
        if value in seen:
            ck.add(n, key, f"{value!r} repeats row {seen[value]}")
        else:
            seen[value] = n
