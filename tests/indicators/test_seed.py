"""The shipped seed dataset against the source documents: a representative sample of figures, and
every observation backed by a verbatim quote that contains the figure (SQLite and PostgreSQL)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml

from indicators import metrics
from indicators import repository as repo
from indicators.config import DATA_DIR, PROJECT_ROOT
from indicators.filters import FilterState

SEEDS_DIR = PROJECT_ROOT.parent / "shared" / "seeds"
needs_documents = pytest.mark.skipif(not SEEDS_DIR.exists(), reason=f"source documents not found at {SEEDS_DIR}")


def seed(name: str) -> list[dict]:
    return yaml.safe_load((DATA_DIR / "seed" / f"{name}.yaml").read_text(encoding="utf-8"))


def document_text(name: str) -> str:
    return (SEEDS_DIR / name).read_text(encoding="utf-8")


def summary(engine, indicator, by=None, kind="actual", **filters):
    result = metrics.summarise(engine, indicator, by=by, kind=kind, filters=FilterState(**filters))
    return {r["key"]: (r["value"], r["qualifier"]) for r in result.records()}


# --- the programmes and their links ---------------------------------------------------------------
def test_programmes_of_the_documents(seeded_engine):
    programmes = repo.programmes(seeded_engine).set_index("code")
    assert set(programmes.index) == {"TRANSFORM", "SSE-ACADEMY", "PAGE-KGZ-MNG", "ZAF-SSE-PROCUREMENT"}
    assert programmes.loc["TRANSFORM", "sdg_targets"] == ["1.3", "3.8", "5.4", "8.5", "10.4"]
    assert programmes.loc["SSE-ACADEMY", "sdg_targets"] == ["8.3", "17.9"]
    assert programmes.loc["PAGE-KGZ-MNG", "sdg_targets"] == ["8.3", "8.4", "13.2", "17.6", "17.7"]
    assert (programmes.loc["TRANSFORM", "year_start"], programmes.loc["TRANSFORM", "year_end"]) == (2015, 2020)
    assert programmes.loc["TRANSFORM", "status"] == "ongoing"
    assert set(programmes.loc["TRANSFORM", "countries"]) == {"ETH", "KEN", "MWI", "MOZ", "TZA", "ZMB"}
    assert set(programmes.loc["PAGE-KGZ-MNG", "countries"]) == {"KGZ", "MNG"}
    assert programmes.loc["PAGE-KGZ-MNG", "year_start"] == 2017 and programmes.loc["PAGE-KGZ-MNG", "year_end"] == 2019
    sse = programmes.loc["SSE-ACADEMY"]
    assert sse["year_start"] == 2013 and sse["status"] == "ongoing"
    assert {s["source_id"] for s in sse["sources"]} == {"ilo-sse-brochure", "ilo-sstc-good-practices"}
    zaf = programmes.loc["ZAF-SSE-PROCUREMENT"]
    assert set(zaf["subdivisions"]) == {"ZA-KZN", "ZA-FS"} and zaf["countries"] == ["ZAF"]


def test_sdg_target_8_3_is_served_by_exactly_two_programmes(seeded_engine):
    tagged = repo.programme_targets(seeded_engine)
    assert set(tagged[tagged["target"] == "8.3"]["programme"]) == {"SSE-ACADEMY", "PAGE-KGZ-MNG"}


# --- a representative sample of figures -----------------------------------------------------------
def test_transform_trained_about_250_in_2017_2018(seeded_engine):
    assert summary(seeded_engine, "participants_trained", by="programme") == {"TRANSFORM": (250, "approx")}
    rows = repo.observations(seeded_engine, FilterState(indicator=("participants_trained",)))
    row = rows.iloc[0]
    assert (row["year_start"], row["year_end"], row["region"]) == (2017, 2018, "africa")


def test_transform_trainers_are_shown_beside_participants_never_added(seeded_engine):
    assert summary(seeded_engine, "trainers_trained") == {None: (23, "exact")}
    assert summary(seeded_engine, "participants_trained") == {None: (250, "approx")}


def test_countries_reached_takes_the_unnamed_count_of_19(seeded_engine):
    by_programme = summary(seeded_engine, "countries_reached", by="programme")
    assert by_programme["TRANSFORM"] == (19, "at_least")
    assert by_programme["PAGE-KGZ-MNG"] == (2, "exact")


def test_sse_academy_nine_held_eight_named(seeded_engine):
    result = metrics.summarise(seeded_engine, "academies_held", by="programme")
    assert {r["key"]: r["value"] for r in result.records()} == {"SSE-ACADEMY": 9}
    assert any("9 held, 8 named" in n.message for n in result.notes)
    events = repo.events(seeded_engine, FilterState(programme=("SSE-ACADEMY",)))
    held = events[(events["type"] == "academy") & (events["status"] == "held")]
    assert sorted(held["city"]) == sorted(["Turin", "Montréal", "Agadir", "Puebla", "Campinas", "San José",
                                           "Seoul", "Luxembourg"])
    assert held["location_source"].str.match(r"^GeoNames \d+$").all()
    planned = events[events["status"] == "planned"]
    assert list(planned["country"]) == ["ESP"] and list(planned["year"]) == [2018]
    # years only where a document states them (000 for the first four), never from the sequence
    dated = {int(y) for y in held["year"].dropna()}
    assert dated == {2010, 2011, 2013, 2014}


def test_first_four_courses_2010_2014(seeded_engine):
    assert summary(seeded_engine, "academies_held", year_from=2010, year_to=2014) == {None: (4, "exact")}


def test_page_two_study_visits_in_2017(seeded_engine):
    assert summary(seeded_engine, "study_visits", by="year") == {2017: (2, "exact")}


def test_context_figures_have_no_programme(seeded_engine):
    rows = repo.observations(seeded_engine, FilterState(kind=("context", "estimate"))).set_index("indicator")
    assert rows.loc["cooperative_employment", "value"] == 100_000_000
    assert rows.loc["cooperative_employment", "qualifier"] == "more_than"
    assert rows.loc["sse_share_of_enterprises", "value"] == 10
    assert rows.loc["sse_share_of_employment", "value"] == 6
    assert rows.loc["sse_share_of_employment", "region"] == "eu"
    assert rows.loc["agriculture_share_of_employment", "country"] == "KGZ"
    jobs = rows.loc["jobs_created"]
    assert (jobs["value"], jobs["kind"], jobs["country"]) == (260_000, "estimate", "ZAF")
    assert rows["programme"].isna().all()


def test_no_actual_jobs_are_reported(seeded_engine):
    # 260,000 is a potential (estimate) of South Africa's strategy: never shown as jobs created
    assert summary(seeded_engine, "jobs_created") == {}
    assert summary(seeded_engine, "jobs_created", kind="estimate") == {None: (260_000, "exact")}


# --- every figure backed by its verbatim quote ----------------------------------------------------
@needs_documents
def test_every_observation_quote_is_verbatim_and_contains_its_figure():
    docs = {name: document_text(name) for name in ("000_a885415dce5153b4.txt", "003_2e8176e59af46d66.txt")}
    for obs in seed("observations"):
        quote, figure = obs["source_quote"], str(obs["source_figure"])
        assert quote.strip() in docs[obs["source_document"]], obs["id"]
        assert figure in quote and quote.count(figure) == 1, obs["id"]
        assert obs["kind"] in ("actual", "target", "baseline", "estimate", "context")


@needs_documents
def test_every_event_and_programme_quote_is_verbatim():
    docs = {name: document_text(name) for name in ("000_a885415dce5153b4.txt", "003_2e8176e59af46d66.txt")}
    sources = {s["id"]: s["document"] for s in seed("sources")}
    for record in seed("events") + seed("programmes"):
        assert record["sources"], record.get("id") or record.get("code")
        for quote in record["sources"]:
            assert quote["source_quote"].strip() in docs[sources[quote["source_id"]]], record.get("id") or record.get("code")


CHINESE_NUMERALS = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}


def figure_value(figure: str) -> float:
    """The number a figure's characters state: 23, 约 250, 26万, 超过1亿, 40%, 九, 两次."""
    digits = re.search(r"\d+(\.\d+)?", figure)
    if digits:
        value = float(digits.group())
        if "万" in figure:
            value *= 10_000
        if "亿" in figure:
            value *= 100_000_000
        return value
    for char, value in CHINESE_NUMERALS.items():
        if char in figure:
            return float(value)
    raise AssertionError(f"no number in {figure!r}")


def test_each_value_is_the_number_its_figure_states():
    for obs in seed("observations"):
        assert figure_value(str(obs["source_figure"])) == float(obs["value"]), obs["id"]


def test_qualifier_follows_the_wording():
    for obs in seed("observations"):
        figure = str(obs["source_figure"])
        if figure.startswith("约"):
            assert obs["qualifier"] == "approx", obs["id"]
        if figure.startswith("超过"):
            assert obs["qualifier"] == "more_than", obs["id"]


def test_no_personal_data_is_shipped():
    text = "".join((DATA_DIR / "seed" / f).read_text(encoding="utf-8") for f in
                   ("observations.yaml", "events.yaml", "programmes.yaml", "sources.yaml"))
    assert "@" not in text, "an e-mail address"
    assert not re.search(r"\+41|799 ?74|Pellerano|Meglio|Cicciarelli|Gueye", text)


def test_no_year_is_guessed_for_undated_events(seeded_engine):
    events = repo.events(seeded_engine).set_index("id")
    undated = events[events["year"].isna()]
    assert len(undated) >= 4  # Puebla, San José, Seoul, Luxembourg: years not stated in either document
