"""Schemathesis over every operation of the served OpenAPI document, on SQLite and PostgreSQL: valid
requests (positive) and requests that break the documented schema (negative), a bounded number per
operation, deterministic. No answer may be a 5xx or differ from the documented statuses, media types,
headers or body schemas; a valid request may be refused only for the one rule a schema cannot state
(year_to before year_from). The figures go to artifacts/fuzz.txt and to the output (-s)."""

from __future__ import annotations

import collections
import time

import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.generation import GenerationMode
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from indicators.config import PROJECT_ROOT

MAX_EXAMPLES = 30
CHECKS = [not_a_server_error, status_code_conformance, content_type_conformance, response_headers_conformance,
          response_schema_conformance]
FIGURES = PROJECT_ROOT / "artifacts" / "fuzz.txt"
_reports: dict[str, str] = {}


def _fuzz(schema) -> dict:
    requests: collections.Counter = collections.Counter()
    statuses: collections.Counter = collections.Counter()
    failures: list[str] = []
    refused_valid: list[str] = []
    year_order: list[str] = []
    operations = [result.ok() for result in schema.get_all_operations()]
    for operation in operations:
        modes = [GenerationMode.POSITIVE]
        if operation.query or operation.path_parameters:
            modes.append(GenerationMode.NEGATIVE)
        for mode in modes:
            @settings(max_examples=MAX_EXAMPLES, derandomize=True, database=None, deadline=None,
                      suppress_health_check=list(HealthCheck), phases=[Phase.explicit, Phase.generate])
            @given(case=operation.as_strategy(generation_mode=mode))
            def run(case):
                try:
                    response = case.call()
                except BaseException as error:  # noqa: BLE001 - an app crash is a finding, not a test error
                    failures.append(f"{operation.label} ({mode.value}): {type(error).__name__}: {error}")
                    return
                requests[(operation.label, mode.value)] += 1
                statuses[response.status_code] += 1
                try:
                    case.validate_response(response, checks=CHECKS)
                except BaseException as error:  # noqa: BLE001 - FailureGroup is a BaseExceptionGroup
                    failures.append(f"{operation.label} ({mode.value}): {case.as_curl_command()}\n{error}")
                if mode is GenerationMode.POSITIVE and response.status_code >= 400:
                    try:
                        error = response.json()["error"]
                    except Exception:  # noqa: BLE001 - not the error object: reported below
                        error = {}
                    if error.get("parameter") == "year_to" and "before year_from" in error.get("message", ""):
                        year_order.append(case.as_curl_command())
                    else:
                        refused_valid.append(f"{case.as_curl_command()} -> {response.status_code} "
                                             f"{response.text[:200]}")

            run()
    return {"operations": [o.label for o in operations], "requests": requests, "statuses": statuses,
            "failures": failures, "refused_valid": refused_valid, "year_order": year_order}


def _report(backend: str, result: dict, seconds: float) -> str:
    total = sum(result["requests"].values())
    lines = [f"[{backend}] schemathesis {schemathesis.__version__}, max_examples={MAX_EXAMPLES} per operation "
             f"and mode, derandomized; checks: {', '.join(c.__name__ for c in CHECKS)}",
             f"[{backend}] operations: {len(result['operations'])}; requests sent: {total}; "
             f"failures: {len(result['failures'])}; schema-valid requests refused: {len(result['refused_valid'])} "
             f"(besides {len(result['year_order'])} with year_to before year_from, refused by design); "
             f"{seconds:.1f} s",
             f"[{backend}] responses by status: "
             + ", ".join(f"{k}: {v}" for k, v in sorted(result["statuses"].items()))]
    for (label, mode), count in sorted(result["requests"].items()):
        lines.append(f"[{backend}]   {label} {mode}: {count}")
    return "\n".join(lines)


def test_fuzzing_finds_no_server_error_and_no_schema_violation(api_app, database_url):
    backend = "postgresql" if database_url.startswith("postgresql") else "sqlite"
    api_app.server.test_client().get("/healthz")  # Dash's one-time set-up before the clock starts
    started = time.monotonic()
    schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", api_app.server)
    schema.validate()
    result = _fuzz(schema)
    seconds = time.monotonic() - started
    _reports[backend] = _report(backend, result, seconds)
    FIGURES.parent.mkdir(exist_ok=True)
    FIGURES.write_text("\n".join(_reports[k] for k in sorted(_reports)) + "\n", encoding="utf-8")
    print("\n" + _reports[backend])
    assert len(result["operations"]) == 9  # every operation but the document itself
    assert sum(result["requests"].values()) >= len(result["operations"]) * 2
    assert not result["failures"], "\n\n".join(result["failures"][:5])
    assert not result["refused_valid"], "\n".join(result["refused_valid"][:5])
    assert seconds < 120
