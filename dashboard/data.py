"""The dashboard's access to the indicator library: engine, reference data and a result cache.

The process engine and a small result cache keyed by the data version (the newest change batch), so
an import invalidates it at once."""

from __future__ import annotations

import threading
from collections import OrderedDict
from typing import Any, Callable

from sqlalchemy import func, select

from indicators import metrics
from indicators import repository as repo
from indicators import tables as T
from indicators.config import Settings
from indicators.db import get_engine
from indicators.filters import FilterState

_settings: Settings | None = None


def configure(settings: Settings) -> None:
    global _settings
    _settings = settings


def settings() -> Settings:
    """The settings of the app serving the current request (several apps may share a process, as in
    the tests), else those of the last app created, else the environment's."""
    from flask import current_app, has_app_context

    if has_app_context() and "INDICATORS_SETTINGS" in current_app.config:
        return current_app.config["INDICATORS_SETTINGS"]
    return _settings or Settings.from_env()


def engine():
    return get_engine(settings().database_url)


def data_version() -> int:
    """Changes whenever a batch is written (seed, import, edit, revert); read once per request."""
    from flask import g, has_request_context

    if has_request_context() and "data_version" in g:
        return g.data_version
    with engine().connect() as connection:
        version = int(connection.execute(select(func.coalesce(func.max(T.ChangeBatch.id), 0))).scalar_one())
    if has_request_context():
        g.data_version = version
    return version


class ResultCache:
    """A bounded in-process LRU cache; entries of an older data version are never returned."""

    def __init__(self, size: int = 512):
        self.size = size
        self._items: OrderedDict = OrderedDict()
        self._lock = threading.Lock()
        self.hits = self.misses = 0

    def get_or_compute(self, key: tuple, compute: Callable[[], Any]) -> Any:
        key = (settings().database_url, data_version()) + key  # apps on other databases never share entries
        with self._lock:
            if key in self._items:
                self._items.move_to_end(key)
                self.hits += 1
                return self._items[key]
        value = compute()
        with self._lock:
            self.misses += 1
            self._items[key] = value
            while len(self._items) > self.size:
                self._items.popitem(last=False)
        return value


cache = ResultCache()


def summary(indicator: str, *, by: str | None, kind: str = "actual", filters: FilterState) -> metrics.Summary:
    return cache.get_or_compute(("summary", indicator, by, kind, filters),
                                lambda: metrics.summarise(engine(), indicator, by=by, kind=kind, filters=filters))


def reference(name: str, lang: str = "en"):
    """Small reference frames (programmes, countries, areas, goals, targets, indicators) by name."""
    loaders = {
        "programmes": lambda: repo.programmes(engine(), lang=lang),
        "countries": lambda: repo.countries(engine(), lang=lang),
        "areas": lambda: repo.areas(engine(), lang=lang),
        "goals": lambda: repo.sdg_goals(engine(), lang=lang),
        "targets": lambda: repo.sdg_targets(engine(), lang=lang),
        "indicators": lambda: repo.indicators(engine(), lang=lang),
        "programme_targets": lambda: repo.programme_targets(engine()),
        "event_types": lambda: repo.event_types(engine(), lang=lang),
        "sources": lambda: repo.sources(engine()),
    }
    return cache.get_or_compute(("reference", name, lang), loaders[name])


def known_codes() -> dict[str, list[str]]:
    """Valid filter values, for lenient URL parsing."""
    return {
        "programme": list(reference("programmes")["code"]),
        "country": list(reference("countries")["iso3"]),
        "region": list(reference("areas")["code"]),
        "sdg": list(reference("goals")["code"]) + list(reference("targets")["code"]),
        "indicator": list(reference("indicators")["code"]),
    }


def parse_filters(query: dict) -> FilterState:
    return FilterState.from_query(query, known=known_codes())
