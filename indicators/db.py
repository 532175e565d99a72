"""Database access: one engine per process and URL, sessions, schema migration and first-run seeding."""

from __future__ import annotations

import fcntl
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Iterator

from sqlalchemy import Engine, create_engine, event, inspect
from sqlalchemy.orm import Session, sessionmaker

from indicators.config import INSTANCE_DIR, Settings

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"


def _enable_sqlite_foreign_keys(dbapi_connection, _record) -> None:
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA journal_mode=WAL")  # readers in other workers never wait for a writer
    cursor.close()


@lru_cache(maxsize=8)
def get_engine(url: str | None = None) -> Engine:
    """The process-wide engine for `url` (default: DATABASE_URL)."""
    url = url or Settings.from_env().database_url
    if url.startswith("sqlite:///") and not url.startswith("sqlite:///:memory:"):
        Path(url.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
    # a database host that drops packets fails the health check in seconds instead of hanging
    connect_args = {"connect_timeout": 5} if url.startswith("postgresql") else {}
    engine = create_engine(url, pool_pre_ping=True, connect_args=connect_args)
    if engine.dialect.name == "sqlite":
        event.listen(engine, "connect", _enable_sqlite_foreign_keys)
    return engine


@contextmanager
def session_scope(engine: Engine) -> Iterator[Session]:
    """A session whose work commits together or not at all."""
    session = sessionmaker(engine, expire_on_commit=False)()
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.close()


def alembic_config(engine: Engine):
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    config.attributes["engine"] = engine
    return config


def migrate(engine: Engine) -> None:
    """Bring the schema to the newest Alembic revision."""
    from alembic import command

    command.upgrade(alembic_config(engine), "head")


def has_data(engine: Engine) -> bool:
    from sqlalchemy import func, select

    from indicators.tables import Programme

    if not inspect(engine).has_table("programme"):
        return False
    with engine.connect() as connection:
        return bool(connection.execute(select(func.count()).select_from(Programme)).scalar())


@contextmanager
def _init_lock() -> Iterator[None]:
    """Serialises first-run initialisation between processes (gunicorn workers, CLI runs)."""
    INSTANCE_DIR.mkdir(exist_ok=True)
    with open(INSTANCE_DIR / "init-db.lock", "w") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def init_db(engine: Engine, *, reload_seed: bool = False, user: str = "init-db", progress: bool = False) -> str:
    """Migrate the schema; load data/ into an empty database; with `reload_seed`, re-import data/
    as a recorded, revertible batch. Never overwrites edits otherwise. Returns what it did."""
    from indicators.seed import load_reference, load_seed

    with _init_lock():
        migrate(engine)
        if has_data(engine) and not reload_seed:
            return "migrated; data present, seed not reloaded"
        load_reference(engine)
        summary = load_seed(engine, user=user, progress=progress)
        return f"migrated; seed loaded: {summary}"
