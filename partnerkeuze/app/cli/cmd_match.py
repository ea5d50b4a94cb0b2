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
    """Match, save the workbook, and write the documents when asked."""
    from partnerkeuze.app.cli import progress_printer
    from partnerkeuze.app.cli.output import show
    from partnerkeuze.features.sdg.actions import match
    from partnerkeuze.app.cli.writing import write_session
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    code = 0
    with write_session(args.path, "match"):
        book = FileWorkbook(args.path)
        if args.out:  # refuse an unusable folder before the workbook changes
            from partnerkeuze.features.documents.actions import output_dir

            output_dir(args.out)
        outcome = match(book, progress_printer(quiet=args.json))
        if args.out and not outcome.data.get("pairs"):
            outcome.warnings.append("geen documenten geschreven: er is geen haalbare koppeling "
                                    "(zie 'Niet gekoppeld'); de koppeling zonder paren is wel "
                                    "in de werkmap bewaard")
            code = 1
        elif args.out:
            from partnerkeuze.features.sdg.actions import documents

            docs = documents(book, args.out, progress_printer(quiet=args.json))
            outcome.messages.extend(docs.messages)
            outcome.files.extend(docs.files)
        book.save()  # once: documents and workbook appear together
    outcome.messages.append(f"Werkmap bewaard: {book.path.name}.")
    show(outcome, as_json=args.json)
    return code
