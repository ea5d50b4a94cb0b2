"""The core sheets of the governed workbook: start, profile, settings, criteria, candidates,
assessors, scores, score table, results, lists and log."""

from __future__ import annotations

from partnerkeuze.kernel import reference as ref
from partnerkeuze.layout.schema import (
    CHOICE, DATE, EMAIL, ID, INT, LONG_TEXT, NUMBER, OUTPUT, REF, TEXT,
    Column, Field, Sheet, Table, kv_table,
)

START = Sheet(
    key="start", name="Start", order=0, protected=True, tab_color="1F4E79",
    title="Partnerkeuze: een partnergemeente kiezen, eerlijk en open",
    intro=(
        "Deze werkmap begeleidt de oproep tot kandidaatstelling van potentiële "
        "partnergemeenten, van het profiel van de eigen gemeente tot het dossier voor het college."
    ),
)

# The steps of a call, in plain Dutch (000_063238b4784f833c.txt), each with the sheet it uses.
STEPS: tuple[tuple[str, str], ...] = (
    ("Stel het profiel van de eigen gemeente op.", "profile"),
    ("Kies de instellingen: modus, grootte van de shortlist, schaal.", "settings"),
    ("Lijst de beoordelingscriteria op en geef elk een gewicht (samen 100 %). "
     "Leg ze vast vóór de kandidaturen geopend worden.", "criteria"),
    ("Stel de vragenlijst op vanuit de criteria en laat ze vertalen (nl, fr, en, es).", "criteria"),
    ("Bepaal de kanalen voor de oproep en verspreid ze; geef de kandidaten ongeveer drie "
     "maanden en houd rekening met vakantieperiodes, ook in het Zuiden.", "candidates"),
    ("Registreer de kandidaturen: dat is de longlist.", "candidates"),
    ("Laat elke beoordelaar scoren met een korte motivering.", "scores"),
    ("Bereken scores en shortlist (knop 'Scores berekenen' of 'partnerkeuze score').", "results"),
    ("Bekijk de top drie tot vijf van naderbij in een tweede, kwalitatieve ronde.", "results"),
    ("Leg het geargumenteerde dossier voor aan het college; de gemeenteraad keurt goed.", "results"),
    ("Informeer alle kandidaten: de gekozen partner en, met de redenen, de andere.", "candidates"),
)

# The steps of an SDG partnership call (003_1457e92fe5a06ce4.txt), each with the sheet it uses.
SDG_STEPS: tuple[tuple[str, str], ...] = (
    ("Vul het profiel in van de organisatie die de oproep doet.", "profile"),
    ("Stel de oproep in: minimumscore, startdatum, afzender.", "sdg_settings"),
    ("Leg de verwachtingen aan een deelnemende gemeente vast als criteria met gewichten "
     "(samen 100 %); geen actieve stedenband is een pluspunt.", "criteria"),
    ("Registreer de Vlaamse kandidaat-gemeenten en laat de stuurgroep ze scoren.", "candidates"),
    ("Beschrijf de thema's met hun SDG's: burgerparticipatie in Rwanda, welvaart (SDG 7-11) "
     "in Benin.", "themes"),
    ("Registreer de Rwandese districten en Beninese gemeenten en hun interesses.", "partners"),
    ("Koppel Vlaamse en Zuidelijke gemeenten (knop 'SDG-koppeling' of 'partnerkeuze match').",
     "matches"),
    ("Plan per partnerschap: 17.500 EUR elk, minstens drie digitale sessies per jaar, een "
     "werkbezoek heen en terug, vijf vaste vergadermomenten, hoogstens twee jaar.", "programme"),
    ("Plan de werkbezoeken per land in dezelfde periode, met 1 à 2 dagen gezamenlijk overleg.",
     "visits"),
    ("Verstuur de brieven aan beide partners en de partnerschapsovereenkomst.", "matches"),
)

# The signatories (mayor, director, alderman): form of address, given and family names. The form
# of address gives the title in the reader's language (Directrice générale, Échevine,
# Burgomaestra); older workbooks lack these rows and keep the name as one text.
SIGNATORIES: tuple[tuple[str, str], ...] = (
    ("mayor", "burgemeester"), ("director", "algemeen directeur"),
    ("alderman", "schepen van internationale samenwerking"))
SIGNATORY_FIELDS: tuple[Field, ...] = tuple(
    field
    for key, label in SIGNATORIES
    for field in (
        Field(f"{key}_salutation", f"Aanspreking {label}", CHOICE, choices="salutations",
              help="mevrouw of de heer: de titel onder de handtekening volgt die in elke taal "
                   "(Directrice générale, Échevine, Burgomaestra)."),
        Field(f"{key}_given", f"Voornaam {label}", max_len=80,
              help="Leeg: de naam hierboven."),
        Field(f"{key}_family", f"Familienaam {label}", max_len=80),
    ))

PROFILE = Sheet(
    key="profile", name="Profiel", order=10, tab_color="2E75B6",
    title="Profiel van de eigen gemeente",
    intro=(
        "Vul de gegevens van uw gemeente in. Ze komen in de oproep, de vragenlijst, het dossier "
        "en de brieven (briefhoofd, ondertekenaars, contactgegevens)."
    ),
    table=kv_table("profile", "tblProfiel"),
    fields=(
        Field("municipality", "Naam van de gemeente", required=True, max_len=120),
        Field("province", "Provincie", max_len=60),
        Field("population", "Aantal inwoners", INT, minimum=0, maximum=10_000_000,
              number_format="#,##0"),
        Field("address", "Adres", max_len=200),
        Field("postal_city", "Postcode en gemeente", max_len=120),
        Field("website", "Website", max_len=200),
        Field("phone", "Telefoon", max_len=40),
        Field("coordinator", "Coördinator internationale samenwerking", required=True, max_len=120),
        Field("coordinator_role", "Functie van de coördinator", max_len=120),
        Field("coordinator_email", "E-mail van de coördinator", EMAIL, max_len=200),
        Field("mayor", "Burgemeester", max_len=120),
        Field("director", "Algemeen directeur", max_len=120),
        Field("alderman", "Schepen van internationale samenwerking", max_len=120),
    ) + SIGNATORY_FIELDS + (
        Field("logo", "Logo (pad naar een PNG- of JPG-bestand)", max_len=400,
              help="Leeg laten voor een briefhoofd zonder logo."),
        Field("reference", "Referentie van het dossier", max_len=60,
              help="Bijvoorbeeld IS/2026/014; komt op elke brief."),
        Field("description", "Korte voorstelling van de gemeente", LONG_TEXT, max_len=3000,
              help="Komt in de oproep aan de kandidaat-partnergemeenten."),
        Field("themes", "Beleidsthema's waarrond we willen uitwisselen", LONG_TEXT, max_len=2000),
        Field("seeks", "Wat we zoeken in een partner", LONG_TEXT, max_len=2000),
        Field("offers", "Wat we te bieden hebben", LONG_TEXT, max_len=2000),
    ),
)

SETTINGS = Sheet(
    key="settings", name="Instellingen", order=20, tab_color="2E75B6",
    title="Instellingen van de oproep",
    intro="Kies hoe de kandidaten beoordeeld worden. Wijzig deze instellingen niet meer na het scoren.",
    table=kv_table("settings", "tblInstellingen"),
    fields=(
        Field("mode", "Modus", CHOICE, default="stedenband", choices="modes", required=True,
              help="stedenband of SDG-partnerschap"),
        Field("call_title", "Naam van de oproep", default="Oproep tot kandidaatstelling", max_len=200),
        Field("shortlist_size", "Grootte van de shortlist", INT, default=3, minimum=3, maximum=5,
              required=True, help="De drie, vier of vijf hoogst scorende kandidaten."),
        Field("aggregation", "Samenvoegen van de beoordelaars", CHOICE, default="gemiddelde",
              choices="aggregations", required=True,
              help="gemiddelde of mediaan van de scores van de beoordelaars"),
        Field("scale_min", "Laagste score (standaardschaal)", NUMBER, default=0, minimum=0,
              maximum=100, required=True),
        Field("scale_max", "Hoogste score (standaardschaal)", NUMBER, default=5, minimum=1,
              maximum=100, required=True),
        Field("call_date", "Datum waarop de oproep verspreid wordt", DATE,
              number_format="DD/MM/YYYY"),
        Field("deadline", "Deadline voor de kandidaturen", DATE, number_format="DD/MM/YYYY",
              help="Ongeveer drie maanden na de oproep; verlengen kan."),
        Field("frozen_hash", "Vingerafdruk van de vastgelegde criteria", OUTPUT, input=False,
              help="Ingevuld door 'Criteria vastleggen'. Niet met de hand wijzigen."),
        Field("frozen_at", "Criteria vastgelegd op", OUTPUT, input=False),
        Field("frozen_by", "Criteria vastgelegd door", OUTPUT, input=False),
    ),
)

CRITERIA_TABLE = Table(
    key="criteria", name="tblCriteria", id_column="id", buffer_rows=20,
    columns=(
        Column("id", "ID", ID, width=8, required=True, max_len=12),
        Column("name", "Criterium", TEXT, width=30, required=True, max_len=120),
        Column("description", "Omschrijving", LONG_TEXT, width=48, max_len=1000, wrap=True),
        Column("weight", "Gewicht (%)", NUMBER, width=11, minimum=0, maximum=100,
               number_format="0.0", help="Samen 100 %. Knock-outcriteria hebben gewicht 0."),
        Column("scale_min", "Schaal van", NUMBER, width=10, minimum=0, maximum=100,
               help="Leeg: de standaardschaal uit Instellingen."),
        Column("scale_max", "Schaal tot", NUMBER, width=10, minimum=1, maximum=100),
        Column("kind", "Soort", CHOICE, width=12, required=True, choices="kinds"),
        Column("threshold", "Drempel (knock-out)", NUMBER, width=12, minimum=0, maximum=100,
               help="Een kandidaat met een lagere score op dit knock-outcriterium valt af."),
        Column("q_nl", "Vraag (nl)", LONG_TEXT, width=44, max_len=1500, wrap=True),
        Column("q_fr", "Vraag (fr)", LONG_TEXT, width=44, max_len=1500, wrap=True),
        Column("q_en", "Vraag (en)", LONG_TEXT, width=44, max_len=1500, wrap=True),
        Column("q_es", "Vraag (es)", LONG_TEXT, width=44, max_len=1500, wrap=True),
        Column("name_fr", "Criterium (fr)", TEXT, width=30, max_len=120,
               help="De naam in het Frans, voor brieven; leeg bij een standaardcriterium: de "
                    "nagelezen vertaling."),
        Column("name_en", "Criterium (en)", TEXT, width=30, max_len=120),
        Column("name_es", "Criterium (es)", TEXT, width=30, max_len=120),
    ),
)
CRITERIA = Sheet(
    key="criteria", name="Criteria", order=30, tab_color="548235",
    title="Beoordelingscriteria en gewichten",
    intro=(
        "Elk criterium krijgt een gewicht; samen 100 %. Een knock-outcriterium sluit een "
        "kandidaat uit die de drempel niet haalt. Stel vragen onrechtstreeks waar dat beter werkt."
    ),
    table=CRITERIA_TABLE,
)

# The contact person's names apart and job title (added after the first workbooks: optional,
# at the end of the table). A letter greets by the family name ("Estimado señor Rivera" for
# José Luis Rivera) and puts the job title under the name, never in the greeting.
CONTACT_NAME_COLUMNS: tuple[Column, ...] = (
    Column("contact_given", "Voornaam contactpersoon", TEXT, width=18, max_len=80, optional=True,
           help="Alle voornamen, bv. José Luis of María Fernanda. Leeg: de naam onder "
                "Contactpersoon."),
    Column("contact_family", "Familienaam contactpersoon", TEXT, width=18, max_len=80,
           optional=True,
           help="Bv. Rivera of Quishpe: zo groet de brief ('Estimado señor Rivera:'). Leeg: de "
                "brief groet zonder familienaam."),
    Column("contact_role", "Functie contactpersoon", TEXT, width=24, max_len=120, optional=True,
           help="Staat onder de naam in het adres, nooit in de aanhef."),
)

CANDIDATES_TABLE = Table(
    key="candidates", name="tblKandidaten", id_column="id", buffer_rows=60,
    columns=(
        Column("id", "ID", ID, width=8, required=True, max_len=12),
        Column("name", "Gemeente", TEXT, width=26, required=True, max_len=120),
        Column("country", "Land", CHOICE, width=16, required=True, choices="countries"),
        Column("region", "Regio", TEXT, width=18, max_len=120),
        Column("language", "Taal", CHOICE, width=7, required=True, choices="languages"),
        Column("channel", "Kanaal", CHOICE, width=24, choices="channels"),
        Column("contact", "Contactpersoon", TEXT, width=24, max_len=120),
        Column("email", "E-mail", EMAIL, width=28, max_len=200),
        Column("received", "Ontvangen op", DATE, width=13, number_format="DD/MM/YYYY"),
        Column("status", "Status", CHOICE, width=15, required=True, choices="statuses"),
        Column("note", "Opmerking", LONG_TEXT, width=40, max_len=2000, wrap=True),
        Column("salutation", "Aanspreking", CHOICE, width=11, choices="salutations",
               optional=True,
               help="mevrouw of de heer: zo groeten de brieven de contactpersoon in elke taal "
                    "(Chère Madame …, Estimada señora …); leeg: geen of niet gekend."),
    ) + CONTACT_NAME_COLUMNS,
)
CANDIDATES = Sheet(
    key="candidates", name="Kandidaten", order=40, tab_color="BF8F00",
    title="Kandidaat-partnergemeenten (longlist)",
    intro="Eén rij per kandidatuur. De taal bepaalt in welke taal vragenlijst en brieven vertrekken.",
    table=CANDIDATES_TABLE,
)

ASSESSORS_TABLE = Table(
    key="assessors", name="tblBeoordelaars", id_column="id", buffer_rows=12,
    columns=(
        Column("id", "ID", ID, width=8, required=True, max_len=12),
        Column("name", "Naam", TEXT, width=28, required=True, max_len=120),
        Column("role", "Rol", TEXT, width=34, max_len=120),
        Column("email", "E-mail", EMAIL, width=30, max_len=200),
    ),
)
ASSESSORS = Sheet(
    key="assessors", name="Beoordelaars", order=50, tab_color="BF8F00",
    title="Beoordelaars",
    intro="Wie de kandidaturen scoort. Elke beoordelaar scoort elk criterium van elke kandidaat.",
    table=ASSESSORS_TABLE,
)

SCORES_TABLE = Table(
    key="scores", name="tblScores", buffer_rows=100,
    columns=(
        Column("candidate", "Kandidaat", REF, width=11, required=True, ref="candidates"),
        Column("criterion", "Criterium", REF, width=11, required=True, ref="criteria"),
        Column("assessor", "Beoordelaar", REF, width=12, required=True, ref="assessors"),
        Column("score", "Score", NUMBER, width=9, minimum=0, maximum=100, number_format="0.0"),
        Column("motivation", "Motivering", LONG_TEXT, width=70, max_len=2000, wrap=True),
    ),
)
SCORES = Sheet(
    key="scores", name="Scores", order=60, tab_color="C55A11",
    title="Scores van de beoordelaars",
    intro=(
        "Eén rij per kandidaat, criterium en beoordelaar. Een ontbrekende score telt niet als "
        "nul: de kandidaat blijft dan onvolledig tot de score er is."
    ),
    table=SCORES_TABLE,
)

CONFLICTS_TABLE = Table(
    key="conflicts", name="tblBelangenconflicten", buffer_rows=60,
    columns=(
        Column("assessor", "Beoordelaar", REF, width=12, required=True, ref="assessors"),
        Column("candidate", "Kandidaat", REF, width=11, required=True, ref="candidates"),
        Column("declaration", "Verklaring", CHOICE, width=16, required=True,
               choices="declarations",
               help="'geen conflict' of 'conflict'. Zonder verklaring tellen de scores niet mee."),
        Column("declared_on", "Verklaard op", DATE, width=13, number_format="DD/MM/YYYY"),
        Column("note", "Toelichting", LONG_TEXT, width=60, max_len=1000, wrap=True),
    ),
)
CONFLICTS = Sheet(
    key="conflicts", name="Belangenconflicten", order=55, tab_color="BF8F00",
    title="Verklaringen over belangenconflicten",
    intro=(
        "Elke beoordelaar verklaart per kandidaat: geen conflict of een conflict. De scores van "
        "een beoordelaar met een conflict tellen voor die kandidaat niet mee."
    ),
    table=CONFLICTS_TABLE,
)

# The score table (aggregated score per candidate and criterion) is written by Python with native
# formulas; rows 1-3 hold weight, scale minimum and scale maximum of each criterion.
SCORE_TABLE = Sheet(
    key="score_table", name="Scoretabel", order=70, tab_color="7030A0",
    title="Scoretabel",
    intro="Samengevoegde score per kandidaat en criterium (formules).",
)

RESULTS_TABLE = Table(
    key="results", name="tblResultaten", id_column="id", buffer_rows=0,
    columns=(
        Column("id", "ID", OUTPUT, width=8),
        Column("name", "Gemeente", OUTPUT, width=26),
        Column("country", "Land", OUTPUT, width=16),
        Column("language", "Taal", OUTPUT, width=7),
        Column("channel", "Kanaal", OUTPUT, width=22),
        Column("score", "Gewogen score (0-100)", OUTPUT, width=13, number_format="0.00"),
        Column("complete", "Volledig", OUTPUT, width=10),
        Column("excluded", "Uitgesloten", OUTPUT, width=11),
        Column("rank", "Rang", OUTPUT, width=7),
        Column("shortlisted", "Shortlist", OUTPUT, width=10),
        Column("remarks", "Opmerkingen", OUTPUT, width=70, wrap=True),
    ),
)
RESULTS = Sheet(
    key="results", name="Resultaten", order=80, tab_color="7030A0",
    title="Resultaten: gewogen scores, rangschikking en shortlist",
    intro=(
        "Gewogen score, volledigheid, rang en shortlist zijn Excel-formules over de Scoretabel; "
        "'Scores berekenen' voegt de knock-outs, gelijke standen en opmerkingen toe."
    ),
    table=RESULTS_TABLE,
)

LOG_TABLE = Table(
    key="log", name="tblLogboek", buffer_rows=0,
    columns=(
        Column("seq", "Nr", OUTPUT, width=6),
        Column("timestamp", "Tijdstip", OUTPUT, width=20),
        Column("user", "Gebruiker", OUTPUT, width=16),
        Column("action", "Actie", OUTPUT, width=16),
        Column("details", "Details", OUTPUT, width=60, wrap=True),
        Column("inputs", "Vingerafdruk invoer", OUTPUT, width=20),
        Column("files", "Geschreven bestanden", OUTPUT, width=40, wrap=True),
        Column("chain", "Ketting", OUTPUT, width=20),
    ),
)
LOG = Sheet(
    key="log", name="Logboek", order=1000, tab_color="595959",
    title="Logboek",
    intro="Elke actie wordt hier bijgeschreven. Dit blad is beveiligd; wijzigingen worden opgemerkt.",
    table=LOG_TABLE,
)

LISTS_SHEET = Sheet(
    key="lists", name="Lijsten", order=900, tab_color="A6A6A6",
    title="Lijsten voor de keuzelijsten",
    intro="De waarden van de keuzelijsten in de werkmap.",
)

SHEETS: tuple[Sheet, ...] = (
    START, PROFILE, SETTINGS, CRITERIA, CANDIDATES, ASSESSORS, CONFLICTS, SCORES, SCORE_TABLE, RESULTS,
    LISTS_SHEET, LOG,
)

# Lists on the Lijsten sheet: key -> (header, values). Each becomes a defined name lst_<key>.
LISTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "countries": ("Landen", tuple(c.name for c in ref.COUNTRIES)),
    "channels": ("Kanalen", ref.CHANNELS),
    "statuses": ("Statussen", ref.STATUSES),
    "languages": ("Talen", tuple(ref.LANGUAGES)),
    "kinds": ("Soorten criteria", ref.KINDS),
    "aggregations": ("Samenvoegen", tuple(ref.AGGREGATIONS)),
    "modes": ("Modi", tuple(ref.MODES)),
    "yes_no": ("Ja/nee", ref.YES_NO),
    "declarations": ("Verklaringen", ref.DECLARATIONS),
}
