"""The open data API: a Flask blueprint on the Dash app's server.

Read-only JSON and CSV under /api/v1, /healthz and the OpenAPI document (INTERFACES.md section 5)."""

from __future__ import annotations

from flask import Flask


def register_api(server: Flask) -> None:
    """Serve the API on `server`, reading the database the app was created for."""
    from dashboard import data
    from dashboard.api.routes import EXTENSION, ApiContext, blueprint, method_not_allowed

    settings = data.settings()
    server.extensions[EXTENSION] = ApiContext(database_url=settings.database_url,
                                              cache_redis_url=settings.cache_redis_url)
    server.register_blueprint(blueprint)
    server.register_error_handler(405, method_not_allowed)
