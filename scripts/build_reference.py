"""Build data/reference/countries.csv and areas.csv from the copied upstream country-codes.csv.

Run from anywhere with the project's interpreter:

    .venv/bin/python scripts/build_reference.py           # (re)write both files
    .venv/bin/python scripts/build_reference.py --check   # exit 1 if the files on disk differ

Inputs and outputs live in data/reference/ (country-codes.csv is datasets/country-codes, PDDL; see
data/reference/SOURCE.md, which documents every column, the ILO-region rule and the overrides below).
The output is deterministic: rows sorted by iso3, UTF-8 (NFC), `\\n` line ends, RFC 4180 quoting.
"""

from __future__ import annotations

import argparse
import io
import re
import sys
import unicodedata
from pathlib import Path

import pandas as pd

REFERENCE = Path(__file__).resolve().parents[1] / "data" / "reference"
UPSTREAM = "country-codes.csv"

COUNTRY_COLUMNS = [
    "iso3", "iso2", "m49", "name_en", "name_zh", "name_fr", "name_es",
    "m49_region", "m49_subregion", "ilo_region", "aliases_zh",
]
AREA_COLUMNS = ["code", "kind", "name_en", "name_zh", "name_fr", "name_es"]

# Name sources per language, in order of preference (first non-empty wins).
NAME_SOURCES = {
    "en": ["UNTERM English Short", "official_name_en", "CLDR display name"],
    "zh": ["UNTERM Chinese Short", "UNTERM Chinese Formal", "official_name_cn"],
    "fr": ["UNTERM French Short", "official_name_fr", "CLDR display name"],
    "es": ["UNTERM Spanish Short", "official_name_es", "CLDR display name"],
}

# ---------------------------------------------------------------------------------------------
# ILO regions (the ILO's five regions, derived from UN M49; FIELD-NOTES "Countries and regions").
ILO_REGIONS = ["africa", "americas", "arab-states", "asia-pacific", "europe-central-asia"]
ARAB_STATES = {"BHR", "IRQ", "JOR", "KWT", "LBN", "OMN", "PSE", "QAT", "SAU", "SYR", "ARE", "YEM"}
# Western Asian countries the ILO counts in Europe and Central Asia.
WESTERN_ASIA_TO_EUROPE = {"TUR", "ISR", "CYP", "ARM", "AZE", "GEO"}
# Areas that M49 places in no region (Antarctica): ilo_region stays empty.
NO_ILO_REGION = {"ATA"}


def ilo_region(iso3: str, m49_region: str, m49_subregion: str) -> str:
    """The ILO region code of a country or area, from its M49 region and sub-region."""
    if iso3 in ARAB_STATES:
        return "arab-states"
    if iso3 in WESTERN_ASIA_TO_EUROPE:
        return "europe-central-asia"
    if m49_region == "Africa":
        return "africa"
    if m49_region == "Americas":
        return "americas"
    if m49_region == "Europe":
        return "europe-central-asia"
    if m49_region == "Asia":
        return "europe-central-asia" if m49_subregion == "Central Asia" else "asia-pacific"
    if m49_region == "Oceania":
        return "asia-pacific"
    if m49_region == "" and iso3 in NO_ILO_REGION:
        return ""
    raise ValueError(f"{iso3}: no ILO region rule for M49 region {m49_region!r} / {m49_subregion!r}")


# ---------------------------------------------------------------------------------------------
# Chinese search aliases: the source documents' own spellings where they differ from the UN name
# (seeds 000/003 write 蒙古国 and 坦桑尼亚; they write 吉尔吉斯斯坦, 大韩民国 and 南非 as UNTERM does),
# plus the common short form 韩国, and upstream names replaced by an override below.
ALIASES_ZH = {
    "MNG": ["蒙古国"],
    "TZA": ["坦桑尼亚"],
    "KOR": ["韩国"],
    "TWN": ["台湾"],
}

# ---------------------------------------------------------------------------------------------
# Reviewed overrides: where the rule above gives a wrong or non-UN name. Each entry says why.
OVERRIDES: dict[str, dict[str, str]] = {
    # Upstream has no UNTERM row for Côte d'Ivoire and its official_name_en is "Ivory Coast", which
    # the UN does not use; UNTERM's short name is "Côte d'Ivoire" in en, fr and es (straight apostrophe
    # as in all UNTERM names).
    "CIV": {"name_en": "Côte d'Ivoire", "name_fr": "Côte d'Ivoire", "name_es": "Côte d'Ivoire"},
    # Upstream gives plain "Taiwan"/"台湾"/"Taïwan"/"Taiwán". The UN system refers to it as a province
    # of China (GA resolution 2758); use the ISO 3166-1 short names (en, fr) that UN statistical
    # lists follow and the UN Chinese term 中国台湾省. 台湾 stays as a Chinese search alias.
    "TWN": {
        "name_en": "Taiwan, Province of China",
        "name_zh": "中国台湾省",
        "name_fr": "Taïwan, province de Chine",
        "name_es": "Taiwán, provincia de China",
    },
    # official_name_en drops the "(Malvinas)" that the UN M49 English name carries (the fr/es
    # upstream names keep it).
    "FLK": {"name_en": "Falkland Islands (Malvinas)"},
}

# ---------------------------------------------------------------------------------------------
AREAS = [
    # ILO regions: the ILO's own names in English, French and Spanish.
    ("africa", "ilo_region", "Africa", "非洲", "Afrique", "África"),
    ("americas", "ilo_region", "Americas", "美洲", "Amériques", "Américas"),
    ("arab-states", "ilo_region", "Arab States", "阿拉伯国家", "États arabes", "Estados Árabes"),
    ("asia-pacific", "ilo_region", "Asia and the Pacific", "亚洲及太平洋", "Asie et Pacifique",
     "Asia y el Pacífico"),
    ("europe-central-asia", "ilo_region", "Europe and Central Asia", "欧洲和中亚",
     "Europe et Asie centrale", "Europa y Asia Central"),
    ("world", "world", "World", "全球", "Monde", "Mundo"),
    ("eu", "other", "European Union", "欧洲联盟", "Union européenne", "Unión Europea"),
]

# UNTERM marks the Holy See and the State of Palestine with "*" (non-member observer States) and
# the Cook Islands and Niue with "**"; the marks are not part of the name.
_MARKER = re.compile(r"\s*\*+\s*$")
# UNTERM's parenthesised articles at the end of a short name: "Kyrgyzstan", not "Kirghizistan (le)".
_ARTICLE = re.compile(r"\s*\((?:the|l'|le|la|les|el|los|las)\)\s*$", re.IGNORECASE)


def clean_name(raw: str) -> str:
    """A natural short name: markers and trailing articles removed, one apostrophe, NFC."""
    name = unicodedata.normalize("NFC", raw).replace("\u2019", "'").strip()
    name = _MARKER.sub("", name)
    name = _ARTICLE.sub("", name)
    return name.strip()


def first_name(row: pd.Series, columns: list[str]) -> str:
    for column in columns:
        name = clean_name(row[column])
        if name:
            return name
    return ""


def build_countries(upstream: pd.DataFrame) -> pd.DataFrame:
    rows = []
    for _, src in upstream.iterrows():
        iso3 = src["ISO3166-1-Alpha-3"].strip()
        if not iso3:
            continue
        region, subregion = src["Region Name"].strip(), src["Sub-region Name"].strip()
        row = {
            "iso3": iso3,
            "iso2": src["ISO3166-1-Alpha-2"].strip(),
            "m49": f"{int(src['M49']):03d}" if src["M49"].strip() else "",
            **{f"name_{lang}": first_name(src, cols) for lang, cols in NAME_SOURCES.items()},
            "m49_region": region,
            "m49_subregion": subregion,
            "ilo_region": ilo_region(iso3, region, subregion),
        }
        row.update(OVERRIDES.get(iso3, {}))
        aliases = [a for a in ALIASES_ZH.get(iso3, []) if a != row["name_zh"]]
        row["aliases_zh"] = "|".join(aliases)
        rows.append(row)
    countries = pd.DataFrame(rows, columns=COUNTRY_COLUMNS).sort_values("iso3", ignore_index=True)
    unknown = (set(OVERRIDES) | set(ALIASES_ZH)) - set(countries["iso3"])
    if unknown:
        raise ValueError(f"overrides or aliases for codes not in {UPSTREAM}: {sorted(unknown)}")
    if countries["iso3"].duplicated().any():
        raise ValueError("duplicate iso3 in " + UPSTREAM)
    return countries


def build_areas() -> pd.DataFrame:
    return pd.DataFrame(AREAS, columns=AREA_COLUMNS)


def to_csv_text(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare with the files on disk, write nothing")
    parser.add_argument("--reference-dir", type=Path, default=REFERENCE)
    args = parser.parse_args(argv)

    upstream = pd.read_csv(args.reference_dir / UPSTREAM, dtype=str, keep_default_na=False, encoding="utf-8")
    outputs = {
        "countries.csv": to_csv_text(build_countries(upstream)),
        "areas.csv": to_csv_text(build_areas()),
    }
    stale = []
    for name, text in outputs.items():
        path = args.reference_dir / name
        if args.check:
            if not path.exists() or path.read_text(encoding="utf-8") != text:
                stale.append(name)
        else:
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {path} ({text.count(chr(10)) - 1} rows)")
    if stale:
        print("out of date (run scripts/build_reference.py): " + ", ".join(stale), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
