"""Every SQL statement of the project: parameterised selects, filtered by a FilterState, returning
DataFrames. Aggregation rules live in metrics.py; they call the grouped selects defined here."""

from __future__ import annotations

import json
from typing import Sequence

import pandas as pd
from sqlalchemy import Engine, and_, case, func, literal, or_, select, union_all
from sqlalchemy.sql import ColumnElement, Select

from indicators import tables as T
from indicators.filters import FilterState
from indicators.records import EVENT_FIELDS, OBSERVATION_FIELDS, PROGRAMME_LIST_FIELDS

O, P, PA, E = T.Observation, T.Programme, T.ProgrammeAttribute, T.Event
R = T.ObservationRollup  # aggregation queries read the rollup: same columns, far fewer rows


def read_frame(engine: Engine, statement) -> pd.DataFrame:
    with engine.connect() as connection:
        result = connection.execute(statement)
        return pd.DataFrame(result.fetchall(), columns=list(result.keys()))


def name_column(model, lang: str, prefix: str = "name") -> ColumnElement:
    """The name in `lang`, falling back to English when that language is empty."""
    english = getattr(model, f"{prefix}_en")
    if lang == "en" or not hasattr(model, f"{prefix}_{lang}"):
        return english
    localised = getattr(model, f"{prefix}_{lang}")
    return case((or_(localised.is_(None), localised == ""), english), else_=localised)


# --- filter conditions ---------------------------------------------------------------------------
def programmes_tagged(sdg: Sequence[str]) -> Select:
    """Programme codes tagged with any of these SDG goals or targets (a goal includes its targets)."""
    goals = [s for s in sdg if "." not in s]
    targets = [s for s in sdg if "." in s]
    conditions = []
    if targets:
        conditions.append(PA.value.in_(targets))
    for goal in goals:
        conditions.append(PA.value.like(f"{goal}.%"))
    return select(PA.programme).where(PA.field == "sdg_targets", or_(*conditions))


def sdg_target_join(filters: FilterState) -> list[ColumnElement]:
    """Join conditions on programme_attribute for grouping by SDG target: only the targets the SDG
    filter selects (a goal selects all its targets), so `sdg=8` never yields rows under 1.3."""
    conditions = [PA.field == "sdg_targets"]
    if filters.sdg:
        targets = list(filters.sdg_targets)
        conditions.append(or_(PA.value.in_(targets), *[PA.value.like(f"{g}.%") for g in filters.sdg_goals]))
    return conditions


def countries_in_regions(regions: Sequence[str]) -> Select:
    return select(T.Country.iso3).where(T.Country.ilo_region.in_(list(regions)))


def programme_conditions(programme_col, filters: FilterState) -> list[ColumnElement]:
    conditions = []
    if filters.programme:
        conditions.append(programme_col.in_(filters.programme))
    if filters.sdg:
        conditions.append(programme_col.in_(programmes_tagged(filters.sdg)))
    return conditions


def period_conditions(start_col, end_col, filters: FilterState) -> list[ColumnElement]:
    """Overlap with [year_from, year_to]; rows without a period are left out under any year filter."""
    conditions = []
    if filters.year_to is not None:
        conditions.append(start_col <= filters.year_to)
    if filters.year_from is not None:
        conditions.append(end_col >= filters.year_from)
    return conditions


def place_conditions(country_col, region_col, filters: FilterState) -> list[ColumnElement]:
    conditions = []
    if filters.country:
        conditions.append(country_col.in_(filters.country))
    if filters.region:
        in_region = country_col.in_(countries_in_regions(filters.region))
        conditions.append(or_(region_col.in_(filters.region), in_region) if region_col is not None else in_region)
    return conditions


def country_conditions(country_col, filters: FilterState) -> list[ColumnElement]:
    """Country and region filters on a column that always holds a country (no area of its own)."""
    return place_conditions(country_col, None, filters)


def observation_conditions(filters: FilterState, *, indicator: str | None = None, kind: str | None = None,
                           years: bool = True, places: bool = True, table=O) -> list[ColumnElement]:
    """Conditions on `table` (observation, or its rollup with the same columns)."""
    conditions = programme_conditions(table.programme, filters)
    if indicator:
        conditions.append(table.indicator == indicator)
    elif filters.indicator:
        conditions.append(table.indicator.in_(filters.indicator))
    if kind:
        conditions.append(table.kind == kind)
    elif filters.kind:
        conditions.append(table.kind.in_(filters.kind))
    if years:
        conditions += period_conditions(table.year_start, table.year_end, filters)
    if places:
        conditions += place_conditions(table.country, table.region, filters)
    return conditions


# --- records as section 2 ------------------------------------------------------------------------
def observations(engine: Engine, filters: FilterState, *, limit: int | None = None, offset: int = 0) -> pd.DataFrame:
    """Observation rows in the columns of INTERFACES.md section 2, ordered by id."""
    statement = (
        select(O.id, O.programme, O.indicator, T.Indicator.unit, O.kind, O.qualifier, O.value, O.year_start,
               O.year_end, O.date, O.country, O.region, O.subdivision, O.source_id,
               T.Source.document.label("source_document"), O.source_section, O.source_quote, O.source_figure,
               O.source_quote_en, O.note, O.disaggregation)
        .join(T.Indicator, T.Indicator.code == O.indicator)
        .join(T.Source, T.Source.id == O.source_id)
        .where(*observation_conditions(filters))
        .order_by(O.id)
    )
    if limit is not None:
        statement = statement.limit(limit).offset(offset)
    frame = read_frame(engine, statement)
    frame["disaggregation"] = [json.loads(d) for d in frame["disaggregation"]] if len(frame) else []
    return frame[list(OBSERVATION_FIELDS) + ["disaggregation"]]


def count_observations(engine: Engine, filters: FilterState) -> int:
    statement = select(func.count()).select_from(O).where(*observation_conditions(filters))
    with engine.connect() as connection:
        return int(connection.execute(statement).scalar_one())


def count_without_period(engine: Engine, filters: FilterState, indicator: str, kind: str) -> int:
    statement = select(func.coalesce(func.sum(R.n), 0)).where(
        *observation_conditions(filters, indicator=indicator, kind=kind, years=False, table=R),
        R.year_start.is_(None))
    with engine.connect() as connection:
        return int(connection.execute(statement).scalar_one())


def count_without_place(engine: Engine, filters: FilterState, indicator: str, kind: str) -> int:
    statement = select(func.coalesce(func.sum(R.n), 0)).where(
        *observation_conditions(filters, indicator=indicator, kind=kind, places=False, table=R),
        R.country.is_(None), R.region.is_(None))
    with engine.connect() as connection:
        return int(connection.execute(statement).scalar_one())


def observation_periods(engine: Engine, filters: FilterState, indicator: str, kind: str) -> pd.DataFrame:
    """(programme, year_start, year_end, n) of the matching observations, from the rollup: the
    period a figure covers and where a multi-year figure starts, without reading the rows."""
    statement = (
        select(R.programme, R.year_start, R.year_end, func.sum(R.n).label("n"))
        .where(*observation_conditions(filters, indicator=indicator, kind=kind, table=R))
        .group_by(R.programme, R.year_start, R.year_end)
    )
    return read_frame(engine, statement)


def observation_sources(engine: Engine, filters: FilterState, indicator: str, kind: str, *,
                        limit: int = 2000) -> pd.DataFrame:
    """Where the matching observations are quoted from: (programme, year_end, source_document,
    source_section, source_quote, source_figure, source_quote_en) of at most `limit` of them, in
    index order (no sort, so a large selection costs no more than a small one). Fewer rows than
    `limit` means every observation is there."""
    statement = (
        select(O.programme, O.year_end, T.Source.document.label("source_document"), O.source_section,
               O.source_quote, O.source_figure, O.source_quote_en)
        .join(T.Source, T.Source.id == O.source_id)
        .where(*observation_conditions(filters, indicator=indicator, kind=kind))
        .limit(limit)
    )
    return read_frame(engine, statement)


def indicator_kinds(engine: Engine, filters: FilterState) -> pd.DataFrame:
    """The distinct (indicator, kind) pairs with observations matching the filters, with their count
    (e.g. which indicators a programme reports, and whether it states targets for them)."""
    statement = (select(R.indicator, R.kind, func.sum(R.n).label("n")).where(*observation_conditions(filters, table=R))
                 .group_by(R.indicator, R.kind).order_by(R.indicator, R.kind))
    return read_frame(engine, statement)


# --- grouped selects for the aggregation rules ---------------------------------------------------
ROLE = case(
    (and_(R.country.is_(None), R.subdivision.is_(None), R.disaggregation == "{}"), literal("total")),
    (and_(R.country.is_not(None), R.subdivision.is_(None), R.disaggregation == "{}"), literal("country")),
    else_=literal("other"),
)


def _dimension(by: str | None):
    """The group key of a (rolled-up) observation for `by`."""
    if by == "country":
        return R.country
    if by == "region":
        return func.coalesce(R.region, T.Country.ilo_region)
    if by == "sdg":
        return PA.value
    return literal(None)


def grouped_observations(engine: Engine, filters: FilterState, indicator: str, kind: str,
                         by: str | None) -> pd.DataFrame:
    """Per fact (programme, period, date), role (total / country breakdown / other breakdown) and
    group key: the sum, count, and lowest and highest qualifier of the matching observations."""
    dim = _dimension(by).label("dim")
    statement = (
        select(R.programme, R.year_start, R.year_end, R.date, ROLE.label("role"), dim,
               func.sum(R.value_sum).label("value"), func.max(R.value_max).label("max_value"),
               func.sum(R.n).label("n"), func.min(R.qualifier).label("q_min"), func.max(R.qualifier).label("q_max"))
        .where(*observation_conditions(filters, indicator=indicator, kind=kind, table=R))
        .group_by(R.programme, R.year_start, R.year_end, R.date, ROLE, dim)
    )
    if by == "region":
        statement = statement.outerjoin(T.Country, T.Country.iso3 == R.country)
    if by == "sdg":
        statement = statement.outerjoin(PA, and_(PA.programme == R.programme, *sdg_target_join(filters)))
    return read_frame(engine, statement)


def held_events(engine: Engine, filters: FilterState, event_type: str | None = None,
                status: str | None = "held") -> pd.DataFrame:
    """Events matching the filters (year filter on the event year; place on host country or area)."""
    conditions = programme_conditions(E.programme, filters)
    if event_type:
        conditions.append(E.type == event_type)
    if status:
        conditions.append(E.status == status)
    conditions += period_conditions(E.year, E.year, filters)
    conditions += place_conditions(E.country, E.region, filters)
    statement = select(E.id, E.programme, E.year, E.country, E.region, T.Country.ilo_region).outerjoin(
        T.Country, T.Country.iso3 == E.country).where(*conditions)
    return read_frame(engine, statement)


def reach_rows(engine: Engine, filters: FilterState) -> pd.DataFrame:
    """Distinct (programme, country, year_start, year_end) a country is named for: programme
    countries, actual observations of any indicator, held events' hosts and participant countries.
    Targets, context rows and planned events do not count (INTERFACES.md section 3)."""
    prog_country = (
        select(PA.programme.label("programme"), PA.value.label("country"), P.year_start.label("year_start"),
               P.year_end.label("year_end"), P.status.label("status"), literal("programme").label("origin"))
        .join(P, P.code == PA.programme)
        .where(PA.field == "countries", *programme_conditions(PA.programme, filters),
               *country_conditions(PA.value, filters), *period_conditions(P.year_start, func.coalesce(
                   P.year_end, case((P.status == "ongoing", 9999), else_=None)), filters))
    )
    obs_country = (
        select(R.programme, R.country, R.year_start, R.year_end, literal(None).label("status"),
               literal("observation").label("origin"))
        .where(R.kind == "actual", R.programme.is_not(None), R.country.is_not(None),
               *programme_conditions(R.programme, filters), *period_conditions(R.year_start, R.year_end, filters),
               *country_conditions(R.country, filters))
        .distinct()
    )
    event_conditions = [E.status == "held", E.programme.is_not(None), *programme_conditions(E.programme, filters),
                        *period_conditions(E.year, E.year, filters)]
    event_host = (
        select(E.programme, E.country, E.year.label("year_start"), E.year.label("year_end"),
               literal(None).label("status"), literal("event").label("origin"))
        .where(E.country.is_not(None), *event_conditions, *country_conditions(E.country, filters))
    )
    event_participants = (
        select(E.programme, T.EventParticipantCountry.country, E.year.label("year_start"),
               E.year.label("year_end"), literal(None).label("status"), literal("event").label("origin"))
        .join(T.EventParticipantCountry, T.EventParticipantCountry.event == E.id)
        .where(*event_conditions, *country_conditions(T.EventParticipantCountry.country, filters))
    )
    frame = read_frame(engine, union_all(prog_country, obs_country, event_host, event_participants))
    return frame.drop_duplicates()


def unnamed_counts(engine: Engine, filters: FilterState, indicator: str, kind: str) -> pd.DataFrame:
    """Counts stated without names ("participants from 19 countries"): rows without a country."""
    statement = select(R.programme, R.region, R.year_start, R.year_end, R.value_max.label("value"), R.qualifier).where(
        *observation_conditions(filters, indicator=indicator, kind=kind, table=R), R.country.is_(None))
    return read_frame(engine, statement)


def latest_per_group(engine: Engine, filters: FilterState, indicator: str, kind: str, by: str | None) -> pd.DataFrame:
    """Per group key and end year: the largest value, count and qualifier range (for latest / max)."""
    dim = _dimension(by if by != "programme" else None).label("dim")
    statement = (
        select(R.programme, dim, R.year_end, func.max(R.value_max).label("value"), func.sum(R.n).label("n"),
               func.min(R.qualifier).label("q_min"), func.max(R.qualifier).label("q_max"))
        .where(*observation_conditions(filters, indicator=indicator, kind=kind, table=R))
        .group_by(R.programme, dim, R.year_end)
    )
    if by == "region":
        statement = statement.outerjoin(T.Country, T.Country.iso3 == R.country)
    if by == "sdg":
        statement = statement.outerjoin(PA, and_(PA.programme == R.programme, *sdg_target_join(filters)))
    return read_frame(engine, statement)


# --- reference and descriptive records -----------------------------------------------------------
def indicator_definition(engine: Engine, code: str) -> dict | None:
    frame = read_frame(engine, select(T.Indicator).where(T.Indicator.code == code))
    return None if frame.empty else frame.iloc[0].to_dict()


def indicators(engine: Engine, lang: str = "en") -> pd.DataFrame:
    statement = select(T.Indicator.code, name_column(T.Indicator, lang).label("name"), T.Indicator.name_en,
                       T.Indicator.name_zh, T.Indicator.name_fr, T.Indicator.name_es, T.Indicator.definition_en,
                       T.Indicator.definition_zh, T.Indicator.unit, T.Indicator.aggregation,
                       T.Indicator.event_type).order_by(T.Indicator.code)
    return read_frame(engine, statement)


def labels(engine: Engine, by: str, lang: str = "en") -> dict:
    """Group key -> name in `lang` for summary rows."""
    if by == "programme":
        statement = select(P.code, name_column(P, lang))
    elif by == "country":
        statement = select(T.Country.iso3, name_column(T.Country, lang))
    elif by == "region":
        statement = select(T.Area.code, name_column(T.Area, lang))
    elif by == "sdg":
        statement = select(T.SdgTarget.code, name_column(T.SdgTarget, lang, "title"))
    else:
        return {}
    with engine.connect() as connection:
        return dict(connection.execute(statement).all())


def programmes(engine: Engine, filters: FilterState | None = None, lang: str = "en") -> pd.DataFrame:
    """Programme records with their list fields as lists."""
    filters = filters or FilterState()
    conditions = programme_conditions(P.code, filters)
    if filters.country or filters.region:
        # where the programme works: one of its countries matches, or it names a filtered region
        places = P.code.in_(select(PA.programme).where(PA.field == "countries", *country_conditions(PA.value, filters)))
        if filters.region:
            places = places | P.code.in_(select(PA.programme).where(PA.field == "regions",
                                                                   PA.value.in_(filters.region)))
        conditions.append(places)
    conditions += period_conditions(P.year_start, func.coalesce(P.year_end, 9999), filters)
    frame = read_frame(engine, select(P, name_column(P, lang).label("name")).where(*conditions).order_by(P.code))
    attrs = read_frame(engine, select(PA).order_by(PA.programme, PA.field, PA.position))
    for name in PROGRAMME_LIST_FIELDS:
        values = attrs[attrs["field"] == name].groupby("programme")["value"].apply(list)
        frame[name] = [values.get(code, []) for code in frame["code"]]
    quotes = read_frame(engine, select(T.ProgrammeSource, T.Source.document.label("source_document")).join(
        T.Source, T.Source.id == T.ProgrammeSource.source_id).order_by(
        T.ProgrammeSource.programme, T.ProgrammeSource.position))
    grouped = {code: part.drop(columns=["programme", "position"]).to_dict("records")
               for code, part in quotes.groupby("programme")}
    frame["sources"] = [grouped.get(code, []) for code in frame["code"]]
    return frame


def events(engine: Engine, filters: FilterState | None = None, lang: str = "en") -> pd.DataFrame:
    """Event records (section 2) matching programme, SDG, year and place filters."""
    filters = filters or FilterState()
    conditions = programme_conditions(E.programme, filters)
    conditions += period_conditions(E.year, E.year, filters)
    conditions += place_conditions(E.country, E.region, filters)
    frame = read_frame(engine, select(E, name_column(T.EventType, lang).label("type_name"))
                       .join(T.EventType, T.EventType.code == E.type).where(*conditions).order_by(E.id))
    participants = read_frame(engine, select(T.EventParticipantCountry).order_by(
        T.EventParticipantCountry.event, T.EventParticipantCountry.position))
    by_event = participants.groupby("event")["country"].apply(list)
    frame["participant_countries"] = [by_event.get(i, []) for i in frame["id"]]
    quotes = read_frame(engine, select(T.EventSource, T.Source.document.label("source_document")).join(
        T.Source, T.Source.id == T.EventSource.source_id).order_by(T.EventSource.event, T.EventSource.position))
    grouped = {i: part.drop(columns=["event", "position"]).to_dict("records") for i, part in quotes.groupby("event")}
    frame["sources"] = [grouped.get(i, []) for i in frame["id"]]
    return frame[list(EVENT_FIELDS) + ["type_name"]]


def sources(engine: Engine) -> pd.DataFrame:
    return read_frame(engine, select(T.Source).order_by(T.Source.id))


def sdg_goals(engine: Engine, lang: str = "en") -> pd.DataFrame:
    G = T.SdgGoal
    return read_frame(engine, select(G.code, G.number, G.colour, name_column(G, lang, "title").label("title"),
                                     name_column(G, lang, "short").label("short")).order_by(G.number))


def sdg_targets(engine: Engine, lang: str = "en", goals: Sequence[str] = ()) -> pd.DataFrame:
    S = T.SdgTarget
    statement = select(S.code, S.goal, S.position, name_column(S, lang, "title").label("title"))
    if goals:
        statement = statement.where(S.goal.in_(list(goals)))
    frame = read_frame(engine, statement)
    frame["goal_number"] = frame["goal"].astype(int)
    return frame.sort_values(["goal_number", "position"]).drop(columns="goal_number").reset_index(drop=True)


def programme_targets(engine: Engine) -> pd.DataFrame:
    """(programme, target) pairs: which programme is tagged with which SDG target."""
    return read_frame(engine, select(PA.programme, PA.value.label("target")).where(PA.field == "sdg_targets")
                      .order_by(PA.programme, PA.position))


def countries(engine: Engine, lang: str = "en") -> pd.DataFrame:
    C = T.Country
    return read_frame(engine, select(C.iso3, C.iso2, name_column(C, lang).label("name"), C.name_en, C.name_zh,
                                     C.ilo_region, C.m49_region, C.aliases_zh).order_by(C.iso3))


def areas(engine: Engine, lang: str = "en") -> pd.DataFrame:
    A = T.Area
    return read_frame(engine, select(A.code, A.kind, name_column(A, lang).label("name")).order_by(A.code))


def event_types(engine: Engine, lang: str = "en") -> pd.DataFrame:
    return read_frame(engine, select(T.EventType.code, name_column(T.EventType, lang).label("name")))


def history(engine: Engine) -> pd.DataFrame:
    B, C = T.ChangeBatch, T.ChangeRecord
    statement = (select(B.id, B.created_at, B.user, B.action, B.description, B.reverted_by,
                        func.count(C.id).label("changes")).outerjoin(C, C.batch_id == B.id)
                 .group_by(B.id).order_by(B.id))
    return read_frame(engine, statement)


def country_observations(engine: Engine, filters: FilterState, *, per_country: int = 5) -> pd.DataFrame:
    """Observations stated for one country (`country` not empty) matching the filters, at most
    `per_country` per country (by id), each with `country_total` (how many the country has) and its
    source document: what a map lists for a country."""
    rank = func.row_number().over(partition_by=O.country, order_by=O.id).label("rank")
    total = func.count().over(partition_by=O.country).label("country_total")
    inner = (
        select(O.id, O.programme, O.indicator, T.Indicator.unit, O.kind, O.qualifier, O.value, O.year_start,
               O.year_end, O.date, O.country, T.Source.document.label("source_document"), rank, total)
        .join(T.Indicator, T.Indicator.code == O.indicator)
        .join(T.Source, T.Source.id == O.source_id)
        .where(O.country.is_not(None), *observation_conditions(filters))
        .subquery()
    )
    statement = select(inner).where(inner.c.rank <= per_country).order_by(inner.c.country, inner.c.id)
    return read_frame(engine, statement).drop(columns="rank")
