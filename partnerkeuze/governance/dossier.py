"""What the dossier shows of the governance: criteria history, sensitivity, second round,
conflicts and the disagreement agenda."""

from __future__ import annotations

from partnerkeuze.model import Model
from partnerkeuze.snapshot import Snapshot


def dossier_context(model: Model, snapshot: Snapshot, result) -> dict:
    """The governance part of the dossier as plain values (Dutch text where it is read)."""
    from partnerkeuze.governance import conflicts, disagreement, freeze, logcheck, second_round
    from partnerkeuze.governance import sensitivity as sv
    from partnerkeuze.reference import CONFLICT

    history = [{"seq": f.seq, "when": f.when, "who": f.user, "hash": f.fingerprint,
                "reason": f.reason, "changes": f.changes} for f in freeze.history(snapshot)]
    changed = [str(p) for p in freeze.change_problems(model, snapshot)]
    sens = sv.analyse(model, result)
    names = {c.id: c.name for c in model.candidates}
    ass_names = {a.id: a.name for a in model.assessors}
    declared = []
    for rec in model.tables.get("conflicts", []):
        if rec.get("declaration") == CONFLICT:
            declared.append({"assessor": rec["assessor"],
                             "assessor_name": ass_names.get(rec["assessor"], ""),
                             "candidate": rec["candidate"],
                             "name": names.get(rec["candidate"], ""),
                             "declared_on": rec.get("declared_on"), "note": rec.get("note") or ""})
    d = disagreement.analyse(model, result)
    head = logcheck.head(snapshot)
    return {
        "log": {"entries": head[0] if head else 0, "link": head[1] if head else "",
                "problems": [str(p) for p in logcheck.log_problems(snapshot)]},
        "criteria_history": history,
        "criteria_status": {"text": freeze.status_text(model), "changed": changed,
                            "frozen": bool(history) and not changed},
        "sensitivity": {
            "sentences": sv.sentences(model, result, sens),
            "stability": sv.stability_rows(model, sens),
            "samples": sens.samples, "seed": sens.seed, "spread": sens.spread,
            "warnings": list(sens.warnings),
        },
        "second_round": second_round.context(model, result),
        "conflicts": {"declared": declared,
                      "notes": conflicts.candidate_notes(model),
                      "warnings": conflicts.warnings(model)},
        "disagreement": [
            {"candidate": it["candidate"], "name": it["name"], "criterion": it["criterion"],
             "criterion_name": it["criterion_name"], "spread": it["spread"],
             "scores": it["scores"], "outliers": it["outliers"],
             "shortlisted": it["shortlisted"]}
            for it in d.agenda],
    }
