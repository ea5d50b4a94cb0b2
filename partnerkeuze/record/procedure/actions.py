"""The work behind ``partnerkeuze record`` and the ribbon button 'Procedurestap vastleggen'."""

from __future__ import annotations

from partnerkeuze.kernel.port import Outcome, Run


def record(run: Run) -> Outcome:
    """Record a stage of the procedure (chained row on Procedure and an entry in the log; a
    receipt beside the workbook after a decision). Options: stage, date, partner, number,
    text, reason, deadline."""
    from partnerkeuze.io.anchor import DECISION_STAGES
    from partnerkeuze.record.procedure.record import read_record
    from partnerkeuze.record.procedure.recording import record_patch
    from partnerkeuze.record.procedure.stages import STAGE_NAMES

    stage = run.options["stage"]
    run.progress("Procedure lezen…")
    patch = record_patch(run.snap, stage, date=run.option("date"), partner=run.option("partner"),
                         number=run.option("number"), text=run.option("text"),
                         reason=run.option("reason"), deadline=run.option("deadline"))
    row = patch.appends["procedure"][0]
    run.progress("Vastleggen…")
    run.book.apply(patch)
    rec = read_record(run.book.snapshot())
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
    if stage in DECISION_STAGES:
        _receipt(run, stage, out)
    return out


def _receipt(run: Run, stage: str, out: Outcome) -> None:
    """The anchor outside the workbook after a decision (governance.anchor)."""
    from partnerkeuze.core.fingerprint import criteria_hash
    from partnerkeuze.io.anchor import current, write_receipt

    if run.workbook_path is None:
        out.warnings.append("de werkmap is nog niet bewaard: er is geen ontvangstbewijs naast "
                            "geschreven")
        return
    anchor = current(run.book.snapshot(), criteria_hash(run.model.criteria), stage)
    receipt = write_receipt(run.workbook_path, anchor)
    out.anchored = True
    out.messages.append(f"Ontvangstbewijs bijgewerkt: {receipt.name}.")
