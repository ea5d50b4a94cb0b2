"""What the municipality types, in the reader's language: the translated fields of the workbook.

Every text the municipality (or the VVSG) types that reaches a foreign reader has a translated
field beside it: profile texts and the coordinator's job title and address (Profiel
``<key>_<language>``), the call title (Instellingen ``call_title_<language>``), criterion names
(Criteria ``name_<language>``; the default criteria have reviewed translations) and the SDG
interest notes (Interesses ``note_<language>``). A document never shows the Dutch text in
another language without saying so: the command warns, naming the field, and ``check`` lists
every missing translation for the languages the candidates actually need.
"""

from __future__ import annotations

import re

from partnerkeuze.kernel.languages import FOREIGN, NAMES_NL as LANGUAGE_NAMES_NL

# Profile fields a foreign reader sees, with the label of the Dutch field; they must be
# translated for every language a candidate needs (check warns).
PROFILE_TEXTS: dict[str, str] = {
    "description": "Korte voorstelling van de gemeente",
    "themes": "Beleidsthema's",
    "seeks": "Wat we zoeken in een partner",
    "offers": "Wat we te bieden hebben",
    "coordinator_role": "Functie van de coördinator",
}
# Address fields as written abroad: optional (a Flemish street name stays as it is); a known
# Belgian city in the postal line is translated from a reviewed table when left empty.
PROFILE_ADDRESS: dict[str, str] = {"address": "Adres", "postal_city": "Postcode en gemeente"}
SETTINGS_TEXTS: dict[str, str] = {"call_title": "Naam van de oproep"}

# Belgian cities and provinces whose names differ abroad (reviewed by hand).
PLACES: dict[str, dict[str, str]] = {
    "Brussel": {"fr": "Bruxelles", "en": "Brussels", "es": "Bruselas"},
    "Antwerpen": {"fr": "Anvers", "en": "Antwerp", "es": "Amberes"},
    "Gent": {"fr": "Gand", "en": "Ghent", "es": "Gante"},
    "Brugge": {"fr": "Bruges", "en": "Bruges", "es": "Brujas"},
    "Leuven": {"fr": "Louvain", "en": "Leuven", "es": "Lovaina"},
    "Mechelen": {"fr": "Malines", "en": "Mechelen", "es": "Malinas"},
    "Kortrijk": {"fr": "Courtrai", "en": "Kortrijk", "es": "Cortrique"},
    "Ieper": {"fr": "Ypres", "en": "Ypres", "es": "Ypres"},
    "Oostende": {"fr": "Ostende", "en": "Ostend", "es": "Ostende"},
    "Tongeren": {"fr": "Tongres", "en": "Tongeren", "es": "Tongeren"},
}
PROVINCES: dict[str, dict[str, str]] = {
    # The province as a phrase in a sentence: "(provincie Antwerpen, België)".
    "Antwerpen": {"nl": "provincie Antwerpen", "fr": "province d'Anvers",
                  "en": "province of Antwerp", "es": "provincia de Amberes"},
    "Limburg": {"nl": "provincie Limburg", "fr": "province de Limbourg",
                "en": "province of Limburg", "es": "provincia de Limburgo"},
    "Oost-Vlaanderen": {"nl": "provincie Oost-Vlaanderen", "fr": "province de Flandre-Orientale",
                        "en": "province of East Flanders", "es": "provincia de Flandes Oriental"},
    "West-Vlaanderen": {"nl": "provincie West-Vlaanderen",
                        "fr": "province de Flandre-Occidentale",
                        "en": "province of West Flanders",
                        "es": "provincia de Flandes Occidental"},
    "Vlaams-Brabant": {"nl": "provincie Vlaams-Brabant", "fr": "province du Brabant flamand",
                       "en": "province of Flemish Brabant", "es": "provincia de Brabante Flamenco"},
    "Brussel": {"nl": "Brussels Hoofdstedelijk Gewest", "fr": "Région de Bruxelles-Capitale",
                "en": "Brussels-Capital Region", "es": "Región de Bruselas-Capital"},
}


def _note(notes, text: str) -> None:
    if notes is not None:
        notes.add(text)


def place_name(text: str, language: str) -> str:
    """A Belgian place name (or a postal line "1030 Brussel") as written in the language."""
    if language == "nl" or not text:
        return text
    for dutch, names in PLACES.items():
        if dutch in text and names.get(language):
            text = re.sub(rf"\b{re.escape(dutch)}\b", names[language], text)
    return text


def province_phrase(province: str, language: str) -> str:
    """The province as a phrase in the language ("province d'Anvers"), or "" when unknown."""
    if not province:
        return ""
    known = PROVINCES.get(province.strip())
    if known:
        return known.get(language) or known["nl"]
    return {"nl": f"provincie {province}", "fr": f"province : {province}",
            "en": f"province of {province}", "es": f"provincia de {province}"}[language]


def profile_text(model, key: str, language: str, notes=None) -> str:
    """A profile text in the reader's language; the Dutch text with a warning when missing."""
    dutch = str(model.profile.get(key) or "")
    if language == "nl" or not dutch:
        return dutch
    other = model.profile.get(f"{key}_{language}")
    if other:
        return str(other)
    if key in PROFILE_ADDRESS:
        return place_name(dutch, language)
    label = PROFILE_TEXTS.get(key, key)
    _note(notes, f"Profiel: geen vertaling ({LANGUAGE_NAMES_NL[language]}) van '{label}'; de "
                 f"Nederlandse tekst staat in het document. Vul '{key}_{language}' in op het "
                 f"blad Profiel.")
    return dutch


def setting_text(model, key: str, language: str, notes=None, fallback: str | None = None) -> str:
    """A setting's text (call title) in the reader's language.

    Without a translation: ``fallback`` (a general text in the reader's language) when given,
    else the Dutch text; either way with a warning naming the field to fill in.
    """
    values = getattr(model.settings, "values", None) or {}
    dutch = str(getattr(model.settings, key, "") or values.get(key) or "")
    if language == "nl" or not dutch:
        return dutch or (fallback or "")
    other = values.get(f"{key}_{language}")
    if other:
        return str(other)
    label = SETTINGS_TEXTS.get(key, key)
    shown = "een algemene titel" if fallback else "de Nederlandse tekst"
    _note(notes, f"Instellingen: geen vertaling ({LANGUAGE_NAMES_NL[language]}) van '{label}'; "
                 f"{shown} staat in het document. Vul '{key}_{language}' in op het blad "
                 f"Instellingen.")
    return fallback if fallback else dutch


def criterion_name(model, crit, language: str) -> tuple[str, bool]:
    """A criterion's name in a language (Criteria 'Criterium (fr)', else the reviewed table)."""
    from partnerkeuze.kernel.wording import criterion_name as name_in

    return name_in(crit.name, language, getattr(crit, "names", None))


def needed_languages(model) -> list[str]:
    """The foreign languages the candidates (and, for SDG, the Southern partners) read."""
    langs = {c.language for c in model.candidates}
    if model.settings.mode == "sdg":
        from partnerkeuze.kernel.sdg_rules import partner_language

        langs |= {partner_language(rec) for rec in model.tables.get("partners", ())
                  if rec.get("id")}
    return [lang for lang in FOREIGN if lang in langs]


def missing_translations(model, snap=None) -> list[str]:
    """One warning per translatable field left empty for a language a candidate needs."""
    from partnerkeuze import layout
    from partnerkeuze.core.parse import place

    out: list[str] = []
    langs = needed_languages(model)
    if not langs:
        return out
    from partnerkeuze.core.parse import read_fields

    prof = layout.sheet("profile")
    settings = layout.sheet("settings")
    rows = read_fields(snap, "profile", [])["_rows"] if snap is not None else {}
    srows = read_fields(snap, "settings", [])["_rows"] if snap is not None else {}
    vcol = prof.table.first_col + 2

    def where(sheet, key, rows_):
        r = rows_.get(key)
        return place(sheet.name, vcol, r) if r else sheet.name

    sdg = model.settings.mode == "sdg"
    for key, label in PROFILE_TEXTS.items():
        if sdg and key != "coordinator_role":  # the SDG documents show no profile texts
            continue
        if not model.profile.get(key):
            continue
        for lang in langs:
            if not model.profile.get(f"{key}_{lang}"):
                out.append(f"{where(prof, f'{key}_{lang}', rows)}: geen vertaling "
                           f"({LANGUAGE_NAMES_NL[lang]}) van '{label}'; vul '{key}_{lang}' in.")
    values = getattr(model.settings, "values", None) or {}
    for key, label in SETTINGS_TEXTS.items():
        if not (getattr(model.settings, key, "") or values.get(key)):
            continue
        for lang in langs:
            if not values.get(f"{key}_{lang}"):
                out.append(f"{where(settings, f'{key}_{lang}', srows)}: geen vertaling "
                           f"({LANGUAGE_NAMES_NL[lang]}) van "
                           f"'{label}'; vul '{key}_{lang}' in.")
    crit_sheet = layout.sheet("criteria")
    ct = layout.table("criteria")
    for crit in model.criteria:
        for lang in langs:
            _, ok = criterion_name(model, crit, lang)
            if not ok:
                col = ct.first_col + ct.index(f"name_{lang}") if f"name_{lang}" in \
                    [c.key for c in ct.columns] else ct.first_col + 1
                out.append(f"{place(crit_sheet.name, col, crit.row)}: geen vertaling "
                           f"({LANGUAGE_NAMES_NL[lang]}) van de naam van criterium {crit.id} "
                           f"'{crit.name}'.")
            if model.settings.mode != "sdg" and not (crit.questions.get(lang) or "").strip() \
                    and (crit.questions.get("nl") or "").strip():
                col = ct.first_col + ct.index(f"q_{lang}")
                out.append(f"{place(crit_sheet.name, col, crit.row)}: geen vraag in het "
                           f"{LANGUAGE_NAMES_NL[lang]} voor criterium {crit.id}.")
    out += _forms_of_address_missing(model)
    out += _signatories_without_form(model, langs, lambda key: where(prof, key, rows))
    return out


def _signatories_without_form(model, langs: list[str], where) -> list[str]:
    """Signatories of letters in French or Spanish without a form of address: their title
    there takes a gender (Directrice générale / Directeur général) and stays the masculine."""
    from partnerkeuze.core.phrasing import TITLES, signatory, title

    gendered = [lang for lang in ("fr", "es") if lang in langs]
    if not gendered or model.settings.mode == "sdg":  # SDG letters are signed by the coordinator
        return []
    out = []
    for key in TITLES:
        who = signatory(model.profile, key)
        if not who.name or who.form:
            continue
        shown = " / ".join(f"'{title(key, who, lang)}'" for lang in gendered)
        out.append(f"{where(f'{key}_salutation')}: geen aanspreking (mevrouw of de heer) voor "
                   f"{who.name}; de titel onder de handtekening blijft {shown}.")
    return out


def _forms_of_address_missing(model) -> list[str]:
    """Contacts of French and Spanish letters without a form of address: their letter cannot
    greet them by name ("Chère Madame …") and falls back to "Madame, Monsieur,"."""
    from partnerkeuze import layout
    from partnerkeuze.layout import cell

    out = []
    tables = [("candidates", {c.id: c.language for c in model.candidates})]
    if model.settings.mode == "sdg":
        from partnerkeuze.kernel.sdg_rules import partner_language

        tables.append(("partners", {r.get("id"): partner_language(r)
                                    for r in model.tables.get("partners", ()) if r.get("id")}))
    from partnerkeuze.core.phrasing import contact_person

    for key, language in tables:
        if "salutation" not in [c.key for c in layout.table(key).columns]:
            continue
        family = layout.table(key).column("contact_family").header
        for rec in model.tables.get(key, ()):
            lang = language.get(rec.get("id"))
            who = contact_person(rec)
            if lang in ("fr", "es") and who.name and not who.form:
                out.append(f"{cell(key, 'salutation', rec['_row'])}: geen aanspreking (mevrouw "
                           f"of de heer) voor {who.name} ({rec['id']}); de brief in het "
                           f"{LANGUAGE_NAMES_NL[lang]} groet dan niet bij naam.")
            elif who.form and who.name and not who.surname:
                out.append(f"{cell(key, 'contact_family', rec['_row'])}: geen familienaam "
                           f"('{family}') voor {who.name} ({rec['id']}); de brief groet dan "
                           f"zonder naam.")
    return out


def translation_warnings(model, snap=None) -> list[str]:
    """Check hook: the missing translations as warnings (they do not block the workbook)."""
    return missing_translations(model, snap)
