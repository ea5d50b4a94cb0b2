"""What the SDG documents show that the workbook must translate: theme names and the Flemish
applicants' notes in the languages the partners read."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.core.translations import LANGUAGE_NAMES_NL, needed_languages
from partnerkeuze.kernel.sdg_rules import partner_language
from partnerkeuze.layout import cell


def missing_translations(model, snap=None) -> list[str]:
    """Theme names and the Flemish applicants' notes that reach a partner without a
    translation (warnings of ``check``, said again when the documents are written)."""
    if model.settings.mode != "sdg":
        return []
    langs = needed_languages(model)
    flemish = {c.id for c in model.candidates}
    out = []
    table = [c.key for c in layout.table("interests").columns]
    country_of = {rec.get("id"): rec.get("country") for rec in model.tables.get("themes", ())}
    by_country: dict[str, set[str]] = {}  # the languages the partners of a country read
    for rec in model.tables.get("partners", ()):
        if rec.get("id"):
            by_country.setdefault(rec.get("country"), set()).add(partner_language(rec))
    for rec in model.tables.get("themes", ()):  # theme names in the letters and agreements
        if not rec.get("id") or not rec.get("name"):
            continue
        for lang in langs:
            if lang in by_country.get(rec.get("country"), set()) and \
                    f"name_{lang}" in [c.key for c in layout.table("themes").columns] and \
                    not rec.get(f"name_{lang}"):
                out.append(f"{cell('themes', f'name_{lang}', rec['_row'])}: geen vertaling "
                           f"({LANGUAGE_NAMES_NL[lang]}) van thema {rec['id']} '{rec['name']}'.")
    for rec in model.tables.get("interests", ()):
        if rec.get("party") in flemish and rec.get("note"):
            readers = by_country.get(country_of.get(rec.get("theme")), set(langs))
            for lang in langs:
                if lang not in readers or f"note_{lang}" not in table:
                    continue
                if not rec.get(f"note_{lang}"):
                    out.append(f"{cell('interests', f'note_{lang}', rec['_row'])}: geen "
                               f"vertaling ({LANGUAGE_NAMES_NL[lang]}) van de toelichting van "
                               f"{rec['party']}.")
    return out
