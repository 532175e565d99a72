"""The API's views: query -> checked parameters -> FilterState -> repository -> response.

The same repository and metrics functions as the dashboard and the CLI; out as JSON, CSV, Open SDG
or SDMX-CSV."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Callable

import pandas as pd
from flask import Blueprint, Response, current_app, request
from sqlalchemy import Engine, text
from sqlalchemy.exc import InterfaceError, OperationalError
from werkzeug.exceptions import HTTPException

from dashboard.api import openapi, responses, spec
from dashboard.api.params import ApiError, Request, parse
from indicators import __version__, export, interchange, metrics
from indicators import repository as repo
from indicators.db import get_engine
from indicators.filters import FilterState
from indicators.records import INDICATOR_FIELDS, PROGRAMME_CODE

log = logging.getLogger(__name__)
blueprint = Blueprint("api", __name__)
EXTENSION = "indicators_api"


@dataclass(frozen=True)
class ApiContext:
    """What the API of one app reads: its own database (bound when the app is created)."""

    database_url: str
    cache_redis_url: str = ""

    @property
    def engine(self) -> Engine:
        return get_engine(self.database_url)


def context() -> ApiContext:
    return current_app.extensions[EXTENSION]


def engine() -> Engine:
    return context().engine


def cached(key: tuple, compute: Callable[[], Any]) -> Any:
    """Through the dashboard's result cache (keyed by data version) when this app's database is the
    one the dashboard reads; computed each time otherwise (several apps in one process: tests)."""
    from dashboard import data

    if context().database_url == data.settings().database_url:
        return data.cache.get_or_compute(("api",) + key, compute)
    return compute()


def known_codes() -> dict[str, list[str]]:
    """The valid codes of each filter: the documented enumerations and FilterState's `known`."""
    def load() -> dict[str, list[str]]:
        e = engine()
        goals = repo.sdg_goals(e)
        targets = repo.sdg_targets(e)
        return {
            "programme": sorted(repo.labels(e, "programme")),
            "indicator": list(repo.indicators(e)["code"]),
            "sdg": list(goals["code"]) + list(targets["code"]),
            "region": sorted(repo.labels(e, "region")),
            "country": sorted(repo.labels(e, "country")),
        }
    return cached(("known_codes",), load)


def _parse(operation_id: str) -> tuple[spec.Endpoint, Request]:
    endpoint = spec.endpoint(operation_id)
    return endpoint, parse(endpoint, request.args, known_codes())


def _plain(value: Any) -> Any:
    """A scalar of a frame as JSON wants it: missing or empty text -> None."""
    if value is None or value is pd.NA or value == "" or (isinstance(value, float) and value != value):
        return None
    return value.item() if hasattr(value, "item") else value


def _localised(record: dict, name: str, lang: str) -> Any:
    value = _plain(record.get(f"{name}_{lang}"))
    return value if value is not None else _plain(record.get(f"{name}_en"))


def _list_response(endpoint: spec.Endpoint, req: Request, records: list[dict], *, csv: Callable[[list[dict]], bytes],
                   **meta: Any) -> Response:
    total = len(records)
    page = records[req.offset:req.offset + req.limit]
    if req.format == "csv":
        response = responses.csv_response(csv(page))
    else:
        response = responses.json_response(responses.envelope(
            page, total=total, limit=req.limit, offset=req.offset, filters=req.filters_meta(endpoint), **meta))
    return responses.paged(response, total=total, limit=req.limit, offset=req.offset)


# --- service -------------------------------------------------------------------------------------
def _cache_status() -> str:
    url = context().cache_redis_url
    if not url:
        return "ok"  # the in-process result cache
    try:
        import redis

        redis.Redis.from_url(url, socket_connect_timeout=1, socket_timeout=1).ping()
        return "ok"
    except Exception:  # noqa: BLE001 - any failure means the shared cache is off
        return "off"


@blueprint.get("/healthz")
def health() -> Response:
    database = "ok"
    try:
        with engine().connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any failure means unavailable
        log.warning("health check: database unavailable: %s", error)
        database = "unavailable"
    body = {"status": "ok" if database == "ok" else "unavailable", "database": database,
            "cache": _cache_status(), "version": __version__}
    return responses.json_response(body, 200 if database == "ok" else 503)


@blueprint.get(f"{spec.PREFIX}/openapi.json")
def openapi_document() -> Response:
    parse(spec.endpoint("openapi"), request.args, {})
    host = request.host_url
    return responses.json_response(cached(("openapi", host), lambda: openapi.build(known_codes(), host)))


@blueprint.get(spec.PREFIX)
@blueprint.get(f"{spec.PREFIX}/")
@blueprint.get(f"{spec.PREFIX}/<path:rest>")
def not_found(rest: str = "") -> Response:
    raise ApiError(404, spec.NOT_FOUND_HINT)


# --- records -------------------------------------------------------------------------------------
@blueprint.get(f"{spec.PREFIX}/programmes")
def programmes() -> Response:
    endpoint, req = _parse("listProgrammes")
    lang = req.filters.lang
    frame = cached(("programmes", req.filters), lambda: repo.programmes(engine(), req.filters, lang))
    return _list_response(endpoint, req, _programme_records(frame, lang),
                          csv=lambda page: export.to_csv_bytes(_page_frame(frame, page, "code"), "programmes"))


def _programme_records(frame: pd.DataFrame, lang: str) -> list[dict]:
    records = export.to_records(frame, "programmes")
    for record, raw in zip(records, frame.to_dict("records")):
        record["name"] = _localised(raw, "name", lang) or None
        record["description"] = _localised(raw, "description", lang) or None
    return records


def _page_frame(frame: pd.DataFrame, page: list[dict], key: str) -> pd.DataFrame:
    wanted = [r[key] for r in page]
    return frame.set_index(key, drop=False).loc[wanted].reset_index(drop=True) if wanted else frame.iloc[0:0]


@blueprint.get(f"{spec.PREFIX}/programmes/<code>")
def programme(code: str) -> Response:
    endpoint = spec.endpoint("getProgramme")
    code = code.strip().upper()
    known = known_codes()
    if not PROGRAMME_CODE.fullmatch(code) or code not in known["programme"]:
        raise ApiError(404, f"unknown programme {code!r}", "code")
    req = parse(endpoint, request.args, known)
    lang = req.filters.lang
    frame = cached(("programme", code, lang),
                   lambda: repo.programmes(engine(), FilterState(programme=(code,)), lang))
    if frame.empty:
        raise ApiError(404, f"unknown programme {code!r}", "code")
    record = _programme_records(frame, lang)[0]
    return responses.json_response({"data": record, "meta": {"filters": req.filters_meta(endpoint)}})


@blueprint.get(f"{spec.PREFIX}/indicators")
def indicators() -> Response:
    endpoint, req = _parse("listIndicators")
    lang = req.filters.lang
    frame = cached(("indicators", lang), lambda: repo.indicators(engine(), lang))
    if req.filters.indicator:
        frame = frame[frame["code"].isin(req.filters.indicator)]
    records = []
    for raw in frame.to_dict("records"):
        record = {name: _plain(raw.get(name)) for name in INDICATOR_FIELDS}
        record["name"] = _plain(raw.get("name"))
        records.append(record)
    return _list_response(endpoint, req, records, csv=lambda page: responses.records_csv(page, list(INDICATOR_FIELDS)))


SDG_CSV_COLUMNS = ["goal", "goal_title", "target", "target_title", "programmes"]


@blueprint.get(f"{spec.PREFIX}/sdg")
def sdg() -> Response:
    endpoint, req = _parse("listSdgGoals")
    records = cached(("sdg", req.filters.sdg, req.filters.lang), lambda: _sdg_records(req.filters))

    def csv(page: list[dict]) -> bytes:
        rows = [{"goal": g["code"], "goal_title": g["title"], "target": t["code"], "target_title": t["title"],
                 "programmes": t["programmes"]} for g in page for t in g["targets"]]
        return responses.records_csv(rows, SDG_CSV_COLUMNS)

    return _list_response(endpoint, req, records, csv=csv)


def _sdg_records(filters: FilterState) -> list[dict]:
    e = engine()
    goals = repo.sdg_goals(e, filters.lang)
    targets = repo.sdg_targets(e, filters.lang)
    tagged = repo.programme_targets(e)
    by_target: dict[str, list[str]] = {}
    for row in tagged.itertuples():
        by_target.setdefault(row.target, [])
        if row.programme not in by_target[row.target]:
            by_target[row.target].append(row.programme)
    whole_goals = set(filters.sdg_goals)
    single_targets = set(filters.sdg_targets)
    out = []
    for goal in goals.to_dict("records"):
        code = goal["code"]
        if filters.sdg and code not in whole_goals and not any(t.split(".")[0] == code for t in single_targets):
            continue
        rows = targets[targets["goal"] == code]
        if filters.sdg and code not in whole_goals:
            rows = rows[rows["code"].isin(single_targets)]
        goal_targets = [{"code": t["code"], "title": t["title"] or None,
                         "programmes": sorted(by_target.get(t["code"], []))} for t in rows.to_dict("records")]
        out.append({
            "code": code, "number": int(goal["number"]), "colour": goal["colour"] or None,
            "title": goal["title"] or None, "short": goal["short"] or None,
            "programmes": sorted({p for t in goal_targets for p in t["programmes"]}), "targets": goal_targets,
        })
    return out


@blueprint.get(f"{spec.PREFIX}/events")
def events() -> Response:
    endpoint, req = _parse("listEvents")
    lang = req.filters.lang
    frame = cached(("events", req.filters), lambda: repo.events(engine(), req.filters, lang))
    records = export.to_records(frame, "events")
    for record, raw in zip(records, frame.to_dict("records")):
        record["title"] = _localised(raw, "title", lang) or None
        record["type_name"] = _plain(raw.get("type_name"))
    return _list_response(endpoint, req, records,
                          csv=lambda page: export.to_csv_bytes(_page_frame(frame, page, "id"), "events"))


@blueprint.get(f"{spec.PREFIX}/sources")
def sources() -> Response:
    endpoint, req = _parse("listSources")
    frame = cached(("sources",), lambda: repo.sources(engine()))
    records = export.to_records(frame, "sources")
    return _list_response(endpoint, req, records,
                          csv=lambda page: export.to_csv_bytes(_page_frame(frame, page, "id"), "sources"))


# --- observations and summaries -------------------------------------------------------------------
@blueprint.get(f"{spec.PREFIX}/observations")
def observations() -> Response:
    endpoint, req = _parse("listObservations")
    e = engine()
    total = repo.count_observations(e, req.filters)
    frame = repo.observations(e, req.filters, limit=req.limit, offset=req.offset)
    if req.format == "csv":
        response = responses.csv_response(export.to_csv_bytes(frame, "observations"))
    elif req.format == "opensdg":
        response = responses.csv_response(interchange.render(frame, "opensdg"))
    elif req.format == "sdmx-csv":
        response = responses.csv_response(interchange.render(frame, "sdmx-csv"),
                                          f"{interchange.SDMX_MEDIA_TYPE}; charset=utf-8")
    else:
        response = responses.json_response(responses.envelope(
            export.to_records(frame, "observations"), total=total, limit=req.limit, offset=req.offset,
            filters=req.filters_meta(endpoint)))
    return responses.paged(response, total=total, limit=req.limit, offset=req.offset)


@blueprint.get(f"{spec.PREFIX}/summary")
def summary() -> Response:
    endpoint, req = _parse("getSummary")
    filters = req.filters
    indicator = filters.indicator[0]
    kind = filters.kind[0] if filters.kind else "actual"
    base = filters.with_changes(indicator=(), kind=())  # as the CLI's `summary` passes them
    result = _summarise(indicator, req.by, kind, base)
    return _list_response(endpoint, req, result.records(),
                          csv=lambda page: responses.records_csv(page, list(metrics.SUMMARY_COLUMNS)),
                          indicator=indicator, kind=kind, by=req.by, rule=result.rule, unit=result.unit,
                          notes=[note.as_dict() for note in result.notes])


def _summarise(indicator: str, by: str | None, kind: str, filters: FilterState) -> metrics.Summary:
    """indicators.metrics.summarise: the one implementation of the aggregation rules (through the
    dashboard's cached `summary` when this app's database is the dashboard's)."""
    from dashboard import data

    if context().database_url == data.settings().database_url:
        return data.summary(indicator, by=by, kind=kind, filters=filters)
    return metrics.summarise(engine(), indicator, by=by, kind=kind, filters=filters)


# --- errors --------------------------------------------------------------------------------------
@blueprint.errorhandler(Exception)
def handle_error(error: Exception) -> Response:
    if isinstance(error, ApiError):
        return responses.error_response(error.status, error.message, error.parameter)
    if isinstance(error, HTTPException):
        return responses.error_response(error.code or 500, error.description or error.name)
    if isinstance(error, (OperationalError, InterfaceError)):
        log.error("database unavailable on %s: %s", request.full_path, error)
        return responses.error_response(503, "the database cannot be reached; try again shortly")
    log.exception("unexpected error on %s", request.full_path)
    return responses.error_response(500, "internal error (logged); please report it")


def method_not_allowed(error: HTTPException):
    """405 under /api/v1 and /healthz as the error object (the API is read-only); pages unchanged."""
    if request.path.startswith(spec.PREFIX) or request.path == "/healthz":
        response = responses.error_response(405, "the API is read-only: use GET")
        response.headers["Allow"] = "GET, HEAD, OPTIONS"
        return response
    return error


@blueprint.after_request
def after(response: Response) -> Response:
    return responses.finish(response)


__all__ = ["ApiContext", "EXTENSION", "blueprint", "method_not_allowed"]
