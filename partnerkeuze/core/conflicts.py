"""Conflicts of interest: which assessor's scores count for which candidate.

Rule: every assessor is expected to score every candidate unless recused by a declared
'conflict'. An assessor's scores for a candidate count only when that assessor declared 'geen
conflict' for that candidate and declared no 'conflict' for it. A declared conflict excludes
the scores; without a declaration the scores are kept out until declared and the candidate stays
incomplete (a missing declaration is a problem, never a silent drop-out of the panel).
"""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import Problem
from partnerkeuze.kernel.model import Model
from partnerkeuze.kernel.reference import CONFLICT, NO_CONFLICT


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


def counted_matrix(model: Model) -> list[list[bool]]:
    """counted[i][a]: True when assessor a's scores count for candidate i (nested lists;
    ``numpy.array(counted, dtype=bool)`` where an array is needed)."""
    cleared = cleared_pairs(model)
    return [[(a.id, c.id) in cleared for a in model.assessors] for c in model.candidates]


def expected_matrix(model: Model) -> list[list[bool]]:
    """expected[i][a]: True unless assessor a declared a conflict for candidate i (the panel)."""
    conflicted = conflicted_pairs(model)
    return [[(a.id, c.id) not in conflicted for a in model.assessors] for c in model.candidates]


def counted_scores(model: Model) -> list:
    """The scores that count: those of an assessor cleared for that candidate."""
    cleared = cleared_pairs(model)
    return [s for s in model.scores if (s.assessor, s.candidate) in cleared]


def panel_started(model: Model) -> set[str]:
    """Ids of the assessors who declared or scored anything (their panel work has begun)."""
    out = {s.assessor for s in model.scores if s.score is not None}
    out |= {a for a, _ in declarations(model)}
    return out


def missing_declarations(model: Model) -> list[tuple[str, str]]:
    """(assessor id, candidate id) without any declaration, for assessors whose work began."""
    decl = declarations(model)
    started = panel_started(model)
    return [(a.id, c.id) for a in model.assessors if a.id in started
            for c in model.candidates if not decl.get((a.id, c.id))]


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
    started = panel_started(model)
    for c in model.candidates:
        conflicted = [a.id for a in model.assessors if CONFLICT in decl.get((a.id, c.id), ())]
        undeclared = [a.id for a in model.assessors if not decl.get((a.id, c.id))
                      and (scored.get((a.id, c.id)) or a.id in started)]
        if conflicted:
            notes.setdefault(c.id, []).append(
                f"belangenconflict verklaard door {', '.join(conflicted)}: die scores tellen niet mee")
        if undeclared:
            notes.setdefault(c.id, []).append(
                f"geen verklaring over belangenconflicten van {', '.join(undeclared)}: de "
                f"kandidaat blijft onvolledig tot de verklaring en de scores er zijn")
    return notes


def warnings(model: Model) -> list[str]:
    """Dutch warnings: candidates left incomplete because an assessor has not declared (grouped
    per assessor)."""
    gaps: dict[str, list[str]] = {}
    for a_id, c_id in missing_declarations(model):
        gaps.setdefault(a_id, []).append(c_id)
    scored = scored_pairs(model)
    decl = declarations(model)
    listed = {(a_id, c_id) for a_id, ids in gaps.items() for c_id in ids}
    for a in model.assessors:  # scores given without any declaration at all
        for c in model.candidates:
            if scored.get((a.id, c.id)) and not decl.get((a.id, c.id)) \
                    and (a.id, c.id) not in listed:
                gaps.setdefault(a.id, []).append(c.id)
    out = []
    for a in model.assessors:
        missing = gaps.get(a.id, [])
        if missing:
            shown = ", ".join(missing[:12]) + (f" en {len(missing) - 12} meer" if len(missing) > 12 else "")
            sheet = layout.sheet("conflicts").name
            out.append(f"{a.id} ({a.name}) heeft voor {shown} nog geen verklaring over "
                       f"belangenconflicten op het blad {sheet}; elke beoordelaar scoort elke "
                       f"kandidaat tenzij een verklaard conflict, dus die kandidaten blijven "
                       f"onvolledig tot de verklaring en de scores er zijn.")
    return out


# The commands that go on while the intake is in progress: they send the call and its forms,
# bring declarations, forms and scores in, remind who still has to answer, and plan; what
# concludes (score, the dossier, letters, a decision) waits.
IN_PROGRESS = ("questionnaire", "forms", "import", "assessor-forms", "merge", "remind", "plan",
               "calendar")


def panel_problems(model: Model) -> list[Problem]:
    """A problem per assessor (whose work began) without a declaration for some candidates."""
    sheet = layout.sheet("conflicts").name
    t = layout.table("conflicts")
    rows = [r["_row"] for r in model.tables.get("conflicts", []) if "_row" in r]
    where = place(sheet, t.first_col, (max(rows) + 1) if rows else t.first_data_row)
    gaps: dict[str, list[str]] = {}
    for a_id, c_id in missing_declarations(model):
        gaps.setdefault(a_id, []).append(c_id)
    out = []
    for a_id, cands in gaps.items():
        shown = ", ".join(cands[:12]) + (f" en {len(cands) - 12} meer" if len(cands) > 12 else "")
        out.append(Problem(where, f"{a_id} heeft geen verklaring (conflict of geen conflict) "
                                  f"voor {shown}: elke beoordelaar scoort elke kandidaat, tenzij "
                                  f"een verklaard belangenconflict; vul de verklaring in",
                           allows=IN_PROGRESS))
    return out


def problems(model: Model) -> list[Problem]:
    """Declarations naming an unknown assessor or candidate, contradicting each other, or
    missing for an assessor whose work began."""
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
    return out + panel_problems(model)
