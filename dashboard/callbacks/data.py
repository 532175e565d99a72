"""Data page callbacks: the filtered observations into the grid, and the CSV/XLSX downloads.

At most ROW_LIMIT rows per request, with a notice when more exist; the downloads are the bytes of
the command line's export function, for every row of the filter."""

from __future__ import annotations

from babel.numbers import format_decimal
from dash import Input, Output, State, callback, ctx, dcc, html, no_update

from dashboard import data, ids
from dashboard.callbacks.shell import query_dict
from dashboard.components.observation_grid import column_defs, dimensions_of, download_name, grid_rows
from dashboard.i18n import LOCALES, t
from indicators import export
from indicators import repository as repo
from indicators.filters import FilterState

ROW_LIMIT = 10_000  # rows sent to the browser per request; the downloads hold every row
FORMATS = {ids.DATA_DOWNLOAD_CSV: "csv", ids.DATA_DOWNLOAD_XLSX: "xlsx"}


def _count(n: int, lang: str) -> str:
    return format_decimal(n, locale=LOCALES.get(lang, "en").replace("-", "_"))


def _names(frame, key: str = "code") -> dict:
    return dict(zip(frame[key], frame["name"])) if len(frame) else {}


def table_view(filters: FilterState, *, limit: int = ROW_LIMIT) -> dict:
    """Everything the page shows for a filter: grid rows and columns, the status line and notes."""
    engine = data.engine()
    lang = filters.lang
    frame = repo.observations(engine, filters, limit=limit + 1)
    more = len(frame) > limit
    frame = frame.iloc[:limit]
    total = repo.count_observations(engine, filters) if more else len(frame)
    rows = grid_rows(
        frame, lang=lang,
        programme_names=_names(data.reference("programmes", lang)),
        indicator_names=_names(data.reference("indicators", lang)),
        country_names=_names(data.reference("countries", lang), "iso3"),
        area_names=_names(data.reference("areas", lang)),
    )
    if more:
        status = t("Showing the first {shown} of {total} observations. Narrow the filters to see the others "
                   "here; the downloads hold all {total}.", lang, shown=_count(limit, lang), total=_count(total, lang))
    elif total == 1:
        status = t("1 observation", lang)
    else:
        status = t("{count} observations", lang, count=_count(total, lang))
    notes = []
    if filters.has_year:
        undated = repo.count_without_period(engine, filters, None, None)
        if undated:
            notes.append(t("{count} observations without a stated year are left out by the year filter.", lang,
                           count=_count(undated, lang)))
    if filters.has_place:
        placeless = repo.count_without_place(engine, filters, None, None)
        if placeless:
            notes.append(t("{count} observations with neither a country nor an area (programme totals without a "
                           "country breakdown) are left out by the place filter.", lang,
                           count=_count(placeless, lang)))
    return {"rows": rows, "columns": column_defs(lang, dimensions_of(frame)), "status": status, "notes": notes,
            "total": total, "more": more}


@callback(
    Output(ids.DATA_GRID, "rowData"),
    Output(ids.DATA_GRID, "columnDefs"),
    Output(ids.DATA_STATUS, "children"),
    Output(ids.DATA_NOTES, "children"),
    Input(ids.DATA_RENDERED, "data"),
    State(ids.URL, "search"),
)
def show_observations(_rendered, search):
    """Runs once each time the page renders (the router renders it again on every filter change)."""
    view = table_view(data.parse_filters(query_dict(search)))
    notes = [html.P(note, className="notice") for note in view["notes"]]
    status = [html.Strong(view["status"])] if view["more"] else view["status"]
    return view["rows"], view["columns"], status, notes or None


def download(fmt: str, search: str | None) -> dict:
    """The dcc.Download payload: the export of every observation of the filter, as the CLI writes it."""
    query = query_dict(search)
    filters = data.parse_filters(query)
    frame = repo.observations(data.engine(), filters)
    return dcc.send_bytes(export.render(frame, "observations", fmt), download_name(filters.to_query(), fmt))


@callback(
    Output(ids.DATA_DOWNLOAD, "data"),
    Input(ids.DATA_DOWNLOAD_CSV, "n_clicks"),
    Input(ids.DATA_DOWNLOAD_XLSX, "n_clicks"),
    State(ids.URL, "search"),
    prevent_initial_call=True,
)
def download_observations(_csv, _xlsx, search):
    fmt = FORMATS.get(ctx.triggered_id)
    if fmt is None or not (_csv or _xlsx):
        return no_update
    return download(fmt, search)
