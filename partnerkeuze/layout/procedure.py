"""The procedure record sheet: where the call stands and what was decided, one chained row per
recorded stage (seed 000: from the profile to informing the candidates)."""

from __future__ import annotations

from partnerkeuze.layout.schema import NUMBER, OUTPUT, Column, Field, Sheet, Table

# Stage codes in the order of the procedure (000_063238b4784f833c.txt) with their Dutch label.
STAGES: tuple[tuple[str, str], ...] = (
    ("profile", "Profiel van de gemeente opgesteld"),
    ("criteria_fixed", "Criteria en gewichten vastgelegd"),
    ("published", "Oproep tot kandidaatstelling gepubliceerd"),
    ("extension", "Deadline verlengd"),
    ("deadline_closed", "Deadline verstreken, kandidaturen afgesloten"),
    ("longlist", "Longlist gescoord"),
    ("shortlist", "Shortlist opgesteld"),
    ("second_round", "Tweede ronde afgerond"),
    ("consensus", "Eindvolgorde in consensus vastgelegd"),
    ("gros", "Advies van de GROS"),
    ("college", "Beslissing van het college van burgemeester en schepenen"),
    ("translation", "Vertaling van de motivering van het college"),
    ("council", "Goedkeuring door de gemeenteraad"),
    ("partner_informed", "Gekozen partner op de hoogte gebracht"),
    ("others_informed", "Andere kandidaten op de hoogte gebracht"),
)

PROCEDURE_TABLE = Table(
    key="procedure", name="tblProcedure", buffer_rows=0,
    columns=(
        Column("seq", "Nr", OUTPUT, width=6),
        Column("stage", "Stap (code)", OUTPUT, width=16),
        Column("stage_name", "Stap", OUTPUT, width=36, wrap=True),
        Column("date", "Datum", OUTPUT, width=12),
        Column("deadline", "Deadline", OUTPUT, width=12),
        Column("partner", "Partner", OUTPUT, width=10),
        Column("number", "Nummer van de beslissing", OUTPUT, width=16),
        Column("text", "Inhoud (advies, volgorde, toelichting)", OUTPUT, width=50, wrap=True),
        Column("reason", "Reden (opnieuw vastgelegd, verlenging)", OUTPUT, width=36, wrap=True),
        Column("user", "Door", OUTPUT, width=18),
        Column("recorded_at", "Vastgelegd op", OUTPUT, width=20),
        Column("chain", "Ketting", OUTPUT, width=20),
    ),
)
PROCEDURE = Sheet(
    key="procedure", name="Procedure", order=87, tab_color="375623",
    modes=("stedenband",),
    title="Procedure: waar de oproep staat en wat beslist werd",
    intro=("Elke stap van de procedure komt hier met datum en wie ze vastlegde: de gepubliceerde "
           "deadline en haar verlengingen, de eindvolgorde in consensus, het advies van de GROS, "
           "de beslissing van het college (datum, nummer, gekozen partner) en de goedkeuring door "
           "de gemeenteraad. Vastleggen met de knop 'Procedurestap vastleggen' of 'partnerkeuze "
           "record'. Alle documenten volgen uit dit blad. Het is beveiligd en geketend in het "
           "logboek; wijzigingen worden opgemerkt."),
    table=PROCEDURE_TABLE,
)

# What a decision of the college or the council rested on and what it decided
# (record/procedure/decided.py): one chained row per part, written by ``record college`` and
# ``record council``; the documents are written from it after a decision.
DECISION_TABLE = Table(
    key="decision", name="tblBeslissing", buffer_rows=0,
    columns=(
        Column("seq", "Nr", OUTPUT, width=6),
        Column("procedure", "Procedure Nr", OUTPUT, width=12),
        Column("stage", "Stap", OUTPUT, width=10),
        Column("part", "Onderdeel", OUTPUT, width=12),
        Column("sheet", "Blad", OUTPUT, width=18),
        Column("key", "Sleutel", OUTPUT, width=12),
        Column("fingerprint", "Vingerafdruk", OUTPUT, width=20),
        Column("data", "Gegevens", OUTPUT, width=80),
        Column("chain", "Ketting", OUTPUT, width=20),
    ),
)
DECISION = Sheet(
    key="decision", name="Beslissing", order=88, tab_color="375623",
    modes=("stedenband",), optional=True,  # added after the first workbooks: they lack it
    title="Beslissing: wat het college en de gemeenteraad zagen toen ze beslisten",
    intro=("Bij elke beslissing van het college en elke goedkeuring door de gemeenteraad legt "
           "Partnerkeuze hier vast waarop ze steunt (scores, beoordelaars, verklaringen, tweede "
           "ronde, eindvolgorde, instellingen, kandidaten) en wat beslist werd (scores, rangen, "
           "shortlist, gekozen partner). 'partnerkeuze check' meldt elke latere wijziging; de "
           "brieven en het dossier volgen deze cijfers. Beveiligd en geketend in het logboek."),
    table=DECISION_TABLE,
)

SHEETS: tuple[Sheet, ...] = (PROCEDURE, DECISION)

# The budget of the city link on the Profiel sheet (000_063238b4784f833c.txt: "voorzie tijd en
# een budget voor de vertaling"), shown in the dossier.
EXTRA_FIELDS = {
    "profile": (
        Field("budget_year", "Jaarbudget voor de stedenband (EUR)", NUMBER, minimum=0,
              maximum=100_000_000, number_format="#,##0",
              help="Wat de gemeente per jaar voor de stedenband voorziet (werking, bezoeken)."),
        Field("budget_translation", "Budget voor vertaling en tolken (EUR per jaar)", NUMBER,
              minimum=0, maximum=10_000_000, number_format="#,##0",
              help="Vertaling van vragenlijst, brieven en overeenkomst; tolken bij bezoeken."),
    ),
}
