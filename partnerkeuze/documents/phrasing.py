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


def salutation(contact: str | None, form: str | None, language: str) -> str:
    """The greeting line of a letter in the language, with its punctuation."""
    contact = (contact or "").strip()
    form = (form or "").strip().lower()
    name = surname(contact)
    if language == "fr":
        if contact and form == FEMALE:
            return f"Chère Madame {name},"
        if contact and form == MALE:
            return f"Cher Monsieur {name},"
        return "Madame, Monsieur,"
    if language == "en":
        if contact and form == FEMALE:
            return f"Dear Ms {name},"
        if contact and form == MALE:
            return f"Dear Mr {name},"
        return f"Dear {contact}," if contact else "Dear Sir or Madam,"
    if language == "es":
        if contact and form == FEMALE:
            return f"Estimada señora {name}:"
        if contact and form == MALE:
            return f"Estimado señor {name}:"
        return f"Buenos días, {contact}:" if contact else "Señora, señor:"
    if contact and form == FEMALE:
        return f"Geachte mevrouw {name},"
    if contact and form == MALE:
        return f"Geachte heer {name},"
    return f"Geachte {contact}," if contact else "Geachte mevrouw, geachte heer,"


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
