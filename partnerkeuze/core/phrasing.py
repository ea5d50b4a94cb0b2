"""Native phrasing per language that depends on data: how a letter greets its reader.

A contact person with a known form of address (Kandidaten 'Aanspreking': mevrouw / de heer) is
greeted by name in the form each language uses; without it, the letter uses the language's
neutral formal greeting (by name where the language allows it, never "Estimado/a").
"""

from __future__ import annotations

FEMALE, MALE = "mevrouw", "de heer"


def surname(contact: str) -> str:
    """The surname part of a contact's name (everything after the first given name)."""
    parts = contact.split()
    return " ".join(parts[1:]) if len(parts) > 1 else contact


# Each language's greeting lines: (to a woman, to a man, to a named contact without a known form,
# without a contact). {name} is the surname, {contact} the full name; any other language gets Dutch.
GREETINGS: dict[str, tuple[str, str, str, str]] = {
    "fr": ("Chère Madame {name},", "Cher Monsieur {name},", "Madame, Monsieur,",
           "Madame, Monsieur,"),
    "en": ("Dear Ms {name},", "Dear Mr {name},", "Dear {contact},", "Dear Sir or Madam,"),
    "es": ("Estimada señora {name}:", "Estimado señor {name}:", "Buenos días, {contact}:",
           "Señora, señor:"),
    "nl": ("Geachte mevrouw {name},", "Geachte heer {name},", "Geachte {contact},",
           "Geachte mevrouw, geachte heer,"),
}


def salutation(contact: str | None, form: str | None, language: str) -> str:
    """The greeting line of a letter in the language, with its punctuation."""
    contact = (contact or "").strip()
    form = (form or "").strip().lower()
    female, male, named, anonymous = GREETINGS.get(language, GREETINGS["nl"])
    if contact and form == FEMALE:
        line = female
    elif contact and form == MALE:
        line = male
    else:
        line = named if contact else anonymous
    return line.format(name=surname(contact), contact=contact)


def closing_formula(contact: str | None, form: str | None, language: str) -> str:
    """The French closing formula repeats the greeting ("Veuillez agréer, Madame, …")."""
    if language != "fr":
        return ""
    form = (form or "").strip().lower()
    if contact and form == FEMALE:
        return "Madame"
    if contact and form == MALE:
        return "Monsieur"
    return "Madame, Monsieur"


def candidate_form(model, candidate_id: str) -> str:
    """The form of address of a candidate's contact (Kandidaten 'Aanspreking'), or ""."""
    for rec in model.tables.get("candidates", ()):
        if rec.get("id") == candidate_id:
            return str(rec.get("salutation") or "")
    return ""
