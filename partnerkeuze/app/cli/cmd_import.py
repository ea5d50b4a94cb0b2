"""partnerkeuze import PATH FOLDER: read the returned candidacy forms into the workbook."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("import", help="lees de teruggestuurde kandidatuurformulieren in",
                       description="Lees elk kandidatuurformulier in MAP (en submappen) in: het "
                                   "Excel-formulier (.xlsx, ook als .ods bewaard), de ingevulde "
                                   "Word-vragenlijst (.docx) en mails (.eml) met een formulier "
                                   "als bijlage. Nieuwe of bijgewerkte kandidaten en hun "
                                   "antwoorden, met herkomst en de datum van ontvangst (van de "
                                   "mail of het bestand); een kandidatuur na de deadline wordt "
                                   "ingelezen en als TE LAAT gemeld. Hetzelfde bestand "
                                   "opnieuw inlezen verandert niets. Een formulier dat niet "
                                   "gelezen kan worden, wordt gemeld en overgeslagen; de andere "
                                   "worden ingelezen en bewaard, en de exitcode is dan 1.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("folder", metavar="MAP", help="de map met de ingevulde formulieren")
    p.add_argument("--reason", metavar="TEKST",
                   help="modus evaluatie: lees een te laat teruggestuurde vragenlijst van een "
                        "eerdere ronde in die ronde in, met deze reden (op Invoer en in het "
                        "Logboek)")
    p.add_argument("--json", action="store_true", help="druk het resultaat af als JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    """Read the forms in the folder; the workbook is saved when something was read."""
    from partnerkeuze.app.cli.running import run_folder_command

    return run_folder_command("import", args)
