"""FilterState: the one filter object shared by pages, the HTTP API and the CLI (INTERFACES.md section 4).

Parsing is lenient for pages (bad values dropped with a notice) and strict for the API (first bad
value raises FilterError naming the parameter)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, fields, replace
from typing import Any, Iterable, Mapping
from urllib.parse import urlencode

from indicators.records import PROGRAMME_CODE, INDICATOR_CODE
from indicators.tables import KINDS, LANGUAGES

SDG_CODE = re.compile(r"^([1-9]|1[0-7])(\.([1-9]|1[0-9]|[a-z]))?$")
ISO3 = re.compile(r"^[A-Z]{3}$")
AREA = re.compile(r"^[a-z][a-z-]{1,31}$")
FILTER_NAMES = ("programme", "indicator", "kind", "sdg", "region", "country", "year_from", "year_to", "lang")


class FilterError(ValueError):
    def __init__(self, parameter: str, message: str):
        self.parameter = parameter
        self.message = message
        super().__init__(f"{parameter}: {message}")


@dataclass(frozen=True)
class FilterState:
    programme: tuple[str, ...] = ()
    indicator: tuple[str, ...] = ()
    kind: tuple[str, ...] = ()
    sdg: tuple[str, ...] = ()
    region: tuple[str, ...] = ()
    country: tuple[str, ...] = ()
    year_from: int | None = None
    year_to: int | None = None
    lang: str = "en"
    notices: tuple[str, ...] = field(default=(), compare=False)

    # -- parsing -----------------------------------------------------------------------------------
    @classmethod
    def from_query(cls, query: Mapping[str, Any], *, strict: bool = False,
                   known: Mapping[str, Iterable[str]] | None = None) -> "FilterState":
        """Build from a query mapping (values str or list). `known` maps a filter name to its valid
        codes (e.g. programmes in the database); values outside it are refused or dropped."""
        notices: list[str] = []

        def reject(name: str, message: str) -> None:
            if strict:
                raise FilterError(name, message)
            notices.append(f"{name}: {message}; ignored")

        def values(name: str) -> list[str]:
            raw = query.get(name)
            if raw is None:
                return []
            items = raw if isinstance(raw, (list, tuple)) else [raw]
            return [p.strip() for item in items for p in str(item).split(",") if p.strip()]

        def codes(name: str, pattern: re.Pattern, normalise=lambda s: s) -> tuple[str, ...]:
            out = []
            allowed = set(known[name]) if known and name in known else None
            for value in values(name):
                value = normalise(value)
                if not pattern.match(value):
                    reject(name, f"{value!r} is not a valid {name} code")
                elif allowed is not None and value not in allowed:
                    reject(name, f"unknown {name} {value!r}")
                elif value not in out:
                    out.append(value)
            return tuple(out)

        def year(name: str) -> int | None:
            items = values(name)
            if not items:
                return None
            if len(items) > 1 or not re.fullmatch(r"\d{4}", items[0]) or not 1900 <= int(items[0]) <= 2100:
                reject(name, f"{','.join(items)!r} is not a year between 1900 and 2100")
                return None
            return int(items[0])

        kinds = []
        for value in values("kind"):
            if value in KINDS:
                kinds.append(value)
            else:
                reject("kind", f"{value!r} is not one of {', '.join(KINDS)}")
        lang_values = values("lang")
        lang = "en"
        if lang_values:
            if lang_values[0] in LANGUAGES and len(lang_values) == 1:
                lang = lang_values[0]
            else:
                reject("lang", f"{','.join(lang_values)!r} is not one of {', '.join(LANGUAGES)}")
        year_from, year_to = year("year_from"), year("year_to")
        if year_from is not None and year_to is not None and year_from > year_to:
            reject("year_to", f"{year_to} is before year_from {year_from}")
            year_to = None
        if strict:
            allowed = set(FILTER_NAMES)
            for name in query:
                if name not in allowed and name not in ("by", "limit", "offset", "format"):
                    raise FilterError(name, f"unknown parameter {name!r}")
        return cls(
            programme=codes("programme", PROGRAMME_CODE, str.upper),
            indicator=codes("indicator", INDICATOR_CODE),
            kind=tuple(dict.fromkeys(kinds)),
            sdg=codes("sdg", SDG_CODE),
            region=codes("region", AREA, str.lower),
            country=codes("country", ISO3, str.upper),
            year_from=year_from, year_to=year_to, lang=lang, notices=tuple(notices),
        )

    # -- output ------------------------------------------------------------------------------------
    def to_query(self) -> dict[str, str]:
        """The non-empty filters as a query dict (lists comma-joined), in the documented order."""
        out: dict[str, str] = {}
        for name in FILTER_NAMES:
            value = getattr(self, name)
            if name == "lang":
                if value != "en":
                    out[name] = value
            elif isinstance(value, tuple):
                if value:
                    out[name] = ",".join(value)
            elif value is not None:
                out[name] = str(value)
        return out

    def to_query_string(self) -> str:
        query = self.to_query()
        return ("?" + urlencode(query, safe=",")) if query else ""

    def with_changes(self, **changes: Any) -> "FilterState":
        return replace(self, **changes)

    @property
    def has_year(self) -> bool:
        return self.year_from is not None or self.year_to is not None

    @property
    def has_place(self) -> bool:
        return bool(self.country or self.region)

    @property
    def sdg_goals(self) -> tuple[str, ...]:
        return tuple(s for s in self.sdg if "." not in s)

    @property
    def sdg_targets(self) -> tuple[str, ...]:
        return tuple(s for s in self.sdg if "." in s)

    def is_empty(self) -> bool:
        return not any(getattr(self, f.name) for f in fields(self) if f.name not in ("lang", "notices"))
