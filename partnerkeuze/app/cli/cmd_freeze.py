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
    """Fix the criteria and save the workbook."""
    from partnerkeuze.app.cli import progress_printer
    from partnerkeuze.app.cli.output import show
    from partnerkeuze.record.governance.actions import freeze
    from partnerkeuze.app.cli.writing import write_session
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    with write_session(args.path, "freeze"):
        book = FileWorkbook(args.path)
        outcome = freeze(book, reason=args.reason, progress=progress_printer(quiet=args.json))
        if outcome.changed:
            book.save()
        if outcome.data.get("frozen"):  # the anchor outside the workbook (governance.anchor)
            from partnerkeuze.record.governance.anchor import current, write_receipt

            anchor = current(book.snapshot(), outcome.data["criteria_hash"], "freeze")
            receipt = write_receipt(book.path, anchor)
            outcome.messages.append(f"Ontvangstbewijs geschreven: {receipt.name} (bewaar het "
                                    f"buiten de werkmap).")
            outcome.data["receipt"] = str(receipt)
    show(outcome, as_json=args.json)
    return 0
