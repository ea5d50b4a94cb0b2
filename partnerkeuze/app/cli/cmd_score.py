"""partnerkeuze score PATH [--json]: compute scores and shortlist and write them back."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("score", help="bereken scores, rangschikking en shortlist",
                       description="Bereken de gewogen scores (0-100), de rangschikking en de "
                                   "shortlist en schrijf ze in de werkmap. Weigert (code 1) "
                                   "zolang check problemen meldt, ook een wijziging sinds de "
                                   "nieuwste beslissing van het college.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--json", action="store_true",
                   help="druk het resultaat af als JSON (met \"procedure\": stage, chosen, "
                        "decided_inputs, changed_since_decision)")
    p.set_defaults(run=run)


def run(args) -> int:
    """Score the workbook and save it."""
    from partnerkeuze.app.cli.running import run_command

    return run_command("score", args, as_json=args.json)
