"""API test fixtures: the app on the seeded database of each backend (SQLite and PostgreSQL), its Flask
test client, and an app on the hand-made aggregation fixture whose figures are known by heart.

Dash keeps some state per process (the settings of dashboard.data, the callbacks registered with
@callback until the first app serves a request); `isolated_app` puts it back when a test app is done,
so that apps built by other test modules still get theirs."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Iterator

import pytest

from indicators.config import PROJECT_ROOT, Settings

FIXTURE_SEED = PROJECT_ROOT / "tests" / "fixtures" / "aggregation_seed"
ARTIFACTS = PROJECT_ROOT / "artifacts"


@contextlib.contextmanager
def isolated_app(settings: Settings, *, initialise: bool = True) -> Iterator:
    from dash import _callback

    from dashboard import create_app, data

    saved_settings = data._settings
    saved_map = dict(_callback.GLOBAL_CALLBACK_MAP)
    saved_list = list(_callback.GLOBAL_CALLBACK_LIST)
    saved_inline = list(_callback.GLOBAL_INLINE_SCRIPTS)
    try:
        app = create_app(settings, initialise=initialise)
        yield app
    finally:
        data._settings = saved_settings
        _callback.GLOBAL_CALLBACK_MAP.clear()
        _callback.GLOBAL_CALLBACK_MAP.update(saved_map)
        _callback.GLOBAL_CALLBACK_LIST[:] = saved_list
        _callback.GLOBAL_INLINE_SCRIPTS[:] = saved_inline


@pytest.fixture(scope="session")
def app_in_isolation():
    """`isolated_app` for test modules (a conftest is not imported by name)."""
    return isolated_app


def warmed_client(app):
    """The test client after Dash's one-time server set-up (run by the first request of any path)."""
    client = app.server.test_client()
    client.get("/healthz")
    return client


@pytest.fixture(scope="module")
def api_app(seeded_engine, database_url):
    """The dashboard on the seeded database of this backend (the data/ seed)."""
    with isolated_app(Settings(database_url=database_url)) as app:
        yield app


@pytest.fixture(scope="module")
def client(api_app):
    return warmed_client(api_app)


@pytest.fixture(scope="session")
def fixture_url(tmp_path_factory) -> str:
    """A SQLite database holding the aggregation fixture (tests/fixtures/aggregation_seed)."""
    from indicators.db import get_engine, migrate
    from indicators.seed import load_reference, load_seed

    url = f"sqlite:///{tmp_path_factory.mktemp('api-fixture') / 'fixture.db'}"
    engine = get_engine(url)
    migrate(engine)
    load_reference(engine)
    load_seed(engine, seed_dir=Path(FIXTURE_SEED))
    return url


@pytest.fixture(scope="module")
def fixture_client(fixture_url):
    with isolated_app(Settings(database_url=fixture_url), initialise=False) as app:
        yield warmed_client(app)
