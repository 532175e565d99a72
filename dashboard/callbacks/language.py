"""The page's `<html lang>`, following the interface language.

zh-Hans for Chinese, so screen readers read Chinese as Chinese and fonts fall back right."""

import json

from dash import Input, clientside_callback

from dashboard import ids
from dashboard.i18n import LOCALES

clientside_callback(
    """function (lang) {
        var locales = %s;
        document.documentElement.lang = locales[lang] || "en";
    }""" % json.dumps(LOCALES),
    Input(ids.LANG_STORE, "data"),
)
