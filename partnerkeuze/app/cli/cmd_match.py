"""partnerkeuze match PATH [--json] [--out DIR]: pair Flemish applicants with Southern partners."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("match", help="koppel Vlaamse kandidaten aan partners (SDG-partnerschap)",
                       description="Koppel de Vlaamse kandidaten één op één aan gemeenten in Benin "
                                   "en Rwanda met de hoogste totale thematische fit, en schrijf de "
                                   "koppelingen, het programma en de werkbezoeken in de werkmap.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx) in modus SDG-partnerschap")
    p.add_argument("--json", action="store_true", help="druk het resultaat af als JSON")
    p.add_argument("--out", metavar="MAP",
                   help="schrijf ook de brieven, de overeenkomsten en de aanvragen aan de VVSG")
    p.set_defaults(run=run)


def run(args) -> int:
    """Match, write the documents when asked, and save the workbook with them."""
    from partnerkeuze.app.cli.running import run_command

    return run_command("match", args, {"out": args.out}, as_json=args.json)
