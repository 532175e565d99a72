"""Builds assets/fonts/NotoSansSC-subset.woff2: Noto Sans CJK SC cut down to the Chinese characters the
app can show, so that browsers without a CJK font read Chinese without any request outside the app.

Characters come from the zh catalogue's msgstr, the Chinese string literals of dashboard/, the seed data
(data/seed/*.yaml), the reference tables the app loads (data/reference/*.csv) and, when it can be
reached, the database (DATABASE_URL, default instance/indicators.db): names, titles and quotes.

Run by scripts/setup.sh when Debian's fonts-noto-cjk is installed. It is skipped when the character set
and the source font are unchanged since the last build (a stamp in instance/). The WOFF2 file is build
output: git-ignored, never committed.

    .venv/bin/python scripts/build_fonts.py [--force] [--source PATH] [--output PATH]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE_FONT = Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc")
FONT_NUMBER = 2  # Simplified Chinese in Debian's collection (0 JP, 1 KR, 2 SC, 3 TC, 4 HK)
OUTPUT = ROOT / "assets" / "fonts" / "NotoSansSC-subset.woff2"
STAMP = ROOT / "instance" / "font-subset.sha1"
CATALOGUE = ROOT / "dashboard" / "translations" / "zh" / "LC_MESSAGES" / "messages.po"
# the reference tables the app loads (country-codes.csv and the 2020 indicator list are build inputs only)
REFERENCE_FILES = ("areas.csv", "countries.csv", "event_types.csv", "sdg_goals.csv", "sdg_targets.csv",
                   "sdg_indicators_2025.csv")

# The @font-face in assets/fonts.css declares the same ranges as its unicode-range.
CJK_RANGES = (
    (0x2E80, 0x2FDF),    # CJK radicals, Kangxi radicals
    (0x3000, 0x303F),    # CJK symbols and punctuation (、。「」《》)
    (0x3100, 0x312F),    # Bopomofo
    (0x31C0, 0x31EF),    # CJK strokes
    (0x3200, 0x33FF),    # enclosed CJK, compatibility
    (0x3400, 0x4DBF),    # extension A
    (0x4E00, 0x9FFF),    # unified ideographs
    (0xF900, 0xFAFF),    # compatibility ideographs
    (0xFE30, 0xFE4F),    # compatibility forms
    (0xFF00, 0xFFEF),    # half- and full-width forms (，：；（）％)
    (0x20000, 0x2FFFF),  # extensions B and later
)


def is_cjk(char: str) -> bool:
    code = ord(char)
    return any(low <= code <= high for low, high in CJK_RANGES)


def cjk_of(text: str) -> set[str]:
    return {c for c in text if ord(c) >= 0x2E80 and is_cjk(c)}


def catalogue_text() -> str:
    if not CATALOGUE.exists():
        return ""
    from babel.messages.pofile import read_po

    with open(CATALOGUE, "rb") as handle:
        catalog = read_po(handle)
    parts = []
    for message in catalog:
        strings = message.string if isinstance(message.string, (list, tuple)) else [message.string]
        parts.extend(s for s in strings if s)
    return "\n".join(parts)


def source_literals() -> str:
    """Chinese written in the dashboard's code itself (the language switch's 中文, ...)."""
    return "\n".join(path.read_text(encoding="utf-8") for path in sorted((ROOT / "dashboard").rglob("*.py")))


def data_files_text() -> str:
    parts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "data" / "seed").glob("*.yaml"))]
    for name in REFERENCE_FILES:
        path = ROOT / "data" / "reference" / name
        if path.exists():
            with open(path, encoding="utf-8", newline="") as handle:
                parts.extend(cell for row in csv.reader(handle) for cell in row)
    return "\n".join(parts)


def database_text() -> str:
    """Every text column of the database, when it can be reached (skipped quietly otherwise)."""
    sys.path.insert(0, str(ROOT))
    try:
        from sqlalchemy import String, Text, create_engine, inspect, select
        from sqlalchemy.engine import make_url

        from indicators import tables as T
        from indicators.config import Settings

        url = make_url(Settings.from_env().database_url)
        if url.get_backend_name() == "sqlite":
            if not url.database or not Path(url.database).exists():
                return ""
            engine = create_engine(url)
        else:
            engine = create_engine(url, connect_args={"connect_timeout": 3})
        parts = []
        with engine.connect() as connection:
            present = inspect(connection)
            for table in T.Base.metadata.sorted_tables:
                if not present.has_table(table.name):
                    continue  # a database of an older schema: read what it has
                names = {c["name"] for c in present.get_columns(table.name)}
                for column in table.columns:
                    if column.name in names and isinstance(column.type, (String, Text)):
                        parts.extend(v for (v,) in connection.execute(select(column).distinct()) if v)
        engine.dispose()
        return "\n".join(parts)
    except Exception as error:  # noqa: BLE001 - the database is an optional input
        print(f"build_fonts: database not read ({type(error).__name__}: {str(error).splitlines()[0][:120]})",
              file=sys.stderr)
        return ""


def characters(*, with_database: bool = True) -> str:
    chars: set[str] = set()
    for text in (catalogue_text(), source_literals(), data_files_text(),
                 database_text() if with_database else ""):
        chars |= cjk_of(text)
    return "".join(sorted(chars))


def build(source: Path, output: Path, text: str) -> None:
    from fontTools import subset

    options = subset.Options()
    options.font_number = FONT_NUMBER
    options.flavor = "woff2"
    options.layout_features = ["*"]    # keep vertical forms, locl etc.
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.hinting = False            # smaller; browsers hint CFF outlines themselves
    options.desubroutinize = True      # smaller once compressed
    font = subset.load_font(str(source), options, dontLoadGlyphNames=True)
    subsetter = subset.Subsetter(options)
    subsetter.populate(text=text)
    subsetter.subset(font)
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_suffix(".woff2.part")
    subset.save_font(font, str(partial), options)
    partial.replace(output)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--force", action="store_true", help="build even when up to date")
    parser.add_argument("--source", type=Path, default=SOURCE_FONT)
    parser.add_argument("--output", type=Path, default=OUTPUT)
    parser.add_argument("--no-database", action="store_true", help="only the catalogue, code and data files")
    args = parser.parse_args(argv)
    if not args.source.exists():
        print(f"build_fonts: {args.source} not found (install fonts-noto-cjk); the CSS falls back to system fonts",
              file=sys.stderr)
        return 0
    try:
        import brotli  # noqa: F401 - the WOFF2 encoder fontTools needs
        import fontTools  # noqa: F401
    except ImportError as error:
        print(f"build_fonts: {error.name} is not installed (requirements-dev.txt: fonttools, brotli); "
              "the CSS falls back to system fonts", file=sys.stderr)
        return 0
    started = time.monotonic()
    text = characters(with_database=not args.no_database)
    stat = args.source.stat()
    digest = hashlib.sha1(f"{args.source}|{stat.st_size}|{int(stat.st_mtime)}|{FONT_NUMBER}|{text}".encode()).hexdigest()
    stamp = STAMP if args.output == OUTPUT else args.output.with_suffix(".sha1")
    if not args.force and args.output.exists() and stamp.exists() and stamp.read_text().strip() == digest:
        print(f"build_fonts: {args.output.relative_to(ROOT) if args.output.is_relative_to(ROOT) else args.output} "
              f"is up to date ({len(text)} characters)")
        return 0
    build(args.source, args.output, text)
    stamp.parent.mkdir(parents=True, exist_ok=True)
    stamp.write_text(digest + "\n")
    print(f"build_fonts: wrote {args.output} ({len(text)} characters, {args.output.stat().st_size // 1024} KB) "
          f"in {time.monotonic() - started:.1f} s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
