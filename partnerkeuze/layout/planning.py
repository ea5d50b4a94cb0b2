"""The planning sheets: steps of the call (Planning, with the Gantt over a week grid) and the
meetings of GROS, college and council (Vergaderingen), plus the planning and mail settings."""

from __future__ import annotations

from partnerkeuze.layout.schema import (
    CHOICE, DATE, EMAIL, ID, INT, LONG_TEXT, OUTPUT, TEXT, Column, Field, Sheet, Table,
)

# Statuses of a step, in the order work moves through them (each has its Gantt colour).
TODO, BUSY, DONE, POSTPONED = "Te doen", "Bezig", "Klaar", "Uitgesteld"
PLAN_STATUSES: tuple[str, ...] = (TODO, BUSY, DONE, POSTPONED)

# Kinds of step: ordinary work, a milestone (one day), the open call (ends on the deadline).
STEP, MILESTONE, CALL = "Stap", "Mijlpaal", "Oproep"
STEP_KINDS: tuple[str, ...] = (STEP, MILESTONE, CALL)

# Bodies that advise or approve (000_063238b4784f833c.txt; the steering group of 003_...).
GROS, COLLEGE, COUNCIL, STEERING = "GROS", "College", "Gemeenteraad", "Stuurgroep"
BODIES: tuple[str, ...] = (GROS, COLLEGE, COUNCIL, STEERING)

PLANNING_TABLE = Table(
    key="planning", name="tblPlanning", id_column="id", buffer_rows=30,
    columns=(
        Column("id", "ID", ID, width=7, required=True, max_len=12),
        Column("name", "Stap", TEXT, width=36, required=True, max_len=160),
        Column("kind", "Soort", CHOICE, width=10, required=True, choices="step_kinds",
               help="Stap, Mijlpaal (één dag) of Oproep (loopt tot de deadline)."),
        Column("duration", "Duur (werkdagen)", INT, width=10, minimum=0, maximum=600,
               help="Werkdagen van de gemeente. Bij een stap met een orgaan: de voorbereiding."),
        Column("after", "Na stap(pen)", TEXT, width=12, max_len=120,
               help="ID's van de stappen die eerst klaar moeten zijn, gescheiden door komma's."),
        Column("body", "Advies/goedkeuring door", CHOICE, width=14, choices="bodies",
               help="GROS, College, Gemeenteraad of Stuurgroep: de stap eindigt op de eerste "
                    "vergadering die hij haalt."),
        Column("owner", "Verantwoordelijke", TEXT, width=18, max_len=120),
        Column("status", "Status", CHOICE, width=11, required=True, choices="plan_statuses"),
        Column("earliest", "Niet vóór", DATE, width=12.5, number_format="DD/MM/YYYY",
               help="Vroegste startdatum (leeg: zo vroeg als de voorgaande stappen toelaten)."),
        Column("start", "Start", OUTPUT, width=12.5, number_format="DD/MM/YYYY"),
        Column("end", "Einde", OUTPUT, width=12.5, number_format="DD/MM/YYYY"),
        Column("meeting", "Vergadering", OUTPUT, width=12.5, number_format="DD/MM/YYYY"),
        Column("submit_by", "Indienen uiterlijk", OUTPUT, width=12.5, number_format="DD/MM/YYYY"),
        Column("note", "Toelichting planning", OUTPUT, width=44, wrap=True),
    ),
)

PLANNING = Sheet(
    key="planning", name="Planning", order=85, tab_color="375623",
    title="Planning van de oproep (Gantt)",
    intro=(
        "Stappen met duur, volgorde, verantwoordelijke en status. Een stap die advies of "
        "goedkeuring nodig heeft, landt op de eerste vergadering van dat orgaan die hij haalt. "
        "'Planning berekenen' (of 'partnerkeuze plan') vult de grijze kolommen en de maanden."
    ),
    table=PLANNING_TABLE,
)

MEETINGS_TABLE = Table(
    key="meetings", name="tblVergaderingen", buffer_rows=40,
    columns=(
        Column("body", "Orgaan", CHOICE, width=14, required=True, choices="bodies"),
        Column("date", "Datum", DATE, width=12, required=True, number_format="DD/MM/YYYY"),
        Column("lead_days", "Indienen (dagen vooraf)", INT, width=12, required=True, minimum=0,
               maximum=180, help="Hoeveel dagen vóór de vergadering een punt ingediend moet zijn."),
        Column("note", "Opmerking", TEXT, width=30, max_len=200),
        Column("submit_by", "Uiterlijk indienen", OUTPUT, width=12, number_format="DD/MM/YYYY"),
        Column("agenda", "Agendapunten uit de planning", OUTPUT, width=50, wrap=True),
    ),
)

MEETINGS = Sheet(
    key="meetings", name="Vergaderingen", order=86, tab_color="375623",
    title="Vergaderingen van GROS, college en gemeenteraad",
    intro=(
        "Eén rij per vergadering, met hoeveel dagen vooraf een agendapunt ingediend moet zijn. "
        "De planning zet elk punt op de eerste vergadering die het haalt."
    ),
    table=MEETINGS_TABLE,
)

SHEETS = (PLANNING, MEETINGS)

LISTS = {
    "plan_statuses": ("Status van een stap", PLAN_STATUSES),
    "step_kinds": ("Soort stap", STEP_KINDS),
    "bodies": ("Organen", BODIES),
}

EXTRA_FIELDS = {
    "settings": (
        Field("plan_start", "Start van de planning", DATE, number_format="DD/MM/YYYY",
              help="De eerste dag van de planning (leeg: vandaag)."),
        Field("call_months", "Looptijd van de oproep (maanden)", INT, default=3, minimum=1,
              maximum=12, help="De deadline ligt zoveel maanden na de oproep (bron: drie)."),
        Field("deadline_extension", "Verlenging van de deadline (dagen)", INT, default=0,
              minimum=0, maximum=365,
              help="Verlengt de deadline en verschuift alles wat erop volgt."),
        Field("call_countries", "Landen van de oproep", LONG_TEXT, max_len=1000,
              help="Landen gescheiden door komma's; samen met de landen op het blad Kandidaten "
                   "bepalen ze de feestdagen waar de deadline niet op mag vallen."),
        Field("reminder_days", "Herinneren (dagen vooraf)", INT, default=7, minimum=1, maximum=60,
              help="Zoveel dagen voor het einde van een stap of het indienen krijgt de "
                   "coördinator een herinnering."),
        Field("reminder_time", "Tijdstip van de herinneringen (UU:MM)", TEXT, default="08:00",
              max_len=5, help="Wanneer 'partnerkeuze remind' elke dag herinneringen verstuurt."),
        Field("smtp_host", "Mailserver (SMTP)", TEXT, max_len=200,
              help="Leeg: de mails komen als .eml-bestanden in de map hieronder."),
        Field("smtp_port", "Poort van de mailserver", INT, default=587, minimum=1, maximum=65535),
        Field("smtp_user", "Gebruikersnaam mailserver", TEXT, max_len=200,
              help="Het wachtwoord staat nooit in de werkmap: zet PARTNERKEUZE_SMTP_PASSWORD."),
        Field("smtp_starttls", "Versleutelen met STARTTLS", CHOICE, default="ja", choices="yes_no"),
        Field("smtp_from", "Afzender van de mails", EMAIL, max_len=200,
              help="Leeg: het e-mailadres van de coördinator (blad Profiel)."),
        Field("outbox", "Map voor uitgaande mails", TEXT, max_len=400,
              help="Zonder mailserver; leeg: de map 'uitgaande-mail' naast de werkmap."),
    ),
}
