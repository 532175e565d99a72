"""Data page `/data`: the filtered observations as a table, downloadable as CSV and XLSX.

Every observation in the current filter, sortable and filterable, with its source; the downloads
are the same bytes as the command-line export."""

import dash
import dash_ag_grid as dag
from dash import dcc, html

from dashboard import ids
from dashboard.components.observation_grid import DEFAULT_COLUMN, column_defs, grid_options
from dashboard.i18n import LANGUAGES, t

dash.register_page(__name__, path="/data", name="Data", title="Data · SDG programme results", order=4)


def layout(lang: str = "en", **_query):
    lang = lang if isinstance(lang, str) and lang in LANGUAGES else "en"
    return html.Div([
        html.H1(t("Data", lang)),
        html.P(t("Every figure in the current filter, with the document, section and sentence it was quoted "
                 "from; the figure is highlighted in the quote. Sort or filter by any column; the downloads "
                 "hold every row of the filter, exactly as the command-line export writes them.", lang),
               className="page-intro"),
        html.Div([
            html.P(id=ids.DATA_STATUS, className="data-status", role="status", **{"aria-live": "polite"}),
            html.Div([
                html.Button(t("Download CSV", lang), id=ids.DATA_DOWNLOAD_CSV, n_clicks=0, className="button",
                            type="button"),
                html.Button(t("Download XLSX", lang), id=ids.DATA_DOWNLOAD_XLSX, n_clicks=0, className="button",
                            type="button"),
            ], className="button-row", role="group", **{"aria-label": t("Download", lang)}),
        ], className="data-toolbar"),
        html.Div(id=ids.DATA_NOTES, className="data-notes"),
        html.Section(
            dag.AgGrid(
                id=ids.DATA_GRID,
                columnDefs=column_defs(lang),
                rowData=[],
                defaultColDef=DEFAULT_COLUMN,
                dashGridOptions=grid_options(lang),
                getRowId="params.data.id",
                className="data-grid",
                style={"width": "100%"},
            ),
            className="data-table", **{"aria-label": t("Observations", lang)},
        ),
        dcc.Download(id=ids.DATA_DOWNLOAD),
        dcc.Store(id=ids.DATA_RENDERED, data=lang),
    ], className="page page-data")
