"""Sources page `/sources`: every source document with the verbatim quotes the data uses.

Under each document every quote verbatim, with the figures marked, its English rendering, its
section and the figures, events and programme records it backs. Each figure's row has the anchor
`#obs-<id>` that other pages link to."""

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.i18n import t

dash.register_page(__name__, path="/sources", name="Sources", order=5)

CONTENT = ids.page_id("sources", "content")
SUMMARY = ids.page_id("sources", "summary")
SCROLLED = ids.page_id("sources", "scrolled")


def layout(lang: str = "en", **_query):
    lang = lang if lang in ("en", "zh", "fr", "es") else "en"
    return html.Div([
        html.H1(t("Sources", lang)),
        html.P(t("Every figure comes from a source document. Each quote is shown as written, with the figures it "
                 "states marked, an English rendering, the section it sits in, and the figures it backs. The filter "
                 "panel narrows the list to the quotes behind the selection.", lang), className="page-intro"),
        html.P(id=SUMMARY, className="sources-summary", role="status"),
        dcc.Loading(html.Div(id=CONTENT, className="sources-list"), type="default"),
        dcc.Store(id=SCROLLED),
    ], className="page page-sources")
