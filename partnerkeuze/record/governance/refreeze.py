"""A fixing of the criteria after scores are known: recorded as such (who, when, reason, the
shortlist before and after), warned about by ``check`` and ``score`` and shown in the dossier.
Changing weights once the scores are known is the classic way to steer a weighted sum."""

from __future__ import annotations

import re

from partnerkeuze.kernel.model import Criterion, Model
from partnerkeuze.kernel.snapshot import Snapshot

MARK = "VASTGELEGD NA HET SCOREN"
_DETAIL = re.compile(MARK + r" \((\d+) scores bekend\); shortlist vóór: ([^;]*); na: ([^;]*)")


def scores_known(model: Model) -> int:
    """How many scores the workbook holds (a fixing now comes after scores are known)."""
    return sum(1 for s in model.scores if s.score is not None)


def criteria_from(fixed: list[dict], model: Model) -> list[Criterion]:
    """Criteria objects for a fixed canonical set (names, weights, scales as fixed then)."""
    now = {c.id: c for c in model.criteria}
    out = []
    for d in fixed:
        if not isinstance(d, dict) or "id" not in d:
            continue
        scale = d.get("scale") or [0, 5]
        base = now.get(d["id"]) or Criterion(d["id"], d.get("name", ""), 0.0, 0.0, 1.0)
        out.append(base.replace(name=d.get("name", base.name),
                                weight=float(d.get("weight") or 0),
                                scale_min=float(scale[0]), scale_max=float(scale[1]),
                                kind=d.get("kind", base.kind), threshold=d.get("threshold")))
    return out


def shortlist_text(ids: list[str]) -> str:
    """Ids joined for the record, '(geen)' when empty."""
    return ", ".join(ids) or "(geen)"


def note(model: Model, fixed_before: list[dict]) -> str:
    """The record of a fixing after scores are known ('' when no scores are known yet): how many
    scores, the shortlist under the criteria fixed before and under the new ones."""
    from partnerkeuze.core.assessment import evaluate

    known = scores_known(model)
    if not known or not fixed_before:
        return ""
    before = evaluate(model.replace(criteria=criteria_from(fixed_before, model)))
    after = evaluate(model)
    return (f"{MARK} ({known} scores bekend); shortlist vóór: {shortlist_text(before.shortlist)}; "
            f"na: {shortlist_text(after.shortlist)}")


def refreezes(snap: Snapshot) -> list[dict]:
    """Every fixing of the history made after scores were known, with its details."""
    from partnerkeuze.record.governance.freeze import history

    out = []
    for f in history(snap):
        m = _DETAIL.search(f.changes)
        if m:
            out.append({"seq": f.seq, "when": f.when, "who": f.user, "reason": f.reason,
                        "scores": int(m.group(1)), "before": m.group(2), "after": m.group(3)})
    return out


def sentence(r: dict) -> str:
    """One Dutch sentence on a fixing after the scores were known."""
    from partnerkeuze.io.docx.render import format_moment

    same = r["before"] == r["after"]
    when = format_moment(str(r["when"]), "nl_BE")
    return (f"De criteria werden opnieuw vastgelegd nadat de scores bekend waren ({r['scores']} "
            f"scores): op {when} door {r['who']}, met als reden '{r['reason'] or '(geen)'}'. "
            f"Shortlist vóór: {r['before']}; erna: {r['after']}"
            + (" (ongewijzigd)." if same else " (gewijzigd)."))


def warnings(snap: Snapshot) -> list[str]:
    """Warnings for ``check`` and ``score``."""
    return [sentence(r) + " Ga na of deze wijziging verantwoord is vóór de beslissing."
            for r in refreezes(snap)]
