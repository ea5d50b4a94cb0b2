"""partnerkeuze letters PATH --out DIR: schrijf de brieven aan alle kandidaten."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("letters", help="schrijf de brieven aan alle kandidaten",
                       description="Schrijf een brief aan elke kandidaat in zijn taal: de bekendmaking "
                                   "aan de gekozen partner en een gemotiveerde brief aan de "
                                   "andere kandidaten, plus één bundel om af te drukken "
                                   "(.docx) in MAP.")
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--out", metavar="MAP", required=True, help="de map voor de documenten")
    p.set_defaults(run=run)


def run(args) -> int:
    """Write the documents, log them in the workbook and save it."""
    from partnerkeuze.cli import progress_printer
    from partnerkeuze.cli.output import show
    from partnerkeuze.documents.actions import letters
    from partnerkeuze.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(args.path)
    outcome = letters(book, args.out, progress_printer())
    book.save()
    show(outcome)
    return 0
