"""partnerkeuze check PATH: validate the workbook; every problem on its own line."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("check", help="controleer de werkmap",
                       description="Controleer de werkmap; elk probleem op een eigen regel, met "
                                   "blad en cel vooraan (ook elke wijziging sinds de nieuwste "
                                   "beslissing van het college of de gemeenteraad, en een "
                                   "ontvangstbewijs naast de werkmap dat ontbreekt of niet is wat "
                                   "het logboek schreef). Wijzigt niets.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--against", metavar="BESTAND", default=None,
                   help="controleer ook of het logboek, de criteria en de beslissingen nog "
                        "verderzetten wat dit dossier, ontwerpbesluit (.docx) of ontvangstbewijs "
                        "(.json) vastlegde; zegt wat het controleerde, wat sindsdien vastgelegd "
                        "werd en wat geen verankering kan aantonen")
    p.set_defaults(run=run)


def run(args) -> int:
    """Check the workbook (read-only); every problem on its own line, exit 1 when any."""
    from partnerkeuze.app.cli.running import run_command

    against = None
    if args.against:
        from partnerkeuze.io.anchor import read_file

        against = read_file(args.against)
    return run_command("check", args, {"against": against})
