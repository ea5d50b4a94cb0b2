"""Profile fields for the documents: the profile texts in French, English and Spanish.

The call goes out in the candidates' languages (000_063238b4784f833c.txt: plan time and budget
for the translation); these fields hold the translated texts. Left empty, the Dutch text is used
and the command warns.
"""

from __future__ import annotations

from partnerkeuze.kernel.languages import FOREIGN, NAMES_NL
from partnerkeuze.layout.schema import LONG_TEXT, TEXT, Field

_LANGS = tuple((code, NAMES_NL[code]) for code in FOREIGN)
_TEXTS = (("description", "Korte voorstelling", 3000), ("themes", "Beleidsthema's", 2000),
          ("seeks", "Wat we zoeken", 2000), ("offers", "Wat we te bieden hebben", 2000))

# Short texts a foreign reader sees on every letter: job title and address as written abroad.
_SHORT = (("coordinator_role", "Functie van de coördinator", 120,
           "leeg: de Nederlandse functie (met een waarschuwing)"),
          ("address", "Adres", 200, "leeg: het Nederlandse adres"),
          ("postal_city", "Postcode en gemeente", 120,
           "leeg: de Nederlandse tekst, met Brussel, Antwerpen, Gent… vertaald"))

EXTRA_FIELDS = {
    "profile": tuple(
        Field(f"{key}_{lang}", f"{label} ({name})", LONG_TEXT, max_len=max_len,
              help=f"Vertaling voor de vragenlijst in het {name}; leeg: de Nederlandse tekst.")
        for lang, name in _LANGS for key, label, max_len in _TEXTS) + tuple(
        Field(f"{key}_{lang}", f"{label} ({name})", TEXT, max_len=max_len,
              help=f"Zoals een lezer in het {name} het schrijft; {empty}.")
        for lang, name in _LANGS for key, label, max_len, empty in _SHORT),
}

# Templates a municipality owns: one folder of its own Word templates (any single one overrides
# the built-in template of that document; see partnerkeuze.io.docx.templates).
EXTRA_FIELDS["settings"] = tuple(
    Field(f"call_title_{lang}", f"Naam van de oproep ({name})", TEXT, max_len=200,
          help=f"De naam van de oproep in het {name} (brieven, vragenlijst, e-mails).")
    for lang, name in _LANGS) + (
    Field("template_dir", "Map met eigen sjablonen", TEXT, max_len=400,
          help="Leeg: de ingebouwde sjablonen. Een map (naast de werkmap of een volledig pad) met "
               "één of meer eigen sjablonen, bv. letter_declined_fr.docx; de andere documenten "
               "gebruiken de ingebouwde sjablonen."),
)

# How a letter greets a contact person (Kandidaten and Partners Zuid 'Aanspreking').
SALUTATIONS: tuple[str, ...] = ("mevrouw", "de heer")
LISTS = {"salutations": ("Aanspreking", SALUTATIONS)}
