"""The action behind ``partnerkeuze record`` and the ribbon button 'Procedurestap vastleggen'."""

from __future__ import annotations

import datetime as dt

from partnerkeuze.kernel.port import Outcome, Progress, WorkbookIO, no_progress


def record(book: WorkbookIO, stage: str, *, date: dt.date | None = None,
           partner: str | None = None, number: str | None = None, text: str | None = None,
           reason: str | None = None, deadline: dt.date | None = None,
           progress: Progress = no_progress) -> Outcome:
    """Record a stage of the procedure (chained row on Procedure and an entry in the log)."""
    from partnerkeuze.record.procedure.record import read_record
    from partnerkeuze.record.procedure.recording import record_patch
    from partnerkeuze.record.procedure.stages import STAGE_NAMES

    progress("Procedure lezen…")
    snap = book.snapshot()
    patch = record_patch(snap, stage, date=date, partner=partner, number=number, text=text,
                         reason=reason, deadline=deadline)
    row = patch.appends["procedure"][0]
    progress("Vastleggen…")
    book.apply(patch)
    rec = read_record(book.snapshot())
    out = Outcome(changed=True)
    line = f"Vastgelegd: {STAGE_NAMES[stage]} op {row[3]} (Nr {row[0]}, door {row[9]})"
    if row[4]:
        line += f"; deadline {row[4]}"
    if row[5]:
        line += f"; partner {row[5]}"
    if row[6]:
        line += f"; nummer {row[6]}"
    out.messages.append(line + ".")
    if rec.final:
        out.messages.append(f"Het college koos {rec.chosen}: de brieven en het dossier zijn "
                            f"definitief.")
    else:
        out.messages.append("Er is nog geen beslissing van het college: brieven en "
                            "bekendmaking zijn ontwerpen.")
    out.data = {"seq": row[0], "stage": stage, "date": row[3], "deadline": row[4] or None,
                "partner": row[5] or None, "number": row[6] or None,
                "procedure": {"stage": rec.stage, "chosen": rec.chosen}}
    return out
