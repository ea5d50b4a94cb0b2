"""What the dossier shows of the governance: criteria history, sensitivity, second round,
conflicts and the disagreement agenda."""

from __future__ import annotations

from partnerkeuze.kernel.model import Model
from partnerkeuze.kernel.snapshot import Snapshot


def dossier_context(model: Model, snapshot: Snapshot, result) -> dict:
    """The governance part of the dossier as plain values (Dutch text where it is read)."""
    from partnerkeuze.core import conflicts, disagreement
    from partnerkeuze.record.governance import freeze, second_round
    from partnerkeuze.io import logcheck
    from partnerkeuze.core import sensitivity as sv
    from partnerkeuze.kernel.reference import CONFLICT

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
    from partnerkeuze.core.fingerprint import criteria_hash
    from partnerkeuze.io import anchor
    from partnerkeuze.record.governance import refreeze
    return {
        "log": {"entries": head[0] if head else 0, "link": head[1] if head else "",
                "problems": [str(p) for p in logcheck.log_problems(snapshot)]},
        "criteria_history": history,
        "anchor": {"text": anchor.text(anchor.current(snapshot, criteria_hash(model.criteria)))},
        "criteria_refrozen": [refreeze.sentence(r) for r in refreeze.refreezes(snapshot)],
        "criteria_status": {"text": freeze.status_text(model), "changed": changed,
                            "frozen": bool(history) and not changed},
        "sensitivity": {
            "sentences": sv.sentences(model, result, sens),
            "stability": sv.stability_rows(model, sens),
            "samples": sens.samples, "seed": sens.seed, "spread": sens.spread,
            "precision": sens.precision, "vary_scores": sens.vary_scores,
            "ranks": [dict(r, first_text=sv.percent(r["first"]) + " "
                           + sv.error_text(r["first_se"]).replace(" procentpunt", ""),
                           shortlist_text=sv.percent(r["shortlist"]) + " "
                           + sv.error_text(r["shortlist_se"]).replace(" procentpunt", ""))
                      for r in sv.rank_rows(result, sens)],
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


def _number(v: float) -> str:
    return f"{v:g}".replace(".", ",")


def dossier_provider(model: Model, snapshot: Snapshot, result) -> dict:
    """The governance keys in the shape the dossier template renders (documents.dossier
    DOSSIER_PROVIDERS): second_round rows with a summary per candidate, final_order as ids and
    dissent as text; conflicts and disagreement as Dutch lines; None where there is nothing."""
    ctx = dossier_context(model, snapshot, result)
    out: dict = {"criteria_history": ctx["criteria_history"] or None,
                 "anchor": ctx["anchor"],
                 "criteria_refrozen": ctx["criteria_refrozen"] or None}
    sens = ctx["sensitivity"]
    out["sensitivity"] = sens if sens["sentences"] or sens["stability"] else None
    sr = ctx["second_round"]
    if sr:
        positions = {r["candidate"]: r for r in sr["final_order"]}
        order = [r["candidate"] for r in sr["final_order"]] + \
            [c for c in result.shortlist if c not in positions]
        names = {c.id: c.name for c in model.candidates}
        rows = []
        for cid in order + sorted({r["candidate"] for r in sr["rows"]} - set(order)):
            parts = [f"{r['question']}: {r['judgement'] or 'geen oordeel'} "
                     f"({r['argument'].rstrip('. ')})"
                     for r in sr["rows"] if r["candidate"] == cid]
            if cid in positions:
                parts.append(f"plaats {positions[cid]['position']} in het consensusoverleg: "
                             f"{positions[cid]['argument'].rstrip('. ')}")
            if parts:
                rows.append({"id": cid, "name": f"{names.get(cid, cid)} ({cid})",
                             "summary": "; ".join(parts) + "."})
        dissent = " ".join(f"{d['by']} over {d['name']} ({d['candidate']}, plaats "
                           f"{positions[d['candidate']]['position']}): {d['text']}"
                           for d in sr["dissent"])
        out["second_round"] = {"rows": rows, "final_order": [r["candidate"]
                                                             for r in sr["final_order"]],
                               "dissent": dissent, "complete": sr["complete"],
                               "details": sr}
    else:
        out["second_round"] = None
    lines = [f"{d['assessor_name']} ({d['assessor']}) verklaarde een belangenconflict voor "
             f"{d['name']} ({d['candidate']})"
             + (f": {d['note'].rstrip().rstrip('.')}" if d["note"] else "")
             + f". Die scores voor {d['name']} tellen niet mee."
             for d in ctx["conflicts"]["declared"]]
    lines += ctx["conflicts"]["warnings"]
    out["conflicts"] = lines or None
    from partnerkeuze.core.disagreement import outliers_text

    dis = []
    for it in ctx["disagreement"]:
        scores = ", ".join(f"{a} {_number(v)}" for a, v in it["scores"].items())
        extra = outliers_text(it)
        dis.append(f"{it['name']} ({it['candidate']}), {it['criterion']} {it['criterion_name']}: "
                   f"scores {scores}, spreiding {_number(it['spread'])} punten"
                   + (f"; {extra}" if extra else "") + ".")
    out["disagreement"] = dis or None
    return out
