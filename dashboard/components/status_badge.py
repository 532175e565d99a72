"""An indicator's progress status against its target, as colour, arrow and words.

Never colour alone; the reason and the gap to the target beside it."""

from __future__ import annotations

from dash import html

from dashboard import theme
from dashboard.figures.common import format_quantity
from dashboard.figures.progress import status_label
from dashboard.i18n import lazy, t
from indicators.progress import Progress

# indicators.progress.REASONS, marked for translation here (the library has no i18n)
REASON_MESSAGES = {
    "no_target": lazy("No target is stated for this indicator."),
    "no_actual": lazy("No dated actual figure is reported."),
    "one_point": lazy("Fewer than two dated figures: a trend needs a baseline or an earlier actual."),
    "target_year": lazy("The target has no stated year."),
    "target_before_start": lazy("The target year is not after the starting year."),
    "reached": lazy("The target is reached."),
    "growth": lazy("Observed growth compared with the growth needed to reach the target in time."),
}


def status_badge(progress: Progress, lang: str = "en", *, unit: str | None = None) -> html.Div:
    """Colour + arrow + words, never colour alone; the reason and the simple gap beside it."""
    style = theme.STATUS_STYLE.get(progress.status, theme.STATUS_STYLE["insufficient_data"])
    # the arrow and frame carry the colour; the words stay in the text colour (readable at any size)
    parts = [html.Span([html.Span(style["arrow"], className="status-arrow", style={"color": style["colour"]},
                                  **{"aria-hidden": "true"}), " ", status_label(progress.status, lang)],
                       className=f"status-badge status-{progress.status}", style={"borderColor": style["colour"]})]
    reason = t(REASON_MESSAGES[progress.reason], lang) if progress.reason in REASON_MESSAGES else ""
    if progress.ratio is not None and progress.reason == "growth":
        reason += " " + t("Ratio of observed to required growth: {ratio}.", lang, ratio=f"{progress.ratio:.2f}")
    parts.append(html.Span(reason, className="status-reason"))
    if progress.gap is not None:
        parts.append(html.Span(t("Gap to target: {gap}", lang, gap=format_quantity(progress.gap, "exact", unit, lang)),
                               className="status-gap"))
    return html.Div(parts, className="progress-status", **{"data-status": progress.status})
