"""Loading data/: the reference tables (SDG framework, countries, areas, event types) and the seed
dataset extracted from the source documents, through the same validation as any import."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd
import yaml
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from indicators import changes, validation
from indicators import tables as T
from indicators.config import DATA_DIR
from indicators.db import session_scope

REFERENCE_DIR = DATA_DIR / "reference"
SEED_DIR = DATA_DIR / "seed"
SEED_FILES = ("sources", "indicators", "programmes", "events", "observations")


def read_reference_csv(name: str) -> pd.DataFrame:
    # keep_default_na=False: Namibia's ISO2 "NA" must stay a code, not become NaN.
    return pd.read_csv(REFERENCE_DIR / name, dtype=str, keep_default_na=False, encoding="utf-8")


def _target_position(code: str) -> int:
    tail = code.split(".", 1)[1]
    return int(tail) if tail.isdigit() else 100 + ord(tail) - ord("a")


def reference_rows() -> dict[type, list[dict[str, Any]]]:
    goals = read_reference_csv("sdg_goals.csv")
    targets = read_reference_csv("sdg_targets.csv")
    sdg_indicators = read_reference_csv("sdg_indicators_2025.csv").drop_duplicates("indicator")
    areas = read_reference_csv("areas.csv")
    countries = read_reference_csv("countries.csv")
    event_types = read_reference_csv("event_types.csv")
    langs = ("en", "zh", "fr", "es")
    return {
        T.SdgGoal: [
            {"code": r.goal, "number": int(r.goal), "colour": r.colour_hex,
             **{f"title_{l}": getattr(r, f"title_{l}") for l in langs},
             **{f"short_{l}": getattr(r, f"short_{l}") for l in langs}}
            for r in goals.itertuples()
        ],
        T.SdgTarget: [
            {"code": r.target, "goal": r.goal, "position": _target_position(r.target),
             **{f"title_{l}": getattr(r, f"title_{l}") for l in langs}}
            for r in targets.itertuples()
        ],
        T.SdgIndicator: [
            {"code": r.indicator, "target": r.target, "unsd_code": r.unsd_code,
             **{f"title_{l}": getattr(r, f"title_{l}") for l in langs}}
            for r in sdg_indicators.itertuples()
        ],
        T.Area: [
            {"code": r.code, "kind": r.kind, **{f"name_{l}": getattr(r, f"name_{l}") for l in langs}}
            for r in areas.itertuples()
        ],
        T.Country: [
            {"iso3": r.iso3, "iso2": r.iso2, "m49": r.m49, "m49_region": r.m49_region,
             "m49_subregion": r.m49_subregion, "ilo_region": r.ilo_region or None, "aliases_zh": r.aliases_zh,
             **{f"name_{l}": getattr(r, f"name_{l}") for l in langs}}
            for r in countries.itertuples()
        ],
        T.EventType: [
            {"code": r.code, **{f"name_{l}": getattr(r, f"name_{l}") for l in langs}}
            for r in event_types.itertuples()
        ],
    }


def load_reference(engine: Engine) -> None:
    """Insert or update every reference row (they are data, never typed into code)."""
    with session_scope(engine) as session:
        for model, rows in reference_rows().items():
            key = model.__mapper__.primary_key[0]
            existing = {getattr(o, key.name): o for o in session.scalars(select(model))}
            for row in rows:
                obj = existing.get(row[key.name])
                if obj is None:
                    session.add(model(**row))
                else:
                    for name, value in row.items():
                        if getattr(obj, name) != value:
                            setattr(obj, name, value)
            session.flush()


def read_seed_file(name: str, seed_dir: Path = SEED_DIR) -> list[dict]:
    path = seed_dir / f"{name}.yaml"
    with open(path, encoding="utf-8") as handle:
        return yaml.safe_load(handle) or []


def known_codes(session: Session) -> validation.KnownCodes:
    """What the database already holds that incoming records may refer to."""
    return validation.KnownCodes(
        countries=set(session.scalars(select(T.Country.iso3))),
        areas=set(session.scalars(select(T.Area.code))),
        programmes=set(session.scalars(select(T.Programme.code))),
        indicators=dict(session.execute(select(T.Indicator.code, T.Indicator.unit)).all()),
        sources=dict(session.execute(select(T.Source.id, T.Source.document)).all()),
        sdg_targets=set(session.scalars(select(T.SdgTarget.code))),
        event_types=set(session.scalars(select(T.EventType.code))),
    )


def validate_seed(session: Session, seed_dir: Path = SEED_DIR) -> dict[str, list[dict]]:
    """Read and validate every seed file; raises ValidationError naming file, row and column."""
    known = known_codes(session)
    validators = {
        "sources": validation.validate_sources, "indicators": validation.validate_indicators,
        "programmes": validation.validate_programmes, "events": validation.validate_events,
        "observations": validation.validate_observations,
    }
    issues, result = [], {}
    for name in SEED_FILES:
        rows = read_seed_file(name, seed_dir)
        try:
            result[name] = validators[name](rows, file=f"data/seed/{name}.yaml", known=known)
        except validation.ValidationError as error:
            issues.extend(error.issues)
    if issues:
        raise validation.ValidationError(issues)
    return result


def load_seed(engine: Engine, *, user: str = "init-db", progress: bool = False, seed_dir: Path = SEED_DIR) -> str:
    """Validate data/seed and write it as one recorded batch; all or nothing."""
    from tqdm import tqdm

    with session_scope(engine) as session:
        records = validate_seed(session, seed_dir)
        batch = changes.new_batch(session, user=user, action="seed", description=f"seed dataset from {seed_dir.name}/")
        counts = {}
        steps = tqdm(SEED_FILES, desc="loading seed", disable=not progress, unit="file")
        for name in steps:
            if name == "programmes":
                counts[name] = changes.upsert_programmes(session, batch, records[name])
            elif name == "events":
                counts[name] = changes.upsert_events(session, batch, records[name])
            else:
                counts[name] = changes.upsert_simple(session, batch, name[:-1], records[name])
        changes.refresh_rollup(session)
        return ", ".join(f"{n} {counts[n]} written of {len(records[n])}" for n in SEED_FILES)
