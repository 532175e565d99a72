"""The observations table of the data page: dash-ag-grid column definitions, grid options in the page
language, and rows shaped for display (names in the language, values with their qualifier words) from
the section-2 observation frame. Pure functions: no database access, no callback context."""

from __future__ import annotations

import json
import math
import re
from typing import Any, Mapping

import pandas as pd
from babel.numbers import format_decimal

from dashboard.i18n import LOCALES, lazy, t
from indicators.records import OBSERVATION_FIELDS

# Column headers, in the order of INTERFACES.md section 2.
HEADERS = {
    "id": lazy("ID"),
    "programme": lazy("Programme"),
    "indicator": lazy("Indicator"),
    "unit": lazy("Unit"),
    "kind": lazy("Kind"),
    "qualifier": lazy("Qualifier"),
    "value": lazy("Value"),
    "year_start": lazy("From year"),
    "year_end": lazy("To year"),
    "date": lazy("Date"),
    "country": lazy("Country"),
    "region": lazy("Region"),
    "subdivision": lazy("Province or state"),
    "source_id": lazy("Source ID"),
    "source_document": lazy("Source document"),
    "source_section": lazy("Source section"),
    "source_quote": lazy("Quote (original)"),
    "source_figure": lazy("Figure as written"),
    "source_quote_en": lazy("Quote (English)"),
    "note": lazy("Note"),
}
assert tuple(HEADERS) == OBSERVATION_FIELDS

# Disaggregation dimensions the documents use; any other dimension keeps its own name as header.
DIMENSIONS = {"sex": lazy("Sex"), "age": lazy("Age")}

# Qualifier words as a value is shown ("about 250", "more than 100 million").
QUALIFIER_WORDS = {
    "exact": "", "approx": lazy("about"), "more_than": lazy("more than"), "at_least": lazy("at least"),
    "less_than": lazy("less than"), "up_to": lazy("up to"),
}
# Qualifier column: every qualifier in words, "exact" included.
QUALIFIER_NAMES = {**QUALIFIER_WORDS, "exact": lazy("exact")}
KIND_NAMES = {
    "actual": lazy("actual"), "target": lazy("target"), "baseline": lazy("baseline"),
    "estimate": lazy("estimate"), "context": lazy("context"),
}
UNIT_NAMES = {
    "people": lazy("people"), "countries": lazy("countries"), "events": lazy("events"),
    "organisations": lazy("organisations"), "percent": lazy("percent"), "jobs": lazy("jobs"),
}

# AG Grid's own interface texts that the table shows (pagination, filter menus, empty state).
GRID_TEXTS = {
    "page": lazy("Page"), "of": lazy("of"), "to": lazy("to"), "more": lazy("more"),
    "firstPage": lazy("First page"), "lastPage": lazy("Last page"), "nextPage": lazy("Next page"),
    "previousPage": lazy("Previous page"), "pageSizeSelectorLabel": lazy("Rows per page:"),
    "ariaPageSizeSelectorLabel": lazy("Rows per page"),
    "noRowsToShow": lazy("No observation matches these filters."), "loadingOoo": lazy("Loading…"),
    "filterOoo": lazy("Filter…"), "searchOoo": lazy("Search…"), "contains": lazy("Contains"),
    "notContains": lazy("Does not contain"), "equals": lazy("Equals"), "notEqual": lazy("Does not equal"),
    "startsWith": lazy("Begins with"), "endsWith": lazy("Ends with"), "blank": lazy("Blank"),
    "notBlank": lazy("Not blank"), "lessThan": lazy("Less than"), "greaterThan": lazy("Greater than"),
    "lessThanOrEqual": lazy("Less than or equal to"), "greaterThanOrEqual": lazy("Greater than or equal to"),
    "inRange": lazy("Between"), "inRangeStart": lazy("From"), "inRangeEnd": lazy("To"),
    "andCondition": lazy("AND"), "orCondition": lazy("OR"), "applyFilter": lazy("Apply"),
    "resetFilter": lazy("Reset"), "clearFilter": lazy("Clear"), "cancelFilter": lazy("Cancel"),
    "filterConditions": lazy("Conditions"), "ariaFilterInput": lazy("Filter input"),
    "ariaFilterValue": lazy("Filter value"), "ariaFilteringOperator": lazy("Filtering operator"),
    "ariaFilterColumnsInput": lazy("Filter columns input"), "ariaColumnFiltered": lazy("Column filtered"),
    "ariaSortableColumn": lazy("Press Enter to sort"), "ariaMenuColumn": lazy("Press Alt Down to open the column menu"),
    "ariaFilterMenuOpen": lazy("Open filter menu"), "ariaRowPageSize": lazy("Rows per page"),
    "ariaSearch": lazy("Search"),
}

PAGE_SIZE = 50


def _number(value: float, lang: str) -> str:
    return format_decimal(value, locale=LOCALES.get(lang, "en").replace("-", "_"), group_separator=True)


def value_label(value: Any, qualifier: str | None, unit: str | None, lang: str = "en") -> str:
    """The value as the table shows it: qualifier words, grouped digits, a percent sign for percent
    values ("about 250", "more than 100,000,000", "约10%")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    number = _number(value, lang) + ("%" if unit == "percent" else "")
    word = QUALIFIER_WORDS.get(qualifier or "exact", "")
    if not word:
        return number
    word = t(word, lang)
    # Chinese sets no space between 约/超过 and the figure
    return f"{word}{number}" if lang == "zh" else f"{word} {number}"


def _js(text: str) -> str:
    """A string literal for an AG Grid function expression."""
    return json.dumps(text, ensure_ascii=False)


def column_defs(lang: str = "en", dimensions: list[str] | tuple[str, ...] = ()) -> list[dict]:
    """AG Grid column definitions, one per field of section 2 (then one per disaggregation
    dimension). Names are displayed in `lang`; the codes are in each cell's tooltip; the value
    column sorts and filters on the number and shows the qualifier words."""
    not_stated = _js(t("not stated", lang))
    year_formatter = {"function": f"params.value == null ? {not_stated} : String(params.value)"}

    def text(field: str, width: int = 150, **extra) -> dict:
        return {"field": field, "colId": field, "headerName": t(HEADERS.get(field, field), lang),
                "width": width, "filter": "agTextColumnFilter", **extra}

    wrapped = {"wrapText": True, "autoHeight": True, "cellClass": "cell-wrap"}
    columns = [
        text("id", 230),
        text("programme", 260, field="programme_name", tooltipField="programme", **wrapped),
        text("indicator", 210, field="indicator_name", tooltipField="indicator", **wrapped),
        text("unit", 120, field="unit_name", tooltipField="unit"),
        text("kind", 120, field="kind_name", tooltipField="kind"),
        text("qualifier", 130, field="qualifier_name", tooltipField="qualifier"),
        {"field": "value", "colId": "value", "headerName": t(HEADERS["value"], lang), "width": 170,
         "type": "numericColumn", "filter": "agNumberColumnFilter", "cellDataType": "number",
         "valueFormatter": {"function": "params.data ? params.data.value_label : String(params.value)"},
         "tooltipField": "value_label"},
        {"field": "year_start", "colId": "year_start", "headerName": t(HEADERS["year_start"], lang), "width": 125,
         "type": "numericColumn", "filter": "agNumberColumnFilter", "cellDataType": "number",
         "valueFormatter": year_formatter},
        {"field": "year_end", "colId": "year_end", "headerName": t(HEADERS["year_end"], lang), "width": 125,
         "type": "numericColumn", "filter": "agNumberColumnFilter", "cellDataType": "number",
         "valueFormatter": year_formatter},
        text("date", 120),
        text("country", 170, field="country_name", tooltipField="country"),
        text("region", 170, field="region_name", tooltipField="region"),
        text("subdivision", 130),
        text("source_id", 190),
        text("source_document", 230),
        text("source_section", 220, **wrapped),
        text("source_quote", 420, cellRenderer="SourceQuote", **wrapped),
        text("source_figure", 130, cellClass="cell-figure"),
        text("source_quote_en", 420, **wrapped),
        text("note", 320, **wrapped),
    ]
    for dim in dimensions:
        columns.append(text(f"dim_{dim}", 120, headerName=t(DIMENSIONS[dim], lang) if dim in DIMENSIONS else dim))
    for column in columns:
        column.setdefault("cellDataType", "text")
    return columns


def grid_options(lang: str = "en") -> dict:
    """Options of the grid: client-side pagination, keyboard-friendly DOM order, texts in `lang`."""
    options = {
        "pagination": True,
        "paginationPageSize": PAGE_SIZE,
        "paginationPageSizeSelector": [25, 50, 100, 500],
        "domLayout": "autoHeight",
        "enableCellTextSelection": True,
        "ensureDomOrder": True,
        "animateRows": False,
        "tooltipShowDelay": 400,
        "suppressDragLeaveHidesColumns": True,
        "overlayNoRowsTemplate": t(GRID_TEXTS["noRowsToShow"], lang),
    }
    if lang != "en":
        options["localeText"] = {key: t(text, lang) for key, text in GRID_TEXTS.items()}
    return options


DEFAULT_COLUMN = {"sortable": True, "filter": True, "resizable": True, "floatingFilter": True,
                  "suppressHeaderMenuButton": False, "minWidth": 90}


def _plain(value: Any) -> Any:
    """JSON-ready scalar: NaN/NA -> None, whole floats -> int."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if hasattr(value, "item") and not isinstance(value, (str, dict, list)):
        return _plain(value.item())
    return value


def dimensions_of(frame: pd.DataFrame) -> list[str]:
    if "disaggregation" not in frame or frame.empty:
        return []
    return sorted({key for d in frame["disaggregation"] if isinstance(d, Mapping) for key in d})


def grid_rows(frame: pd.DataFrame, *, lang: str = "en", programme_names: Mapping[str, str] | None = None,
              indicator_names: Mapping[str, str] | None = None, country_names: Mapping[str, str] | None = None,
              area_names: Mapping[str, str] | None = None) -> list[dict]:
    """Rows for the grid: every section-2 field (codes as stored), plus display fields with names in
    `lang` (`programme_name`, `indicator_name`, ...), `value_label` and `dim_<name>` per dimension."""
    programme_names = programme_names or {}
    indicator_names = indicator_names or {}
    country_names = country_names or {}
    area_names = area_names or {}
    dims = dimensions_of(frame)
    rows = []
    for record in frame.to_dict("records"):
        row = {name: _plain(record.get(name)) for name in OBSERVATION_FIELDS}
        row = {k: (None if v == "" else v) for k, v in row.items()}
        programme, indicator = row["programme"], row["indicator"]
        row["programme_name"] = programme_names.get(programme, programme) if programme else "—"
        row["indicator_name"] = indicator_names.get(indicator, indicator)
        row["unit_name"] = t(UNIT_NAMES[row["unit"]], lang) if row["unit"] in UNIT_NAMES else row["unit"]
        row["kind_name"] = t(KIND_NAMES[row["kind"]], lang) if row["kind"] in KIND_NAMES else row["kind"]
        row["qualifier_name"] = (t(QUALIFIER_NAMES[row["qualifier"]], lang)
                                 if row["qualifier"] in QUALIFIER_NAMES else row["qualifier"])
        row["value_label"] = value_label(row["value"], row["qualifier"], row["unit"], lang)
        row["country_name"] = country_names.get(row["country"], row["country"]) if row["country"] else None
        row["region_name"] = area_names.get(row["region"], row["region"]) if row["region"] else None
        disaggregation = record.get("disaggregation") or {}
        for dim in dims:
            row[f"dim_{dim}"] = disaggregation.get(dim)
        rows.append(row)
    return rows


def download_name(query: Mapping[str, str], fmt: str) -> str:
    """`observations-<filters>.<fmt>`: the filters of the view (language left out, since the file is
    the same in every language), e.g. `observations-programme-TRANSFORM_year_from-2017.csv`."""
    parts = [f"{name}-{value.replace(',', '+')}" for name, value in query.items() if name != "lang" and value]
    stem = "_".join(parts) or "all"
    stem = re.sub(r"[^A-Za-z0-9._+-]+", "-", stem)[:150].strip("-_.") or "all"
    return f"observations-{stem}.{fmt}"
