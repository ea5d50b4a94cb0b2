"""Declared conflicts of interest: which assessor may not score which candidate."""

from __future__ import annotations

from partnerkeuze.kernel import reference


def conflicted_pairs(model) -> set[tuple[str, str]]:
    """(assessor, candidate) pairs with a declared conflict (governance's rule when available)."""
    try:
        from partnerkeuze.core.conflicts import conflicted_pairs as governed
    except ImportError:
        governed = None
    if governed is not None:
        return set(governed(model))
    return declared_conflicts(model)


def declared_conflicts(model) -> set[tuple[str, str]]:
    """Rows of the Belangenconflicten sheet whose declaration is 'conflict'."""
    out = set()
    for rec in model.tables.get("conflicts", []):
        if rec.get("declaration") == reference.CONFLICT and rec.get("assessor") \
                and rec.get("candidate"):
            out.add((rec["assessor"], rec["candidate"]))
    return out


def blockers(model) -> dict[str, list[str]]:
    """Per candidate, in Dutch, what still keeps it or some of its scores out: assessors without
    a declaration (their scores do not count), missing scores (per assessor)."""
    from partnerkeuze.core.assessment import evaluate

    try:
        from partnerkeuze.core.conflicts import declarations
    except ImportError:
        declarations = None
    decl = declarations(model) if declarations else {}
    result = evaluate(model)
    by_id = {c.id: c for c in result.candidates}
    out: dict[str, list[str]] = {}
    for cand in model.candidates:
        if cand.status == reference.WITHDRAWN or cand.id not in by_id:
            continue
        res = by_id[cand.id]
        reasons = []
        if declarations:
            undeclared = [a.id for a in model.assessors if not decl.get((a.id, cand.id))]
            if undeclared:
                reasons.append("geen verklaring over belangenconflicten van "
                               + ", ".join(undeclared))
        missing: dict[str, list[str]] = {}
        for crit, aid in res.missing:
            missing.setdefault(aid, []).append(crit)
        if missing:
            reasons.append("scores ontbreken van " + "; ".join(
                f"{aid} ({', '.join(crits[:9])}{' …' if len(crits) > 9 else ''})"
                for aid, crits in sorted(missing.items())))
        if reasons:
            out[cand.id] = reasons
    return out


def counts(model, candidate_id: str) -> bool:
    """True when a candidate has a complete score (it counts in the ranking)."""
    from partnerkeuze.core.assessment import evaluate

    res = next((c for c in evaluate(model).candidates if c.id == candidate_id), None)
    return bool(res and res.complete)
