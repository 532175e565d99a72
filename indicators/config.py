"""Runtime settings: every environment variable the project reads, with its default and meaning."""

from __future__ import annotations

import os
import secrets
from dataclasses import dataclass, field
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
INSTANCE_DIR = PROJECT_ROOT / "instance"

# name -> (default, meaning); the README and .env.example are checked against this by a test.
ENVIRONMENT: dict[str, tuple[str, str]] = {
    "DATABASE_URL": ("sqlite:///instance/indicators.db", "SQLAlchemy URL of the database"),
    "CACHE_REDIS_URL": ("", "Redis URL for the shared cache; empty = in-process cache"),
    "SECRET_KEY": ("", "Flask secret; development creates one in instance/, production requires it"),
    "APP_ENV": ("development", "development or production"),
    "PORT": ("8050", "port the development server listens on"),
    "WEB_CONCURRENCY": ("2", "gunicorn worker count"),
    "EMBED_ALLOWED_ORIGINS": ("*", "origins allowed to frame /embed/* pages"),
}


def _default_database_url() -> str:
    return f"sqlite:///{INSTANCE_DIR / 'indicators.db'}"


@dataclass(frozen=True)
class Settings:
    database_url: str = field(default_factory=_default_database_url)
    cache_redis_url: str = ""
    secret_key: str = ""
    app_env: str = "development"
    port: int = 8050
    web_concurrency: int = 2
    embed_allowed_origins: str = "*"

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None) -> "Settings":
        env = os.environ if environ is None else environ
        return cls(
            database_url=env.get("DATABASE_URL") or _default_database_url(),
            cache_redis_url=env.get("CACHE_REDIS_URL", ""),
            secret_key=env.get("SECRET_KEY", ""),
            app_env=env.get("APP_ENV", "development"),
            port=int(env.get("PORT") or 8050),
            web_concurrency=int(env.get("WEB_CONCURRENCY") or 2),
            embed_allowed_origins=env.get("EMBED_ALLOWED_ORIGINS", "*"),
        )

    @property
    def is_production(self) -> bool:
        return self.app_env == "production"

    def resolved_secret_key(self) -> str:
        """The configured key; in development a random key kept in instance/ across restarts."""
        if self.secret_key:
            return self.secret_key
        if self.is_production:
            raise RuntimeError("SECRET_KEY must be set when APP_ENV=production")
        INSTANCE_DIR.mkdir(exist_ok=True)
        key_file = INSTANCE_DIR / "secret_key"
        if not key_file.exists():
            key_file.write_text(secrets.token_hex(32))
        return key_file.read_text().strip()
