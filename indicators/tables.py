"""The database schema (SQLAlchemy 2): reference data, programmes, indicators, observations, events,
sources and the change history. Alembic migrations in indicators/migrations are generated from it."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import (
    JSON,
    Boolean,
    CheckConstraint,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

KINDS = ("actual", "target", "baseline", "estimate", "context")
QUALIFIERS = ("exact", "approx", "more_than", "at_least", "less_than", "up_to")
AGGREGATIONS = ("sum", "distinct_countries", "count_events", "latest", "max")
PROGRAMME_STATUSES = ("ongoing", "completed", "planned")
EVENT_STATUSES = ("held", "planned")
LANGUAGES = ("en", "zh", "fr", "es")

NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


def _in(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(v) for v in values)})"


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class _Names:
    """Names in the four interface languages; fr/es fall back to English when empty."""

    name_en: Mapped[str] = mapped_column(Text)
    name_zh: Mapped[str] = mapped_column(Text, default="")
    name_fr: Mapped[str] = mapped_column(Text, default="")
    name_es: Mapped[str] = mapped_column(Text, default="")


# --- SDG reference -------------------------------------------------------------------------------
class SdgGoal(Base):
    __tablename__ = "sdg_goal"
    code: Mapped[str] = mapped_column(String(2), primary_key=True)
    number: Mapped[int] = mapped_column(Integer, unique=True)
    colour: Mapped[str] = mapped_column(String(7))
    title_en: Mapped[str] = mapped_column(Text)
    title_zh: Mapped[str] = mapped_column(Text)
    title_fr: Mapped[str] = mapped_column(Text)
    title_es: Mapped[str] = mapped_column(Text)
    short_en: Mapped[str] = mapped_column(Text)
    short_zh: Mapped[str] = mapped_column(Text)
    short_fr: Mapped[str] = mapped_column(Text)
    short_es: Mapped[str] = mapped_column(Text)


class SdgTarget(Base):
    __tablename__ = "sdg_target"
    code: Mapped[str] = mapped_column(String(8), primary_key=True)
    goal: Mapped[str] = mapped_column(ForeignKey("sdg_goal.code"), index=True)
    position: Mapped[int] = mapped_column(Integer)  # order within the goal: 8.1 .. 8.10, 8.a, 8.b
    title_en: Mapped[str] = mapped_column(Text)
    title_zh: Mapped[str] = mapped_column(Text)
    title_fr: Mapped[str] = mapped_column(Text)
    title_es: Mapped[str] = mapped_column(Text)


class SdgIndicator(Base):
    __tablename__ = "sdg_indicator"
    code: Mapped[str] = mapped_column(String(12), primary_key=True)
    target: Mapped[str] = mapped_column(ForeignKey("sdg_target.code"), index=True)
    unsd_code: Mapped[str] = mapped_column(String(16), default="")
    title_en: Mapped[str] = mapped_column(Text)
    title_zh: Mapped[str] = mapped_column(Text, default="")
    title_fr: Mapped[str] = mapped_column(Text, default="")
    title_es: Mapped[str] = mapped_column(Text, default="")


# --- Geography -----------------------------------------------------------------------------------
class Area(_Names, Base):
    """ILO regions, `world`, `eu` and any other area a source reports for."""

    __tablename__ = "area"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    kind: Mapped[str] = mapped_column(String(16))


class Country(_Names, Base):
    __tablename__ = "country"
    iso3: Mapped[str] = mapped_column(String(3), primary_key=True)
    iso2: Mapped[str] = mapped_column(String(2), default="")
    m49: Mapped[str] = mapped_column(String(3), default="")
    m49_region: Mapped[str] = mapped_column(Text, default="")
    m49_subregion: Mapped[str] = mapped_column(Text, default="")
    ilo_region: Mapped[str | None] = mapped_column(ForeignKey("area.code"), index=True)
    aliases_zh: Mapped[str] = mapped_column(Text, default="")


class EventType(_Names, Base):
    __tablename__ = "event_type"
    code: Mapped[str] = mapped_column(String(32), primary_key=True)


# --- Sources -------------------------------------------------------------------------------------
class Source(Base):
    __tablename__ = "source"
    id: Mapped[str] = mapped_column(String(120), primary_key=True)
    document: Mapped[str] = mapped_column(Text)
    title: Mapped[str] = mapped_column(Text, default="")
    publisher: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int | None] = mapped_column(Integer)
    url: Mapped[str | None] = mapped_column(Text)
    licence: Mapped[str] = mapped_column(Text, default="")


# --- Programmes ----------------------------------------------------------------------------------
class Programme(Base):
    __tablename__ = "programme"
    __table_args__ = (CheckConstraint(f"status IS NULL OR {_in('status', PROGRAMME_STATUSES)}", name="status"),)
    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_zh: Mapped[str] = mapped_column(Text, default="")
    name_fr: Mapped[str] = mapped_column(Text, default="")
    name_es: Mapped[str] = mapped_column(Text, default="")
    description_en: Mapped[str] = mapped_column(Text, default="")
    description_zh: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str | None] = mapped_column(String(16))
    year_start: Mapped[int | None] = mapped_column(Integer)
    year_end: Mapped[int | None] = mapped_column(Integer)
    note: Mapped[str] = mapped_column(Text, default="")
    synthetic: Mapped[bool] = mapped_column(Boolean, default=False)


class ProgrammeAttribute(Base):
    """List fields of a programme (countries, regions, sdg_targets, funders, ...), one row per item,
    so that filters are joins instead of string matching."""

    __tablename__ = "programme_attribute"
    programme: Mapped[str] = mapped_column(ForeignKey("programme.code", ondelete="CASCADE"), primary_key=True)
    field: Mapped[str] = mapped_column(String(16), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    value: Mapped[str] = mapped_column(Text)

    __table_args__ = (Index("ix_programme_attribute_field_value", "field", "value"),)


class ProgrammeSource(Base):
    __tablename__ = "programme_source"
    programme: Mapped[str] = mapped_column(ForeignKey("programme.code", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("source.id"))
    source_section: Mapped[str] = mapped_column(Text, default="")
    source_quote: Mapped[str] = mapped_column(Text, default="")
    source_quote_en: Mapped[str] = mapped_column(Text, default="")


# --- Indicators and observations -----------------------------------------------------------------
class Indicator(Base):
    __tablename__ = "indicator"
    __table_args__ = (CheckConstraint(_in("aggregation", AGGREGATIONS), name="aggregation"),)
    code: Mapped[str] = mapped_column(String(64), primary_key=True)
    name_en: Mapped[str] = mapped_column(Text)
    name_zh: Mapped[str] = mapped_column(Text, default="")
    name_fr: Mapped[str] = mapped_column(Text, default="")
    name_es: Mapped[str] = mapped_column(Text, default="")
    definition_en: Mapped[str] = mapped_column(Text, default="")
    definition_zh: Mapped[str] = mapped_column(Text, default="")
    unit: Mapped[str] = mapped_column(String(32))
    aggregation: Mapped[str] = mapped_column(String(24))
    event_type: Mapped[str | None] = mapped_column(ForeignKey("event_type.code"))


class Observation(Base):
    __tablename__ = "observation"
    __table_args__ = (
        CheckConstraint(_in("kind", KINDS), name="kind"),
        CheckConstraint(_in("qualifier", QUALIFIERS), name="qualifier"),
        CheckConstraint("year_start IS NULL OR year_end IS NULL OR year_start <= year_end", name="period"),
        Index("ix_observation_indicator_kind_programme", "indicator", "kind", "programme"),
        Index("ix_observation_indicator_kind_year", "indicator", "kind", "year_end"),
        Index("ix_observation_country", "country"),
    )
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    programme: Mapped[str | None] = mapped_column(ForeignKey("programme.code"))
    indicator: Mapped[str] = mapped_column(ForeignKey("indicator.code"))
    kind: Mapped[str] = mapped_column(String(16))
    qualifier: Mapped[str] = mapped_column(String(16), default="exact")
    value: Mapped[float] = mapped_column(Float)
    year_start: Mapped[int | None] = mapped_column(Integer)
    year_end: Mapped[int | None] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(10))
    country: Mapped[str | None] = mapped_column(ForeignKey("country.iso3"))
    region: Mapped[str | None] = mapped_column(ForeignKey("area.code"))
    subdivision: Mapped[str | None] = mapped_column(String(8))
    # Canonical JSON of the disaggregation ({"sex": "female"}); "{}" for a total. Text, not JSON, so
    # that it compares and groups the same way on SQLite and PostgreSQL.
    disaggregation: Mapped[str] = mapped_column(Text, default="{}")
    source_id: Mapped[str] = mapped_column(ForeignKey("source.id"))
    source_section: Mapped[str] = mapped_column(Text, default="")
    source_quote: Mapped[str] = mapped_column(Text, default="")
    source_figure: Mapped[str] = mapped_column(Text, default="")
    source_quote_en: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")


class ObservationRollup(Base):
    """Observations summed per everything that identifies a figure (all but id, value and source):
    the aggregation queries read this much smaller table; it is rebuilt after every write batch."""

    __tablename__ = "observation_rollup"
    __table_args__ = (
        Index("ix_observation_rollup_indicator_kind_programme", "indicator", "kind", "programme"),
        Index("ix_observation_rollup_indicator_kind_year", "indicator", "kind", "year_end"),
    )
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    programme: Mapped[str | None] = mapped_column(String(32))
    indicator: Mapped[str] = mapped_column(String(64))
    kind: Mapped[str] = mapped_column(String(16))
    qualifier: Mapped[str] = mapped_column(String(16))
    year_start: Mapped[int | None] = mapped_column(Integer)
    year_end: Mapped[int | None] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(10))
    country: Mapped[str | None] = mapped_column(String(3))
    region: Mapped[str | None] = mapped_column(String(32))
    subdivision: Mapped[str | None] = mapped_column(String(8))
    disaggregation: Mapped[str] = mapped_column(Text)
    value_sum: Mapped[float] = mapped_column(Float)
    value_max: Mapped[float] = mapped_column(Float)
    n: Mapped[int] = mapped_column(Integer)


# --- Events --------------------------------------------------------------------------------------
class Event(Base):
    __tablename__ = "event"
    __table_args__ = (CheckConstraint(_in("status", EVENT_STATUSES), name="status"),)
    id: Mapped[str] = mapped_column(String(160), primary_key=True)
    programme: Mapped[str | None] = mapped_column(ForeignKey("programme.code"), index=True)
    type: Mapped[str] = mapped_column(ForeignKey("event_type.code"))
    title_en: Mapped[str] = mapped_column(Text, default="")
    title_zh: Mapped[str] = mapped_column(Text, default="")
    year: Mapped[int | None] = mapped_column(Integer)
    date: Mapped[str | None] = mapped_column(String(10))
    city: Mapped[str | None] = mapped_column(Text)
    country: Mapped[str | None] = mapped_column(ForeignKey("country.iso3"))
    region: Mapped[str | None] = mapped_column(ForeignKey("area.code"))
    latitude: Mapped[float | None] = mapped_column(Float)
    longitude: Mapped[float | None] = mapped_column(Float)
    location_source: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(16))
    participants: Mapped[float | None] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")


class EventParticipantCountry(Base):
    __tablename__ = "event_participant_country"
    event: Mapped[str] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    country: Mapped[str] = mapped_column(ForeignKey("country.iso3"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=0)


class EventSource(Base):
    __tablename__ = "event_source"
    event: Mapped[str] = mapped_column(ForeignKey("event.id", ondelete="CASCADE"), primary_key=True)
    position: Mapped[int] = mapped_column(Integer, primary_key=True)
    source_id: Mapped[str] = mapped_column(ForeignKey("source.id"))
    source_section: Mapped[str] = mapped_column(Text, default="")
    source_quote: Mapped[str] = mapped_column(Text, default="")
    source_quote_en: Mapped[str] = mapped_column(Text, default="")


# --- Change history ------------------------------------------------------------------------------
class ChangeBatch(Base):
    """One import, seed load, edit or revert: who, when, what."""

    __tablename__ = "change_batch"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    user: Mapped[str] = mapped_column(String(120))
    action: Mapped[str] = mapped_column(String(16))  # seed, import, edit, revert, demo
    description: Mapped[str] = mapped_column(Text, default="")
    reverted_by: Mapped[int | None] = mapped_column(ForeignKey("change_batch.id"))


class ChangeRecord(Base):
    """One record changed by a batch, with the values it replaced (old) and wrote (new)."""

    __tablename__ = "change_record"
    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("change_batch.id", ondelete="CASCADE"), index=True)
    table_name: Mapped[str] = mapped_column(String(32))
    record_id: Mapped[str] = mapped_column(String(160))
    operation: Mapped[str] = mapped_column(String(8))  # insert, update, delete
    old_values: Mapped[dict | None] = mapped_column(JSON)
    new_values: Mapped[dict | None] = mapped_column(JSON)
