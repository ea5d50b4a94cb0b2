"""partnerkeuze check PATH: validate the workbook; every problem on its own line."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("check", help="controleer de werkmap",
                       description="Controleer de werkmap; elk probleem op een eigen regel, met "
                                   "blad en cel vooraan. Wijzigt niets.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--against", metavar="BESTAND", default=None,
                   help="controleer ook of het logboek en de criteria nog verderzetten wat dit "
                        "dossier, ontwerpbesluit (.docx) of ontvangstbewijs (.json) vastlegde")
    p.set_defaults(run=run)


def run(args) -> int:
    """Check the workbook (read-only)."""
    from partnerkeuze.actions.scoring import check
    from partnerkeuze.cli.output import show
    from partnerkeuze.xlsx.file_workbook import FileWorkbook

    against = None
    if args.against:
        from partnerkeuze.governance.anchor import read_file

        against = read_file(args.against)
    book = FileWorkbook(args.path, for_writing=False)
    try:
        _say_pending_journals(book.path)
        outcome = check(book, against=against)
        book.verify_xml()  # a part a write would refuse is refused here too
        show(outcome)
    finally:
        book.close()
    return 0


def _say_pending_journals(path) -> None:
    """Say so when a killed command left its files half moved beside the workbook: check
    changes nothing, the next command that writes finishes the move (saving.roll_forward)."""
    import os
    import sys

    from partnerkeuze.xlsx.saving import pending_journals, real_target

    pending = pending_journals(os.path.dirname(os.path.abspath(real_target(path))))
    if pending:
        print(f"Let op: een vorige opdracht werd onderbroken terwijl ze haar bestanden op hun "
              f"plaats zette ({pending[0].name}); de volgende opdracht die de werkmap wijzigt, "
              f"rondt dat eerst af. Deze controle gaat over de werkmap zoals ze nu op de schijf "
              f"staat.", file=sys.stderr)
