"""Callback modules, one per page; `attach(app)` registers them on each app.

Each module is written with `dash.callback`. Dash hands global callbacks to the first app that
starts and empties its global lists, so a second app in the same process (tests, a notebook) would
otherwise have none: `attach` gives each app its own copy."""

from __future__ import annotations

import importlib
import pkgutil

from dash import _callback

_collected: tuple[dict, list, list] | None = None


def _collect() -> tuple[dict, list, list]:
    global _collected
    if _collected is None:
        for module in pkgutil.iter_modules(__path__):
            importlib.import_module(f"{__name__}.{module.name}")
        _collected = (dict(_callback.GLOBAL_CALLBACK_MAP), list(_callback.GLOBAL_CALLBACK_LIST),
                      list(_callback.GLOBAL_INLINE_SCRIPTS))
        _callback.GLOBAL_CALLBACK_MAP.clear()
        _callback.GLOBAL_CALLBACK_LIST.clear()
        _callback.GLOBAL_INLINE_SCRIPTS.clear()
    return _collected


def attach(app) -> None:
    """Register every page's callbacks on `app`."""
    callback_map, callback_list, inline_scripts = _collect()
    app.callback_map.update(callback_map)
    app._callback_list.extend(callback_list)
    app._inline_scripts.extend(inline_scripts)
