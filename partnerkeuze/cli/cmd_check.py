"""partnerkeuze check PATH: validate the workbook; every problem on its own line."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("check", help="controleer de werkmap",
                       description="Controleer de werkmap; elk probleem op een eigen regel, met "
                                   "blad en cel vooraan. Wijzigt niets.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.set_defaults(run=run)


def run(args) -> int:
    """Check the workbook (read-only)."""
    from partnerkeuze.actions.scoring import check
    from partnerkeuze.cli.output import show
    from partnerkeuze.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(args.path, for_writing=False)
    try:
        show(check(book))
    finally:
        book.close()
    return 0
