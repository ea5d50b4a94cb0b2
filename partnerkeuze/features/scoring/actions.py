"""What ``check`` says of a sound workbook, and ``score``: scores, ranks and shortlist written
into the workbook. Both run behind the gate of the pipeline (app/pipeline.py): they never see a
workbook with problems."""

from __future__ import annotations

from partnerkeuze.kernel.wording import nl_number

from partnerkeuze import layout
from partnerkeuze.core.assessment import evaluate, score_summary
from partnerkeuze.core.results import results_patch
from partnerkeuze.io import audit
from partnerkeuze.kernel.port import Outcome, Run


def check(run: Run) -> Outcome:
    """The counts of a workbook that passed the gate, and what is worth knowing (warnings)."""
    from partnerkeuze.record.governance.refreeze import warnings as refreeze_warnings

    model = run.model
    result = evaluate(model)
    out = Outcome(warnings=list(result.warnings) + refreeze_warnings(run.snap) + run.warnings)
    out.messages.append(
        f"In orde: {len(model.criteria)} criteria, {len(model.candidates)} kandidaten, "
        f"{len(model.assessors)} beoordelaars, {len(model.scores)} scores.")
    against = run.option("against")
    if against:
        from partnerkeuze.core.fingerprint import criteria_hash
        from partnerkeuze.io.anchor import report

        out.messages.extend(report(run.snap, list(against), criteria_hash(model.criteria)))
    return out


def score(run: Run) -> Outcome:
    """Compute scores, ranks and shortlist and write them into the workbook with a log entry
    (and the governance sheets: consensus agenda, heat map, sensitivity, second round)."""
    from partnerkeuze.record.governance.hooks import score_patch
    from partnerkeuze.record.procedure import read_record

    model, snap = run.model, run.snap
    run.progress("Scores berekenen…")
    result = evaluate(model)
    patch = results_patch(model, result, snap.row_count(layout.sheet("score_table").name))
    patch.merge(score_patch(model, snap, result))
    summary = score_summary(model, result)
    record = read_record(snap)
    summary["procedure"] = procedure_summary(snap, model, record)
    n_short = len(result.shortlist)
    details = (f"{len(model.candidates)} kandidaten gescoord; shortlist: "
               f"{', '.join(result.shortlist) or '(geen)'}; criteria {summary['criteria_hash'][:12]}")
    patch.merge(audit.entry_patch(snap, "score", details))
    run.progress("Resultaten schrijven…")
    run.book.apply(patch)
    out = Outcome(data=summary, warnings=list(result.warnings), changed=True)
    out.messages.append(f"{len(model.candidates)} kandidaten gescoord; {n_short} op de shortlist: "
                        + ", ".join(f"{c.id} {c.name} ({nl_number(c.score, 2)})" for c in result.candidates
                                    if c.shortlisted))
    return out


def procedure_summary(snap, model, record) -> dict:
    """The "procedure" object of ``score --json``: the furthest stage, the partner the college
    chose, the fingerprint of the inputs of the newest decision (or None) and every change
    since it ([{"sheet", "row", "what"}], empty when nothing changed)."""
    from partnerkeuze import layout
    from partnerkeuze.record.procedure.binding import changes_since, reopened_entries
    from partnerkeuze.record.procedure.decided import decided_result

    decided = decided_result(snap)
    changed = [c.as_json() for c in changes_since(snap, model.settings.mode)] if decided else []
    if decided:  # a stage the decision follows, recorded again after it
        changed += [{"sheet": layout.sheet("procedure").name, "row": e.row,
                     "what": f"'{e.stage_name}' (Nr {e.seq}) vastgelegd na de beslissing"}
                    for e in reopened_entries(snap)]
    return {"stage": record.stage, "chosen": record.chosen,
            "decided_inputs": decided.inputs if decided else None,
            "changed_since_decision": changed}
