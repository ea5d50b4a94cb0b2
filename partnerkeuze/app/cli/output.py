"""Printing an action's outcome: Dutch lines on stdout and warnings, or one JSON object."""

from __future__ import annotations

import datetime as dt
import json
import sys

from partnerkeuze.kernel.port import Outcome


def _default(value):
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return str(value)


def show(outcome: Outcome, as_json: bool = False) -> None:
    """Print the outcome for a person, or its data as JSON on stdout."""
    if as_json:
        json.dump(outcome.data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
        sys.stdout.write("\n")
        for w in outcome.warnings:
            print(f"Let op: {w}", file=sys.stderr)
        return
    for line in outcome.messages:
        print(line)
    for w in outcome.warnings:
        print(f"Let op: {w}")


def show_refusal(command: str, path, problems) -> None:
    """A refusal as one JSON object on stdout: {"ok": false, "problems": [{"place",
    "message"}]}, and for ``score`` its "procedure" object, so that "changed_since_decision"
    lists every change since the newest decision (the reason it refuses)."""
    data: dict = {"ok": False, "problems": [{"place": p.place, "message": p.message}
                                            for p in problems]}
    if command == "score":
        data["procedure"] = _procedure(path)
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=_default)
    sys.stdout.write("\n")


def _procedure(path) -> dict | None:
    """score --json's "procedure" object of the workbook as it is (None when it cannot be
    read that far)."""
    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.features.scoring.actions import procedure_summary
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook
    from partnerkeuze.record.procedure.record import read_record

    try:
        book = FileWorkbook(path, for_writing=False)
        try:
            snap = book.snapshot()
            model = parse_lenient(snap, [])
            return procedure_summary(snap, model, read_record(snap))
        finally:
            book.close()
    except Exception:  # noqa: BLE001 - the refusal itself is what matters; this is extra
        return None
