"""The work behind ``partnerkeuze record`` and the ribbon button 'Procedurestap vastleggen'.

Both run it behind the gate (app/pipeline.py); the rules of a stage (who the college may
choose, the order in time, the deadline on a working day, a decision that binds its inputs)
are applied in ``recording.record_patch``, before anything is written, for every entry."""

from __future__ import annotations

from partnerkeuze.kernel.port import Outcome, Run


def record(run: Run) -> Outcome:
    """Record a stage of the procedure (chained row on Procedure and an entry in the log; after
    a decision of the college or the council the rows of Beslissing, and after every decision a
    receipt beside the workbook and in the second folder). Options: stage, date, partner,
    number, text, text_fr, text_en, text_es (the college's reasoning translated), reason,
    deadline."""
    from partnerkeuze.io.anchor import DECISION_STAGES, copy_folder, log_note
    from partnerkeuze.record.procedure.record import read_record
    from partnerkeuze.record.procedure.recording import record_patch
    from partnerkeuze.record.procedure.stages import STAGE_NAMES

    stage = run.options["stage"]
    run.progress("Procedure lezen…")
    anchored = stage in DECISION_STAGES and run.workbook_path is not None
    copy_dir = copy_folder(run.model, run.base_dir) if anchored else None
    patch = record_patch(run.snap, stage, date=run.option("date"), partner=run.option("partner"),
                         number=run.option("number"), text=run.option("text"),
                         reason=run.option("reason"), deadline=run.option("deadline"),
                         model=run.model,
                         receipt=log_note(run.workbook_path) if anchored else "",
                         translations={lang: run.option(f"text_{lang}")
                                       for lang in ("fr", "en", "es")})
    row = patch.appends["procedure"][0]
    run.progress("Vastleggen…")
    run.book.apply(patch)
    snap = run.book.snapshot()
    rec = read_record(snap)
    out = Outcome(changed=True)
    line = f"Vastgelegd: {STAGE_NAMES[stage]} op {row[3]} (Nr {row[0]}, door {row[9]})"
    if row[4]:
        line += f"; deadline {row[4]}"
    if row[5]:
        line += f"; partner {row[5]}"
    if row[6]:
        line += f"; nummer {row[6]}"
    out.messages.append(line + ".")
    decided = None
    if stage in ("college", "council"):
        from partnerkeuze.record.procedure.decided import decided_result

        decided = decided_result(snap)
        out.messages.append(f"Vastgelegd waarop de beslissing steunt en wat ze besliste (blad "
                            f"Beslissing): invoer {decided.inputs[:12]}…, resultaat "
                            f"{decided.result[:12]}…; elke latere wijziging meldt "
                            f"'partnerkeuze check'.")
    from partnerkeuze.record.procedure.binding import reopened_entries

    reopened = reopened_entries(snap) if rec.final else []
    if reopened:
        out.warnings.append(f"'{STAGE_NAMES[stage]}' is vastgelegd na de beslissing waarop de "
                            f"brieven en het dossier steunen: die zijn pas weer definitief "
                            f"wanneer het college opnieuw beslist (partnerkeuze record PAD "
                            f"college --partner ID --reason \"…\")")
    elif rec.final:
        out.messages.append(f"Het college koos {rec.chosen}: de brieven en het dossier zijn "
                            f"definitief.")
    else:
        out.messages.append("Er is nog geen beslissing van het college: brieven en "
                            "bekendmaking zijn ontwerpen.")
    out.data = {"seq": row[0], "stage": stage, "date": row[3], "deadline": row[4] or None,
                "partner": row[5] or None, "number": row[6] or None,
                "procedure": {"stage": rec.stage, "chosen": rec.chosen,
                              "decided_inputs": decided.inputs if decided else None}}
    if stage in DECISION_STAGES:
        _receipt(run, stage, out, decided, copy_dir)
    return out


def _receipt(run: Run, stage: str, out: Outcome, decided, copy_dir) -> None:
    """The anchor outside the workbook after a decision (io/anchor.py): beside the workbook and,
    when Instellingen names one, in the second folder."""
    from partnerkeuze.core.fingerprint import criteria_hash
    from partnerkeuze.io.anchor import current, write_receipt

    if run.workbook_path is None:
        out.warnings.append("de werkmap is nog niet bewaard: er is geen ontvangstbewijs naast "
                            "geschreven")
        return
    anchor = current(run.book.snapshot(), criteria_hash(run.model.criteria), stage,
                     decided_inputs=decided.inputs if decided else "",
                     decided_result=decided.result if decided else "")
    receipt = write_receipt(run.workbook_path, anchor, copy_dir)
    out.anchored = True
    out.messages.append(f"Ontvangstbewijs bijgewerkt: {receipt.name}"
                        + (f", met een kopie in {copy_dir}" if copy_dir else "") + ".")
