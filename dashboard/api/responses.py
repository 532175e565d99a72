"""Building API responses: the JSON envelope, the error object, CSV bodies and headers.

Every answer carries ETag (If-None-Match -> 304), Cache-Control, CORS under /api/v1, and Link."""

from __future__ import annotations

import io
import json
from typing import Any, Iterable
from urllib.parse import urlencode

import pandas as pd
from flask import Response, request

from dashboard.api.spec import MAX_AGE, PREFIX
from indicators.export import CITATION
from indicators.validation import SPREADSHEET_ESCAPE

CSV_CONTENT_TYPE = "text/csv; charset=utf-8"
JSON_CONTENT_TYPE = "application/json"
LICENCE = "Code MIT; the figures quote ILO documents with attribution (see each row's source)"


def json_response(payload: Any, status: int = 200) -> Response:
    """UTF-8 JSON (Chinese stays readable: no \\u escapes); NaN can never reach the body."""
    body = json.dumps(payload, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return Response(body.encode("utf-8"), status=status, content_type=JSON_CONTENT_TYPE)


def error_response(status: int, message: str, parameter: str | None = None) -> Response:
    return json_response({"error": {"status": status, "parameter": parameter, "message": message}}, status)


def envelope(rows: list, *, total: int, limit: int, offset: int, filters: dict, **meta: Any) -> dict:
    return {"data": rows, "meta": {"total": total, "limit": limit, "offset": offset, "filters": filters, **meta}}


def _escape(value: Any) -> Any:
    if isinstance(value, str) and value and value[0] in SPREADSHEET_ESCAPE:
        return "'" + value
    return value


def records_csv(records: Iterable[dict], columns: list[str]) -> bytes:
    """CSV of plain records in `columns` order: lists joined with ",", None empty, numbers as numbers,
    formula-like text escaped (the conventions of indicators.export)."""
    rows = []
    for record in records:
        row = []
        for name in columns:
            value = record.get(name)
            if isinstance(value, list):
                value = ",".join(str(v) for v in value)
            row.append(_escape(value))
        rows.append(row)
    frame = pd.DataFrame(rows, columns=columns, dtype=object)
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue().encode("utf-8")


def csv_response(body: bytes, content_type: str = CSV_CONTENT_TYPE) -> Response:
    return Response(body, status=200, content_type=content_type)


def paged(response: Response, *, total: int, limit: int, offset: int) -> Response:
    """Paging headers of a list: the total, and where the next page starts when this one is cut."""
    response.headers["X-Total-Count"] = str(total)
    if offset + limit < total and limit > 0:
        response.headers["X-Next-Offset"] = str(offset + limit)
    return response


def _link_header(next_offset: int | None) -> str:
    base = request.host_url.rstrip("/")
    links = [f'<{base}{PREFIX}/sources>; rel="cite-as"; title="{CITATION}"',
             f'<{base}/sources>; rel="license"; title="{LICENCE}"']
    if next_offset is not None:
        args = request.args.to_dict(flat=False)
        args["offset"] = [str(next_offset)]
        links.append(f'<{base}{request.path}?{urlencode(args, doseq=True, safe=",")}>; rel="next"')
    return ", ".join(links)


def finish(response: Response) -> Response:
    """Headers for every answer of the blueprint (called from its after_request)."""
    api_get = request.path.startswith(PREFIX) and request.method in ("GET", "HEAD")
    if api_get:
        response.headers["Access-Control-Allow-Origin"] = "*"
        response.headers["Access-Control-Expose-Headers"] = "ETag, Link, X-Total-Count"
    if request.path == "/healthz" or response.status_code >= 400:
        response.headers["Cache-Control"] = "no-store"
        return response
    if response.status_code == 200 and request.method in ("GET", "HEAD"):
        next_offset = response.headers.pop("X-Next-Offset", None)
        if api_get:
            response.headers["Link"] = _link_header(int(next_offset) if next_offset is not None else None)
        response.headers["Cache-Control"] = f"public, max-age={MAX_AGE}"
        response.add_etag()
        response.make_conditional(request)
    return response
