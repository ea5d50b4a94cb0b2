"""partnerkeuze dossier PATH --out DIR: schrijf het dossier voor het college."""

from __future__ import annotations


def add_parser(sub) -> None:
    """Register the command."""
    p = sub.add_parser("dossier", help="schrijf het dossier voor het college",
                       description=("Schrijf het geargumenteerde dossier voor het college van "
                                    "burgemeester en schepenen (.docx) in MAP."))
    p.add_argument("path", metavar="PAD", help="de werkmap (.xlsx)")
    p.add_argument("--out", metavar="MAP", required=True, help="de map voor de documenten")
    p.set_defaults(run=run)


def run(args) -> int:
    """Write the documents, log them in the workbook and save it."""
    from partnerkeuze.cli import progress_printer
    from partnerkeuze.cli.output import show
    from partnerkeuze.documents.actions import dossier
    from partnerkeuze.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(args.path)
    outcome = dossier(book, args.out, progress_printer())
    book.save()
    show(outcome)
    return 0
