"""Checks a reviewed sample of the reference tables in data/reference/ (plain CSV, no database)."""

import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

ROOT = Path(__file__).parents[2]
REFERENCE = ROOT / "data" / "reference"
SHARED_REFERENCE = ROOT.parent / "shared" / "reference"

ILO_REGIONS = {"africa", "americas", "arab-states", "asia-pacific", "europe-central-asia"}
# Documented in data/reference/SOURCE.md: only Antarctica has no M49 region, hence no ILO region.
NO_ILO_REGION = {"ATA"}
COUNTRY_COLUMNS = [
    "iso3", "iso2", "m49", "name_en", "name_zh", "name_fr", "name_es",
    "m49_region", "m49_subregion", "ilo_region", "aliases_zh",
]


def read(name: str) -> pd.DataFrame:
    return pd.read_csv(REFERENCE / name, dtype=str, keep_default_na=False, encoding="utf-8")


@pytest.fixture(scope="module")
def countries() -> pd.DataFrame:
    return read("countries.csv").set_index("iso3", drop=False)


def aliases(countries: pd.DataFrame, iso3: str) -> list[str]:
    value = countries.loc[iso3, "aliases_zh"]
    return value.split("|") if value else []


def test_countries_columns_and_rows(countries):
    assert list(countries.columns) == COUNTRY_COLUMNS
    upstream = read("country-codes.csv")
    assert len(countries) == (upstream["ISO3166-1-Alpha-3"] != "").sum() == 249


def test_iso3_unique_and_well_formed(countries):
    assert countries["iso3"].is_unique
    assert countries["iso3"].str.fullmatch(r"[A-Z]{3}").all()
    assert countries["iso2"].str.fullmatch(r"[A-Z]{2}").all()
    assert countries["m49"].str.fullmatch(r"\d{3}").all()


def test_namibia_iso2_is_not_missing(countries):
    assert countries.loc["NAM", "iso2"] == "NA"


@pytest.mark.parametrize("column", ["name_en", "name_zh", "name_fr", "name_es"])
def test_every_name_present_and_clean(countries, column):
    names = countries[column]
    assert (names.str.strip() != "").all()
    # UNTERM's articles and markers never reach the table.
    leftover = names[names.str.contains(r"\((?:the|l'|le|la|les|el|los|las)\)|\*|\u2019", regex=True)]
    assert leftover.empty, leftover.to_dict()


def test_ilo_region_values(countries):
    empty = set(countries.loc[countries["ilo_region"] == "", "iso3"])
    assert empty == NO_ILO_REGION
    assert set(countries["ilo_region"]) - {""} == ILO_REGIONS


@pytest.mark.parametrize(
    ("iso3s", "region"),
    [
        (["ZAF", "MUS", "LSO", "EGY", "MAR", "TZA", "SDN"], "africa"),
        (["JOR", "SAU", "ARE", "PSE", "LBN", "YEM"], "arab-states"),
        (["TUR", "ISR", "CYP", "ARM", "AZE", "GEO"], "europe-central-asia"),
        (["KAZ", "KGZ", "LUX", "ITA", "ESP"], "europe-central-asia"),
        (["BRA", "CAN", "CRI", "MEX"], "americas"),
        (["KOR", "AUS", "FJI", "MNG", "CHN", "IRN"], "asia-pacific"),
    ],
)
def test_ilo_region_sample(countries, iso3s, region):
    assert countries.loc[iso3s, "ilo_region"].to_dict() == {iso3: region for iso3 in iso3s}


def test_arab_states_are_exactly_the_twelve(countries):
    arab = set(countries.loc[countries["ilo_region"] == "arab-states", "iso3"])
    assert arab == {"BHR", "IRQ", "JOR", "KWT", "LBN", "OMN", "PSE", "QAT", "SAU", "SYR", "ARE", "YEM"}


def test_kyrgyzstan_names(countries):
    row = countries.loc["KGZ"]
    assert (row["name_en"], row["name_zh"], row["name_fr"], row["name_es"]) == (
        "Kyrgyzstan", "吉尔吉斯斯坦", "Kirghizistan", "Kirguistán"
    )
    assert row["ilo_region"] == "europe-central-asia"
    assert "吉尔吉斯斯坦" not in aliases(countries, "KGZ")


def test_mongolia_alias(countries):
    assert countries.loc["MNG", "name_zh"] == "蒙古"
    assert "蒙古国" in aliases(countries, "MNG")


def test_tanzania_names_and_alias(countries):
    assert countries.loc["TZA", "name_en"] == "United Republic of Tanzania"
    assert countries.loc["TZA", "name_zh"] == "坦桑尼亚联合共和国"
    assert "坦桑尼亚" in aliases(countries, "TZA")


def test_korea_and_south_africa(countries):
    assert countries.loc["KOR", "name_zh"] == "大韩民国"
    assert countries.loc["KOR", "name_en"] == "Republic of Korea"
    assert "韩国" in aliases(countries, "KOR")
    assert countries.loc["ZAF", "name_zh"] == "南非"
    assert "南非" not in aliases(countries, "ZAF")


def test_aliases_never_repeat_the_name(countries):
    for iso3, row in countries.iterrows():
        assert row["name_zh"] not in aliases(countries, iso3)


def test_reviewed_names(countries):
    assert countries.loc["CIV", ["name_en", "name_zh", "name_fr", "name_es"]].tolist() == [
        "Côte d'Ivoire", "科特迪瓦", "Côte d'Ivoire", "Côte d'Ivoire"
    ]
    assert countries.loc["TUR", ["name_en", "name_zh"]].tolist() == ["Türkiye", "土耳其"]
    assert countries.loc["PSE", ["name_en", "name_zh"]].tolist() == ["State of Palestine", "巴勒斯坦国"]
    assert countries.loc["HKG", "name_zh"] == "中国香港特别行政区"
    assert countries.loc["TWN", "name_zh"] == "中国台湾省"
    assert countries.loc["VAT", "name_en"] == "Holy See"


def test_sdg_goals():
    goals = read("sdg_goals.csv")
    assert len(goals) == 17
    assert goals["goal"].tolist() == [str(n) for n in range(1, 18)]
    assert goals["colour_hex"].str.fullmatch(r"#[0-9A-F]{6}").all()
    colours = dict(zip(goals["goal"], goals["colour_hex"]))
    assert (colours["1"], colours["8"], colours["17"]) == ("#E5243B", "#A21942", "#19486A")


def test_sdg_targets():
    targets = read("sdg_targets.csv")
    assert len(targets) == 169
    assert targets["target"].is_unique
    assert {"8.3", "8.5", "17.9", "8.a"} <= set(targets["target"])


def test_sdg_indicators():
    assert len(read("sdg_indicators.csv")) == 247
    current = read("sdg_indicators_2025.csv")
    assert len(current) == 251
    assert "8.3.1" in set(current["indicator"])


def test_areas():
    areas = read("areas.csv")
    assert list(areas.columns) == ["code", "kind", "name_en", "name_zh", "name_fr", "name_es"]
    assert areas["code"].tolist() == [
        "africa", "americas", "arab-states", "asia-pacific", "europe-central-asia", "world", "eu"
    ]
    kinds = dict(zip(areas["code"], areas["kind"]))
    assert {code for code, kind in kinds.items() if kind == "ilo_region"} == ILO_REGIONS
    assert (kinds["world"], kinds["eu"]) == ("world", "other")
    names = areas.set_index("code")
    assert names.loc["asia-pacific", "name_zh"] == "亚洲及太平洋"
    assert names.loc["arab-states", "name_fr"] == "États arabes"
    assert names.loc["eu", "name_es"] == "Unión Europea"
    assert (areas[["name_en", "name_zh", "name_fr", "name_es"]] != "").all().all()


def test_country_regions_are_areas(countries):
    codes = set(read("areas.csv")["code"])
    assert set(countries["ilo_region"]) - {""} <= codes


def test_tables_are_up_to_date_with_build_script():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_reference.py"), "--check"],
        capture_output=True, text=True, timeout=60,
    )
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not SHARED_REFERENCE.is_dir(), reason="../shared/reference not beside the checkout")
@pytest.mark.parametrize(
    "name",
    ["sdg_goals.csv", "sdg_targets.csv", "sdg_indicators.csv", "sdg_indicators_2025.csv", "country-codes.csv"],
)
def test_copies_are_byte_identical(name):
    assert (REFERENCE / name).read_bytes() == (SHARED_REFERENCE / name).read_bytes()


@pytest.mark.skipif(not SHARED_REFERENCE.is_dir(), reason="../shared/reference not beside the checkout")
def test_source_md_extends_the_shared_one():
    ours = (REFERENCE / "SOURCE.md").read_bytes()
    shared = (SHARED_REFERENCE / "SOURCE.md").read_bytes()
    assert ours.startswith(shared)
    assert re.search(rb"## countries\.csv and areas\.csv", ours[len(shared):])
