"""partnerkeuze merge PATH FOLDER: read the returned assessor forms into the scores."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("merge", help="voeg de teruggestuurde beoordelingsformulieren samen",
                       description="Lees elk beoordelingsformulier in MAP in het blad Scores. "
                                   "Per beoordelaar telt het nieuwste formulier. Ontbrekende en "
                                   "ongeldige scores worden per beoordelaar gemeld; ongeldige "
                                   "scores geven exitcode 1, na het bewaren van de goede.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("folder", metavar="MAP", help="de map met de ingevulde formulieren")
    p.add_argument("--json", action="store_true", help="druk het resultaat af als JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    """Read the forms in the folder; the workbook is saved when something was read."""
    from partnerkeuze.app.cli.running import run_folder_command

    return run_folder_command("merge", args)
