"""Checks of the intake sheets for 'check': answers must belong to a known candidate and criterion."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.cellref import place
from partnerkeuze.errors import Problem


def answers_refer_to_known(model, snap) -> list[Problem]:
    """A problem for every answer row whose candidate or criterion does not exist."""
    if "answers" not in layout.TABLES:
        return []
    t = layout.table("answers")
    sheet = layout.TABLE_SHEET["answers"].name
    known = {"candidate": ({c.id for c in model.candidates}, "kandidaat", "Kandidaten"),
             "criterion": ({c.id for c in model.criteria}, "criterium", "Criteria")}
    problems = []
    for rec in model.tables.get("answers", []):
        for key, (ids, label, where) in known.items():
            value = rec.get(key)
            if value is not None and value not in ids:
                problems.append(Problem(place(sheet, t.first_col + t.index(key), rec["_row"]),
                                        f"{label} '{value}' bestaat niet op het blad {where}"))
    return problems
