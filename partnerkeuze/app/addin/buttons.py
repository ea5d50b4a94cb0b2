"""The ribbon tab "Partnerkeuze": its groups and buttons (id, Dutch label, screentip, icon)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Button:
    """A ribbon button: id (also the Python handler's key), label, tips and built-in icon (an
    Excel control id, see tests/data/excel-control-ids.txt)."""

    id: str
    label: str
    screentip: str
    supertip: str
    image: str
    size: str = "large"


@dataclass(frozen=True)
class Group:
    """A group of buttons on the tab."""

    id: str
    label: str
    buttons: tuple[Button, ...]


TAB_ID = "pkTab"
TAB_LABEL = "Partnerkeuze"

GROUPS: tuple[Group, ...] = (
    Group("pkOproep", "Oproep", (
        Button("new_call", "Nieuwe oproep", "Nieuwe oproep",
               "Maakt een nieuwe, beheerde werkmap voor een oproep en opent ze.", "FileNew"),
        Button("check", "Controleren", "Werkmap controleren",
               "Controleert de werkmap en toont elk probleem met blad en cel. Wijzigt niets.",
               "DataValidation"),
        Button("freeze", "Criteria vastleggen", "Criteria vastleggen",
               "Legt de criteria en gewichten vast (vingerafdruk) voor de kandidaturen "
               "geopend worden.", "ReviewProtectWorkbook"),
        Button("record", "Procedurestap vastleggen", "Procedurestap vastleggen",
               "Legt een stap van de procedure vast (deadline, eindvolgorde, advies van de GROS, "
               "beslissing van het college, goedkeuring door de gemeenteraad), geketend in het "
               "logboek. Brieven en dossier volgen uit deze stappen.", "SignatureLineInsert"),
    )),
    Group("pkKandidaturen", "Kandidaturen", (
        Button("questionnaire", "Vragenlijsten", "Vragenlijsten maken",
               "Schrijft de vragenlijst voor de kandidaten in elke gevraagde taal (Word).",
               "FileSaveAsOtherFormats"),
        Button("forms", "Kandidaatstellings- formulieren", "Kandidaatstellingsformulieren",
               "Schrijft de invulbare kandidaatstellingsformulieren per taal.", "FormControlEditBox"),
        Button("import_forms", "Kandidaturen inlezen", "Kandidaturen inlezen",
               "Leest de ingevulde kandidaatstellingsformulieren uit een map in.",
               "GetExternalDataFromText"),
    )),
    Group("pkBeoordeling", "Beoordeling", (
        Button("assessor_forms", "Beoordelings- formulieren", "Beoordelingsformulieren",
               "Schrijft een scoreformulier per beoordelaar.", "FileSaveAsExcelXlsx"),
        Button("merge", "Beoordelingen samenvoegen", "Beoordelingen samenvoegen",
               "Voegt de ingevulde scoreformulieren van de beoordelaars samen in de werkmap.",
               "Consolidate"),
        Button("score", "Scores en shortlist", "Scores en shortlist berekenen",
               "Berekent de gewogen scores, de rangorde en de shortlist en schrijft ze in de "
               "werkmap.", "AutoSum"),
        Button("sensitivity", "Gevoeligheid", "Gevoeligheidsanalyse",
               "Toont hoe stabiel de rangorde is als de gewichten verschuiven.",
               "WhatIfAnalysisMenu"),
    )),
    Group("pkDocumenten", "Documenten", (
        Button("dossier", "Dossier", "Dossier voor college en raad",
               "Schrijft het beargumenteerde dossier voor het college en de gemeenteraad.",
               "FileSaveAsPdfOrXps"),
        Button("letters", "Brieven", "Brieven aan de kandidaten",
               "Schrijft een brief aan elke kandidaat in zijn taal.", "FileSendAsAttachment"),
        Button("templates", "Sjablonen", "Eigen sjablonen openen",
               "Opent de map met de eigen Word-sjablonen van de gemeente (Instellingen, 'Map "
               "met eigen sjablonen'); een sjabloon dat er niet in staat, blijft het ingebouwde.",
               "FileOpen"),
    )),
    Group("pkPlanning", "Planning", (
        Button("plan", "Planning", "Planning maken",
               "Berekent de planning van de oproep rond GROS, college en gemeenteraad.",
               "FunctionsDateTimeInsertGallery"),
        Button("calendar", "Agenda (.ics)", "Agenda exporteren",
               "Schrijft de planning als agendabestand (.ics) voor Outlook.", "HeaderFooterCurrentDate"),
        Button("reminders", "Herinneringen", "Herinneringen versturen",
               "Verstuurt de herinneringen die nu vervallen zijn (eenmalig).", "FileSendMenu"),
    )),
    Group("pkSdg", "SDG-partnerschappen", (
        Button("sdg_match", "SDG-koppeling", "Gemeenten koppelen",
               "Koppelt Vlaamse gemeenten aan partnergemeenten op thema's (SDG-modus).",
               "EditLinks"),
    )),
    Group("pkHulp", "Hulp", (
        Button("diagnose", "Diagnose", "Installatie controleren",
               "Controleert Python, xlwings, de invoegtoepassing, de instellingen, schrijfrechten "
               "en Word of LibreOffice, en zegt wat u moet herstellen.", "ErrorChecking"),
        Button("selftest", "Zelftest", "Alles testen op een kopie van de demo",
               "Test elke knop en elke werkbladfunctie op een kopie van de demo in een tijdelijke "
               "map en schrijft een verslag (wat liep, hoe lang, elke fout met haar nummer) om "
               "naar IT te sturen. Uw eigen werkmappen blijven onaangeroerd.", "MacroPlay"),
    )),
    Group("pkEvaluatie", "Evaluatie", (
        Button("evaluate", "Evaluatie- rapport", "Evaluatie van de stedenband",
               "Schrijft het evaluatierapport van de stedenband (modus evaluatie) in het "
               "Nederlands en in de taal van de partner, met de radar en een voorstel.",
               "ChartInsert"),
    )),
)

BUTTONS: tuple[Button, ...] = tuple(b for g in GROUPS for b in g.buttons)
BUTTON_IDS: tuple[str, ...] = tuple(b.id for b in BUTTONS)
CALLBACK_MODULE = "PartnerkeuzeRibbon"
CALLBACK_SUB = "OnRibbon"
