"""Overview page `/` (placeholder until the overview issue's page lands)."""

import dash
from dash import html

dash.register_page(__name__, path="/", name="Overview", order=0)


def layout(lang: str = "en", **_query):
    return html.Div(html.H1("Overview"), className="page")
