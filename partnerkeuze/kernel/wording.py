"""Words the documents need in the reader's language: criterion names, countries, languages."""

from __future__ import annotations

# The default criteria's Dutch names in French, English and Spanish (defaults/criteria.py).
# A criterion a municipality adds itself keeps its Dutch name in other languages (with a warning).
CRITERION_NAMES: dict[str, dict[str, str]] = {
    "Gemeentelijk bestuursniveau": {
        "fr": "niveau de gouvernement communal", "en": "municipal level of government",
        "es": "nivel de gobierno municipal"},
    "Democratische participatie": {
        "fr": "participation démocratique", "en": "democratic participation",
        "es": "participación democrática"},
    "Beleidsmatige raakvlakken": {
        "fr": "points communs sur le plan des politiques", "en": "common ground in policy",
        "es": "puntos en común en las políticas"},
    "Draagvlak, enthousiasme en engagement": {
        "fr": "soutien, enthousiasme et engagement", "en": "support, enthusiasm and commitment",
        "es": "apoyo, entusiasmo y compromiso"},
    "Gelijkwaardigheid en wederkerigheid": {
        "fr": "égalité et réciprocité", "en": "equality and reciprocity",
        "es": "igualdad y reciprocidad"},
    "Juiste verwachtingen": {
        "fr": "attentes réalistes", "en": "realistic expectations",
        "es": "expectativas realistas"},
    "Praktische haalbaarheid": {
        "fr": "faisabilité pratique", "en": "practical feasibility",
        "es": "viabilidad práctica"},
    "Land waar Vlaamse gemeenten actief zijn": {
        "fr": "pays où des communes flamandes sont actives",
        "en": "country where Flemish municipalities are active",
        "es": "país donde ya trabajan municipios flamencos"},
    "Bestaande contacten": {
        "fr": "contacts existants", "en": "existing contacts", "es": "contactos existentes"},
    "Motivatie voor gelijkwaardige uitwisseling": {
        "fr": "motivation pour un échange d'égal à égal",
        "en": "motivation for an exchange between equals",
        "es": "motivación para un intercambio entre iguales"},
    "Openheid om te leren": {
        "fr": "ouverture à apprendre", "en": "openness to learning",
        "es": "apertura para aprender"},
    "Brede betrokkenheid": {
        "fr": "large implication", "en": "broad involvement", "es": "amplia implicación"},
    "Digitale uitwisseling": {
        "fr": "échanges numériques", "en": "digital exchange", "es": "intercambio digital"},
    "Werkbezoeken heen en terug": {
        "fr": "visites de travail dans les deux sens", "en": "work visits in both directions",
        "es": "visitas de trabajo en ambos sentidos"},
    "Tijdsinvestering": {
        "fr": "investissement en temps", "en": "time commitment", "es": "dedicación de tiempo"},
    "Feedback aan de VVSG": {
        "fr": "retour d'information à la VVSG", "en": "feedback to VVSG",
        "es": "retroalimentación a la VVSG"},
    "Geen actieve stedenband (pluspunt)": {
        "fr": "pas de jumelage actif (atout)", "en": "no active city link (a plus)",
        "es": "sin hermanamiento activo (ventaja)"},
}


def criterion_name(name: str, language: str, own: dict | None = None) -> tuple[str, bool]:
    """A criterion's name in a language, and whether a translation was found.

    ``own``: the workbook's translations (Criteria 'Criterium (fr)'), which win over the
    reviewed table of the default criteria.
    """
    if language == "nl":
        return name, True
    if own and own.get(language):
        return str(own[language]), True
    tr = CRITERION_NAMES.get(name, {}).get(language)
    return (tr, True) if tr else (name, False)


def country_name(dutch_name: str, language: str) -> str:
    """A country's name in the reader's language (from its ISO code via babel)."""
    from partnerkeuze.kernel.reference import COUNTRY_BY_NAME

    country = COUNTRY_BY_NAME.get(dutch_name)
    if language == "nl" or country is None:
        return dutch_name
    from babel import Locale

    from partnerkeuze.kernel.languages import locale_for

    return Locale.parse(locale_for(language)).territories.get(country.iso, dutch_name)


# Institutions a letter names, with their article in French (reviewed): "la VVSG", "l'ANCB".
INSTITUTION_ARTICLES_FR: dict[str, str] = {
    "VVSG": "la", "ANCB": "l'", "RALGA": "la", "AVCB": "l'", "UVCW": "l'", "Enabel": "",
}


def institution(name: str, language: str, *, of: bool = False) -> str:
    """An institution as a sentence names it: "la VVSG" / "de la VVSG" in French, else the name.

    ``of``: the form after "of" (fr "de la VVSG", "de l'ANCB"; en/nl/es: "of"-less name with the
    language's own word is written in the template, so only the name is returned).
    """
    name = name.strip()
    if language != "fr" or not name:
        return name
    article = INSTITUTION_ARTICLES_FR.get(name)
    if article is None:  # a municipality or an unknown body: no article, elision before a vowel
        if of:
            return ("d'" if name[:1].lower() in "aeiouhéèêâîôû" else "de ") + name
        return name
    phrase = f"{article}{name}" if article.endswith("'") or not article else f"{article} {name}"
    return f"de {phrase}" if of else phrase


# French elision: these words lose their vowel before a word that starts with a vowel sound
# ("qu'Estelí", "d'Edegem"); a Flemish or foreign h is aspirated ("de Heidebeek", "de Herent").
ELIDING = {"que": "qu'", "de": "d'", "le": "l'", "la": "l'", "ce": "c'", "je": "j'", "ne": "n'",
           "se": "s'", "lorsque": "lorsqu'", "puisque": "puisqu'", "jusque": "jusqu'"}
FR_VOWELS = "aeiouyàâäæéèêëîïôöœùûüÿ"
APOSTROPHE = "'"  # the apostrophe of the French texts (as in "l'ANCB", "d'un")


def elide(word: str, following: str, language: str = "fr") -> str:
    """A French word and the word after it, elided when that one starts with a vowel: ("que",
    "Estelí") -> "qu'Estelí", ("de", "Tarija") -> "de Tarija"; in another language "word
    following" unchanged. A y before a vowel is a consonant ("de Yopougon")."""
    following = following or ""
    if language != "fr" or word.lower() not in ELIDING or not following:
        return f"{word} {following}".strip()
    first, second = following[:1].lower(), following[1:2].lower()
    vowel = first in FR_VOWELS and not (first == "y" and second in FR_VOWELS)
    if not vowel:
        return f"{word} {following}"
    short = ELIDING[word.lower()]
    if word[:1].isupper():
        short = short[:1].upper() + short[1:]
    return short + following


def full_stop(text) -> str:
    """The full stop a sentence that ends with a quoted text still needs after the closing
    quote: "" when the text itself ends with . ! or ?, else "."."""
    return "" if str(text or "")[-1:] in (".", "!", "?") else "."


NARROW_NBSP = "\u202f"  # before ; : ! ? in French (and inside « »)


def french_spacing(text: str) -> str:
    """French typography for the product's own French sentences: a narrow no-break space before
    ; : ! ? (replacing a plain space, or added where there was none) and inside « ». Template
    tags ({{ … }}, {% … %}), web and mail addresses, times (20:00) and ratios (1:2) are left
    as they are; text the reader typed is never passed through this."""
    import re

    keep = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\b[a-z][a-z0-9+.-]*://\S+|\bmailto:\S+|"
                      r"\d+:\d+", re.S)
    out, last = [], 0
    for m in keep.finditer(text):
        out.append(_space_french(text[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(_space_french(text[last:]))
    return "".join(out)


def _space_french(part: str) -> str:
    import re

    part = re.sub(r"[ \u00a0\u202f]*([;:!?])", lambda m: NARROW_NBSP + m.group(1), part)
    part = re.sub(r"«[ \u00a0\u202f]*", "«" + NARROW_NBSP, part)
    return re.sub(r"[ \u00a0\u202f]*»", NARROW_NBSP + "»", part)


def typeset(texts, language: str):
    """A language's texts (a string, or a dict, list or tuple of them) with French typography
    applied when the language is French (french_spacing), else unchanged."""
    if language != "fr":
        return texts
    if isinstance(texts, str):
        return french_spacing(texts)
    if isinstance(texts, dict):
        return {k: typeset(v, language) for k, v in texts.items()}
    if isinstance(texts, (list, tuple)):
        return type(texts)(typeset(v, language) for v in texts)
    return texts


def nl_number(value: float, digits: int = 1) -> str:
    """A number in Dutch notation for messages and warnings: a decimal comma, ``digits``
    decimals (75.333 -> '75,33' with 2)."""
    text = f"{value:.{digits}f}"
    return text.replace(".", ",")


def nl_general(value: float) -> str:
    """A number as ``{value:g}`` writes it, in Dutch notation (4.5 -> '4,5', 5.0 -> '5')."""
    return f"{value:g}".replace(".", ",")
