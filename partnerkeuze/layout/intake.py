"""Intake sheets: the candidates' answers per criterion, the register of read forms, channels."""

from __future__ import annotations

from partnerkeuze.layout.schema import LONG_TEXT, OUTPUT, REF, Column, Sheet, Table

ANSWER_MAX = 4000  # characters kept of one answer (longer answers are cut, with a warning)

ANSWERS_TABLE = Table(
    key="answers", name="tblAntwoorden", buffer_rows=40,
    columns=(
        Column("candidate", "Kandidaat", REF, width=11, required=True, ref="candidates"),
        Column("criterion", "Criterium", REF, width=11, required=True, ref="criteria"),
        Column("language", "Taal", OUTPUT, width=7),
        Column("answer", "Antwoord", LONG_TEXT, width=80, max_len=ANSWER_MAX, wrap=True),
        Column("file", "Formulier", OUTPUT, width=30),
        Column("file_hash", "Vingerafdruk formulier", OUTPUT, width=18),
        Column("imported", "Ingelezen op", OUTPUT, width=19),
        Column("superseded", "Vervangen", OUTPUT, width=30, wrap=True),
    ),
)
ANSWERS = Sheet(
    key="answers", name="Antwoorden", order=45, tab_color="BF8F00",
    title="Antwoorden van de kandidaten op de vragenlijst",
    intro=(
        "Ingelezen uit de teruggestuurde kandidatuurformulieren ('Formulieren inlezen'). "
        "Een vervangen antwoord blijft staan, met de vermelding door welk formulier."
    ),
    table=ANSWERS_TABLE,
)

IMPORTS_TABLE = Table(
    key="imports", name="tblInvoer", buffer_rows=0,
    columns=(
        Column("kind", "Soort", OUTPUT, width=14),
        Column("file", "Bestand", OUTPUT, width=32),
        Column("file_hash", "Vingerafdruk", OUTPUT, width=18),
        Column("version", "Versie van het formulier", OUTPUT, width=30),
        Column("subject", "Kandidaat of beoordelaar", OUTPUT, width=14),
        Column("imported", "Ingelezen op", OUTPUT, width=19),
        Column("result", "Resultaat", OUTPUT, width=40, wrap=True),
        Column("changes", "Overschreven waarden", OUTPUT, width=70, wrap=True),
    ),
)
IMPORTS = Sheet(
    key="imports", name="Invoer", order=950, tab_color="595959",
    title="Ingelezen formulieren",
    intro=(
        "Elk ingelezen formulier met zijn vingerafdruk: hetzelfde bestand opnieuw inlezen "
        "verandert niets. Overschreven waarden staan hier voluit."
    ),
    table=IMPORTS_TABLE,
)

# Written by a build hook with native formulas (partnerkeuze.features.intake.channels).
CHANNELS = Sheet(
    key="channels", name="Kanalen", order=85, tab_color="7030A0",
    title="Kanalen van de oproep",
    intro="Hoeveel kandidaten via elk kanaal kwamen, en hoeveel daarvan op de shortlist staan "
          "(formules; bijgewerkt na 'Scores berekenen').",
    modes=("stedenband",),
)

SHEETS = (ANSWERS, IMPORTS, CHANNELS)
