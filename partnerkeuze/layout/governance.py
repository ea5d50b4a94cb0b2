"""Governance sheets: criteria history, consensus agenda (heat map), sensitivity, second round
and final order; extra settings for the sensitivity analysis and the disagreement threshold."""

from __future__ import annotations

from partnerkeuze.layout.schema import (
    CHOICE, INT, LONG_TEXT, NUMBER, OUTPUT, REF, TEXT, Column, Field, Sheet, Table,
)

# The questions of the second round for the shortlist (000_063238b4784f833c.txt, "Van longlist
# naar shortlist"): id, short name, question.
SECOND_ROUND_QUESTIONS: tuple[tuple[str, str, str], ...] = (
    ("R1", "Draagvlak, enthousiasme en engagement",
     "Is er voldoende draagvlak, enthousiasme en engagement bij de partnergemeente aanwezig om "
     "een stedenband op te bouwen?"),
    ("R2", "Wederzijds vertrouwen en openheid", "Is er wederzijds vertrouwen en openheid?"),
    ("R3", "Beleidsmatige raakvlakken",
     "Zijn er op beleidsmatig vlak voldoende raakvlakken om tot uitwisseling van kennis en "
     "expertise over te gaan?"),
    ("R4", "Juiste verwachtingen",
     "Heeft de potentiële partnergemeente de juiste verwachtingen tegenover een mogelijke "
     "stedenband?"),
    ("R5", "Praktische haalbaarheid",
     "Lijkt deze samenwerking ons praktisch haalbaar (afstand, communicatiemiddelen, "
     "contactpersonen, …)?"),
    ("S1", "Spiegel: zijn wij een geschikte partner?",
     "Zijn wij wel een geschikte partner voor deze gemeente?"),
    ("S2", "Spiegel: wat hebben wij te bieden?", "Wat hebben wij hen eigenlijk te bieden?"),
)
JUDGEMENTS: tuple[str, ...] = ("ja", "eerder ja", "eerder nee", "nee")

# The consensus grid (spread per candidate and criterion) sits to the right of the agenda table.
GRID_COL = 11  # column K
GRID_HEADER_ROW = 4

HISTORY_TABLE = Table(
    key="criteria_history", name="tblCriteriahistoriek", buffer_rows=0,
    columns=(
        Column("seq", "Nr", OUTPUT, width=6),
        Column("timestamp", "Vastgelegd op", OUTPUT, width=20),
        Column("user", "Door", OUTPUT, width=18),
        Column("fingerprint", "Vingerafdruk", OUTPUT, width=22),
        Column("reason", "Reden", OUTPUT, width=44, wrap=True),
        Column("changes", "Wijzigingen tegenover de vorige versie", OUTPUT, width=60, wrap=True),
        Column("criteria", "Vastgelegde criteria (gegevens)", OUTPUT, width=30),
        Column("chain", "Ketting", OUTPUT, width=20),
    ),
)
HISTORY = Sheet(
    key="criteria_history", name="Criteriahistoriek", order=32, tab_color="548235",
    title="Historiek van de vastgelegde criteria",
    intro=("Elke keer dat de criteria, gewichten, schalen en knock-outs vastgelegd worden "
           "('Criteria vastleggen' of 'partnerkeuze freeze'), komt hier een regel bij met de "
           "vingerafdruk en de reden. Dit blad is beveiligd; wijzigingen worden opgemerkt."),
    table=HISTORY_TABLE,
)

CONSENSUS_TABLE = Table(
    key="consensus", name="tblConsensusoverleg", buffer_rows=0,
    columns=(
        Column("candidate", "Kandidaat", OUTPUT, width=10),
        Column("name", "Gemeente", OUTPUT, width=22),
        Column("shortlisted", "Shortlist", OUTPUT, width=9),
        Column("criterion", "Criterium", OUTPUT, width=9),
        Column("criterion_name", "Naam criterium", OUTPUT, width=26),
        Column("spread", "Spreiding (punten)", OUTPUT, width=10, number_format="0.0"),
        Column("scores", "Scores per beoordelaar", OUTPUT, width=30, wrap=True),
        Column("outliers", "Afwijkende scores", OUTPUT, width=44, wrap=True),
    ),
)
CONSENSUS = Sheet(
    key="consensus", name="Consensusoverleg", order=82, tab_color="7030A0",
    title="Agenda van het consensusoverleg: waar de beoordelaars het oneens zijn",
    intro=("Links de punten voor het overleg (grote spreiding tussen de beoordelaars, afwijkende "
           "scores), de shortlist eerst. Rechts de warmtekaart: de spreiding per kandidaat en "
           "criterium als deel van de schaal. Geschreven door 'Scores berekenen'."),
    table=CONSENSUS_TABLE,
)

SENSITIVITY_TABLE = Table(
    key="sensitivity", name="tblGevoeligheid", buffer_rows=0,
    columns=(
        Column("criterion", "Criterium", OUTPUT, width=9),
        Column("name", "Naam", OUTPUT, width=26),
        Column("weight", "Gewicht nu (%)", OUTPUT, width=10, number_format="0.0"),
        Column("low", "Laagste gewicht (%)", OUTPUT, width=11, number_format="0.00"),
        Column("high", "Hoogste gewicht (%)", OUTPUT, width=11, number_format="0.00"),
        Column("explanation", "Uitleg", OUTPUT, width=70, wrap=True),
    ),
)
SENSITIVITY = Sheet(
    key="sensitivity", name="Gevoeligheid", order=83, tab_color="7030A0",
    title="Hoe vast staat de shortlist? Gevoeligheid voor de gewichten",
    intro=("Links: per criterium het bereik van zijn gewicht waarbinnen de shortlist dezelfde "
           "blijft (de andere gewichten schuiven evenredig mee, samen 100 %). Rechts: hoe vaak "
           "elke kandidaat eerst staat en op de shortlist staat bij aannemelijke wegingen rond de "
           "gekozen gewichten, met de standaardfout van de trekking; daaronder de "
           "rangaanvaardbaarheid: het deel van de wegingen dat elke rang geeft. Gelijke scores "
           "delen de betere rang."),
    table=SENSITIVITY_TABLE,
)
ACCEPTABILITY_COL = 8  # column H: the acceptability block

SECOND_ROUND_TABLE = Table(
    key="second_round", name="tblTweedeRonde", buffer_rows=40,
    columns=(
        Column("candidate", "Kandidaat", REF, width=10, required=True, ref="candidates"),
        Column("question", "Vraag", CHOICE, width=8, required=True, choices="round2_questions"),
        Column("question_text", "Omschrijving", OUTPUT, width=48, wrap=True),
        Column("judgement", "Oordeel", CHOICE, width=12, choices="round2_judgements",
               help="ja, eerder ja, eerder nee of nee"),
        Column("argument", "Argumentatie (verplicht)", LONG_TEXT, width=70, max_len=3000,
               wrap=True, help="Waarom dit oordeel? Verplicht bij elk oordeel."),
        Column("source", "Bron", TEXT, width=22, max_len=200,
               help="Bijvoorbeeld mail, telefoon, Skype of bezoek."),
    ),
)
SECOND_ROUND = Sheet(
    key="second_round", name="Tweede ronde", order=84, tab_color="C00000",
    modes=("stedenband",),
    title="Tweede ronde: de shortlist van naderbij bekeken",
    intro=("Per kandidaat op de shortlist: draagvlak, vertrouwen, raakvlakken, verwachtingen, "
           "haalbaarheid en de spiegelvragen over onszelf. Elk oordeel vraagt een geschreven "
           "argumentatie. 'Scores berekenen' zet de vragen klaar voor nieuwe shortlistkandidaten."),
    table=SECOND_ROUND_TABLE,
)

FINAL_ORDER_TABLE = Table(
    key="final_order", name="tblEindvolgorde", buffer_rows=10,
    columns=(
        Column("candidate", "Kandidaat", REF, width=10, required=True, ref="candidates"),
        Column("position", "Volgorde", INT, width=9, required=True, minimum=1, maximum=5),
        Column("argument", "Argumentatie van het overleg", LONG_TEXT, width=70, max_len=3000,
               wrap=True),
        Column("dissent_by", "Afwijkende mening van", TEXT, width=22, max_len=200,
               help="Beoordelaar(s) die het niet eens zijn met deze plaats."),
        Column("dissent", "Afwijkende mening", LONG_TEXT, width=60, max_len=2000, wrap=True),
    ),
)
FINAL_ORDER = Sheet(
    key="final_order", name="Eindvolgorde", order=85, tab_color="C00000",
    modes=("stedenband",),
    title="Eindvolgorde van de shortlist, in consensus",
    intro=("De volgorde die het overleg met alle betrokken actoren vastlegt, met de argumentatie. "
           "Wie het oneens is, laat zijn afwijkende mening hier optekenen; ze komt in het dossier."),
    table=FINAL_ORDER_TABLE,
)

SHEETS: tuple[Sheet, ...] = (HISTORY, CONSENSUS, SENSITIVITY, SECOND_ROUND, FINAL_ORDER)

LISTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "round2_questions": ("Vragen tweede ronde", tuple(q[0] for q in SECOND_ROUND_QUESTIONS)),
    "round2_judgements": ("Oordelen tweede ronde", JUDGEMENTS),
}

EXTRA_FIELDS = {
    "settings": (
        Field("sensitivity_samples", "Aantal aannemelijke wegingen (gevoeligheid)", INT,
              default=10000, minimum=1000, maximum=1_000_000,
              help="Hoeveel wegingen rond de gekozen gewichten getrokken worden."),
        Field("sensitivity_spread", "Gemiddelde afwijking van de gewichten (procentpunten)",
              NUMBER, default=5, minimum=0.5, maximum=25,
              help="Hoe ver aannemelijke wegingen gemiddeld van de gekozen gewichten liggen."),
        Field("sensitivity_seed", "Startgetal van de trekking", INT, default=2026, minimum=0,
              maximum=2_000_000_000, help="Met hetzelfde startgetal komt telkens dezelfde uitkomst."),
        Field("disagreement_share", "Grote onenigheid vanaf (% van de schaal)", NUMBER,
              default=40, minimum=10, maximum=100,
              help="Verschil tussen hoogste en laagste score dat op de agenda van het "
                   "consensusoverleg komt (40 % van een schaal 0-5 is 2 punten)."),
        Field("sensitivity_precision", "Grootste standaardfout van de gevoeligheid (procentpunt)",
              NUMBER, default=0.5, minimum=0.05, maximum=5,
              help="Er worden genoeg wegingen getrokken dat geen percentage een grotere "
                   "standaardfout heeft (0,5 vraagt 10.000 wegingen)."),
        Field("sensitivity_vary_scores", "Ook de scores laten variëren (gevoeligheid)", CHOICE,
              default="nee", choices="yes_no",
              help="ja: elke trekking kiest per kandidaat en criterium ook een score tussen de "
                   "laagste en de hoogste score van de beoordelaars."),
        Field("receipt_copy_dir", "Tweede map voor ontvangstbewijzen", TEXT, max_len=400,
              help="Een map buiten de map van de werkmap (bv. de map waaruit het "
                   "documentbeheersysteem inleest): elke vastlegging schrijft er een kopie van "
                   "het ontvangstbewijs bij, met datum en uur in de naam. Leeg: geen kopie."),
    ),
}
