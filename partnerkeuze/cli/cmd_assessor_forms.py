"""partnerkeuze assessor-forms PATH --out DIR: one scoring form per assessor."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("assessor-forms", help="schrijf een beoordelingsformulier per beoordelaar",
                       description="Schrijf per beoordelaar een beoordelingsformulier (.xlsx) met "
                                   "de kandidaten (zonder verklaarde belangenconflicten), de "
                                   "criteria en hun schaal, en de antwoorden om te lezen.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--out", metavar="MAP", required=True, help="de map voor de formulieren")
    p.set_defaults(run=run)


def run(args) -> int:
    """Write the forms and log them in the workbook."""
    from partnerkeuze.cli import progress_printer
    from partnerkeuze.cli.output import show
    from partnerkeuze.intake.actions import assessor_forms
    from partnerkeuze.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(args.path)
    outcome = assessor_forms(book, args.out, progress_printer())
    book.save()
    show(outcome)
    return 0
