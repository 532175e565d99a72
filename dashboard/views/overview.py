"""The overview's selection (indicator and kind) and its headline cards, as data.

The chosen indicator and kind, the indicator selector's options, and the four cards with their
figures, notes and quotes."""

from __future__ import annotations

from dashboard.components.cards import Card, CardFigure, summary_total
from dashboard.figures.common import covered_period, translate_note
from dashboard.i18n import lazy, t
from dashboard.views.reads import Reads, contributing_years, events_of_type, source_quotes
from indicators.filters import FilterState

DEFAULT_INDICATOR = "participants_trained"
KIND_HEADINGS = {
    "target": lazy("Target"),
    "estimate": lazy("Potential or projected (estimate)"),
    "baseline": lazy("Baseline"),
}


# --- the selection --------------------------------------------------------------------------------
def chosen_indicator(reads: Reads) -> str:
    """The first known indicator of the filters, else the default (or the first there is)."""
    codes = list(reads.reference("indicators")["code"])
    for code in reads.filters.indicator:
        if code in codes:
            return code
    return DEFAULT_INDICATOR if DEFAULT_INDICATOR in codes else (codes[0] if codes else DEFAULT_INDICATOR)


def chosen_kind(filters: FilterState) -> str:
    """The one kind the filters ask for, else actual figures (kinds are never mixed in a chart)."""
    return filters.kind[0] if len(filters.kind) == 1 else "actual"


def indicator_choices(filters: FilterState) -> tuple[list[dict], str]:
    """(options of the indicator selector by name, the indicator shown)."""
    reads = Reads(filters)
    frame = reads.reference("indicators")
    options = [{"label": row["name"], "value": row["code"],
                "search": f"{row['code']} {row['name_en']} {row['name_zh']}"}
               for row in frame.sort_values("name").to_dict("records")]
    return options, chosen_indicator(reads)


def shown_indicator(filters: FilterState) -> str:
    """The indicator the page shows for the filters (an unknown code in them shows the default)."""
    return chosen_indicator(Reads(filters))


# --- cards ----------------------------------------------------------------------------------------
def kind_heading(kind: str, lang: str) -> str:
    return t(KIND_HEADINGS.get(kind, kind), lang)


def definition_text(row: dict | None, lang: str) -> str:
    """The indicator's definition in `lang`, else in English."""
    if not row:
        return ""
    return (row.get(f"definition_{lang}") if lang in ("en", "zh") else None) or row.get("definition_en") or ""


def card_figure(reads: Reads, indicator: str, kind: str, *, label: str,
                note: str = "") -> tuple[CardFigure, list, list]:
    """One number of a card with its period, plus (notes, quotes) of the aggregation behind it."""
    lang = reads.lang
    if kind != "actual" and (indicator, kind) not in reads.kinds_reported():
        # only observations state targets and estimates (events and programme countries are actual)
        row = reads.indicator(indicator) or {}
        return CardFigure(kind=kind, label=label, value=None, unit=row.get("unit")), [], []
    summary = reads.summary(indicator, by=None, kind=kind)
    value, qualifier, observations = summary_total(summary.records())
    if value is None:
        return CardFigure(kind=kind, label=label, value=None, unit=summary.unit), [], []
    prov = reads.periods(indicator, kind)
    starts, ends = contributing_years(reads, indicator, kind)
    extra_quotes: list = []
    row = reads.indicator(indicator) or {}
    if row.get("aggregation") == "count_events" and kind == "actual" and prov.empty:
        held = events_of_type(reads, row.get("event_type"))
        extra_quotes = [q for sources in held["sources"] for q in sources]
    if kind != "actual" and len(prov) and prov["programme"].isna().all():
        note = note or t("About the wider setting (see the source), not a programme result", lang)
    figure = CardFigure(kind=kind, label=label, value=value, qualifier=qualifier, unit=summary.unit,
                        period=covered_period(starts, ends, lang), note=note, observations=observations)
    notes = [translate_note(n, lang) for n in summary.notes]
    return figure, notes, source_quotes(reads, indicator, kind) + extra_quotes


def overview_cards(filters: FilterState) -> list[Card]:
    """The four headline cards for the filters."""
    lang = filters.lang
    reads = Reads(filters.with_changes(indicator=(), kind=()))
    known = set(reads.reference("indicators")["code"])

    def name(code: str) -> str:
        row = reads.indicator(code)
        return row["name"] if row else code

    def card(key: str, title_code: str, specs) -> Card:
        """specs: (indicator, kind, label, note); actual figures always shown, others when stated."""
        figures, notes, sources = [], [], []
        for code, kind, label, note in specs:
            if code not in known:
                continue
            figure, n, q = card_figure(reads, code, kind, label=label, note=note)
            if kind == "actual" or figure.reported:
                figures.append(figure)
                notes += n
                sources += q
        return Card(key, name(title_code), figures, tuple(dict.fromkeys(notes)), sources,
                    definition_text(reads.indicator(title_code), lang))

    cards = []
    if "participants_trained" in known:
        # participants, with trainers beside (never added) and any target or estimate beside
        beside = t("Trainers trained at trainings of trainers: shown beside participants, never added to them", lang)
        cards.append(card("participants", "participants_trained", [
            ("participants_trained", "actual", name("participants_trained"), ""),
            ("participants_trained", "target", f"{name('participants_trained')}: {kind_heading('target', lang)}", ""),
            ("participants_trained", "estimate",
             f"{name('participants_trained')}: {kind_heading('estimate', lang)}", ""),
            ("trainers_trained", "actual", name("trainers_trained"), beside),
        ]))
    if "jobs_created" in known:
        cards.append(card("jobs", "jobs_created", [
            ("jobs_created", "actual", name("jobs_created"), ""),
            ("jobs_created", "target", kind_heading("target", lang), ""),
            ("jobs_created", "estimate", kind_heading("estimate", lang), ""),
        ]))
    if "countries_reached" in known:
        cards.append(card("countries", "countries_reached",
                          [("countries_reached", "actual", name("countries_reached"), "")]))
    if "academies_held" in known:
        cards.append(with_planned_editions(reads, card("academies", "academies_held",
                                                       [("academies_held", "actual", name("academies_held"), "")])))
    return cards


def with_planned_editions(reads: Reads, academies: Card) -> Card:
    """The academies card with the planned editions beside the held ones (never counted as held)."""
    lang = reads.lang
    planned = events_of_type(reads, (reads.indicator("academies_held") or {}).get("event_type"), "planned")
    if not len(planned):
        return academies
    figures = list(academies.figures) + [CardFigure(
        kind="planned", label=t("Planned", lang), value=float(len(planned)), unit="events",
        period=covered_period(planned["year"], planned["year"], lang),
        note=t("Planned editions are not counted as held", lang))]
    return Card(academies.key, academies.title, figures, academies.notes,
                list(academies.sources) + [q for s in planned["sources"] for q in s], academies.definition)
