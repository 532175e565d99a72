"""Shared fixtures: the database backends (SQLite file and the PostgreSQL server, each run in its own
fresh database) and Chromium options for the browser tests."""

from __future__ import annotations

import os
import uuid

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

DEFAULT_TEST_DATABASE_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
IN_CI = os.environ.get("CI", "").lower() == "true"


def _postgres_url() -> str:
    return os.environ.get("TEST_DATABASE_URL") or DEFAULT_TEST_DATABASE_URL


@pytest.fixture(scope="session")
def postgres_database():
    """A PostgreSQL database created for this run and dropped afterwards; skipped (with the reason)
    when the server cannot be reached, except under CI=true where that is a failure."""
    base = make_url(_postgres_url())
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text("SELECT 1"))
    except Exception as error:  # noqa: BLE001 - any connection failure
        admin.dispose()
        if IN_CI:
            pytest.fail(f"PostgreSQL at {base.render_as_string()} is required under CI=true: {error}")
        pytest.skip(f"PostgreSQL at {base.render_as_string()} not reachable: {error}")
    name = f"t_{uuid.uuid4().hex[:12]}"
    with admin.connect() as connection:
        connection.execute(text(f'CREATE DATABASE "{name}"'))
    yield base.set(database=name).render_as_string(hide_password=False)
    from indicators.db import get_engine

    get_engine.cache_clear()
    with admin.connect() as connection:
        connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    """The URL of an empty database on each backend."""
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp('sqlite') / 'test.db'}"
    return request.getfixturevalue("postgres_database")


@pytest.fixture(scope="session")
def seeded_engine(database_url):
    """An engine on a database migrated and seeded from data/ (shared, read-only by convention)."""
    from indicators.db import get_engine, init_db

    engine = get_engine(database_url)
    init_db(engine)
    return engine


@pytest.fixture(scope="session")
def sqlite_seeded_url(tmp_path_factory):
    """A seeded SQLite database for the app-level tests (browser, API)."""
    from indicators.db import get_engine, init_db

    url = f"sqlite:///{tmp_path_factory.mktemp('app') / 'app.db'}"
    init_db(get_engine(url))
    return url


def pytest_setup_options():
    """Chromium for dash_duo: Debian's binary, no lookups of any outside host."""
    from selenium.webdriver.chrome.options import Options

    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in (
        "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic",
        "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--window-size=1366,768", "--lang=en-GB",
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1",
    ):
        options.add_argument(flag)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
    return options
