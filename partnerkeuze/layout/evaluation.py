"""The sheets of a link-evaluation workbook (mode 'evaluatie', 002_f154211db8bd0241.txt): the
link's profile and budget lines, evaluation rounds, the shared frame (basic concepts of
participation and evaluation questions), the answers of both partners, their expectations, the
risk register and the exit triggers of the agreement.

A part module of ``partnerkeuze.layout``; EXTRA_MODES adds this mode to the shared sheets it uses.
"""

from __future__ import annotations

from partnerkeuze.kernel.sdg_rules import reasons_help
from partnerkeuze.layout.schema import (
    CHOICE, DATE, ID, INT, LONG_TEXT, NUMBER, OUTPUT, REF, TEXT, Column, Field, Sheet, Table,
    kv_table,
)

MODE = "evaluatie"
EVAL = (MODE,)
SIDES: tuple[str, ...] = ("Vlaanderen", "partner")  # the two sides of a link, as the sheets show
SOURCES: tuple[str, ...] = ("les", "principe")  # where an evaluation question comes from
EXPECTATION_KINDS: tuple[str, ...] = ("wat we willen bereiken", "wat we van elkaar verwachten",
                                      "wat we zelf bijdragen")  # 002, 'Betrokkenheid is key'
# What a budget line is; without a fixed operating budget the link depends on the subsidies of
# the moment (002, 'Toekomstmuziek').
OPERATING_BUDGET = "vast werkingsbudget"
BUDGET_KINDS: tuple[str, ...] = (OPERATING_BUDGET, "subsidie of programma", "projectmiddelen",
                                 "andere")
MAX_MONTHS = 24  # rounds at most two years apart by default ("regelmatig evalueren", 002)
COMMENT_MAX = 2000
NAME_MAX = 120

# The shared sheets a link-evaluation workbook also has.
EXTRA_MODES: dict[str, tuple[str, ...]] = {
    key: EVAL for key in ("start", "profile", "settings", "imports", "lists", "log")
}

# The steps of an evaluation, in plain Dutch, each with the sheet it uses (Start sheet).
STEPS: tuple[tuple[str, str], ...] = (
    ("Vul het profiel van de eigen gemeente in.", "profile"),
    ("Beschrijf de stedenband: beide partners, sinds wanneer, de overeenkomst, de exitclausule, "
     "de schaal en de drempels van het voorstel.", "link"),
    ("Noteer de budgetlijnen van de samenwerking.", "budget"),
    ("Leg samen met de partner de 8 basisbegrippen van participatie vast (het gezamenlijk "
     "toetsingskader) en kijk de evaluatievragen na.", "concepts"),
    ("Plan een evaluatieronde: datum en deelnemers aan beide kanten.", "rounds"),
    ("Stuur beide partners de vragenlijst in hun taal ('partnerkeuze forms') en lees de "
     "ingevulde formulieren in ('partnerkeuze import').", "answers"),
    ("Houd het risicoregister bij (een eigenaar aan elke kant) en koppel elke exittrigger van "
     "de overeenkomst aan een risico; een trigger die zich voordeed krijgt een datum en de "
     "ronde die hem vaststelde.", "risks"),
    ("Gebruik de zes basisinstrumenten van het vernieuwingstraject om de ronde voor te bereiden "
     "en het vervolg uit te tekenen.", "instruments"),
    ("Vul de vertalingen in (kolommen 'taal van de partner' en 'vertaling'): het rapport voor "
     "de partner staat volledig in zijn taal; 'partnerkeuze check' noemt wat ontbreekt.",
     "link"),
    ("Schrijf het evaluatierapport voor het college en de partner ('partnerkeuze evaluate').",
     "link"),
)

LINK = Sheet(
    key="link", name="Stedenband", order=24, tab_color="2E75B6", modes=EVAL,
    title="De stedenband die geëvalueerd wordt",
    intro=(
        "Beide partners, sinds wanneer, de samenwerkingsovereenkomst met haar exitclausule, en "
        "de regel die tot het voorstel leidt (voortzetten, heroriënteren of beëindigen)."
    ),
    table=kv_table("link", "tblStedenband"),
    fields=(
        Field("link_id", "Code van de stedenband", ID, required=True, max_len=24,
              default="STEDENBAND",
              help="Staat verborgen in elke vragenlijst: een formulier van een andere stedenband "
                   "wordt geweigerd."),
        Field("flemish", "Vlaamse gemeente", required=True, max_len=NAME_MAX),
        Field("partner", "Partnergemeente", required=True, max_len=NAME_MAX),
        Field("partner_country", "Land van de partner", CHOICE, choices="countries",
              help="Het rapport noemt het land in de taal van de lezer."),
        Field("partner_language", "Taal van de partner", CHOICE, choices="languages",
              default="es", required=True, help="De vragenlijst en het rapport voor de partner."),
        Field("partner_contact", "Contactpersoon bij de partner", max_len=NAME_MAX),
        Field("since", "Stedenband sinds (jaar)", INT, minimum=1950, maximum=2100, required=True),
        Field("agreement", "Samenwerkingsovereenkomst (titel en datum)", LONG_TEXT, max_len=1000),
        Field("agreement_partner", "Samenwerkingsovereenkomst (taal van de partner)", LONG_TEXT,
              max_len=1000),
        Field("exit_clause", "Exitclausule (tekst uit de overeenkomst)", LONG_TEXT, max_len=3000),
        Field("exit_clause_partner", "Exitclausule (taal van de partner)", LONG_TEXT,
              max_len=3000),
        Field("scale_min", "Laagste score van de vragenlijst", INT, default=1, minimum=0,
              maximum=10, required=True),
        Field("scale_max", "Hoogste score van de vragenlijst", INT, default=5, minimum=1,
              maximum=10, required=True),
        Field("continue_from", "Voortzetten vanaf (% van de schaal)", NUMBER, default=60,
              minimum=0, maximum=100, required=True,
              help="Het gemiddelde van beide partners over de basisbegrippen, als deel van de "
                   "schaal."),
        Field("disagree_from", "Grote onenigheid vanaf (% van de schaal)", NUMBER, default=40,
              minimum=1, maximum=100, required=True,
              help="Verschil tussen de gemiddelden van beide partners op één vraag."),
        Field("principle_from", "Principe gehaald vanaf (gemiddelde score)", NUMBER, default=3,
              minimum=0, maximum=10, required=True,
              help="Een principe of les is gehaald als beide partners gemiddeld minstens zo hoog "
                   "scoren; het rapport noemt deze drempel bij de tabel."),
        Field("max_months", "Hoogstens tussen twee rondes (maanden)", INT, default=MAX_MONTHS,
              minimum=1, maximum=240, required=True,
              help="Evalueer regelmatig: liggen twee rondes verder uit elkaar, dan zeggen check "
                   "en het rapport het."),
    ),
)

BUDGET_TABLE = Table(
    key="budget", name="tblBudgetlijnen", buffer_rows=20,
    columns=(
        Column("year", "Jaar", INT, width=8, required=True, minimum=1950, maximum=2100),
        Column("line", "Budgetlijn", TEXT, width=40, required=True, max_len=200),
        Column("line_partner", "Budgetlijn (taal van de partner)", TEXT, width=36, max_len=200),
        Column("amount", "Bedrag (EUR)", NUMBER, width=14, required=True, minimum=0,
               number_format="#,##0"),
        Column("kind", "Soort", CHOICE, width=22, required=True, choices="budget_kinds",
               help="Een vast werkingsbudget maakt de samenwerking onafhankelijk van de "
                    "subsidies van het moment."),
        Column("side", "Kant", CHOICE, width=11, required=True, choices="eval_sides",
               help="Wie de middelen inbrengt."),
        Column("source", "Bron", TEXT, width=30, max_len=200,
               help="Eigen middelen, naam van de subsidie of het programma, ..."),
        Column("note", "Opmerking", LONG_TEXT, width=50, max_len=1000, wrap=True),
    ),
)
BUDGET = Sheet(
    key="budget", name="Budgetlijnen", order=26, tab_color="2E75B6", modes=EVAL,
    title="Budgetlijnen van de stedenband",
    intro=("Zonder vast werkingsbudget hangt de samenwerking af van de subsidies van het moment; "
           "check en het rapport zeggen het als een jaar er geen heeft."),
    table=BUDGET_TABLE,
)

ROUNDS_TABLE = Table(
    key="rounds", name="tblEvaluatierondes", id_column="id", buffer_rows=10,
    columns=(
        Column("id", "Ronde", ID, width=8, required=True, max_len=12),
        Column("date", "Datum", DATE, width=12, required=True, number_format="DD/MM/YYYY"),
        Column("flemish_participants", "Deelnemers Vlaanderen", LONG_TEXT, width=40,
               max_len=1000, wrap=True, help="Eén per regel of gescheiden door ';'."),
        Column("partner_participants", "Deelnemers partner", LONG_TEXT, width=40, max_len=1000,
               wrap=True),
        Column("visit_from", "Evaluatiemissie van", DATE, width=12, number_format="DD/MM/YYYY",
               help="Alleen als een werkbezoek voorgesteld wordt."),
        Column("visit_to", "Evaluatiemissie tot", DATE, width=12, number_format="DD/MM/YYYY"),
        Column("vvsg", "VVSG gevraagd", CHOICE, width=9, choices="yes_no"),
        Column("extra_reasons", "Bijkomende redenen VVSG (1-6)", TEXT, width=12, max_len=40,
               help=reasons_help()),
        Column("note", "Opmerking", LONG_TEXT, width=40, max_len=1000, wrap=True),
    ),
)
ROUNDS = Sheet(
    key="rounds", name="Evaluatierondes", order=27, tab_color="2E75B6", modes=EVAL,
    title="Evaluatierondes: wanneer en met wie",
    intro=(
        "Evalueer de samenwerking regelmatig met alle betrokken partijen (hoogstens zoveel "
        "maanden uit elkaar als het blad Stedenband zegt). De laatste ronde is de ronde van het "
        "rapport; de vorige staat er naast in de radar."
    ),
    table=ROUNDS_TABLE,
)

CONCEPTS_TABLE = Table(
    key="concepts", name="tblBasisbegrippen", id_column="id", buffer_rows=4,
    columns=(
        Column("id", "ID", ID, width=6, required=True, max_len=12),
        Column("name", "Basisbegrip", TEXT, width=28, required=True, max_len=NAME_MAX),
        Column("name_partner", "Basisbegrip (taal van de partner)", TEXT, width=28,
               max_len=NAME_MAX),
        Column("description", "Wat we ermee bedoelen", LONG_TEXT, width=50, max_len=1000,
               wrap=True),
        Column("description_partner", "Wat we ermee bedoelen (taal van de partner)", LONG_TEXT,
               width=50, max_len=1000, wrap=True),
    ),
)
CONCEPTS = Sheet(
    key="concepts", name="Basisbegrippen", order=28, tab_color="548235", modes=EVAL,
    title="Het gezamenlijk toetsingskader: de basisbegrippen van participatie",
    intro=(
        "De partners kiezen samen acht basisbegrippen uit hun eigen ervaringen met participatie; "
        "elk begrip is een as van de radar. Binnen een nieuwe samenwerking herhaalt u de oefening."
    ),
    table=CONCEPTS_TABLE,
)

QUESTIONS_TABLE = Table(
    key="questions", name="tblEvaluatievragen", id_column="id", buffer_rows=10,
    columns=(
        Column("id", "ID", ID, width=6, required=True, max_len=12),
        Column("source", "Bron", CHOICE, width=10, required=True, choices="eval_sources"),
        Column("title", "Les of principe", TEXT, width=28, required=True, max_len=NAME_MAX),
        Column("q_nl", "Vraag (nl)", LONG_TEXT, width=50, required=True, max_len=600, wrap=True),
        Column("q_fr", "Question (fr)", LONG_TEXT, width=40, max_len=600, wrap=True),
        Column("q_en", "Question (en)", LONG_TEXT, width=40, max_len=600, wrap=True),
        Column("q_es", "Pregunta (es)", LONG_TEXT, width=40, max_len=600, wrap=True),
    ),
)
QUESTIONS = Sheet(
    key="questions", name="Evaluatievragen", order=29, tab_color="548235", modes=EVAL,
    title="Evaluatievragen uit de geleerde lessen en de principes van de stedenband",
    intro=(
        "Elke vraag wordt door deelnemers van beide partners beantwoord op de schaal, met een "
        "opmerking. Een principe is gehaald als beide partners er gemiddeld hoog genoeg op scoren."
    ),
    table=QUESTIONS_TABLE,
)

ANSWERS_TABLE = Table(
    key="eval_answers", name="tblEvaluatieantwoorden", buffer_rows=60,
    columns=(
        Column("round", "Ronde", REF, width=8, required=True, ref="rounds"),
        Column("side", "Kant", CHOICE, width=11, required=True, choices="eval_sides"),
        Column("participant", "Deelnemer", TEXT, width=24, required=True, max_len=NAME_MAX),
        Column("item", "Begrip of vraag (ID)", ID, width=10, required=True, max_len=12),
        Column("score", "Score", NUMBER, width=8, required=True, minimum=0, maximum=10),
        Column("comment", "Opmerking", LONG_TEXT, width=50, max_len=COMMENT_MAX, wrap=True),
        Column("comment_translation", "Vertaling van de opmerking", LONG_TEXT, width=50,
               max_len=COMMENT_MAX, wrap=True,
               help="Vlaamse kant: in de taal van de partner; kant van de partner: in het "
                    "Nederlands. Het rapport toont elke opmerking in de taal van de lezer."),
        Column("name_shown", "Naam bij de opmerking", CHOICE, width=10, choices="yes_no",
               help="'ja' alleen als de deelnemer ermee instemde (vraag in de vragenlijst); "
                    "anders staat alleen de kant bij de opmerking."),
        Column("language", "Taal", OUTPUT, width=6),
        Column("file", "Formulier", OUTPUT, width=30),
        Column("file_hash", "Vingerafdruk formulier", OUTPUT, width=18),
        Column("imported", "Ingelezen op", OUTPUT, width=19),
    ),
)
ANSWERS = Sheet(
    key="eval_answers", name="Evaluatieantwoorden", order=44, tab_color="BF8F00", modes=EVAL,
    title="Antwoorden van de deelnemers van beide partners",
    intro=(
        "Ingelezen uit de teruggestuurde vragenlijsten (met herkomst) of met de hand getypt. "
        "Een nieuw formulier van dezelfde deelnemer in dezelfde ronde vervangt het vorige."
    ),
    table=ANSWERS_TABLE,
)

EXPECTATIONS_TABLE = Table(
    key="expectations", name="tblVerwachtingen", buffer_rows=30,
    columns=(
        Column("round", "Ronde", REF, width=8, required=True, ref="rounds"),
        Column("side", "Kant", CHOICE, width=11, required=True, choices="eval_sides"),
        Column("kind", "Soort", CHOICE, width=26, required=True, choices="expectation_kinds"),
        Column("text", "Verwachting", LONG_TEXT, width=70, required=True, max_len=COMMENT_MAX,
               wrap=True),
        Column("translation", "Vertaling", LONG_TEXT, width=60, max_len=COMMENT_MAX, wrap=True,
               help="Vlaamse kant: in de taal van de partner; kant van de partner: in het "
                    "Nederlands."),
        Column("participant", "Deelnemer", OUTPUT, width=24),
        Column("file", "Formulier", OUTPUT, width=30),
    ),
)
EXPECTATIONS = Sheet(
    key="expectations", name="Verwachtingen", order=46, tab_color="BF8F00", modes=EVAL,
    title="Wederzijdse verwachtingen, uitgesproken",
    intro=(
        "Wat we willen bereiken, wat we van elkaar verwachten en wat we zelf bijdragen: een "
        "verwachting die nooit uitgesproken werd, is een risico."
    ),
    table=EXPECTATIONS_TABLE,
)

RISKS_TABLE = Table(
    key="risks", name="tblRisicos", id_column="id", buffer_rows=20,
    columns=(
        Column("id", "ID", ID, width=6, required=True, max_len=12),
        Column("risk", "Risico", LONG_TEXT, width=40, required=True, max_len=600, wrap=True),
        Column("risk_partner", "Risico (taal van de partner)", LONG_TEXT, width=40, max_len=600,
               wrap=True),
        Column("likelihood", "Kans (1-5)", INT, width=8, minimum=1, maximum=5,
               help="Leeg: nog niet ingeschat (het rapport zegt het)."),
        Column("impact", "Impact (1-5)", INT, width=8, minimum=1, maximum=5,
               help="Leeg: nog niet ingeschat."),
        Column("owner_flemish", "Eigenaar Vlaanderen", TEXT, width=22, required=True,
               max_len=NAME_MAX, help="Een naam of een functie."),
        Column("owner_partner", "Eigenaar partner", TEXT, width=22, required=True,
               max_len=NAME_MAX, help="Een naam of een functie, zoals de partner ze schrijft."),
        Column("trigger", "Signaal (trigger)", LONG_TEXT, width=36, required=True, max_len=600,
               wrap=True),
        Column("trigger_partner", "Signaal (taal van de partner)", LONG_TEXT, width=36,
               max_len=600, wrap=True),
        Column("response", "Antwoord", LONG_TEXT, width=40, required=True, max_len=1000,
               wrap=True),
        Column("response_partner", "Antwoord (taal van de partner)", LONG_TEXT, width=40,
               max_len=1000, wrap=True),
    ),
)
RISKS = Sheet(
    key="risks", name="Risico's", order=47, tab_color="C00000", modes=EVAL,
    title="Risicoregister van de stedenband",
    intro=(
        "Besturen en personeel wisselen aan beide kanten; een kerngroep zonder mandaat valt weg; "
        "verwachtingen blijven onuitgesproken. Benoem de risico's met hun signaal, het antwoord "
        "en een eigenaar aan elke kant. De standaardrisico's vertaalt Partnerkeuze zelf."
    ),
    table=RISKS_TABLE,
)

EXIT_TABLE = Table(
    key="exit_triggers", name="tblExittriggers", id_column="id", buffer_rows=10,
    columns=(
        Column("id", "ID", ID, width=6, required=True, max_len=12),
        Column("trigger", "Exittrigger uit de overeenkomst", LONG_TEXT, width=50, required=True,
               max_len=600, wrap=True),
        Column("trigger_partner", "Exittrigger (taal van de partner)", LONG_TEXT, width=44,
               max_len=600, wrap=True),
        Column("risk", "Risico (ID)", REF, width=10, required=True, ref="risks",
               help="Elke exittrigger hoort bij een risico van het register."),
        Column("occurred", "Deed zich voor", CHOICE, width=10, required=True, choices="yes_no"),
        Column("date", "Op (datum)", DATE, width=12, number_format="DD/MM/YYYY",
               help="Wanneer de trigger zich voordeed."),
        Column("round", "Vastgesteld in ronde", REF, width=10, ref="rounds",
               help="De evaluatieronde die de trigger vaststelde."),
        Column("note", "Toelichting", LONG_TEXT, width=40, max_len=1000, wrap=True),
    ),
)
EXIT_TRIGGERS = Sheet(
    key="exit_triggers", name="Exitclausule", order=48, tab_color="C00000", modes=EVAL,
    title="Exittriggers van de samenwerkingsovereenkomst",
    intro=(
        "Besturen veranderen. Wanneer de partners niet meer op dezelfde golflengte zitten, grijpt "
        "men terug naar de exitclausule. Elke trigger wordt getoetst aan het risicoregister."
    ),
    table=EXIT_TABLE,
)

INSTRUMENTS_TABLE = Table(
    key="instruments", name="tblInstrumenten", buffer_rows=0,
    columns=(
        Column("name", "Instrument", OUTPUT, width=22),
        Column("purpose", "Waarvoor (vernieuwingstraject)", OUTPUT, width=44, wrap=True),
        Column("in_round", "Waar in een evaluatieronde", OUTPUT, width=70, wrap=True),
        Column("sheet", "Blad", OUTPUT, width=18),
    ),
)
INSTRUMENTS = Sheet(
    key="instruments", name="Instrumenten", order=23, tab_color="548235", modes=EVAL,
    optional=True,  # guidance added after the first evaluation workbooks: they lack it
    title="De zes basisinstrumenten om een participatief proces te ontwerpen",
    intro=(
        "Het vernieuwingstraject gaf de partners zes basistools; zo dienen ze in elke "
        "evaluatieronde. Ze staan ook in de vragenlijst, in de taal van elke partner."
    ),
    table=INSTRUMENTS_TABLE,
)

SHEETS: tuple[Sheet, ...] = (INSTRUMENTS, LINK, BUDGET, ROUNDS, CONCEPTS, QUESTIONS, ANSWERS,
                             EXPECTATIONS, RISKS, EXIT_TRIGGERS)

LISTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "eval_sides": ("Kanten", SIDES),
    "eval_sources": ("Bronnen", SOURCES),
    "expectation_kinds": ("Soorten verwachting", EXPECTATION_KINDS),
    "budget_kinds": ("Soorten budget", BUDGET_KINDS),
}
