"""Pure figure builders: (DataFrame, *, options) -> plotly Figure, on the shared template; no I/O."""

from dashboard.figures.breakdown import build_breakdown_figure
from dashboard.figures.common import empty_figure
from dashboard.figures.progress import build_progress_figure
from dashboard.figures.trend import build_trend_figure

__all__ = ["build_breakdown_figure", "build_progress_figure", "build_trend_figure", "empty_figure"]
