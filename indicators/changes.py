"""Writing validated records with their history: every insert or update inside one batch records the
values it replaced, so that a batch can be listed and reverted."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any, Iterable

from sqlalchemy import delete, func, insert, select
from sqlalchemy.orm import Session

from indicators import tables as T
from indicators.records import PROGRAMME_LIST_FIELDS


def new_batch(session: Session, *, user: str, action: str, description: str = "") -> T.ChangeBatch:
    batch = T.ChangeBatch(created_at=datetime.now(timezone.utc), user=user, action=action, description=description)
    session.add(batch)
    session.flush()
    return batch


ROLLUP_KEY = ("programme", "indicator", "kind", "qualifier", "year_start", "year_end", "date", "country", "region",
              "subdivision", "disaggregation")


def refresh_rollup(session: Session) -> None:
    """Rebuild observation_rollup from observation (called by every writer at the end of its batch)."""
    O, R = T.Observation, T.ObservationRollup
    key = [getattr(O, k) for k in ROLLUP_KEY]
    session.execute(delete(R))
    session.execute(insert(R).from_select(
        list(ROLLUP_KEY) + ["value_sum", "value_max", "n"],
        select(*key, func.sum(O.value), func.max(O.value), func.count()).group_by(*key)))


def _record(session, batch, table: str, record_id: str, old: dict | None, new: dict | None) -> bool:
    if old == new:
        return False
    operation = "insert" if old is None else "delete" if new is None else "update"
    session.add(T.ChangeRecord(batch_id=batch.id, table_name=table, record_id=record_id,
                               operation=operation, old_values=old, new_values=new))
    return True


def _columns(obj, names: Iterable[str]) -> dict[str, Any]:
    return {n: getattr(obj, n) for n in names}


# --- simple tables: one row per record ----------------------------------------------------------
SIMPLE_TABLES = {
    "source": (T.Source, "id", ("id", "document", "title", "publisher", "year", "url", "licence")),
    "indicator": (T.Indicator, "code", ("code", "name_en", "name_zh", "name_fr", "name_es", "definition_en",
                                        "definition_zh", "unit", "aggregation", "event_type")),
    "observation": (T.Observation, "id", ("id", "programme", "indicator", "kind", "qualifier", "value",
                                          "year_start", "year_end", "date", "country", "region", "subdivision",
                                          "disaggregation", "source_id", "source_section", "source_quote",
                                          "source_figure", "source_quote_en", "note")),
}


def upsert_simple(session: Session, batch: T.ChangeBatch, table: str, records: list[dict]) -> int:
    model, key, names = SIMPLE_TABLES[table]
    existing = {getattr(o, key): o for o in session.scalars(
        select(model).where(getattr(model, key).in_([r[key] for r in records])))} if records else {}
    changed = 0
    for rec in records:
        new = {n: rec.get(n) for n in names}
        obj = existing.get(rec[key])
        old = _columns(obj, names) if obj is not None else None
        if _record(session, batch, table, rec[key], old, new):
            changed += 1
            if obj is None:
                session.add(model(**new))
            else:
                for n, v in new.items():
                    setattr(obj, n, v)
    session.flush()
    return changed


# --- programmes and events: a row plus child rows -------------------------------------------------
PROGRAMME_COLUMNS = ("code", "name_en", "name_zh", "description_en", "description_zh", "status",
                     "year_start", "year_end", "note", "synthetic")
EVENT_COLUMNS = ("id", "programme", "type", "title_en", "title_zh", "year", "date", "city", "country", "region",
                 "latitude", "longitude", "location_source", "status", "participants", "note")
QUOTE_COLUMNS = ("source_id", "source_section", "source_quote", "source_quote_en")


def programme_snapshot(session: Session, code: str) -> dict | None:
    obj = session.get(T.Programme, code)
    if obj is None:
        return None
    snap = _columns(obj, PROGRAMME_COLUMNS)
    attrs = session.scalars(select(T.ProgrammeAttribute).where(T.ProgrammeAttribute.programme == code)
                            .order_by(T.ProgrammeAttribute.field, T.ProgrammeAttribute.position)).all()
    for name in PROGRAMME_LIST_FIELDS:
        snap[name] = [a.value for a in attrs if a.field == name]
    quotes = session.scalars(select(T.ProgrammeSource).where(T.ProgrammeSource.programme == code)
                             .order_by(T.ProgrammeSource.position)).all()
    snap["sources"] = [_columns(q, QUOTE_COLUMNS) for q in quotes]
    return snap


def _quotes(rec: dict) -> list[dict]:
    return [{c: q.get(c) or "" for c in QUOTE_COLUMNS} for q in rec.get("sources") or []]


def _upsert_snapshots(session: Session, batch: T.ChangeBatch, table: str, key: str, snapshots: list[dict],
                      read, write) -> int:
    """Write each record (a full snapshot with its child lists) whose content differs from what is
    stored, recording the stored snapshot as the previous value."""
    changed = 0
    for new in snapshots:
        old = read(session, new[key])
        if _record(session, batch, table, new[key], old, new):
            changed += 1
            write(session, new)
    session.flush()
    return changed


def upsert_programmes(session: Session, batch: T.ChangeBatch, records: list[dict]) -> int:
    snapshots = [{**{n: rec.get(n) for n in PROGRAMME_COLUMNS},
                  **{n: list(rec.get(n) or []) for n in PROGRAMME_LIST_FIELDS}, "sources": _quotes(rec)}
                 for rec in records]
    return _upsert_snapshots(session, batch, "programme", "code", snapshots, programme_snapshot, write_programme)


def write_programme(session: Session, snap: dict) -> None:
    code = snap["code"]
    obj = session.get(T.Programme, code) or T.Programme(code=code)
    for n in PROGRAMME_COLUMNS:
        setattr(obj, n, snap.get(n))
    session.add(obj)
    session.flush()
    session.execute(delete(T.ProgrammeAttribute).where(T.ProgrammeAttribute.programme == code))
    session.execute(delete(T.ProgrammeSource).where(T.ProgrammeSource.programme == code))
    for name in PROGRAMME_LIST_FIELDS:
        for pos, value in enumerate(snap.get(name) or []):
            session.add(T.ProgrammeAttribute(programme=code, field=name, position=pos, value=value))
    for pos, quote in enumerate(snap.get("sources") or []):
        session.add(T.ProgrammeSource(programme=code, position=pos, **quote))


def event_snapshot(session: Session, event_id: str) -> dict | None:
    obj = session.get(T.Event, event_id)
    if obj is None:
        return None
    snap = _columns(obj, EVENT_COLUMNS)
    snap["participant_countries"] = list(session.scalars(
        select(T.EventParticipantCountry.country).where(T.EventParticipantCountry.event == event_id)
        .order_by(T.EventParticipantCountry.position)))
    snap["sources"] = [_columns(q, QUOTE_COLUMNS) for q in session.scalars(
        select(T.EventSource).where(T.EventSource.event == event_id).order_by(T.EventSource.position))]
    return snap


def upsert_events(session: Session, batch: T.ChangeBatch, records: list[dict]) -> int:
    snapshots = [{**{n: rec.get(n) for n in EVENT_COLUMNS},
                  "participant_countries": list(rec.get("participant_countries") or []), "sources": _quotes(rec)}
                 for rec in records]
    return _upsert_snapshots(session, batch, "event", "id", snapshots, event_snapshot, write_event)


def write_event(session: Session, snap: dict) -> None:
    event_id = snap["id"]
    obj = session.get(T.Event, event_id) or T.Event(id=event_id)
    for n in EVENT_COLUMNS:
        setattr(obj, n, snap.get(n))
    session.add(obj)
    session.flush()
    session.execute(delete(T.EventParticipantCountry).where(T.EventParticipantCountry.event == event_id))
    session.execute(delete(T.EventSource).where(T.EventSource.event == event_id))
    for pos, country in enumerate(snap.get("participant_countries") or []):
        session.add(T.EventParticipantCountry(event=event_id, country=country, position=pos))
    for pos, quote in enumerate(snap.get("sources") or []):
        session.add(T.EventSource(event=event_id, position=pos, **quote))
