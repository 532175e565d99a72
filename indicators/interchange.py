"""Observations in the layouts other platforms read: Open SDG data CSV and SDMX-CSV 2.0 (pure pandas).

Both take the observation frame of `repository.observations` (the fields of INTERFACES.md section 2
plus `disaggregation` as a dict) and return a DataFrame in the other layout; `to_csv_bytes` writes it
with the same conventions as the CSV export (UTF-8, `\\n` line ends, no index, text that could run as a
spreadsheet formula escaped with a leading `'`, numbers as numbers). Rows keep the input order (by id),
so the same data gives the same bytes.

**Open SDG** (the data files of an Open SDG platform, e.g. `indicator_8-3-1.csv` of the UK's): `Year`
first, then the columns Open SDG treats as disaggregations - `Series` (the indicator code), `Kind`
(actual, target, ...), one column per disaggregation dimension (`sex` -> `Sex`; empty = total) -
then where the figure belongs - `Programme`, `Country` (ISO3), `Region` (area code), `Subdivision`
(ISO 3166-2) - then `Observation status` (the qualifier code: exact, approx, more_than...), `Units`,
and `Value` last. `Year` is the period as Open SDG writes it: `2017` for one year, `2017/18` for a
period of several years (as in the UK's `2002/03`), empty when the source states none.

**SDMX-CSV 2.0** (SDMX 3.0 CSV format): `STRUCTURE` = `dataflow`, `STRUCTURE_ID` = the dataflow
`SDGDASH:DF_PROGRAMME_RESULTS(1.0)` (agency `SDGDASH`, this dashboard; id `DF_PROGRAMME_RESULTS`;
version 1.0), `ACTION` = `I` (information); then the dimensions `REF_AREA` (ISO3 country, else the
area code, else `_Z` not applicable), `TIME_PERIOD` (`2017`, `2017-10` when the source dates it to a
month, a range `2016-01-01/P3Y` for a period of several years, empty when not stated), `INDICATOR`,
`PROGRAMME` (`_Z` for figures that are no programme's), `KIND`, one dimension per disaggregation
(`SEX`...; `_T` = total); then `OBS_VALUE`; then the attributes `UNIT_MEASURE`, `QUALIFIER`
(exact, approx, more_than, at_least, less_than, up_to), `SUBDIVISION`, `SOURCE` (the source document)
and `OBS_ID` (the observation's stable id)."""

from __future__ import annotations

import io
import math
import re
from typing import Any, Iterable

import pandas as pd

from indicators.validation import SPREADSHEET_ESCAPE

SDMX_AGENCY = "SDGDASH"
SDMX_DATAFLOW_ID = "DF_PROGRAMME_RESULTS"
SDMX_DATAFLOW_VERSION = "1.0"
SDMX_DATAFLOW = f"{SDMX_AGENCY}:{SDMX_DATAFLOW_ID}({SDMX_DATAFLOW_VERSION})"
SDMX_NOT_APPLICABLE = "_Z"
SDMX_TOTAL = "_T"
SDMX_MEDIA_TYPE = "application/vnd.sdmx.data+csv; version=2.0.0"

OPENSDG_HEAD = ("Year", "Series", "Kind")
OPENSDG_PLACE = ("Programme", "Country", "Region", "Subdivision")
OPENSDG_TAIL = ("Observation status", "Units", "Value")
SDMX_HEAD = ("STRUCTURE", "STRUCTURE_ID", "ACTION", "REF_AREA", "TIME_PERIOD", "INDICATOR", "PROGRAMME", "KIND")
SDMX_ATTRIBUTES = ("UNIT_MEASURE", "QUALIFIER", "SUBDIVISION", "SOURCE", "OBS_ID")


def _blank(value: Any) -> bool:
    if value is None or value is pd.NA or value == "":
        return True
    return isinstance(value, float) and math.isnan(value)


def _text(value: Any) -> str:
    return "" if _blank(value) else str(value)


def _year(value: Any) -> int | None:
    return None if _blank(value) else int(value)


def _number(value: Any) -> int | float:
    value = float(value)
    return int(value) if value.is_integer() and abs(value) < 2**53 else value


def _dimensions(rows: Iterable[dict]) -> list[str]:
    """Every disaggregation dimension named in the rows, sorted (the export's column order)."""
    return sorted({str(k) for row in rows for k in (row.get("disaggregation") or {})})


def _records(frame: pd.DataFrame) -> list[dict]:
    return frame.to_dict("records") if len(frame) else []


def opensdg_year(year_start: Any, year_end: Any) -> str:
    """`2017`; a period of several years as `2017/18` (the Open SDG convention); `` when not stated."""
    start, end = _year(year_start), _year(year_end)
    if start is None and end is None:
        return ""
    start, end = start if start is not None else end, end if end is not None else start
    if start == end:
        return str(start)
    tail = str(end)[2:] if str(end)[:2] == str(start)[:2] else str(end)
    return f"{start}/{tail}"


def sdmx_time_period(year_start: Any, year_end: Any, date: Any) -> str:
    """SDMX 3.0 time: the year, the month or day the source dates it to, or a range `YYYY-01-01/PnY`."""
    start, end = _year(year_start), _year(year_end)
    if start is None and end is None:
        return _text(date)
    start, end = start if start is not None else end, end if end is not None else start
    if start == end:
        text = _text(date)
        return text if text[:4] == str(start) else str(start)
    return f"{start}-01-01/P{end - start + 1}Y"


def _column_name(dimension: str) -> str:
    """`sex` -> `Sex`, `age_group` -> `Age group` (Open SDG columns are words)."""
    return dimension.replace("_", " ").strip().capitalize() or dimension


def _sdmx_id(dimension: str) -> str:
    """An SDMX component id: upper case letters, digits and `_`, starting with a letter."""
    name = re.sub(r"[^A-Za-z0-9_]", "_", dimension).upper()
    return name if name[:1].isalpha() else f"D_{name}"


def to_opensdg(frame: pd.DataFrame) -> pd.DataFrame:
    """Observations in the Open SDG data layout (module docstring)."""
    rows = _records(frame)
    dims = _dimensions(rows)
    columns = [*OPENSDG_HEAD, *(_column_name(d) for d in dims), *OPENSDG_PLACE, *OPENSDG_TAIL]
    out = []
    for row in rows:
        breakdown = row.get("disaggregation") or {}
        out.append([
            opensdg_year(row.get("year_start"), row.get("year_end")), row["indicator"], row["kind"],
            *(_text(breakdown.get(d)) for d in dims),
            _text(row.get("programme")), _text(row.get("country")), _text(row.get("region")),
            _text(row.get("subdivision")), _text(row.get("qualifier")), _text(row.get("unit")),
            _number(row["value"]),
        ])
    result = pd.DataFrame(out, columns=columns)
    result["Value"] = result["Value"].astype(object)
    return result


def to_sdmx_csv(frame: pd.DataFrame) -> pd.DataFrame:
    """Observations as SDMX-CSV 2.0 rows of the dataflow SDMX_DATAFLOW (module docstring)."""
    rows = _records(frame)
    dims = _dimensions(rows)
    columns = [*SDMX_HEAD, *(_sdmx_id(d) for d in dims), "OBS_VALUE", *SDMX_ATTRIBUTES]
    out = []
    for row in rows:
        breakdown = row.get("disaggregation") or {}
        area = _text(row.get("country")) or _text(row.get("region")) or SDMX_NOT_APPLICABLE
        out.append([
            "dataflow", SDMX_DATAFLOW, "I", area,
            sdmx_time_period(row.get("year_start"), row.get("year_end"), row.get("date")),
            row["indicator"], _text(row.get("programme")) or SDMX_NOT_APPLICABLE, row["kind"],
            *(_text(breakdown.get(d)) or SDMX_TOTAL for d in dims),
            _number(row["value"]),
            _text(row.get("unit")), _text(row.get("qualifier")), _text(row.get("subdivision")),
            _text(row.get("source_document")), _text(row.get("id")),
        ])
    result = pd.DataFrame(out, columns=columns)
    result["OBS_VALUE"] = result["OBS_VALUE"].astype(object)
    return result


def _escape(value: Any) -> Any:
    if isinstance(value, str) and value and value[0] in SPREADSHEET_ESCAPE:
        return "'" + value
    return value


def to_csv_bytes(frame: pd.DataFrame) -> bytes:
    """UTF-8 CSV of a frame from this module: header and rows only, formula-like text escaped."""
    escaped = frame.copy()
    for column in escaped.columns:
        escaped[column] = [_escape(v) for v in escaped[column]]
    buffer = io.StringIO()
    escaped.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def render(frame: pd.DataFrame, fmt: str) -> bytes:
    """`opensdg` or `sdmx-csv` bytes of an observation frame."""
    if fmt == "opensdg":
        return to_csv_bytes(to_opensdg(frame))
    if fmt == "sdmx-csv":
        return to_csv_bytes(to_sdmx_csv(frame))
    raise ValueError(f"unknown interchange format {fmt!r}")
