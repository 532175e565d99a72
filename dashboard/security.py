"""Response headers: pages may be framed only by this site, /embed/* by EMBED_ALLOWED_ORIGINS."""

from __future__ import annotations

from flask import Flask, request

from indicators.config import Settings


def add_security_headers(server: Flask, settings: Settings) -> None:
    embed_origins = settings.embed_allowed_origins.strip() or "*"

    @server.after_request
    def _headers(response):
        if request.path.startswith("/embed/"):
            ancestors = embed_origins.replace(",", " ")
        else:
            ancestors = "'self'"
        response.headers.setdefault("Content-Security-Policy", f"frame-ancestors {ancestors}")
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response
