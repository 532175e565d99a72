"""Bad input gets a clear message naming file, row and column, and nothing is written."""

from __future__ import annotations

import shutil

import pytest
import yaml
from sqlalchemy import func, select

from indicators import tables as T
from indicators.config import DATA_DIR
from indicators.db import get_engine, migrate
from indicators.seed import load_reference, load_seed
from indicators.validation import KnownCodes, ValidationError, validate_observations

KNOWN = KnownCodes(countries={"KEN", "ZAF"}, areas={"africa", "world"}, programmes={"TRANSFORM"},
                   indicators={"participants_trained": "people"}, sources={"doc": "003_x.txt"},
                   sdg_targets={"8.3"}, event_types={"academy"})


def issues(rows):
    with pytest.raises(ValidationError) as error:
        validate_observations(rows, file="upload.csv", known=KNOWN, first_row=2)
    return [(i.row, i.column, i.message) for i in error.value.issues]


def good(**changes):
    row = {"indicator": "participants_trained", "kind": "actual", "value": "12", "source_document": "003_x.txt"}
    row.update(changes)
    return row


@pytest.mark.parametrize("changes, column, words", [
    ({"value": "about 12"}, "value", "must be a number"),
    ({"value": ""}, "value", "is required"),
    ({"kind": "guess"}, "kind", "is not one of"),
    ({"qualifier": "roughly"}, "qualifier", "is not one of"),
    ({"indicator": "jobs"}, "indicator", "unknown indicator"),
    ({"programme": "NOPE"}, "programme", "unknown programme"),
    ({"country": "XXX"}, "country", "unknown country"),
    ({"region": "mars"}, "region", "unknown area"),
    ({"year_start": "2018", "year_end": "2017"}, "year_end", "before year_start"),
    ({"year_start": "20xx"}, "year_start", "must be a number"),
    ({"date": "2017/10"}, "date", "YYYY-MM"),
    ({"unit": "jobs"}, "unit", "does not match"),
    ({"source_document": "other.txt"}, "source_document", "not a registered source"),
    ({"source_quote": "共有 23 位", "source_figure": "24"}, "source_figure", "is not in source_quote"),
    ({"subdivision": "KZN"}, "subdivision", "ISO 3166-2"),
])
def test_each_problem_names_row_and_column(changes, column, words):
    found = issues([good(), good(**changes)])
    assert any(row == 3 and col == column and words in message for row, col, message in found), found


def test_all_problems_are_reported_at_once_as_a_table():
    with pytest.raises(ValidationError) as error:
        validate_observations([good(value="x"), good(kind="y")], file="upload.csv", known=KNOWN, first_row=2)
    table = error.value.as_table()
    assert "upload.csv" in table and "value" in table and "kind" in table
    assert len(error.value.issues) == 2


def test_an_empty_id_is_made_from_the_identifying_fields():
    first = validate_observations([good(year_start="2017", country="KEN")], file="f", known=KNOWN)[0]["id"]
    again = validate_observations([good(year_start="2017", country="KEN", value="13")], file="f", known=KNOWN)[0]["id"]
    other = validate_observations([good(year_start="2018", country="KEN")], file="f", known=KNOWN)[0]["id"]
    assert first == again != other


def test_spreadsheet_escape_is_removed_on_import():
    row = validate_observations([good(note="'=SUM(A1)")], file="f", known=KNOWN)[0]
    assert row["note"] == "=SUM(A1)"


def test_a_bad_seed_file_changes_nothing(tmp_path):
    seed_dir = tmp_path / "seed"
    shutil.copytree(DATA_DIR / "seed", seed_dir)
    rows = yaml.safe_load((seed_dir / "observations.yaml").read_text(encoding="utf-8"))
    rows[3]["value"] = "many"
    (seed_dir / "observations.yaml").write_text(yaml.safe_dump(rows, allow_unicode=True), encoding="utf-8")
    engine = get_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    migrate(engine)
    load_reference(engine)
    with pytest.raises(ValidationError) as error:
        load_seed(engine, seed_dir=seed_dir)
    assert [(i.file, i.row, i.column) for i in error.value.issues] == [("data/seed/observations.yaml", 4, "value")]
    with engine.connect() as connection:
        for model in (T.Programme, T.Observation, T.Event, T.ChangeBatch):
            assert connection.execute(select(func.count()).select_from(model)).scalar_one() == 0
