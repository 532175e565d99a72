"""Options of the filter panel, in the page language, from the reference data and the records."""

from __future__ import annotations

from sqlalchemy import func, select

from dashboard import data
from dashboard.i18n import t
from indicators import tables as T


def filter_options(lang: str, goals: list[str]) -> dict[str, list[dict]]:
    programmes = data.reference("programmes", lang)
    goal_frame = data.reference("goals", lang)
    targets = data.reference("targets", lang)
    tagged = set(data.reference("programme_targets")["target"])
    areas = data.reference("areas", lang)
    countries = data.reference("countries", lang)
    if goals:
        targets = targets[targets["goal"].isin(goals)]
    # targets that some programme is tagged with first, so a manager finds 8.3 at once
    targets = targets.assign(_tagged=~targets["code"].isin(tagged)).sort_values("_tagged", kind="stable")
    return {
        "programme": [{"label": f"{r.name} ({r.code})" if r.name != r.code else r.code, "value": r.code}
                      for r in programmes.itertuples()],
        "goal": [{"label": f"{r.number}. {r.short}", "value": r.code} for r in goal_frame.itertuples()],
        "target": [{"label": f"{r.code} {_shorten(r.title)}" + ("" if r.code in tagged else
                    f" · {t('no programme', lang)}"), "value": r.code, "search": r.title}
                   for r in targets.itertuples()],
        "region": [{"label": r.name, "value": r.code} for r in areas.itertuples() if r.kind == "ilo_region"],
        "country": [{"label": r.name, "value": r.iso3, "search": f"{r.iso3} {r.name_en} {r.name_zh} {r.aliases_zh}"}
                    for r in countries.sort_values("name").itertuples() if r.ilo_region],
    }


def _shorten(text: str, limit: int = 70) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def year_bounds() -> tuple[int, int]:
    """The first and last year any observation, event or programme period states (the year slider's range)."""
    def compute():
        with data.engine().connect() as connection:
            lo_o, hi_o = connection.execute(select(func.min(T.Observation.year_start),
                                                   func.max(T.Observation.year_end))).one()
            lo_e, hi_e = connection.execute(select(func.min(T.Event.year), func.max(T.Event.year))).one()
            lo_p, hi_p = connection.execute(select(func.min(T.Programme.year_start),
                                                   func.max(T.Programme.year_end))).one()
        lows = [v for v in (lo_o, lo_e, lo_p) if v is not None]
        highs = [v for v in (hi_o, hi_e, hi_p) if v is not None]
        return (min(lows) if lows else 2010, max(highs) if highs else 2020)

    return data.cache.get_or_compute(("year_bounds",), compute)
