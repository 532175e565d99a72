"""The data page's observations table: ag-grid columns, options and display rows.

dash-ag-grid column definitions, grid options in the page language, and rows shaped for display
(names in the language, values with their qualifier words) from the section-2 observation frame.
Pure functions: no database access, no callback context."""

from __future__ import annotations

import json
import math
import re
from typing import Any, Mapping

import pandas as pd

from dashboard.figures.common import format_value, kind_label, unit_label
from dashboard.i18n import lazy, t
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

# Disaggregation dimensions the documents use; any other dimension keeps its own name as header.
DIMENSIONS = {"sex": lazy("Sex"), "age": lazy("Age")}

# The unit column: the unit on its own (the charts' unit words are made to follow a number).
UNIT_NAMES = {
    "people": lazy("number of people"), "countries": lazy("number of countries"),
    "events": lazy("number of events"), "organisations": lazy("number of organisations"),
    "jobs": lazy("number of jobs"), "percent": lazy("percent"),
}
# The qualifier column: how the source states the value, in words.
QUALIFIER_NAMES = {
    "exact": lazy("exact"), "approx": lazy("about"), "more_than": lazy("more than"), "at_least": lazy("at least"),
    "less_than": lazy("less than"), "up_to": lazy("up to"),
}

NO_ROWS = lazy("No observation matches these filters.")
# AG Grid's own interface texts that the table shows (pagination, filter menus, empty state).
GRID_TEXTS = {
    "page": lazy("Page"), "of": lazy("of"), "to": lazy("to"), "more": lazy("more"),
    "firstPage": lazy("First page"), "lastPage": lazy("Last page"), "nextPage": lazy("Next page"),
    "previousPage": lazy("Previous page"), "pageSizeSelectorLabel": lazy("Rows per page:"),
    "ariaPageSizeSelectorLabel": lazy("Rows per page"),
    "noRowsToShow": NO_ROWS, "loadingOoo": lazy("Loading…"),
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
# The grid's theme (AG Grid Theming API, styles built in the browser: no stylesheet from a CDN): the
# page's font and colours, text large enough for a projector, header text 14:1 on its background.
GRID_THEME = ("themeQuartz.withParams({fontFamily: 'inherit', fontSize: 16, headerFontSize: 16, "
              "headerFontWeight: 700, foregroundColor: '#1f2933', textColor: '#1f2933', accentColor: '#0a4d8c', "
              "headerBackgroundColor: '#f3f6f9', headerTextColor: '#1f2933', borderColor: '#c5ced8', "
              "oddRowBackgroundColor: '#fafbfc', wrapperBorderRadius: 6, spacing: 7})")


def value_label(value: Any, qualifier: str | None, unit: str | None, lang: str = "en") -> str:
    """The value as the table shows it, with the words and number format the charts use
    ("about 250", "more than 100,000,000", "约10%")."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return format_value(value, qualifier, lang) + ("%" if unit == "percent" else "")


def _js(text: str) -> str:
    """A string literal for an AG Grid function expression."""
    return json.dumps(text, ensure_ascii=False)


def column_defs(lang: str = "en", dimensions: list[str] | tuple[str, ...] = ()) -> list[dict]:
    """AG Grid column definitions, one per field of section 2 (then one per disaggregation
    dimension). Names are displayed in `lang`; the codes are in each cell's tooltip; the value
    column sorts and filters on the number and shows the qualifier words."""
    not_stated = _js(t("not stated", lang))
    year_formatter = {"function": f"params.value == null ? {not_stated} : String(params.value)"}

    def header(field: str) -> str:
        return t(HEADERS.get(field, field), lang)

    def text(column: str, width: int = 150, **extra) -> dict:
        if "headerName" not in extra:
            extra["headerName"] = header(column)
        return {"field": column, "colId": column, "width": width, "filter": "agTextColumnFilter", **extra}

    wrapped = {"wrapText": True, "autoHeight": True, "cellClass": "cell-wrap"}
    columns = [
        text("id", 240, **wrapped),
        text("programme", 260, field="programme_name", tooltipField="programme", **wrapped),
        text("indicator", 210, field="indicator_name", tooltipField="indicator", **wrapped),
        text("unit", 150, field="unit_name", tooltipField="unit", **wrapped),
        text("kind", 130, field="kind_name", tooltipField="kind", **wrapped),
        text("qualifier", 130, field="qualifier_name", tooltipField="qualifier"),
        {"field": "value", "colId": "value", "headerName": header("value"), "width": 210,
         **wrapped, "cellClass": ["cell-wrap", "ag-right-aligned-cell"],
         "type": "numericColumn", "filter": "agNumberColumnFilter", "cellDataType": "number",
         "valueFormatter": {"function": "params.data ? params.data.value_label : String(params.value)"},
         "tooltipField": "value_label"},
        {"field": "year_start", "colId": "year_start", "headerName": header("year_start"), "width": 125,
         "type": "numericColumn", "filter": "agNumberColumnFilter", "cellDataType": "number",
         "valueFormatter": year_formatter},
        {"field": "year_end", "colId": "year_end", "headerName": header("year_end"), "width": 125,
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
        "theme": {"function": GRID_THEME},
        "pagination": True,
        "paginationPageSize": PAGE_SIZE,
        "paginationPageSizeSelector": [25, 50, 100, 500],
        "domLayout": "autoHeight",
        "enableCellTextSelection": True,
        "ensureDomOrder": True,
        # every column in the DOM: screen readers, find-in-page and print see the whole row
        "suppressColumnVirtualisation": True,
        "animateRows": False,
        "tooltipShowDelay": 400,
        "suppressDragLeaveHidesColumns": True,
        # AG Grid's texts in the page language (in English: the grid's own, except the empty state)
        "localeText": ({key: t(text, lang) for key, text in GRID_TEXTS.items()} if lang != "en"
                       else {"noRowsToShow": t(NO_ROWS, lang)}),
    }
    return options


DEFAULT_COLUMN = {"sortable": True, "filter": True, "resizable": True, "floatingFilter": True,
                  "suppressHeaderMenuButton": False, "minWidth": 90}


def _plain(value: Any) -> Any:
    """JSON-ready scalar: NaN/NA/empty text -> None, whole floats -> int, numpy scalars -> Python."""
    if value is None or value is pd.NA:
        return None
    if isinstance(value, str):
        return value or None
    if isinstance(value, float):
        if value != value:  # NaN
            return None
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if hasattr(value, "item") and not isinstance(value, (dict, list)):
        return _plain(value.item())
    return value


def _column(values: list) -> list:
    """A column cleaned by _plain, fast for the common cases (text or None; floats)."""
    out = []
    append = out.append
    for value in values:
        if value is None:
            append(None)
        elif type(value) is str:
            append(value or None)
        elif type(value) is float:
            append(None if value != value else (int(value) if value.is_integer() and abs(value) < 2**53 else value))
        else:
            append(_plain(value))
    return out


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
    fields = list(OBSERVATION_FIELDS)
    columns = [_column(frame[name].tolist()) if name in frame else [None] * len(frame) for name in fields]
    disaggregations = frame["disaggregation"].tolist() if "disaggregation" in frame else [{}] * len(frame)
    # names and words, computed once per distinct code rather than once per row
    units = {u: t(UNIT_NAMES[u], lang) if u in UNIT_NAMES else unit_label(u, lang)
             for u in set(columns[fields.index("unit")])}
    kinds = {k: kind_label(k, lang) if k else None for k in set(columns[fields.index("kind")])}
    qualifiers = {q: t(QUALIFIER_NAMES[q], lang) if q in QUALIFIER_NAMES else q
                  for q in set(columns[fields.index("qualifier")])}
    rows = []
    for values, disaggregation in zip(zip(*columns), disaggregations):
        row = dict(zip(fields, values))
        programme, indicator, country, region = row["programme"], row["indicator"], row["country"], row["region"]
        row["programme_name"] = programme_names.get(programme, programme) if programme else "—"
        row["indicator_name"] = indicator_names.get(indicator, indicator)
        row["unit_name"] = units[row["unit"]]
        row["kind_name"] = kinds[row["kind"]]
        row["qualifier_name"] = qualifiers[row["qualifier"]]
        row["value_label"] = value_label(row["value"], row["qualifier"], row["unit"], lang)
        row["country_name"] = country_names.get(country, country) if country else None
        row["region_name"] = area_names.get(region, region) if region else None
        for dim in dims:
            row[f"dim_{dim}"] = (disaggregation or {}).get(dim)
        rows.append(row)
    return rows


def download_name(query: Mapping[str, str], fmt: str) -> str:
    """`observations-<filters>.<fmt>`: the filters of the view (language left out, since the file is
    the same in every language), e.g. `observations-programme-TRANSFORM_year_from-2017.csv`."""
    parts = [f"{name}-{value.replace(',', '+')}" for name, value in query.items() if name != "lang" and value]
    stem = "_".join(parts) or "all"
    stem = re.sub(r"[^A-Za-z0-9._+-]+", "-", stem)[:150].strip("-_.") or "all"
    return f"observations-{stem}.{fmt}"
