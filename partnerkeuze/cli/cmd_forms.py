"""partnerkeuze forms PATH --out DIR: the candidacy forms of the call (nl, fr, en, es)."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("forms", help="schrijf de kandidatuurformulieren (nl, fr, en, es)",
                       description="Schrijf het kandidatuurformulier van de oproep in het "
                                   "Nederlands, Frans, Engels en Spaans (.xlsx zonder macro's, "
                                   "beveiligd, enkel de antwoordcellen open).")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--out", metavar="MAP", required=True, help="de map voor de formulieren")
    p.set_defaults(run=run)


def run(args) -> int:
    """Write the forms and log them in the workbook."""
    from partnerkeuze.cli import progress_printer
    from partnerkeuze.cli.output import show
    from partnerkeuze.intake.actions import forms
    from partnerkeuze.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(args.path)
    outcome = forms(book, args.out, progress_printer())
    book.save()
    show(outcome)
    return 0
