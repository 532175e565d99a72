"""The command line as a user runs it: `python -m indicators ...` in a subprocess."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys

import pytest

from indicators.config import PROJECT_ROOT


def run(database_url: str, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url}
    return subprocess.run([sys.executable, "-m", "indicators", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory):
    url = f"sqlite:///{tmp_path_factory.mktemp('cli') / 'cli.db'}"
    result = run(url, "init-db")
    assert result.returncode == 0, result.stderr
    return url


def test_summary_participants_by_programme_prints_the_documents_figure(cli_db):
    result = run(cli_db, "summary", "--indicator", "participants_trained", "--by", "programme")
    assert result.returncode == 0, result.stderr
    assert "rule: sum" in result.stdout
    assert "TRANSFORM" in result.stdout and "about 250" in result.stdout


def test_summary_json_rows(cli_db):
    result = run(cli_db, "summary", "--indicator", "countries_reached", "--by", "programme", "--format", "json")
    rows = {r["key"]: r for r in json.loads(result.stdout)}
    assert rows["TRANSFORM"]["value"] == 19 and rows["TRANSFORM"]["qualifier"] == "at_least"
    assert set(rows["TRANSFORM"]) == {"key", "label", "value", "qualifier", "unit", "observations"}


def test_summary_with_filters(cli_db):
    result = run(cli_db, "summary", "--indicator", "academies_held", "--year-from", "2010", "--year-to", "2014",
                 "--format", "json")
    assert json.loads(result.stdout) == [{"key": None, "label": None, "value": 4, "qualifier": "exact",
                                          "unit": "events", "observations": 1}]


@pytest.mark.parametrize("args, flag", [
    (["--indicator", "participants_trained", "--year-from", "20x"], "--year-from"),
    (["--indicator", "participants_trained", "--sdg", "99"], "--sdg"),
    (["--indicator", "no_such_thing"], "--indicator"),
])
def test_bad_filters_are_usage_errors(cli_db, args, flag):
    result = run(cli_db, "summary", *args)
    assert result.returncode == 2
    assert flag in result.stderr


def test_export_csv_has_the_section_2_columns_and_is_deterministic(cli_db, tmp_path):
    first = run(cli_db, "export", "--table", "observations", "--format", "csv")
    second = run(cli_db, "export", "--table", "observations", "--format", "csv")
    assert first.returncode == 0 and first.stdout == second.stdout
    header = next(csv.reader(io.StringIO(first.stdout)))
    assert header[:20] == ["id", "programme", "indicator", "unit", "kind", "qualifier", "value", "year_start",
                           "year_end", "date", "country", "region", "subdivision", "source_id", "source_document",
                           "source_section", "source_quote", "source_figure", "source_quote_en", "note"]


def test_export_json_and_xlsx_files(cli_db, tmp_path):
    out = tmp_path / "obs.json"
    assert run(cli_db, "export", "--format", "json", "-o", str(out)).returncode == 0
    rows = json.loads(out.read_text(encoding="utf-8"))
    assert all(isinstance(r["value"], (int, float)) for r in rows)
    assert rows == sorted(rows, key=lambda r: r["id"])
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    run(cli_db, "export", "--format", "xlsx", "-o", str(first))
    run(cli_db, "export", "--format", "xlsx", "-o", str(second))
    assert first.read_bytes() == second.read_bytes()
    import openpyxl

    sheet = openpyxl.load_workbook(first).active
    header = [c.value for c in sheet[1]]
    values = [row[header.index("value")] for row in sheet.iter_rows(min_row=2, values_only=True)]
    assert all(isinstance(v, (int, float)) for v in values)


@pytest.mark.parametrize("table", ["events", "programmes", "sources"])
def test_export_other_tables(cli_db, table):
    result = run(cli_db, "export", "--table", table, "--format", "json")
    assert result.returncode == 0 and json.loads(result.stdout)


def test_history_lists_the_seed_batch(cli_db):
    result = run(cli_db, "history", "--format", "json")
    batches = json.loads(result.stdout)
    assert batches[0]["action"] == "seed" and batches[0]["changes"] > 0
