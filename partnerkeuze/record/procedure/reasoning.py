"""The college's own reasoning in the readers' languages: the letters quote it (record college
--text) in the language of each candidate, so every language a letter is written in needs its
translation (record college --text-fr …, or later record translation --text-fr …)."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import Problem

TEXT_COL = 8  # Procedure!H: Inhoud
LANGUAGE_NAMES = {"fr": "Frans", "en": "Engels", "es": "Spaans"}
WITHDRAWN = "Ingetrokken"


def needed_languages(model) -> dict[str, list[str]]:
    """Language -> the candidates (ids) whose letter is written in it and quotes the college's
    reasoning: every candidate that did not withdraw, in its reader's language other than
    Dutch."""
    from partnerkeuze.kernel.languages import reader_language

    out: dict[str, list[str]] = {}
    for c in model.candidates:
        lang = reader_language(c.language)
        if lang != "nl" and c.status != WITHDRAWN:
            out.setdefault(lang, []).append(c.id)
    return out


def in_language(record, language: str) -> str:
    """The college's reasoning in a reader's language ('' when none was given, or when the
    translation is missing: ``check`` reports that before any letter is written)."""
    return record.reasoning.get(language, "")


def translation_problems(model, snap) -> list[Problem]:
    """A problem for each language a letter needs in which the college's reasoning has no
    recorded translation, at the college's Inhoud cell; ``record`` resolves it."""
    from partnerkeuze.record.procedure.record import read_record

    if not snap.has_sheet(layout.sheet("procedure").name):
        return []
    rec = read_record(snap)
    given = rec.reasoning
    if not given:
        return []
    college = rec.college
    where = place(layout.sheet("procedure").name, TEXT_COL, college.row)
    out = []
    for lang, ids in sorted(needed_languages(model).items()):
        if lang in given:
            continue
        name = LANGUAGE_NAMES.get(lang, lang)
        shown = ", ".join(ids[:5]) + (f" en {len(ids) - 5} andere" if len(ids) > 5 else "")
        out.append(Problem(where, f"de motivering van het college (Nr {college.seq}) heeft geen "
                                  f"vertaling in het {name}, en de brieven aan {shown} zijn in "
                                  f"het {name}: leg ze vast met partnerkeuze record PAD "
                                  f"translation --text-{lang} \"…\"", allows=("record",)))
    return out
