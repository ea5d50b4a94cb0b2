"""partnerkeuze freeze PATH [--reason TEXT]: fix the criteria (fingerprint, date, user, log)."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("freeze", help="leg criteria, gewichten, schalen en knock-outs vast",
                       description="Leg de criteria, gewichten, schalen en knock-outs vast: "
                                   "vingerafdruk, datum en gebruiker komen in de werkmap en het "
                                   "logboek. Wie vastgelegde criteria wijzigt, legt ze opnieuw "
                                   "vast met een reden.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--reason", metavar="TEKST", default=None,
                   help="de reden van de (nieuwe) vastlegging; verplicht na een wijziging")
    p.add_argument("--json", action="store_true", help="druk het resultaat af als JSON")
    p.set_defaults(run=run)


def run(args) -> int:
    """Fix the criteria, save the workbook and write the receipt beside it."""
    from partnerkeuze.app.cli.running import run_command

    return run_command("freeze", args, {"reason": args.reason}, as_json=args.json)
