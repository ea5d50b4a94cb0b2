"""Governance work behind commands and ribbon buttons: fix the criteria, run the sensitivity.
Both run behind the gate of the pipeline."""

from __future__ import annotations

from partnerkeuze.kernel.wording import nl_general

from partnerkeuze.core.fingerprint import criteria_hash
from partnerkeuze.io import audit
from partnerkeuze.io.xlsx.cells import clean_text
from partnerkeuze.kernel.errors import InputProblems, Problem
from partnerkeuze.kernel.port import Outcome, Run

RECEIPT_ACTION = "receipt"  # the log entry of a receipt begun again (the criteria unchanged)


def freeze(run: Run) -> Outcome:
    """Fix criteria, weights, scales and knock-outs: fingerprint, date and user in the workbook
    (Instellingen, Criteriahistoriek), the log and the receipt beside the workbook. Changing a
    fixed set needs a reason (option ``reason``)."""
    from partnerkeuze import layout
    from partnerkeuze.record.governance import freeze as fz

    snap, model, book = run.snap, run.model, run.book
    reason = run.option("reason")
    reason = clean_text((reason or "").strip())[:fz.REASON_MAX]
    now_hash = criteria_hash(model.criteria)
    last = fz.current_fixed(snap)
    out = Outcome()
    restart = _lost_receipt(run, reason)
    if last and last.fingerprint == now_hash and model.settings.frozen_hash == now_hash:
        out.messages.append(f"De criteria zijn al vastgelegd op {last.when} door {last.user} "
                            f"(vingerafdruk {now_hash[:12]}); "
                            + ("aan de criteria is niets gewijzigd." if restart
                               else "er is niets gewijzigd."))
        out.data = {"criteria_hash": now_hash, "frozen": True, "changed": False}
        if restart:
            from partnerkeuze.io.anchor import log_note

            book.apply(audit.entry_patch(snap, RECEIPT_ACTION, f"nieuw ontvangstbewijs; "
                                         f"{log_note(run.workbook_path, restart)}"))
            out.changed = True
            out.messages.append(f"Het ontvangstbewijs dat het logboek noemde, ontbrak: een nieuw "
                                f"begint bij nr 1 (reden in het logboek: {restart}).")
        _receipt(run, now_hash, out)
        return out
    if last and not reason:
        diffs = fz.differences(last.criteria, model) if last.criteria else []
        what = "; ".join(m for _, m in diffs[:8]) or "de vingerafdruk verschilt"
        raise InputProblems([Problem(layout.sheet("criteria").name,
                                     f"de criteria werden al vastgelegd op {last.when} door "
                                     f"{last.user} en zijn sindsdien gewijzigd ({what}); geef de "
                                     f"reden van de wijziging: partnerkeuze freeze PAD --reason "
                                     f"\"…\" (knop 'Criteria vastleggen' vraagt ze)")])
    if last:
        from partnerkeuze.record.governance.refreeze import note

        diffs = fz.differences(last.criteria, model) if last.criteria else []
        changes = "; ".join(m for _, m in diffs) or "vingerafdruk hersteld"
        after_scores = note(model, last.criteria)
        if after_scores:
            changes = f"{after_scores}; {changes}"
    else:
        changes = f"eerste vastlegging: {len(model.criteria)} criteria"
    user, when = audit.current_user(), audit.now()
    patch = fz.settings_cells(model, {"frozen_hash": now_hash, "frozen_at": when,
                                      "frozen_by": user})
    patch.append_rows("criteria_history",
                      [fz.history_row(snap, model, reason, changes[:2000], user=user, when=when)])
    from partnerkeuze.io.anchor import log_note

    note = f"{log_note(run.workbook_path, restart)}; " if run.workbook_path is not None else ""
    details = (f"criteria vastgelegd; vingerafdruk {now_hash[:16]}; {note}{changes}"
               + (f"; reden: {reason}" if reason else ""))
    patch.merge(audit.entry_patch(snap, "freeze", details, user=user, when=when))
    run.progress("Vastleggen…")
    book.apply(patch)
    out.changed = True
    out.data = {"criteria_hash": now_hash, "frozen": True, "changed": bool(last),
                "frozen_at": when, "frozen_by": user, "reason": reason}
    _receipt(run, now_hash, out)
    verb = "opnieuw vastgelegd" if last else "vastgelegd"
    out.messages.append(f"Criteria {verb} op {when} door {user}: vingerafdruk {now_hash[:12]}"
                        + (f" (reden: {reason})" if reason else "") + ".")
    if last:
        out.messages.append(f"Wijzigingen: {changes}.")
    return out


def _lost_receipt(run: Run, reason: str) -> str:
    """The reason to begin a new receipt when the one the log named is lost ('' when the
    receipt beside the workbook is what the log says); InputProblems while a receipt that is
    not the logged one still lies there, or without a reason."""
    from partnerkeuze.io.anchor import receipt_path, receipt_problems_at

    if run.workbook_path is None or not receipt_problems_at(run.workbook_path, run.snap):
        return ""
    receipt = receipt_path(run.workbook_path)
    if receipt.exists():
        raise InputProblems([Problem(receipt.name, "dit ontvangstbewijs is niet wat het logboek "
                                                   "schreef; zet het juiste terug, of verplaats "
                                                   "dit bestand (bewaar het) en begin dan een "
                                                   "nieuw met partnerkeuze freeze PAD --reason "
                                                   "\"…\"")])
    if not reason:
        raise InputProblems([Problem(receipt.name, "het ontvangstbewijs dat het logboek noemt, "
                                                   "ontbreekt; zet het terug, of begin een nieuw "
                                                   "en zeg waarom: partnerkeuze freeze PAD "
                                                   "--reason \"…\" (dat komt in het logboek)")])
    return reason


def _receipt(run: Run, fingerprint: str, out: Outcome) -> None:
    """Write the receipt of the fixed criteria beside the workbook (the anchor outside it)."""
    from partnerkeuze.io.anchor import copy_folder, current, write_receipt

    if run.workbook_path is None:
        out.warnings.append("de werkmap is nog niet bewaard: er is geen ontvangstbewijs naast "
                            "geschreven; bewaar ze en leg de criteria opnieuw vast")
        return
    copy_dir = copy_folder(run.model, run.base_dir)
    anchor = current(run.book.snapshot(), fingerprint, "freeze")
    receipt = write_receipt(run.workbook_path, anchor, copy_dir)
    out.anchored = True
    out.messages.append(f"Ontvangstbewijs geschreven: {receipt.name} (bewaar het buiten de "
                        f"werkmap)" + (f", met een kopie in {copy_dir}" if copy_dir else "")
                        + ".")
    out.data["receipt"] = str(receipt)


def sensitivity(run: Run) -> Outcome:
    """Stability intervals of the weights and rank acceptability, written to the Gevoeligheid
    sheet in plain Dutch, with a log entry."""
    from partnerkeuze.core import sensitivity as sv
    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.record.governance.hooks import sensitivity_patch

    snap, model = run.snap, run.model
    result = evaluate(model)
    run.progress("Aannemelijke wegingen trekken…")
    sens = sv.analyse(model, result)
    patch = sensitivity_patch(model, snap, result)
    lines = [r["sentence"] for r in sv.stability_rows(model, sens)]
    said = sv.sentences(model, result, sens)
    patch.merge(audit.entry_patch(snap, "sensitivity",
                                  f"{sens.samples} wegingen, startgetal {sens.seed}, afwijking "
                                  f"{nl_general(sens.spread)}; " + " ".join(said[:5])))
    run.book.apply(patch)
    out = Outcome(changed=True, warnings=list(sens.warnings))
    out.messages.extend(said)
    out.messages.extend(lines)
    out.data = {"stability": {k: [lo, hi] for k, (lo, hi) in sens.stability.items()},
                "acceptability": sens.acceptability, "samples": sens.samples, "seed": sens.seed}
    return out
