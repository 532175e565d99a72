"""The translation layer: every message the code marks (t, lazy) has a Chinese translation that keeps its
{placeholders}; t() falls back to English; the frame and the data page render in Chinese with no
message missing from the catalogue; the language switch offers only languages with a catalogue."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.frontend import parse_mapping_cfg
from babel.messages.pofile import read_po

from dashboard import i18n
from dashboard.i18n import LANGUAGES, t
from indicators.config import PROJECT_ROOT

TRANSLATIONS = PROJECT_ROOT / "dashboard" / "translations"
ZH = TRANSLATIONS / "zh" / "LC_MESSAGES" / "messages.po"
KEYWORDS = {"t": None, "lazy": None}


def extracted_messages() -> dict[str, list[str]]:
    """msgid -> files, exactly as scripts/update_translations.sh extracts them (babel.cfg, t and lazy)."""
    with open(PROJECT_ROOT / "babel.cfg", encoding="utf-8") as handle:
        method_map, options_map = parse_mapping_cfg(handle)
    messages: dict[str, list[str]] = {}
    for filename, _line, message, _comments, _context in extract_from_dir(
            str(PROJECT_ROOT), method_map, options_map, keywords=KEYWORDS):
        if isinstance(message, str) and message:
            messages.setdefault(message, []).append(filename)
    return messages


def catalogue_entries(path: Path):
    with open(path, "rb") as handle:
        return [m for m in read_po(handle) if m.id]


def placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


@pytest.fixture(scope="module")
def extracted():
    messages = extracted_messages()
    assert len(messages) > 50, "extraction found almost nothing: check babel.cfg"
    return messages


def test_extraction_covers_the_dashboard(extracted):
    files = {f for names in extracted.values() for f in names}
    assert any(f.startswith("dashboard/shell.py") for f in files)
    assert any(f.startswith("dashboard/pages/data.py") for f in files)
    # the navigation labels and filter labels are marked for extraction
    for message in ("Overview", "Data", "Sources", "Programme", "Years", "not stated"):
        assert message in extracted


def test_every_extracted_message_has_a_chinese_translation(extracted):
    entries = {m.id: m for m in catalogue_entries(ZH)}
    missing = sorted(m for m in extracted if m not in entries)
    untranslated = sorted(m for m in extracted if m in entries and (not entries[m].string or entries[m].fuzzy))
    assert not missing, ("messages missing from the zh catalogue (run scripts/update_translations.sh and "
                         f"translate them): {missing}")
    assert not untranslated, f"messages without a (non-fuzzy) zh translation: {untranslated}"


@pytest.mark.parametrize("path", sorted(TRANSLATIONS.glob("*/LC_MESSAGES/messages.po")), ids=lambda p: p.parts[-3])
def test_translations_keep_their_placeholders(path):
    wrong = [(m.id, m.string) for m in catalogue_entries(path)
             if m.string and not m.fuzzy and placeholders(m.id) != placeholders(m.string)]
    assert not wrong, f"placeholders changed in translation: {wrong}"


def test_translations_are_chinese():
    """A zh translation with no Chinese character in it is most likely an English copy (a few
    interface words stay as they are: API, CSV...)."""
    def chinese(text: str) -> bool:  # ideographs, or CJK punctuation such as full-width brackets
        return any("\u4e00" <= c <= "\u9fff" or "\u3000" <= c <= "\u303f" or "\uff00" <= c <= "\uffef" for c in text)

    allowed = {"API", "/", "JSON", "CSV", "XLSX", "SVG", "PNG", "PDF", "OpenAPI"}
    suspicious = [m.id for m in catalogue_entries(ZH)
                  if m.string and not m.fuzzy and m.string not in allowed and not chinese(m.string)
                  and any(c.isalpha() for c in m.id.replace("{", " ").replace("}", " ") if not c.isspace())
                  and any(c.isalpha() for c in "".join(p[0] for p in string.Formatter().parse(m.id)))]
    assert not suspicious, f"zh translations without Chinese: {suspicious}"


def test_template_matches_the_catalogue():
    pot = {m.id for m in catalogue_entries(TRANSLATIONS / "messages.pot")}
    zh = {m.id for m in catalogue_entries(ZH)}
    assert pot <= zh


def test_t_translates_and_fills_placeholders():
    assert t("Data", "zh") == "数据"
    assert t("not stated", "zh") == "未说明"
    assert t("about {number}", "zh", number="250") == "约250"
    assert t("more than {number}", "zh", number="100") == "超过100"
    assert t("at least {number}", "zh", number="19") == "至少19"
    assert t("{count} observations", "en", count=3) == "3 observations"


def test_t_falls_back_to_english():
    assert t("A message no catalogue holds", "zh") == "A message no catalogue holds"
    assert t("{n} of something new", "zh", n=2) == "2 of something new"
    assert t("Data", "xx") == "Data"  # unknown language
    assert t("Data", "en") == "Data"
    for lang in LANGUAGES:
        if not (TRANSLATIONS / lang / "LC_MESSAGES" / "messages.po").exists():
            assert t("Data", lang) == "Data"  # a language without a catalogue reads English


def test_language_switch_offers_languages_with_a_catalogue():
    from dashboard.shell import language_links

    links = language_links("zh", "/data", {"programme": "TRANSFORM", "lang": "zh"})
    offered = [link.lang for link in links]
    expected = ["en"] + [code for code in LANGUAGES[1:] if (TRANSLATIONS / code / "LC_MESSAGES" / "messages.po").exists()]
    assert offered == expected and "zh" in offered
    by_lang = {link.lang: link for link in links}
    assert by_lang["en"].href == "/data?programme=TRANSFORM"
    assert by_lang["zh"].href == "/data?programme=TRANSFORM&lang=zh"
    assert by_lang["zh"].children == "中文"


class RecordingCatalogue(dict):
    """The zh catalogue, noting every message asked for that it does not hold."""

    def __init__(self, items, missing: set):
        super().__init__(items)
        self.missing = missing

    def get(self, key, default=None):
        if key not in self:
            self.missing.add(key)
        return super().get(key, default)


@pytest.fixture
def missing_messages(monkeypatch):
    missing: set[str] = set()
    real = i18n.catalogue
    monkeypatch.setattr(i18n, "catalogue", lambda lang: RecordingCatalogue(real(lang), missing)
                        if lang == "zh" else real(lang))
    return missing


def test_frame_and_data_page_render_in_chinese_with_no_message_missing(missing_messages):
    """Strings that reach t() at run time (not only literals) are all in the catalogue."""
    from dashboard import shell
    from dashboard.components.observation_grid import column_defs, grid_options, value_label

    shell.header("zh", "/data", {"lang": "zh"}, "?lang=zh")
    shell.filter_panel("zh")
    shell.footer("zh")
    column_defs("zh", ["sex", "age"])
    grid_options("zh")
    for qualifier in ("exact", "approx", "more_than", "at_least", "less_than", "up_to"):
        value_label(10, qualifier, "percent", "zh")
    assert not missing_messages, f"asked for but not in the zh catalogue: {sorted(missing_messages)}"


def test_font_subset_covers_the_catalogue():
    """When the CJK subset has been built (scripts/build_fonts.py), it has a glyph for every Chinese
    character of the catalogue, so no translation shows as boxes in a browser without CJK fonts."""
    font_file = PROJECT_ROOT / "assets" / "fonts" / "NotoSansSC-subset.woff2"
    if not font_file.exists():
        pytest.skip("assets/fonts/NotoSansSC-subset.woff2 not built (needs fonts-noto-cjk and fonttools)")
    from fontTools.ttLib import TTFont

    cmap = TTFont(str(font_file)).getBestCmap()
    import importlib.util

    spec = importlib.util.spec_from_file_location("build_fonts", PROJECT_ROOT / "scripts" / "build_fonts.py")
    build_fonts = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(build_fonts)
    needed = build_fonts.cjk_of(build_fonts.catalogue_text() + build_fonts.source_literals())
    absent = sorted(c for c in needed if ord(c) not in cmap)
    assert not absent, f"characters missing from the font subset (run scripts/build_fonts.py): {''.join(absent)}"
