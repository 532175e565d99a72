"""Programme page `/programmes/<code>`: the programme's record and every indicator it reports.

The record: name, description, status and period, countries, SDG targets, funders, implementers,
links, note, sources; every indicator with targets against actuals where both exist."""

import dash
from dash import dcc, html

from dashboard import ids
from dashboard.i18n import LANGUAGES


def title(code=None, **_):
    return f"{code} · SDG programme results" if code else "Programme · SDG programme results"


dash.register_page(__name__, path_template="/programmes/<code>", name="Programme", title=title, order=1)


def layout(code: str = None, lang: str = "en", **query):
    lang = lang if isinstance(lang, str) and lang in LANGUAGES else "en"
    current = {**{k: v for k, v in query.items() if isinstance(v, (str, list))}, "lang": lang}
    return html.Div([
        dcc.Store(id=ids.PROGRAMME_QUERY, data={"code": code, "query": current}),
        dcc.Loading(html.Div(id=ids.PROGRAMME_PROFILE, className="programme-profile"), type="dot", delay_show=150),
        dcc.Loading(html.Div(id=ids.PROGRAMME_INDICATORS, className="programme-indicators"), type="dot",
                    delay_show=150),
    ], className="page page-programme", lang=lang)
