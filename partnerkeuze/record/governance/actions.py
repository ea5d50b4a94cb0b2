"""Governance actions behind commands and ribbon buttons: fix the criteria, run the sensitivity."""

from __future__ import annotations

from partnerkeuze.io import audit
from partnerkeuze.kernel.port import Outcome, Progress, WorkbookIO, no_progress
from partnerkeuze.core.fingerprint import criteria_hash
from partnerkeuze.kernel.errors import InputProblems, Problem
from partnerkeuze.io.xlsx.cells import clean_text


def freeze(book: WorkbookIO, reason: str | None = None, progress: Progress = no_progress) -> Outcome:
    """Fix criteria, weights, scales and knock-outs: fingerprint, date and user in the workbook
    (Instellingen, Criteriahistoriek) and the log. Changing a fixed set needs a reason."""
    from partnerkeuze import layout
    from partnerkeuze.record.governance import freeze as fz
    from partnerkeuze.core.parse import parse_lenient

    progress("Criteria lezen…")
    snap = book.snapshot()
    problems: list[Problem] = []
    model = parse_lenient(snap, problems)
    from partnerkeuze.app.modes import refuse_evaluation

    refuse_evaluation(model)
    relevant = {layout.sheet("criteria").name, layout.sheet("settings").name, "Werkmap"}
    problems = [p for p in problems if p.place.partition("!")[0] in relevant]
    if problems:  # only what makes the criteria invalid stops fixing them
        raise InputProblems(sorted(set(problems)))
    from partnerkeuze.record.governance.integrity import record_problems

    from partnerkeuze.record.governance.anchor import beside, verify

    broken = record_problems(model, snap) + verify(snap, beside(book))
    if broken:  # a new fixing on top of a broken record would hide the break
        raise InputProblems(broken)
    reason = clean_text((reason or "").strip())[:fz.REASON_MAX]
    now_hash = criteria_hash(model.criteria)
    last = fz.current_fixed(snap)
    out = Outcome()
    if last and last.fingerprint == now_hash and model.settings.frozen_hash == now_hash:
        out.messages.append(f"De criteria zijn al vastgelegd op {last.when} door {last.user} "
                            f"(vingerafdruk {now_hash[:12]}); er is niets gewijzigd.")
        out.data = {"criteria_hash": now_hash, "frozen": True, "changed": False}
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
    details = (f"criteria vastgelegd; vingerafdruk {now_hash[:16]}; {changes}"
               + (f"; reden: {reason}" if reason else ""))
    patch.merge(audit.entry_patch(snap, "freeze", details, user=user, when=when))
    progress("Vastleggen…")
    book.apply(patch)
    out.changed = True
    out.data = {"criteria_hash": now_hash, "frozen": True, "changed": bool(last),
                "frozen_at": when, "frozen_by": user, "reason": reason}
    verb = "opnieuw vastgelegd" if last else "vastgelegd"
    out.messages.append(f"Criteria {verb} op {when} door {user}: vingerafdruk {now_hash[:12]}"
                        + (f" (reden: {reason})" if reason else "") + ".")
    if last:
        out.messages.append(f"Wijzigingen: {changes}.")
    return out


def sensitivity(book: WorkbookIO, progress: Progress = no_progress) -> Outcome:
    """Stability intervals of the weights and rank acceptability, written to the Gevoeligheid
    sheet in plain Dutch, with a log entry."""
    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.core import sensitivity as sv
    from partnerkeuze.record.governance.hooks import before_score, sensitivity_patch
    from partnerkeuze.core.parse import parse

    progress("Werkmap lezen…")
    snap = book.snapshot()
    model = parse(snap)
    before_score(model, snap, book)
    result = evaluate(model)
    progress("Aannemelijke wegingen trekken…")
    sens = sv.analyse(model, result)
    patch = sensitivity_patch(model, snap, result)
    lines = [r["sentence"] for r in sv.stability_rows(model, sens)]
    said = sv.sentences(model, result, sens)
    patch.merge(audit.entry_patch(snap, "sensitivity",
                                  f"{sens.samples} wegingen, startgetal {sens.seed}, afwijking "
                                  f"{sens.spread:g}; " + " ".join(said[:5])))
    book.apply(patch)
    out = Outcome(changed=True, warnings=list(sens.warnings))
    out.messages.extend(said)
    out.messages.extend(lines)
    out.data = {"stability": {k: [lo, hi] for k, (lo, hi) in sens.stability.items()},
                "acceptability": sens.acceptability, "samples": sens.samples, "seed": sens.seed}
    return out
