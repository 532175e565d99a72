"""The clientside callback behind every chart's "Download SVG" button.

The buttons come from components/chart_frame.py; one callback, matched by graph, asks plotly.js
for an SVG of that graph under its export file name."""

from __future__ import annotations

from dash import MATCH, Input, Output, State, clientside_callback

from dashboard import ids

BUTTON = {"type": ids.SVG_EXPORT, "graph": MATCH}

clientside_callback(
    """
    function (clicks, id) {
        if (!clicks || !window.Plotly) { return window.dash_clientside.no_update; }
        var holder = document.getElementById(id.graph);
        var graph = holder && (holder.classList.contains('js-plotly-plot') ? holder
                               : holder.querySelector('.js-plotly-plot'));
        if (!graph) { return window.dash_clientside.no_update; }
        var options = (graph._context && graph._context.toImageButtonOptions) || {};
        window.Plotly.downloadImage(graph, {format: 'svg', filename: options.filename || id.graph,
                                            width: graph._fullLayout.width, height: graph._fullLayout.height});
        return window.dash_clientside.no_update;
    }
    """,
    Output(BUTTON, "title"),
    Input(BUTTON, "n_clicks"),
    State(BUTTON, "id"),
    prevent_initial_call=True,
)
