"""Writing records as CSV, XLSX and JSON (INTERFACES.md section 2): deterministic bytes, spreadsheet
formulas neutralised, the CSV a valid import."""

from __future__ import annotations

import io
import json
import math
import re
from typing import Any

import pandas as pd

from indicators.records import EVENT_FIELDS, OBSERVATION_FIELDS, PROGRAMME_FIELDS, SOURCE_FIELDS
from indicators.validation import SPREADSHEET_ESCAPE

TABLE_FIELDS = {
    "observations": OBSERVATION_FIELDS,
    "events": EVENT_FIELDS,
    "programmes": PROGRAMME_FIELDS,
    "sources": SOURCE_FIELDS,
}
CITATION = ("Source: ILO publications as quoted in each row (source_document, source_quote); "
            "compiled by the SDG programme M&E dashboard. Code MIT; quotes with attribution to the ILO.")


def _clean(value: Any) -> Any:
    """JSON-ready scalar: NaN and NA become None, whole floats become ints."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        return int(value) if value.is_integer() and abs(value) < 2**53 else value
    if hasattr(value, "item") and not isinstance(value, (list, dict, str)):
        return _clean(value.item())
    if value is pd.NA:
        return None
    return value


def to_records(frame: pd.DataFrame, table: str) -> list[dict]:
    """Records as section 2 (JSON form): lists stay lists, disaggregation an object, empty -> null."""
    fields = list(TABLE_FIELDS[table])
    extra = ["disaggregation"] if table == "observations" else []
    out = []
    for rec in frame[fields + extra].to_dict("records"):
        clean = {}
        for key, value in rec.items():
            if isinstance(value, (list, dict)):
                clean[key] = value
            else:
                value = _clean(value)
                clean[key] = None if value == "" else value
        out.append(clean)
    return out


def _escape(value: Any) -> Any:
    if isinstance(value, str) and value and value[0] in SPREADSHEET_ESCAPE:
        return "'" + value
    return value


def to_flat_frame(frame: pd.DataFrame, table: str) -> pd.DataFrame:
    """The CSV/XLSX shape: lists joined with ',', a list of sources becomes `source_ids`, one column per
    disaggregation dimension after the fields, text that could run as a formula escaped."""
    records = to_records(frame, table)
    fields = list(TABLE_FIELDS[table])
    rows = []
    dims: list[str] = sorted({k for r in records for k in (r.get("disaggregation") or {})})
    for rec in records:
        row = {}
        for name in fields:
            value = rec.get(name)
            if name == "sources":
                row["source_ids"] = ",".join(dict.fromkeys(q["source_id"] for q in value or []))
            elif isinstance(value, list):
                row[name] = ",".join(str(v) for v in value)
            else:
                row[name] = value
        for dim in dims:
            row[dim] = (rec.get("disaggregation") or {}).get(dim)
        rows.append({k: _escape(v) for k, v in row.items()})
    columns = [("source_ids" if f == "sources" else f) for f in fields] + dims
    flat = pd.DataFrame(rows, columns=columns, dtype=object)  # years stay 2017, not 2017.0
    for name in ("value", "year_start", "year_end", "year", "participants"):
        if name in flat:
            flat[name] = flat[name].astype(object)
    return flat


def to_csv_bytes(frame: pd.DataFrame, table: str) -> bytes:
    flat = to_flat_frame(frame, table)
    buffer = io.StringIO()
    flat.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def to_json_bytes(frame: pd.DataFrame, table: str) -> bytes:
    return (json.dumps(to_records(frame, table), ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def to_xlsx_bytes(frame: pd.DataFrame, table: str) -> bytes:
    """Sheet 1 the records (numbers as numeric cells), sheet 2 the citation and licence."""
    from openpyxl import Workbook

    flat = to_flat_frame(frame, table)
    book = Workbook()
    sheet = book.active
    sheet.title = table
    sheet.append(list(flat.columns))
    for row in flat.itertuples(index=False):
        sheet.append([None if (isinstance(v, float) and math.isnan(v)) else v for v in row])
    about = book.create_sheet("about")
    about.append(["citation", CITATION])
    about.append(["licence", "Data quotes ILO documents with attribution; see each row's source."])
    buffer = io.BytesIO()
    # fixed workbook timestamps, so exporting the same data twice gives the same bytes
    from datetime import datetime

    book.properties.created = book.properties.modified = datetime(2000, 1, 1)
    book.save(buffer)
    return _normalise_zip(buffer.getvalue())


def _normalise_zip(data: bytes) -> bytes:
    """Rewrite the XLSX container with fixed member dates (zip entries carry the write time)."""
    import zipfile

    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            fixed = zipfile.ZipInfo(info.filename, date_time=(2000, 1, 1, 0, 0, 0))
            fixed.compress_type = zipfile.ZIP_DEFLATED
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":  # openpyxl stamps the save time here
                content = re.sub(rb"(<dcterms:(created|modified)[^>]*>)[^<]*", rb"\g<1>2000-01-01T00:00:00Z", content)
            target.writestr(fixed, content)
    return out.getvalue()


def render(frame: pd.DataFrame, table: str, fmt: str) -> bytes:
    if fmt == "csv":
        return to_csv_bytes(frame, table)
    if fmt == "json":
        return to_json_bytes(frame, table)
    if fmt == "xlsx":
        return to_xlsx_bytes(frame, table)
    raise ValueError(f"unknown format {fmt!r}")
