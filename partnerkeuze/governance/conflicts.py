"""Conflicts of interest: which assessor's scores count for which candidate.

Rule: an assessor's scores for a candidate count only when that assessor declared 'geen
conflict' for that candidate and declared no 'conflict' for it. A declared conflict excludes
the scores; without a declaration the scores are flagged and kept out until declared.
"""

from __future__ import annotations

import numpy as np

from partnerkeuze import layout
from partnerkeuze.cellref import place
from partnerkeuze.errors import Problem
from partnerkeuze.model import Model
from partnerkeuze.reference import CONFLICT, NO_CONFLICT


def declarations(model: Model) -> dict[tuple[str, str], set[str]]:
    """(assessor id, candidate id) -> the set of declarations made for that pair."""
    out: dict[tuple[str, str], set[str]] = {}
    for rec in model.tables.get("conflicts", []):
        a, c, d = rec.get("assessor"), rec.get("candidate"), rec.get("declaration")
        if a and c and d:
            out.setdefault((a, c), set()).add(d)
    return out


def conflicted_pairs(model: Model) -> set[tuple[str, str]]:
    """(assessor id, candidate id) for every declared conflict of interest."""
    return {pair for pair, decl in declarations(model).items() if CONFLICT in decl}


def cleared_pairs(model: Model) -> set[tuple[str, str]]:
    """(assessor id, candidate id) whose scores count: 'geen conflict' and no 'conflict'."""
    return {pair for pair, decl in declarations(model).items()
            if NO_CONFLICT in decl and CONFLICT not in decl}


def counted_matrix(model: Model) -> np.ndarray:
    """counted[i, a]: True when assessor a's scores count for candidate i."""
    cleared = cleared_pairs(model)
    return np.array([[(a.id, c.id) in cleared for a in model.assessors]
                     for c in model.candidates], dtype=bool).reshape(
        len(model.candidates), len(model.assessors))


def scored_pairs(model: Model) -> dict[tuple[str, str], int]:
    """(assessor id, candidate id) -> how many scores that assessor gave that candidate."""
    out: dict[tuple[str, str], int] = {}
    for s in model.scores:
        if s.score is not None:
            out[(s.assessor, s.candidate)] = out.get((s.assessor, s.candidate), 0) + 1
    return out


def candidate_notes(model: Model) -> dict[str, list[str]]:
    """Per candidate id, Dutch notes on scores left out for a conflict or a missing declaration."""
    decl = declarations(model)
    scored = scored_pairs(model)
    notes: dict[str, list[str]] = {}
    for c in model.candidates:
        conflicted = [a.id for a in model.assessors if CONFLICT in decl.get((a.id, c.id), ())]
        undeclared = [a.id for a in model.assessors if not decl.get((a.id, c.id))
                      and scored.get((a.id, c.id))]
        if conflicted:
            notes.setdefault(c.id, []).append(
                f"belangenconflict verklaard door {', '.join(conflicted)}: die scores tellen niet mee")
        if undeclared:
            notes.setdefault(c.id, []).append(
                f"geen verklaring over belangenconflicten van {', '.join(undeclared)}: die scores "
                f"tellen niet mee tot de verklaring er is")
    return notes


def warnings(model: Model) -> list[str]:
    """Dutch warnings: scores kept out because their assessor has not declared (grouped per assessor)."""
    decl = declarations(model)
    scored = scored_pairs(model)
    out = []
    for a in model.assessors:
        missing = [c.id for c in model.candidates
                   if scored.get((a.id, c.id)) and not decl.get((a.id, c.id))]
        if missing:
            shown = ", ".join(missing[:12]) + (f" en {len(missing) - 12} meer" if len(missing) > 12 else "")
            sheet = layout.sheet("conflicts").name
            out.append(f"{a.id} ({a.name}) heeft voor {shown} nog geen verklaring over "
                       f"belangenconflicten op het blad {sheet}; die scores tellen niet mee tot "
                       f"de verklaring er is.")
    return out


def problems(model: Model) -> list[Problem]:
    """Declarations naming an unknown assessor or candidate, or contradicting each other."""
    sheet = layout.sheet("conflicts").name
    t = layout.table("conflicts")
    known = {"assessor": {a.id for a in model.assessors},
             "candidate": {c.id for c in model.candidates}}
    label = {"assessor": ("beoordelaar", "Beoordelaars"), "candidate": ("kandidaat", "Kandidaten")}
    out: list[Problem] = []
    first: dict[tuple[str, str], tuple[str, int]] = {}
    for rec in model.tables.get("conflicts", []):
        row = rec["_row"]
        for key in ("assessor", "candidate"):
            value = rec.get(key)
            if value is not None and value not in known[key]:
                out.append(Problem(place(sheet, t.first_col + t.index(key), row),
                                   f"{label[key][0]} '{value}' bestaat niet op het blad "
                                   f"{label[key][1]}"))
        pair = (rec.get("assessor"), rec.get("candidate"))
        d = rec.get("declaration")
        if None in pair or d is None:
            continue
        if pair in first and first[pair][0] != d:
            out.append(Problem(place(sheet, t.first_col + t.index("declaration"), row),
                               f"{pair[0]} verklaarde voor {pair[1]} al '{first[pair][0]}' in rij "
                               f"{first[pair][1]}; een verklaring kan niet beide zijn (het "
                               f"conflict geldt tot dit rechtgezet is)"))
        first.setdefault(pair, (d, row))
    return out
