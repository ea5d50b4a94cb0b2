"""The sheets of an SDG-partnership workbook (003_1457e92fe5a06ce4.txt): Southern partners,
themes, interests, matches, programme per partnership and work visits (004_904dd5f2c48e0613.txt).

In SDG mode the Kandidaten sheet holds the Flemish applicants, scored on criteria S01-S08.
"""

from __future__ import annotations

from partnerkeuze.layout.schema import (
    CHOICE, DATE, EMAIL, ID, INT, LONG_TEXT, NUMBER, OUTPUT, REF, TEXT,
    Column, Field, Sheet, Table, kv_table,
)
from partnerkeuze.kernel import sdg_rules as rules
from partnerkeuze.layout.core_sheets import CONTACT_NAME_COLUMNS

SDG = ("sdg",)

SDG_SETTINGS = Sheet(
    key="sdg_settings", name="SDG-oproep", order=25, tab_color="2E75B6", modes=SDG,
    title="SDG-partnerschappen: instellingen van de koppeling",
    intro=(
        "Partnerschappen van hoogstens twee jaar met gemeenten in Benin (welvaart, SDG 7-11) en "
        "Rwanda (burgerparticipatie). Een budget van 35.000 EUR per partnerschap, gelijk verdeeld."
    ),
    table=kv_table("sdg_settings", "tblSDGOproep"),
    fields=(
        Field("min_score", "Minimale gewogen score (0-100)", NUMBER, default=rules.DEFAULT_MIN_SCORE,
              minimum=0, maximum=100, required=True,
              help="Vlaamse kandidaten met een lagere score worden niet gekoppeld."),
        Field("tolerance", "Marge voor bijna gelijke koppelingen (fitpunten)", NUMBER,
              default=rules.DEFAULT_TOLERANCE, minimum=0, maximum=100, required=True,
              help="Een andere indeling met een totale fit binnen deze marge wordt getoond."),
        Field("start", "Start van de partnerschappen", DATE, number_format="DD/MM/YYYY",
              help="Bepaalt de planning van de werkbezoeken per land."),
        Field("period_from", "Programmaperiode: eerste jaar", INT,
              default=rules.PROGRAMME_FIRST_YEAR, minimum=2000, maximum=2100, required=True,
              help="De experimentele periode van het programma GloBe (2022-2026): elk "
                   "partnerschap en elk werkbezoek valt erbinnen."),
        Field("period_to", "Programmaperiode: laatste jaar", INT,
              default=rules.PROGRAMME_LAST_YEAR, minimum=2000, maximum=2100, required=True),
        Field("max_partnerships", "Pilot: hoogstens partnerschappen", INT,
              default=rules.PILOT_PARTNERSHIPS, minimum=1, maximum=100, required=True,
              help="De conceptnota test 8 partnerschappen, 4 in Benin en 4 in Rwanda."),
        Field("max_per_country", "Pilot: hoogstens partnerschappen per land", INT,
              default=rules.PILOT_PER_COUNTRY, minimum=1, maximum=100, required=True),
        Field("max_visit_days", "Werkbezoek: hoogstens (dagen)", INT,
              default=rules.MAX_VISIT_DAYS, minimum=1, maximum=60, required=True,
              help="Eén werkbezoek van ongeveer één week per jaar, reisdagen inbegrepen."),
        Field("sender", "Afzender van de brieven (koepel)", default="VVSG", max_len=120),
    ),
)

THEMES_TABLE = Table(
    key="themes", name="tblThemas", id_column="id", buffer_rows=20,
    columns=(
        Column("id", "ID", ID, width=8, required=True, max_len=12),
        Column("name", "Thema", TEXT, width=34, required=True, max_len=120),
        Column("country", "Land", CHOICE, width=12, required=True, choices="sdg_countries"),
        Column("sdgs", "SDG's", TEXT, width=12, required=True, max_len=40,
               help="Doelen of subdoelen gescheiden door ';' (16 of 16.7). Rwanda: 16 "
                    "(participatie, 16.7); Benin: 7 tot 11."),
        Column("name_fr", "Thème (fr)", TEXT, width=30, max_len=120),
        Column("name_en", "Theme (en)", TEXT, width=30, max_len=120),
        Column("description", "Omschrijving", LONG_TEXT, width=50, max_len=1000, wrap=True),
    ),
)
THEMES = Sheet(
    key="themes", name="Thema's", order=41, tab_color="548235", modes=SDG,
    title="Thema's met hun SDG's en het land waar ze bij horen",
    intro=(
        "Rwanda werkt rond burgerparticipatie; Benin rond de pijler welvaart: energie (SDG 7), "
        "waardig werk (8), innovatie en industrie (9), ongelijkheid (10), duurzame gemeenschappen (11)."
    ),
    table=THEMES_TABLE,
)

PARTNERS_TABLE = Table(
    key="partners", name="tblPartnersZuid", id_column="id", buffer_rows=30,
    columns=(
        Column("id", "ID", ID, width=8, required=True, max_len=12),
        Column("name", "Gemeente / district", TEXT, width=24, required=True, max_len=120),
        Column("country", "Land", CHOICE, width=12, required=True, choices="sdg_countries"),
        Column("region", "Departement / provincie", TEXT, width=20, max_len=120),
        Column("language", "Taal", CHOICE, width=7, required=True, choices="languages",
               help="Benin: fr; Rwanda: en of fr."),
        Column("contact", "Contactpersoon", TEXT, width=24, max_len=120),
        Column("email", "E-mail", EMAIL, width=28, max_len=200),
        Column("city_link", "Heeft een stedenband", CHOICE, width=12, required=True,
               choices="yes_no",
               help="In Benin komen enkel gemeenten zonder stedenband in aanmerking."),
        Column("expectations", "Verwachtingen van de partner", LONG_TEXT, width=50, max_len=1500,
               wrap=True),
        Column("note", "Opmerking", LONG_TEXT, width=40, max_len=1000, wrap=True),
        Column("salutation", "Aanspreking", CHOICE, width=11, choices="salutations",
               optional=True,
               help="mevrouw of de heer: zo groet de brief de contactpersoon; leeg: geen of "
                    "niet gekend."),
    ) + CONTACT_NAME_COLUMNS,
)
PARTNERS = Sheet(
    key="partners", name="Partners Zuid", order=42, tab_color="BF8F00", modes=SDG,
    title="Gemeenten in Benin en districten in Rwanda",
    intro=(
        "Rwanda: de districten Karongi, Bugesera, Gatsibo en Nyanza. Benin: gemeenten waarmee het "
        "ANCB-VVSG-programma samenwerkt en die nog geen stedenband hebben."
    ),
    table=PARTNERS_TABLE,
)

INTERESTS_TABLE = Table(
    key="interests", name="tblInteresses", buffer_rows=80,
    columns=(
        Column("party", "Gemeente (ID)", ID, width=14, required=True, max_len=12,
               help="De ID van een Vlaamse kandidaat (Kandidaten) of van een partner (Partners Zuid)."),
        Column("theme", "Thema", REF, width=10, required=True, ref="themes"),
        Column("priority", "Prioriteit (1-3)", INT, width=12, required=True, minimum=1, maximum=3,
               help="1 = bijkomend, 2 = belangrijk, 3 = hoogste prioriteit."),
        Column("note", "Toelichting", LONG_TEXT, width=60, max_len=1000, wrap=True),
        Column("note_fr", "Toelichting (fr)", LONG_TEXT, width=50, max_len=1000, wrap=True,
               help="Voor de overeenkomst met een Franstalige partner."),
        Column("note_en", "Toelichting (en)", LONG_TEXT, width=50, max_len=1000, wrap=True,
               help="Voor de overeenkomst met een Engelstalige partner."),
    ),
)
INTERESTS = Sheet(
    key="interests", name="Interesses", order=43, tab_color="BF8F00", modes=SDG,
    title="Thematische interesses van de Vlaamse kandidaten en de partners",
    intro=(
        "Eén rij per gemeente en thema. Een Vlaamse kandidaat die enkel thema's van één land "
        "kiest, wordt enkel met een gemeente uit dat land gekoppeld."
    ),
    table=INTERESTS_TABLE,
)

MATCHES_TABLE = Table(
    key="matches", name="tblKoppelingen", buffer_rows=0,
    columns=(
        Column("status", "Status", OUTPUT, width=14),
        Column("flemish", "Vlaamse gemeente", OUTPUT, width=10),
        Column("flemish_name", "Naam", OUTPUT, width=20),
        Column("partner", "Partner", OUTPUT, width=9),
        Column("partner_name", "Naam partner", OUTPUT, width=20),
        Column("country", "Land", OUTPUT, width=10),
        Column("fit", "Fit (0-100)", OUTPUT, width=10, number_format="0.0"),
        Column("shared", "Gedeelde thema's", OUTPUT, width=40, wrap=True),
        Column("remarks", "Toelichting", OUTPUT, width=70, wrap=True),
    ),
)
MATCHES = Sheet(
    key="matches", name="Koppelingen", order=85, tab_color="7030A0", modes=SDG,
    title="Koppelingen: wie met wie, waarom, en de alternatieven",
    intro=(
        "Geschreven door 'Koppelen' (partnerkeuze match): de indeling met de hoogste totale "
        "thematische fit, de partijen die niet gekoppeld zijn en bijna even goede alternatieven."
    ),
    table=MATCHES_TABLE,
)

PROGRAMME_TABLE = Table(
    key="programme", name="tblProgramma", buffer_rows=20,
    columns=(
        Column("flemish", "Vlaamse gemeente", REF, width=11, required=True, ref="candidates"),
        Column("partner", "Partner", REF, width=9, required=True, ref="partners"),
        Column("start", "Start", DATE, width=12, required=True, number_format="DD/MM/YYYY"),
        Column("end", "Einde", DATE, width=12, required=True, number_format="DD/MM/YYYY"),
        Column("budget_flemish", "Budget Vlaamse gemeente (EUR)", NUMBER, width=13, required=True,
               minimum=0, number_format="#,##0"),
        Column("budget_partner", "Budget partner (EUR)", NUMBER, width=13, required=True,
               minimum=0, number_format="#,##0"),
        Column("exchange", "Waarvan uitwisseling (EUR)", NUMBER, width=13, required=True,
               minimum=0, number_format="#,##0",
               help="Werkbezoeken, conferenties: het grootste deel van het budget."),
        Column("other", "Waarvan communicatie of experiment (EUR)", NUMBER, width=14,
               minimum=0, number_format="#,##0", help="Te beslissen na het eerste jaar."),
        Column("sessions_y1", "Digitale sessies jaar 1", INT, width=10, required=True, minimum=0),
        Column("sessions_y2", "Digitale sessies jaar 2", INT, width=10, minimum=0),
        Column("visits_ns", "Werkbezoeken naar het Zuiden", INT, width=11, required=True, minimum=0),
        Column("visits_sn", "Ontvangsten in Vlaanderen", INT, width=11, required=True, minimum=0),
        Column("meetings", "Vaste vergadermomenten (2 jaar)", INT, width=12, required=True,
               minimum=0),
        Column("note", "Opmerking", LONG_TEXT, width=40, max_len=1000, wrap=True),
    ),
)
PROGRAMME = Sheet(
    key="programme", name="Programma", order=86, tab_color="C55A11", modes=SDG,
    title="Programma per partnerschap",
    intro=(
        "Per partnerschap: 17.500 EUR voor elke partner, vooral voor uitwisseling; hoogstens twee "
        "jaar; minstens drie digitale sessies per jaar, één werkbezoek in elke richting en vijf "
        "vaste vergadermomenten. 'Controleren' meldt wat daarvan afwijkt."
    ),
    table=PROGRAMME_TABLE,
)

VISITS_TABLE = Table(
    key="visits", name="tblWerkbezoeken", id_column="id", buffer_rows=30,
    columns=(
        Column("id", "ID", ID, width=8, required=True, max_len=12),
        Column("flemish", "Vlaamse gemeente", REF, width=11, required=True, ref="candidates"),
        Column("partner", "Partner", REF, width=9, required=True, ref="partners"),
        Column("country", "Land", CHOICE, width=10, required=True, choices="sdg_countries"),
        Column("direction", "Richting", CHOICE, width=18, required=True, choices="directions"),
        Column("type", "Soort werkbezoek", CHOICE, width=18, required=True, choices="visit_types"),
        Column("start", "Van", DATE, width=12, required=True, number_format="DD/MM/YYYY"),
        Column("end", "Tot", DATE, width=12, required=True, number_format="DD/MM/YYYY"),
        Column("joint_from", "Gezamenlijk overleg vanaf", DATE, width=12,
               number_format="DD/MM/YYYY"),
        Column("joint_days", "Dagen overleg", INT, width=8, minimum=1, maximum=2),
        Column("vvsg", "VVSG gevraagd", CHOICE, width=9, choices="yes_no"),
        Column("extra_reasons", "Bijkomende redenen (1-6)", TEXT, width=12, max_len=40,
               help=rules.reasons_help()),
        Column("reasons", "Redenen voor begeleiding", LONG_TEXT, width=50, max_len=2000, wrap=True),
        Column("preparation", "Voorbereiding", LONG_TEXT, width=50, max_len=3000, wrap=True),
        Column("programme", "Programma", LONG_TEXT, width=50, max_len=3000, wrap=True),
        Column("follow_up", "Verwerking", LONG_TEXT, width=50, max_len=3000, wrap=True),
    ),
)
VISITS = Sheet(
    key="visits", name="Werkbezoeken", order=87, tab_color="C55A11", modes=SDG,
    title="Werkbezoeken: soort, periode, voorbereiding, programma en verwerking",
    intro=(
        "De partnerschappen van één land bezoeken elkaar in dezelfde periode, met 1 à 2 dagen "
        "gezamenlijk overleg van de koepels; een werkbezoek duurt ongeveer een week en valt "
        "binnen het partnerschap. De soort en de bijkomende redenen bepalen of begeleiding door "
        "de VVSG zinvol is."
    ),
    table=VISITS_TABLE,
)

SHEETS: tuple[Sheet, ...] = (SDG_SETTINGS, THEMES, PARTNERS, INTERESTS, MATCHES, PROGRAMME, VISITS)

LISTS: dict[str, tuple[str, tuple[str, ...]]] = {
    "sdg_countries": ("Landen SDG", tuple(rules.COUNTRY_RULES)),
    "visit_types": ("Soorten werkbezoek", rules.VISIT_TYPES),
    "directions": ("Richtingen", rules.DIRECTIONS),
}
