"""The languages the product writes in: the one list (nl, fr, en, es), their Dutch names, the
babel locale and document tag of each, and the language a reader gets."""

from __future__ import annotations

# Every language a form, letter or report exists in; Dutch first (the municipality's own).
LANGUAGES: tuple[str, ...] = ("nl", "fr", "en", "es")
# The languages other than Dutch (what a foreign reader may need translated).
FOREIGN: tuple[str, ...] = LANGUAGES[1:]
# The name of each language in Dutch (drop-down lists, messages).
NAMES_NL: dict[str, str] = {"nl": "Nederlands", "fr": "Frans", "en": "Engels", "es": "Spaans"}
# The reader's language -> the babel locale of dates and numbers (plain 'en' would give US dates).
LOCALES: dict[str, str] = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB", "es": "es"}
# The reader's language -> the language tag of a document (Word's spelling check, core property).
LANGUAGE_TAGS: dict[str, str] = {"nl": "nl-BE", "fr": "fr-BE", "en": "en-GB", "es": "es"}


def _code(language: str | None) -> str:
    return (language or "nl").strip().lower()[:2]


def reader_language(language: str | None) -> str:
    """The language a reader gets: their own when the product writes it, else Dutch."""
    code = _code(language)
    return code if code in LANGUAGES else "nl"


def locale_for(language: str | None) -> str:
    """The babel locale for a language code (nl, fr, en, es); Dutch (Belgium) by default."""
    return LOCALES.get(_code(language), LOCALES["nl"])


def language_tag(language: str | None) -> str:
    """The document language tag for a language code (nl-BE, fr-BE, en-GB, es)."""
    return LANGUAGE_TAGS.get(_code(language), LANGUAGE_TAGS["nl"])
