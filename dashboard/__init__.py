"""The Dash application: pages, shell, callbacks and the open data API on one Flask server."""

from __future__ import annotations

from pathlib import Path

import dash

from indicators.config import PROJECT_ROOT, Settings

PAGES_DIR = Path(__file__).resolve().parent / "pages"


def create_app(settings: Settings | None = None, *, initialise: bool = True) -> dash.Dash:
    """Build the app. With `initialise`, the database is migrated and seeded first (idempotent,
    serialised by a file lock so that workers never race)."""
    from dashboard import data

    settings = settings or Settings.from_env()
    data.configure(settings)
    if initialise:
        from indicators.db import get_engine, init_db

        init_db(get_engine(settings.database_url))

    app = dash.Dash(
        __name__,
        use_pages=True,
        pages_folder=str(PAGES_DIR),
        assets_folder=str(PROJECT_ROOT / "assets"),
        serve_locally=True,  # every script from this server: no CDN
        suppress_callback_exceptions=True,
        title="SDG programme results",
        update_title=None,
        compress=False,
    )
    app.server.config["SECRET_KEY"] = settings.resolved_secret_key()
    app.server.config["INDICATORS_SETTINGS"] = settings  # read by dashboard.data.settings() per request
    from dashboard import shell

    app.layout = shell.layout
    from dashboard.callbacks import attach

    attach(app)
    _register_server_routes(app, settings)
    return app


def _register_server_routes(app: dash.Dash, settings: Settings) -> None:
    from dashboard.security import add_security_headers

    add_security_headers(app.server, settings)
    try:
        from dashboard.api import register_api
    except ImportError:  # the API package lands separately
        return
    register_api(app.server)
