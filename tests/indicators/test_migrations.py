"""Alembic: `upgrade head` on an empty database equals the models (autogenerate finds no difference),
on SQLite and PostgreSQL; init-db is idempotent and never overwrites edits."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import func, select, update

from indicators import tables as T
from indicators.db import get_engine, init_db, migrate


def test_upgrade_head_matches_the_models(database_url):
    engine = get_engine(database_url)
    migrate(engine)
    with engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, T.Base.metadata)
    assert differences == []


def test_init_db_is_idempotent_and_keeps_edits(empty_database_url):
    engine = get_engine(empty_database_url)
    assert "seed loaded" in init_db(engine)
    with engine.begin() as connection:
        connection.execute(update(T.Observation).where(T.Observation.id == "transform-tot-2017-trainers")
                           .values(note="edited by a manager"))
        batches = connection.execute(select(func.count()).select_from(T.ChangeBatch)).scalar_one()
    assert "not reloaded" in init_db(engine)
    with engine.connect() as connection:
        note = connection.execute(select(T.Observation.note).where(T.Observation.id == "transform-tot-2017-trainers")).scalar_one()
        assert note == "edited by a manager"
        assert connection.execute(select(func.count()).select_from(T.ChangeBatch)).scalar_one() == batches


def test_reload_seed_is_a_recorded_batch_with_previous_values(empty_database_url):
    engine = get_engine(empty_database_url)
    init_db(engine)
    with engine.begin() as connection:
        connection.execute(update(T.Observation).where(T.Observation.id == "transform-tot-2017-trainers")
                           .values(value=24))
    init_db(engine, reload_seed=True)
    with engine.connect() as connection:
        value = connection.execute(select(T.Observation.value).where(T.Observation.id == "transform-tot-2017-trainers")).scalar_one()
        assert value == 23
        batch = connection.execute(select(T.ChangeBatch).order_by(T.ChangeBatch.id.desc()).limit(1)).one()
        changes = connection.execute(select(T.ChangeRecord).where(T.ChangeRecord.batch_id == batch.id)).all()
    assert batch.action == "seed"
    assert len(changes) == 1  # only the edited row changed back
    assert changes[0].old_values["value"] == 24 and changes[0].new_values["value"] == 23
    assert changes[0].operation == "update"
