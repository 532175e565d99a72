"""Callback modules, one per page; `register_all` imports them so their callbacks register."""

import importlib
import pkgutil


def register_all() -> None:
    for module in pkgutil.iter_modules(__path__):
        importlib.import_module(f"{__name__}.{module.name}")
