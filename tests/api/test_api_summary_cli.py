"""The API's summary figures are the command line's: `python -m indicators summary ... --format json`
in a subprocess (DATABASE_URL set) gives exactly the API's `data` for the same filters, on SQLite and
PostgreSQL; and over every indicator and grouping through the CLI's own entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from urllib.parse import urlencode

import pytest

from indicators import cli
from indicators import repository as repo
from indicators.config import PROJECT_ROOT

# API query -> what the case shows (the CLI flags are the same names with dashes)
CASES = {
    "distinct countries with an unnamed count": {"indicator": "countries_reached", "by": "programme"},
    "countries reached, total without breakdown": {"indicator": "countries_reached"},
    "people trained, total without breakdown": {"indicator": "participants_trained"},
    "total and its country breakdown": {"indicator": "participants_trained", "by": "country"},
    "year overlap": {"indicator": "participants_trained", "by": "year", "year_from": "2017", "year_to": "2017"},
    "year overlap, total": {"indicator": "countries_reached", "year_from": "2018", "year_to": "2019"},
    "SDG goal containing its targets": {"indicator": "countries_reached", "by": "sdg", "sdg": "8"},
    "stated running totals and events": {"indicator": "academies_held", "by": "programme"},
    "context figures, latest": {"indicator": "cooperative_employment", "kind": "context"},
    "labels in Chinese, by region": {"indicator": "countries_reached", "by": "region", "region": "africa",
                                     "lang": "zh"},
}


def cli_arguments(query: dict) -> list[str]:
    args = ["summary", "--format", "json"]
    for name, value in query.items():
        args += [f"--{name.replace('_', '-')}", value]
    return args


@pytest.fixture(scope="module")
def cli_results(database_url, seeded_engine) -> dict[str, list]:
    """Every case through `python -m indicators summary`, the subprocesses run side by side."""
    env = {**os.environ, "DATABASE_URL": database_url, "PYTHONPATH": str(PROJECT_ROOT)}
    running = {name: subprocess.Popen([sys.executable, "-m", "indicators", *cli_arguments(query)], env=env,
                                      cwd=PROJECT_ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
               for name, query in CASES.items()}
    out = {}
    for name, process in running.items():
        stdout, stderr = process.communicate(timeout=120)
        assert process.returncode == 0, (name, stderr.decode())
        out[name] = json.loads(stdout)
    return out


@pytest.mark.parametrize("case", list(CASES))
def test_summary_equals_the_cli(client, cli_results, case):
    query = CASES[case]
    body = client.get("/api/v1/summary?" + urlencode(query)).get_json()
    assert body["data"] == cli_results[case], case
    meta = body["meta"]
    assert meta["indicator"] == query["indicator"]
    assert meta["kind"] == query.get("kind", "actual")
    assert meta["by"] == query.get("by")
    assert meta["rule"] in ("sum", "distinct_countries", "count_events", "latest", "max")
    assert all(set(note) == {"code", "message"} for note in meta["notes"])
    assert meta["total"] == len(body["data"])


def test_summary_shapes_on_the_seed(client, seeded_engine):
    body = client.get("/api/v1/summary?indicator=countries_reached&by=programme").get_json()
    assert body["meta"]["rule"] == "distinct_countries" and body["meta"]["unit"] == "countries"
    keys = [row["key"] for row in body["data"]]
    assert keys == sorted(keys, key=lambda k: (k is None, k or ""))
    labels = repo.labels(seeded_engine, "programme")
    assert all(row["label"] == labels[row["key"]] for row in body["data"] if row["key"])
    total = client.get("/api/v1/summary?indicator=countries_reached").get_json()["data"]
    assert len(total) == 1 and total[0]["key"] is None and total[0]["label"] is None
    by_sdg = client.get("/api/v1/summary?indicator=countries_reached&by=sdg&sdg=8").get_json()
    assert by_sdg["data"] and all(row["key"].startswith("8.") for row in by_sdg["data"] if row["key"])
    assert "sdg_overlap" in {note["code"] for note in by_sdg["meta"]["notes"]}
    years = client.get("/api/v1/summary?indicator=participants_trained&by=year").get_json()["data"]
    assert all(isinstance(row["key"], int) and row["label"] == str(row["key"]) for row in years if row["key"])
    csv = client.get("/api/v1/summary?indicator=countries_reached&by=programme&format=csv")
    assert csv.get_data(as_text=True).splitlines()[0] == "key,label,value,qualifier,unit,observations"


def test_every_indicator_and_grouping_equals_the_cli(client, seeded_engine, database_url, monkeypatch, capsys):
    """Through cli.main in this process (the subprocess cases above cover the real command)."""
    monkeypatch.setenv("DATABASE_URL", database_url)
    filter_sets = ({}, {"year_from": "2017", "year_to": "2018"}, {"sdg": "8"}, {"region": "africa"},
                   {"country": "ZMB", "lang": "zh"}, {"kind": "context"}, {"kind": "target", "programme": "TRANSFORM"})
    compared = 0
    for indicator in repo.indicators(seeded_engine)["code"]:
        for by in (None, "programme", "country", "region", "year", "sdg"):
            for filters in filter_sets:
                query = {"indicator": indicator, **({"by": by} if by else {}), **filters}
                capsys.readouterr()
                assert cli.main(cli_arguments(query)) == 0
                expected = json.loads(capsys.readouterr().out)
                body = client.get("/api/v1/summary?" + urlencode(query)).get_json()
                assert body["data"] == expected, query
                compared += 1
    assert compared >= 6 * len(filter_sets) * 10
