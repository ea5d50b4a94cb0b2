"""Profile fields for the documents: the profile texts in French, English and Spanish.

The call goes out in the candidates' languages (000_063238b4784f833c.txt: plan time and budget
for the translation); these fields hold the translated texts. Left empty, the Dutch text is used
and the command warns.
"""

from __future__ import annotations

from partnerkeuze.layout.schema import LONG_TEXT, Field

_LANGS = (("fr", "Frans"), ("en", "Engels"), ("es", "Spaans"))
_TEXTS = (("description", "Korte voorstelling", 3000), ("themes", "Beleidsthema's", 2000),
          ("seeks", "Wat we zoeken", 2000), ("offers", "Wat we te bieden hebben", 2000))

EXTRA_FIELDS = {
    "profile": tuple(
        Field(f"{key}_{lang}", f"{label} ({name})", LONG_TEXT, max_len=max_len,
              help=f"Vertaling voor de vragenlijst in het {name}; leeg: de Nederlandse tekst.")
        for lang, name in _LANGS for key, label, max_len in _TEXTS),
}
