"""API documentation page `/api`: the app's OpenAPI document as a readable page.

The document served at /api/v1/openapi.json: endpoints, parameters, responses, curl and pandas
examples."""

import dash

from dashboard.api.openapi import current_document
from dashboard.components.api_docs import api_reference
from dashboard.i18n import LANGUAGES

dash.register_page(__name__, path="/api", name="API", title="API · SDG programme results", order=6)


def layout(lang: str = "en", **_query):
    lang = lang if isinstance(lang, str) and lang in LANGUAGES else "en"
    return api_reference(current_document(), lang)
