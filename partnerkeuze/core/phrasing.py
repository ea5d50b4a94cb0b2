"""Native phrasing per language that depends on data: how a letter greets its reader and which
title a signatory carries.

A person is recorded with a form of address (mevrouw / de heer, or none), given and family names
apart and a job title (Kandidaten and Partners Zuid: 'Aanspreking', 'Voornaam contactpersoon',
'Familienaam contactpersoon', 'Functie contactpersoon'; Profiel: the signatories). A letter
greets by the family name in the form each language uses ("Estimado señor Rivera:" for José
Luis Rivera, "Dear Ms Quishpe,"), without a form of address with the language's neutral formal
greeting ("Madame, Monsieur,"), and never with the job title, which goes under the name. A
signatory's title takes the signatory's form of address in the reader's language (Directrice
générale, Échevine, Burgomaestra).
"""

from __future__ import annotations

from partnerkeuze.kernel.plain import Value

FEMALE, MALE = "mevrouw", "de heer"


class Person(Value):
    """Someone a document addresses or names: form of address, names and job title."""

    form: str = ""  # FEMALE, MALE or "" (none, or not known)
    given: str = ""  # every given name ("José Luis")
    family: str = ""  # the family name ("Rivera")
    full: str = ""  # the name as one text, when given and family names are not recorded apart
    role: str = ""  # job title: under the name, never in the greeting

    @property
    def name(self) -> str:
        """The name as written under a greeting or a signature: given and family names, else the
        name as one text."""
        return " ".join(p for p in (self.given, self.family) if p) or self.full

    @property
    def surname(self) -> str:
        """The family name a greeting uses: the recorded one; for a name recorded as one text
        only when it is unambiguous, two words ("Aïcha Dossou"); else "" (a compound given name
        such as José Luis Rivera cannot be told from a double family name)."""
        if self.family or self.given:
            return self.family
        words = self.full.split()
        return words[1] if len(words) == 2 else ""


def _text(value) -> str:
    return " ".join(str(value or "").split())


def person(form=None, given=None, family=None, full=None, role=None, *,
           split_role: bool = False) -> Person:
    """A Person from what a workbook holds. With ``split_role``, a contact written as one text
    with a job title after a comma ("Jean-Claude Habimana, chargé de la planification", as the
    older forms asked for "name and position") is split into name and title when no title and no
    separate names were recorded."""
    form = _text(form).lower()
    form = form if form in (FEMALE, MALE) else ""
    full, role = _text(full), _text(role)
    if split_role and full and "," in full and not role and not (_text(given) or _text(family)):
        full, role = (part.strip() for part in full.split(",", 1))
    return Person(form, _text(given), _text(family), full, role)


def contact_person(rec: dict) -> Person:
    """The contact person of a row of Kandidaten or Partners Zuid (as read by the parser)."""
    return person(rec.get("salutation"), rec.get("contact_given"), rec.get("contact_family"),
                  rec.get("contact"), rec.get("contact_role"), split_role=True)


def candidate_person(model, candidate_id: str) -> Person:
    """The contact person of a candidate (Kandidaten), or an empty Person."""
    for rec in model.tables.get("candidates", ()):
        if rec.get("id") == candidate_id:
            return contact_person(rec)
    return Person()


def candidate_form(model, candidate_id: str) -> str:
    """The form of address of a candidate's contact (Kandidaten 'Aanspreking'), or ""."""
    return candidate_person(model, candidate_id).form


# Each language's greeting lines: to a woman / a man by family name, to a woman / a man whose
# family name is not known, to a named person without a form of address, to nobody in
# particular. {family} is the family name, {name} the full name.
GREETINGS: dict[str, dict[str, str]] = {
    "nl": {"f": "Geachte mevrouw {family},", "m": "Geachte heer {family},",
           "f0": "Geachte mevrouw,", "m0": "Geachte heer,", "named": "Geachte {name},",
           "anonymous": "Geachte mevrouw, geachte heer,"},
    "fr": {"f": "Chère Madame {family},", "m": "Cher Monsieur {family},",
           "f0": "Madame,", "m0": "Monsieur,", "named": "Madame, Monsieur,",
           "anonymous": "Madame, Monsieur,"},
    "en": {"f": "Dear Ms {family},", "m": "Dear Mr {family},", "f0": "Dear Madam,",
           "m0": "Dear Sir,", "named": "Dear {name},", "anonymous": "Dear Sir or Madam,"},
    "es": {"f": "Estimada señora {family}:", "m": "Estimado señor {family}:",
           "f0": "Estimada señora:", "m0": "Estimado señor:", "named": "Buenos días, {name}:",
           "anonymous": "Señora, señor:"},
}


def greeting_kind(who: Person) -> str:
    """Which greeting a person gets: 'f', 'm' (by family name), 'f0', 'm0' (form of address
    without a family name), 'named' (a name, no form of address) or 'anonymous'."""
    if who.form:
        gender = "f" if who.form == FEMALE else "m"
        return gender if who.surname else gender + "0"
    return "named" if who.name else "anonymous"


def salutation(who: Person, language: str) -> str:
    """The greeting line of a letter or mail in the language, with its punctuation."""
    lines = GREETINGS.get(language, GREETINGS["nl"])
    return lines[greeting_kind(who)].format(family=who.surname, name=who.name)


def closing_formula(who: Person, language: str) -> str:
    """The French closing formula repeats the greeting ("Veuillez agréer, Madame, …")."""
    if language != "fr":
        return ""
    return {FEMALE: "Madame", MALE: "Monsieur"}.get(who.form, "Madame, Monsieur")


# The signatories' titles per language: (a woman's title, a man's title). Without a form of
# address the title stays the one the letters always carried (the second).
TITLES: dict[str, dict[str, tuple[str, str]]] = {
    "mayor": {"nl": ("Burgemeester", "Burgemeester"), "fr": ("Bourgmestre", "Bourgmestre"),
              "en": ("Mayor", "Mayor"), "es": ("Burgomaestra", "Burgomaestre")},
    "director": {"nl": ("Algemeen directeur", "Algemeen directeur"),
                 "fr": ("Directrice générale", "Directeur général"),
                 "en": ("Chief Executive", "Chief Executive"),
                 "es": ("Directora general", "Director general")},
    "alderman": {"nl": ("Schepen van internationale samenwerking",
                        "Schepen van internationale samenwerking"),
                 "fr": ("Échevine de la coopération internationale",
                        "Échevin de la coopération internationale"),
                 "en": ("Alderwoman for International Cooperation",
                        "Alderman for International Cooperation"),
                 "es": ("Concejala de Cooperación Internacional",
                        "Concejal de Cooperación Internacional")},
}


def signatory(profile: dict, key: str) -> Person:
    """A signatory of the Profiel sheet (mayor, director, alderman): form of address, given and
    family names, else the name as one text."""
    return person(profile.get(f"{key}_salutation"), profile.get(f"{key}_given"),
                  profile.get(f"{key}_family"), profile.get(key))


def title(key: str, who: Person, language: str) -> str:
    """A signatory's title in the reader's language and the signatory's gender."""
    titles = TITLES[key].get(language, TITLES[key]["nl"])
    return titles[0] if who.form == FEMALE else titles[1]
