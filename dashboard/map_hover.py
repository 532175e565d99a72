"""Hover and label text of the map: a country's programmes, figures and sources; an event's details."""

from __future__ import annotations

import math
from typing import Mapping, Sequence

import pandas as pd

from dashboard.figures.common import format_number, format_value, kind_label, period_text, unit_label
from dashboard.figures.sdg import plural, sources_line, status_label, wrap
from dashboard.i18n import lazy, t

ORIGIN_WORDS = {
    "programme": lazy("programme country"),
    "observation": lazy("actual figure for the country"),
    "event": lazy("held event (host or participants)"),
}


def blank(value) -> bool:
    """A field the record leaves empty: None, NA, NaN or ""."""
    return value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or value == ""


def event_title(rec: dict, lang: str) -> str:
    if lang == "zh" and not blank(rec.get("title_zh")):
        return str(rec["title_zh"])
    for key in ("title_en", "title_zh", "id"):
        if not blank(rec.get(key)):
            return str(rec[key])
    return ""


def event_hover(rec: dict, *, lang: str = "en", country_names: Mapping[str, str] | None = None) -> str:
    """Title; type, year (or "year not stated") and status; city (or "city not stated") and country;
    participants; source documents."""
    names = country_names or {}
    year = t("year not stated", lang) if blank(rec.get("year")) else str(int(rec["year"]))
    if not blank(rec.get("date")):
        year = str(rec["date"])
    status = status_label(rec.get("status") or "held", lang)
    city = str(rec["city"]) if not blank(rec.get("city")) else (
        t("city not stated (marked at the country's centre)", lang) if not blank(rec.get("country"))
        else t("city not stated", lang))
    country = "" if blank(rec.get("country")) else names.get(rec["country"], rec["country"])
    place = ", ".join(p for p in (city, country) if p)
    participants = (t("not stated", lang) if blank(rec.get("participants"))
                    else format_number(rec["participants"], lang, exact=True))
    documents = [s.get("source_document") for s in (rec.get("sources") or []) if s.get("source_document")]
    kind = rec.get("type_name") or rec.get("type") or ""
    lines = [f"<b>{wrap(event_title(rec, lang), 60)}</b>",
             " · ".join(x for x in (str(kind), year, status) if x),
             place,
             t("Participants", lang) + f": {participants}",
             sources_line(documents, lang)]
    if not blank(rec.get("programme")):
        lines.insert(1, t("Programme", lang) + f": {rec['programme']}")
    return "<br>".join(lines)


def figure_lines(figures_frame: pd.DataFrame | None, *, lang: str = "en",
                 indicator_names: Mapping[str, str] | None = None) -> dict[str, list[str]]:
    """Country -> hover lines for the figures stated for it (rows of
    `repository.country_observations`): indicator, value with qualifier words, kind, period, source."""
    if figures_frame is None or figures_frame.empty:
        return {}
    names = indicator_names or {}
    out: dict[str, list[str]] = {}
    for country, part in figures_frame.groupby("country", sort=True):
        lines = []
        for rec in part.to_dict("records"):
            value = format_value(rec["value"], rec["qualifier"], lang, unit=rec.get("unit"), exact=True)
            unit = "" if rec.get("unit") in (None, "", "percent") else " " + unit_label(rec.get("unit"), lang)
            period = period_text(rec.get("year_start"), rec.get("year_end"), lang,
                                   None if blank(rec.get("date")) else rec.get("date"))
            who = "" if blank(rec.get("programme")) else f" · {rec['programme']}"
            lines.append(f"• {names.get(rec['indicator'], rec['indicator'])}: {value}{unit} "
                         f"({kind_label(rec['kind'], lang)}, {period}{who}) · {rec.get('source_document') or ''}")
        total = int(part["country_total"].max()) if "country_total" in part else len(part)
        if total > len(part):
            lines.append(t("and {n} more", lang, n=total - len(part)))
        out[country] = lines
    return out


def country_hover(row: dict, *, lang: str = "en", country_names: Mapping[str, str] | None = None,
                  programme_names: Mapping[str, str] | None = None,
                  sources: Mapping[str, Sequence[str]] | None = None,
                  figures: Mapping[str, Sequence[str]] | None = None) -> str:
    names, programmes = country_names or {}, programme_names or {}
    count = int(row["programme_count"])
    lines = [f"<b>{names.get(row['country'], row['country'])}</b>",
             plural(count, lazy("Reached by {n} programme"), lazy("Reached by {n} programmes"), lang)]
    for code in row["programmes"]:
        how = ", ".join(t(ORIGIN_WORDS.get(o, o), lang) for o in row["origins"].get(code, []))
        label = programmes.get(code, code)
        label = label if len(label) <= 60 else label[:59].rstrip() + "…"
        label = code if label == code else f"{code} · {label}"
        lines.append(f"• {wrap(label, 70)}" + (f" ({how})" if how else ""))
    stated = (figures or {}).get(row["country"])
    if stated:
        lines.append(t("Figures stated for this country", lang) + ":")
        lines += [wrap(line, 90) for line in stated]
    lines.append(sources_line((sources or {}).get(row["country"], []), lang))
    return "<br>".join(lines)
