"""Declared conflicts of interest: which assessor may not score which candidate."""

from __future__ import annotations

from partnerkeuze import reference


def conflicted_pairs(model) -> set[tuple[str, str]]:
    """(assessor, candidate) pairs with a declared conflict (governance's rule when available)."""
    try:
        from partnerkeuze.governance.conflicts import conflicted_pairs as governed
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
