"""Shared pieces of every chart: numbers, units, kinds, periods, titles, source line, export.

Numbers with qualifier words, units, periods, titles, the source line, the empty state, "top N +
others" grouping and the export configuration. Pure functions."""

from __future__ import annotations

import math
import re
from typing import Any, Iterable, Mapping, Sequence

import pandas as pd
import plotly.graph_objects as go

from dashboard import theme
from dashboard.i18n import lazy, t

OTHERS_KEY = "__others__"
CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
EMPTY_MESSAGE = lazy("No figure reported for this selection")

# "{number}" with the qualifier's words; catalogues may reorder or drop the space (约250)
QUALIFIER_TEMPLATES = {
    "exact": "{number}",
    "approx": lazy("about {number}"),
    "more_than": lazy("more than {number}"),
    "at_least": lazy("at least {number}"),
    "less_than": lazy("less than {number}"),
    "up_to": lazy("up to {number}"),
}

# Unit names as shown after a number (plural) and in titles.
UNIT_LABELS = {
    "people": lazy("people"),
    "countries": lazy("countries"),
    "events": lazy("events"),
    "organisations": lazy("organisations"),
    "jobs": lazy("jobs"),
    "percent": lazy("percent"),
}
UNIT_SINGULAR = {
    "people": lazy("person"),
    "countries": lazy("country"),
    "events": lazy("event"),
    "organisations": lazy("organisation"),
    "jobs": lazy("job"),
}
KIND_LABELS = {
    "actual": lazy("actual"),
    "target": lazy("target"),
    "baseline": lazy("baseline"),
    "estimate": lazy("potential / estimate"),
    "context": lazy("context"),
    "planned": lazy("planned"),
}


# --- numbers ---------------------------------------------------------------------------------------
NOT_STATED = lazy("not stated")


def is_missing(value) -> bool:
    """None, pandas' NA or NaN: a value the source does not state."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value))


def format_number(value: float | int | None, lang: str = "en", *, compact: bool = False, exact: bool = False) -> str:
    """A number as written for readers: thousands separators, no needless decimals; `compact`
    writes round millions in words (100 million; in Chinese 万 and 亿, as the sources do).
    Charts and cards round to two decimals and leave a missing number blank; `exact` (tables of
    the stated figures) keeps every stored decimal and says "not stated" where there is none."""
    if is_missing(value):
        return t(NOT_STATED, lang) if exact else ""
    value = float(value)
    if compact:
        if lang == "zh":
            if abs(value) >= 1e8 and value % 1e7 == 0:
                return t("{number}亿", lang, number=f"{value / 1e8:g}")
            if abs(value) >= 1e4 and value % 1e3 == 0:
                return t("{number}万", lang, number=f"{value / 1e4:g}")
        elif abs(value) >= 1e6 and value % 1e5 == 0:
            return t("{number} million", lang, number=f"{value / 1e6:g}")
    if value.is_integer():
        return f"{int(value):,}"
    return f"{value:,.{10 if exact else 2}f}".rstrip("0").rstrip(".")


def format_value(value, qualifier: str | None = "exact", lang: str = "en", *, unit: str | None = None,
                 compact: bool = False, exact: bool = False) -> str:
    """`about 250`, `at least 19`, `more than 100,000,000`: the number with its qualifier words; a
    `unit` of "percent" puts the sign on the number (`about 40%`); `exact` as in format_number
    (a missing value is "not stated", without qualifier words)."""
    if exact and is_missing(value):
        return t(NOT_STATED, lang)
    number = format_number(value, lang, compact=compact, exact=exact) + ("%" if unit == "percent" else "")
    template = QUALIFIER_TEMPLATES.get(qualifier or "exact", "{number}")
    return number if template == "{number}" else t(template, lang, number=number)


def unit_label(unit: str | None, lang: str = "en", value: float | None = None) -> str:
    """The unit's name (`people`); for exactly one, the singular (`1 event`)."""
    if value is not None and float(value) == 1 and unit in UNIT_SINGULAR:
        return t(UNIT_SINGULAR[unit], lang)
    return t(UNIT_LABELS[unit], lang) if unit in UNIT_LABELS else (unit or "")


def format_quantity(value, qualifier: str | None, unit: str | None, lang: str = "en", *, compact: bool = False) -> str:
    """`about 250 people`, `about 10%`: value, qualifier words and unit."""
    text = format_value(value, qualifier, lang, compact=compact)
    if unit == "percent":
        return f"{text}%"
    return f"{text} {unit_label(unit, lang, value)}".strip()


def kind_label(kind: str | None, lang: str = "en") -> str:
    """The kind of a figure in words (`potential / estimate`); unknown kinds as they are."""
    return t(KIND_LABELS[kind], lang) if kind in KIND_LABELS else (kind or "")


# --- periods -------------------------------------------------------------------------------------
def as_year(value) -> int | None:
    """A year as an int; None where none is stated (None, NA, NaN, or not a number)."""
    if is_missing(value):
        return None
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def period_text(start, end, lang: str = "en", date: str | None = None) -> str:
    """`2017`, `2017–2018`, the stated `date` (`2017-10`) where there is one, or `year not stated`
    (never guessed)."""
    if date and not is_missing(date):
        return str(date)
    start, end = as_year(start), as_year(end)
    if start is None and end is None:
        return t("year not stated", lang)
    start, end = start if start is not None else end, end if end is not None else start
    return str(start) if start == end else f"{start}–{end}"


def covered_period(starts: Iterable, ends: Iterable, lang: str = "en") -> str:
    """The period a set of figures covers: the first start to the last end; figures without a year
    are said so (`2010–2014; some figures: year not stated`), never given one."""
    pairs = [(as_year(s), as_year(e)) for s, e in zip(starts, ends)]
    if not pairs:
        return t("year not stated", lang)
    dated = [(s if s is not None else e, e if e is not None else s) for s, e in pairs if s is not None or e is not None]
    if not dated:
        return t("year not stated", lang)
    text = period_text(min(s for s, _ in dated), max(e for _, e in dated), lang)
    if len(dated) < len(pairs):
        return t("{period}; some figures: year not stated", lang, period=text)
    return text


# --- titles and source line ----------------------------------------------------------------------
def chart_title(name: str, unit: str | None, period: str | None, lang: str = "en") -> str:
    """`Participants trained (people), 2017–2018`: what, in which unit, over which period."""
    unit_text = "%" if unit == "percent" else unit_label(unit, lang)
    title = t("{name} ({unit})", lang, name=name, unit=unit_text) if unit_text else name
    if period:
        title = t("{title}, {period}", lang, title=title, period=period)
    return title


def chart_subtitle(period: str | None, *details: str) -> str:
    """The line under a title: the period covered first, then what the chart splits by and shows."""
    return " · ".join(p for p in (period, *details) if p)


def source_text(quotes: Iterable[Mapping[str, Any]], lang: str = "en", publisher: str = "ILO", *,
                complete: bool = True) -> str:
    """`Source: ILO, <document> › <section>` for one passage; several passages of one document
    name the document and their number; several documents are counted. `complete=False` (only a
    sample of the records was read) names what was seen and says there may be more."""
    pairs = []
    for quote in quotes:
        document = (quote.get("source_document") or "").strip()
        if document:
            pair = (document, (quote.get("source_section") or "").strip())
            if pair not in pairs:
                pairs.append(pair)
    if not pairs:
        return ""
    documents = list(dict.fromkeys(d for d, _ in pairs))
    if not complete:
        return t("Sources: {documents} and possibly more (every figure's source is on the Data page)", lang,
                 documents=", ".join(documents))
    if len(documents) > 1:
        return t("Sources: {n} documents", lang, n=len(documents))
    if len(pairs) == 1:
        where = f"{pairs[0][0]} › {pairs[0][1]}" if pairs[0][1] else pairs[0][0]
        return t("Source: {publisher}, {where}", lang, publisher=publisher, where=where)
    return t("Source: {publisher}, {document} ({n} sections)", lang, publisher=publisher, document=documents[0],
             n=len(pairs))


def add_source_line(fig: go.Figure, text: str, *, xshift: float = 0) -> go.Figure:
    """The source line as an annotation under the plot area (kept in PNG/SVG exports); `xshift`
    moves it left under wide axis labels."""
    if text:
        fig.add_annotation(text=text, xref="paper", yref="paper", x=0, y=0, yshift=-62, xshift=xshift,
                           xanchor="left", yanchor="top", showarrow=False, align="left",
                           font={"size": 12, "color": "#3E4C59"}, name="source")
    return fig


def add_note_line(fig: go.Figure, text: str, *, row: int = 1, xshift: float = 0) -> go.Figure:
    """A short note under the source line (e.g. figures not plotted for lack of a year)."""
    if text:
        fig.add_annotation(text=text, xref="paper", yref="paper", x=0, y=0, yshift=-62 - 19 * row, xshift=xshift,
                           xanchor="left", yanchor="top", showarrow=False, align="left",
                           font={"size": 12, "color": "#3E4C59"}, name="note")
    return fig


def base_figure(title: str, *, subtitle: str = "", height: int = 420, legend_on_top: bool = False) -> go.Figure:
    """An empty figure on the shared template: the title and its subtitle at the top left of the
    whole figure; with `legend_on_top`, the legend between the title and the plot, so that the
    source line and notes have the space under the axis to themselves."""
    top = (82 if subtitle else 56) + (30 if legend_on_top else 0)
    fig = go.Figure()
    fig.update_layout(
        template=theme.TEMPLATE_NAME, height=height,
        title={"text": title, "subtitle": {"text": subtitle, "font": {"size": 14, "color": "#3E4C59"}},
               "x": 0, "xref": "container", "xanchor": "left", "y": 1, "yref": "container", "yanchor": "top",
               "pad": {"t": 14, "l": 14}},
        margin={"t": top, "b": 112},
    )
    if legend_on_top:
        fig.update_layout(legend={"orientation": "h", "x": 0, "xanchor": "left", "y": 1.02, "yanchor": "bottom",
                                  "title": {"text": ""}})
    return fig


def year_range(years: Sequence[int], *, min_span: float = 5) -> list[float]:
    """The x range of a chart by year: the data years with half a year of air, widened to at least
    `min_span` years so a single year never becomes one bar across the whole chart."""
    low, high = min(years) - 0.7, max(years) + 0.7
    if high - low < min_span:
        pad = (min_span - (high - low)) / 2
        low, high = low - pad, high + pad
    return [low, high]


def value_axis(top: float, unit: str | None) -> dict:
    """Value axis settings: from zero with room for the bar labels, thousands separators, and whole
    steps for small counts (no "0.5 events")."""
    axis = {"range": [0, top * 1.25 if top > 0 else 1], "tickformat": ",~r"}
    if unit != "percent" and top <= 5:
        axis["dtick"] = 1
    return axis


def text_width(text: str, size: float = 13) -> float:
    """Approximate width in px of a line of text (CJK characters count about twice as wide)."""
    wide = len(CJK.findall(text or ""))
    return (len(text or "") - wide) * size * 0.56 + wide * size * 1.02


def empty_figure(lang: str = "en", *, title: str | None = None, subtitle: str = "", message: str | None = None,
                 source: str = "") -> go.Figure:
    """No data: a centred message and hidden axes (never blank axes)."""
    fig = base_figure(title or "", subtitle=subtitle, height=320)
    fig.add_annotation(text=message or t(EMPTY_MESSAGE, lang), xref="paper", yref="paper", x=0.5, y=0.5,
                       showarrow=False, font={"size": 17, "color": "#3E4C59"}, name="empty")
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    fig.update_layout(showlegend=False, meta={"empty": True})
    return add_source_line(fig, source)


def split_by_year(frame: pd.DataFrame | None, *, lang: str = "en", title: str = "", subtitle: str = "",
                  source: str = "") -> tuple[pd.DataFrame, pd.DataFrame, go.Figure | None]:
    """(dated rows with whole years, rows without a year, the empty figure to show instead where no
    row has a year): figures without a year are never plotted at a made-up one."""
    if frame is None or frame.empty:
        return frame, frame, empty_figure(lang, title=title, subtitle=subtitle, source=source)
    dated = frame[frame["year"].notna()].copy()
    undated = frame[frame["year"].isna()]
    if dated.empty:
        message = t("No dated figure: {n} figure(s) with year not stated are listed under the chart", lang,
                    n=len(undated))
        return dated, undated, empty_figure(lang, title=title, subtitle=subtitle, message=message, source=source)
    dated["year"] = dated["year"].astype(int)
    return dated, undated, None


def is_empty_figure(fig: go.Figure) -> bool:
    return bool((fig.layout.meta or {}).get("empty")) if isinstance(fig.layout.meta, dict) else False


# --- top N + others ------------------------------------------------------------------------------
def split_top(frame: pd.DataFrame, *, key: str = "key", value: str = "value",
              limit: int | None = theme.MAX_SERIES) -> tuple[list, list]:
    """(shown keys, grouped keys): the `limit - 1` largest keys by total value are shown and the
    rest grouped as "others", once there are more than `limit` keys (None = show all)."""
    totals = frame.groupby(key, sort=False, dropna=False)[value].sum().sort_values(ascending=False, kind="stable")
    keys = list(totals.index)
    if limit is None or len(keys) <= limit:
        return keys, []
    return keys[: limit - 1], keys[limit - 1:]


def group_others(frame: pd.DataFrame, rest: Sequence, *, key: str = "key", label: str = "label",
                 others_rows: pd.DataFrame | None = None, lang: str = "en") -> pd.DataFrame:
    """Replace the rows of the `rest` keys by one "others" group. The others' values must follow the
    indicator's aggregation rule, so the caller passes them (`others_rows`, computed by the rule for
    the grouped keys); without it the group is left out and only counted in its label."""
    if not len(rest):
        return frame
    kept = frame[~frame[key].isin(list(rest))]
    others_label = t("Others ({n})", lang, n=len(rest))
    if others_rows is None or others_rows.empty:
        return kept.reset_index(drop=True)
    others = others_rows.assign(**{key: OTHERS_KEY, label: others_label})
    return pd.concat([kept, others], ignore_index=True)


# --- notes from the aggregation module -----------------------------------------------------------
_NOTE_PATTERNS = {
    "events_differ": (re.compile(r"^(?P<programme>.*): (?P<held>[\d.]+) held, (?P<named>\d+) named in the sources$"),
                      lazy("{programme}: {held} held, {named} named in the sources")),
    "unnamed_counts": (re.compile(r"^(?P<n>\d+) count"),
                       lazy("{n} count(s) stated without naming the countries; the result is at least the largest "
                            "of them")),
    "no_year": (re.compile(r"^(?P<n>\d+) figure"), lazy("{n} figure(s) without a stated year left out by the year filter")),
    "no_place": (re.compile(r"^(?P<n>\d+) programme"),
                 lazy("{n} programme total(s) without a country breakdown left out by the place filter")),
    "year_not_stated": (re.compile(r"^(?P<n>\d+) figure"),
                        lazy("{n} figure(s) with no stated year are shown as 'year not stated'")),
    "sdg_overlap": (re.compile(r""), lazy("A programme's figure counts once under each target it is tagged with; "
                                          "rows by target do not add up to the total")),
}


def translate_note(note: Any, lang: str = "en") -> str:
    """A metrics Note (or {"code", "message"}) in `lang`; unknown notes keep their message."""
    code = getattr(note, "code", None) or (note.get("code") if isinstance(note, Mapping) else None)
    message = getattr(note, "message", None) or (note.get("message") if isinstance(note, Mapping) else str(note))
    if code in _NOTE_PATTERNS:
        pattern, template = _NOTE_PATTERNS[code]
        match = pattern.match(message)
        if match:
            return t(template, lang, **match.groupdict())
    return t(message, lang)


# --- export --------------------------------------------------------------------------------------
def _slug(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9.]+", "-", str(text)).strip("-").lower().replace(".", "-")


def export_filename(indicator: str, by: str, filters: Mapping[str, str] | None = None) -> str:
    """`participants_trained-programme-programme-transform-year_from-2017`: what, how and for which
    filters a downloaded chart shows (language and indicator are in the name already)."""
    parts = [indicator or "chart", by]
    for name, value in (filters or {}).items():
        if name in ("indicator", "lang") or not value:
            continue
        parts.append(f"{name}-{_slug(value)}")
    name = "-".join(str(p) for p in parts if p)
    return name[:150]


def safe_filename(*parts: str) -> str:
    """A file name for exported images from free text: ASCII, lower case, words joined by "-"."""
    text = "-".join(str(p) for p in parts if p)
    text = re.sub(r"[^A-Za-z0-9._-]+", "-", text).strip("-._").lower()
    return text or "chart"


def topojson_url(asset_url=None) -> str:
    """URL of the map topology folder served by this app (ends with "/"); `asset_url` defaults to
    dash.get_asset_url, and "/assets/" stands in where no app is configured yet (unit tests, scripts)."""
    if asset_url is None:
        try:
            import dash

            url = dash.get_asset_url("topojson/")
        except Exception:  # noqa: BLE001 - no app configured yet
            url = "/assets/topojson/"
    else:
        url = asset_url("topojson/")
    return url if url.endswith("/") else url + "/"


def graph_config(filename: str, *, asset_url=None, geo: bool = True) -> dict:
    """dcc.Graph config: PNG export at print resolution with a meaningful name, no Plotly logo; with
    `geo`, the map topology from this server (a geo graph without it could stay blank)."""
    config = {
        "toImageButtonOptions": {"format": "png", "filename": filename, "scale": 3},
        "displaylogo": False,
        "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"],
        "responsive": True,
    }
    if geo:
        config["topojsonURL"] = topojson_url(asset_url)
    return config
