"""Shared fixtures: the database backends (SQLite file and the PostgreSQL server, each run in its own
fresh database) and Chromium options for the browser tests."""

from __future__ import annotations

import os
import uuid
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

DEFAULT_TEST_DATABASE_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
IN_CI = os.environ.get("CI", "").lower() == "true"
FIXTURE_SEED_DIR = Path(__file__).resolve().parent / "fixtures" / "aggregation_seed"


def _postgres_url() -> str:
    return os.environ.get("TEST_DATABASE_URL") or DEFAULT_TEST_DATABASE_URL


@pytest.fixture(scope="session")
def postgres_databases():
    """A factory of PostgreSQL databases created for this run and dropped at its end; skipped (with
    the reason) when the server cannot be reached, except under CI=true where that is a failure."""
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
    created: list[str] = []

    def create() -> str:
        name = f"t_{uuid.uuid4().hex[:12]}"
        with admin.connect() as connection:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
        created.append(name)
        return base.set(database=name).render_as_string(hide_password=False)

    yield create
    from indicators.db import get_engine

    for engine in list(_engines_to_dispose):
        engine.dispose()
    get_engine.cache_clear()
    with admin.connect() as connection:
        for name in created:
            connection.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


_engines_to_dispose: list = []


def _empty_database(request, tmp_path_factory, label: str) -> str:
    if request.param == "sqlite":
        return f"sqlite:///{tmp_path_factory.mktemp(label) / 'test.db'}"
    return request.getfixturevalue("postgres_databases")()


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def database_url(request, tmp_path_factory):
    """The URL of an empty database on each backend (seeded by `seeded_engine`)."""
    return _empty_database(request, tmp_path_factory, "seed")


@pytest.fixture(scope="session")
def seeded_engine(database_url):
    """An engine on a database migrated and seeded from data/ (shared: tests only read it)."""
    from indicators.db import get_engine, init_db

    engine = get_engine(database_url)
    _engines_to_dispose.append(engine)
    init_db(engine)
    return engine


@pytest.fixture(scope="session", params=["sqlite", "postgresql"])
def fixture_engine(request, tmp_path_factory):
    """An engine on a database holding tests/fixtures/aggregation_seed (hand-made, known aggregates)."""
    from indicators.db import get_engine, migrate
    from indicators.seed import load_reference, load_seed

    engine = get_engine(_empty_database(request, tmp_path_factory, "fixture"))
    _engines_to_dispose.append(engine)
    migrate(engine)
    load_reference(engine)
    load_seed(engine, seed_dir=FIXTURE_SEED_DIR, user="tests")
    return engine


@pytest.fixture
def empty_database_url(request, tmp_path):
    """A fresh empty SQLite database for tests that write."""
    return f"sqlite:///{tmp_path / 'empty.db'}"


@pytest.fixture(scope="session")
def sqlite_seeded_url(tmp_path_factory):
    """A seeded SQLite database for the app-level tests (browser, API)."""
    from indicators.db import get_engine, init_db

    url = f"sqlite:///{tmp_path_factory.mktemp('app') / 'app.db'}"
    init_db(get_engine(url))
    return url


def pytest_setup_options():
    """Chromium for dash_duo: Debian's binary, no lookups of any outside host."""
    from selenium.webdriver.chrome.options import Options as ChromeOptions

    class Options(ChromeOptions):
        """dash.testing sets goog:loggingPrefs to {"browser": "SEVERE"} after this hook: keep ours
        (the performance log is what `outside_requests` reads)."""

        def set_capability(self, name, value):
            if name == "goog:loggingPrefs" and name in self.capabilities:
                value = {**value, **self.capabilities[name]}
            super().set_capability(name, value)

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
