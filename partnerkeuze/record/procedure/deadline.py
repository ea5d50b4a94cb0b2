"""The deadline of the call as a commitment: one phrase with one meaning (the day itself
included) in every language, and the deadline that holds once the call is published."""

from __future__ import annotations

import datetime as dt

LOCALES = {"nl": "nl_BE", "fr": "fr_BE", "en": "en_GB", "es": "es_ES"}

# "No later than <date>, this day included": the only way a document or mail states the deadline.
PHRASE = {
    "nl": "uiterlijk op {date} (deze dag inbegrepen)",
    "fr": "au plus tard le {date} (ce jour compris)",
    "en": "no later than {date} (this day included)",
    "es": "a más tardar el {date} (este día incluido)",
}


def long_date(day: dt.date, language: str) -> str:
    """A date written out in a language (babel's long format; en_GB, not US)."""
    from babel.dates import format_date

    return format_date(day, "long", locale=LOCALES.get(language, "nl_BE"))


def deadline_phrase(day: dt.date, language: str) -> str:
    """'uiterlijk op 2 juni 2026 (deze dag inbegrepen)' in nl, fr, en or es (else English)."""
    lang = language if language in PHRASE else "en"
    return PHRASE[lang].format(date=long_date(day, lang))


def is_late(arrived: dt.date | None, deadline: dt.date | None) -> bool:
    """True when a candidacy arrived after the deadline day (the day itself still counts)."""
    return arrived is not None and deadline is not None and arrived > deadline


def committed_deadline(snap) -> tuple[dt.date | None, dt.date | None]:
    """(published on, deadline) from the procedure record: the published deadline, or the
    newest extension's; (None, None) before publication or without the record."""
    try:
        from partnerkeuze.record.procedure import read_record
    except ImportError:  # a workbook version without the procedure record
        return None, None
    record = read_record(snap)
    return record.published_on, record.deadline


def call_deadline_of(snap, model) -> dt.date | None:
    """The deadline that holds for the call: the recorded (published or extended) one, else the
    planned one on Instellingen."""
    _, deadline = committed_deadline(snap)
    return deadline or model.settings.deadline
