"""The translation layer: every user-visible string goes through `t(msgid, lang)`.

Catalogues are gettext .po files in dashboard/translations/<lang>/LC_MESSAGES/messages.po, managed
with Babel (extract with `pybabel extract -F babel.cfg -o dashboard/translations/messages.pot .`).
They are read directly with Babel at start-up, so no compiled .mo file is needed. A missing
translation falls back to the English message id."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from babel.messages.pofile import read_po

TRANSLATIONS_DIR = Path(__file__).resolve().parent / "translations"
LANGUAGES = ("en", "zh", "fr", "es")
LANGUAGE_NAMES = {"en": "English", "zh": "中文", "fr": "Français", "es": "Español"}
# html lang attribute and Intl locale of each interface language
LOCALES = {"en": "en", "zh": "zh-Hans", "fr": "fr", "es": "es"}


@lru_cache(maxsize=None)
def catalogue(lang: str) -> dict[str, str]:
    path = TRANSLATIONS_DIR / lang / "LC_MESSAGES" / "messages.po"
    if lang == "en" or not path.exists():
        return {}
    with open(path, "rb") as handle:
        catalog = read_po(handle, locale=lang if lang != "zh" else "zh_Hans")
    return {m.id: m.string for m in catalog if m.id and m.string and not m.fuzzy and isinstance(m.id, str)}


def available_languages() -> tuple[str, ...]:
    """English and every language with a catalogue, in LANGUAGES order (the language switch's links)."""
    return tuple(code for code in LANGUAGES
                 if code == "en" or (TRANSLATIONS_DIR / code / "LC_MESSAGES" / "messages.po").exists())


def t(message: str, lang: str = "en", **values) -> str:
    """`message` in `lang`, with {placeholders} filled from `values`."""
    text = catalogue(lang if lang in LANGUAGES else "en").get(message, message)
    return text.format(**values) if values else text


def lazy(message: str) -> str:
    """Marks a message for extraction where it is defined, translated later by `t`."""
    return message
