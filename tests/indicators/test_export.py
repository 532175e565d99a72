"""Exports: the CSV export is a valid import (round trip without change); formulas are neutralised."""

from __future__ import annotations

import io

import pandas as pd

from indicators import export
from indicators import repository as repo
from indicators.filters import FilterState
from indicators.seed import known_codes
from indicators.validation import validate_observations
from sqlalchemy.orm import Session


def test_csv_export_reimports_to_the_same_records(seeded_engine):
    frame = repo.observations(seeded_engine, FilterState())
    data = export.to_csv_bytes(frame, "observations")
    rows = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False).to_dict("records")
    with Session(seeded_engine) as session:
        known = known_codes(session)
    reimported = validate_observations(rows, file="export.csv", known=known, first_row=2)
    original = export.to_records(frame, "observations")
    for before, after in zip(original, reimported):
        for field in ("id", "programme", "indicator", "kind", "qualifier", "value", "year_start", "year_end",
                      "date", "country", "region", "source_id", "source_quote", "source_figure", "note"):
            assert (before[field] or None) == (after[field] or None), (before["id"], field)


def test_formula_like_text_is_escaped_and_numbers_stay_numbers():
    frame = pd.DataFrame([{f: None for f in export.TABLE_FIELDS["observations"]} | {
        "id": "x", "indicator": "jobs_created", "kind": "actual", "value": -5.0, "note": "=HYPERLINK(1)",
        "source_quote": "+1", "disaggregation": {}}])
    flat = export.to_flat_frame(frame, "observations")
    assert flat.loc[0, "note"] == "'=HYPERLINK(1)" and flat.loc[0, "source_quote"] == "'+1"
    assert flat.loc[0, "value"] == -5


def test_json_export_uses_null_and_lists(seeded_engine):
    records = export.to_records(repo.events(seeded_engine), "events")
    tot = next(r for r in records if r["id"] == "transform-tot-2017-10-zambia")
    assert tot["city"] is None and tot["year"] == 2017 and len(tot["participant_countries"]) == 11
    assert isinstance(tot["sources"], list) and tot["sources"][0]["source_id"] == "ilo-sstc-good-practices"
