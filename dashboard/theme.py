"""Colours and the shared Plotly template.

SDG goal colours are data (sdg_goal.colour in the database, from data/reference/sdg_goals.csv);
this module only reads them."""

from __future__ import annotations

from functools import lru_cache

import plotly.graph_objects as go
import plotly.io as pio

# Okabe-Ito: a colour-blind-safe qualitative palette (Okabe & Ito 2008), used for programmes.
PROGRAMME_PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000")
OTHERS_COLOUR = "#8C8C8C"
NOT_STATED_COLOUR = "#BDBDBD"
TEXT_COLOUR = "#1F2933"
GRID_COLOUR = "#E4E7EB"
ACCENT = "#0A4D8C"  # interface accent (UN-style blue), not an SDG colour
MAX_SERIES = 8  # beyond this many series, the largest are shown and the rest grouped as "others"

# Progress status: colour + arrow + words, never colour alone.
STATUS_STYLE = {
    "on_track": {"colour": "#1A7F37", "arrow": "▲"},
    "moderate": {"colour": "#B7791F", "arrow": "▶"},
    "off_track": {"colour": "#C53030", "arrow": "▼"},
    "insufficient_data": {"colour": "#6B7280", "arrow": "●"},
    "no_target": {"colour": "#6B7280", "arrow": "–"},
}

FONT_FAMILY = '"Noto Sans SC", "Noto Sans CJK SC", "Liberation Sans", Arial, sans-serif'
TEMPLATE_NAME = "sdg_dashboard"


def _template() -> go.layout.Template:
    return go.layout.Template(
        layout=go.Layout(
            font={"family": FONT_FAMILY, "size": 15, "color": TEXT_COLOUR},
            title={"font": {"size": 19}, "x": 0, "xanchor": "left", "y": 0.97},
            colorway=list(PROGRAMME_PALETTE),
            paper_bgcolor="white",
            plot_bgcolor="white",
            margin={"l": 64, "r": 24, "t": 72, "b": 88},
            xaxis={"gridcolor": GRID_COLOUR, "linecolor": "#9AA5B1", "ticks": "outside", "automargin": True},
            yaxis={"gridcolor": GRID_COLOUR, "zerolinecolor": "#9AA5B1", "automargin": True, "rangemode": "tozero"},
            hoverlabel={"font": {"family": FONT_FAMILY, "size": 14}, "align": "left"},
            legend={"orientation": "h", "y": -0.22, "x": 0},
            separators=".,",
        )
    )


def register_template() -> None:
    pio.templates[TEMPLATE_NAME] = _template()


register_template()


def programme_colours(codes: list[str]) -> dict[str, str]:
    """A stable colour per programme: by sorted code, cycling the palette."""
    return {code: PROGRAMME_PALETTE[i % len(PROGRAMME_PALETTE)] for i, code in enumerate(sorted(codes))}


@lru_cache(maxsize=1)
def _goal_colours_cached(version: str) -> dict[str, str]:  # noqa: ARG001 - cache key only
    from dashboard.data import engine
    from indicators import repository as repo

    goals = repo.sdg_goals(engine())
    return dict(zip(goals["code"], goals["colour"]))


def goal_colours() -> dict[str, str]:
    """Goal code -> official colour, read from the SDG reference table."""
    return _goal_colours_cached("reference")


def goal_of(target: str) -> str:
    return str(target).split(".")[0]
