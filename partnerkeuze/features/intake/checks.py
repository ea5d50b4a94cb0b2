"""Checks of the intake sheets for 'check': answers must belong to a known candidate and criterion."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.core.conflicts import IN_PROGRESS  # a late candidacy waits; the intake goes on
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import Problem


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


LATE_ACCEPTED = "te laat aanvaard"


def late_candidacies(model, snap) -> list[Problem]:
    """A problem for every candidacy received after the call's deadline (and its extension)
    that nobody decided on yet: accepted ('te laat aanvaard: …' in Opmerking) or withdrawn."""
    from partnerkeuze.kernel import reference
    from partnerkeuze.record.procedure.deadline import call_deadline_of, is_late

    deadline = call_deadline_of(snap, model)
    if deadline is None or "candidates" not in layout.TABLES:
        return []
    t = layout.table("candidates")
    sheet = layout.TABLE_SHEET["candidates"].name
    problems = []
    for c in model.candidates:
        received = c.received.date() if hasattr(c.received, "date") else c.received
        if not is_late(received, deadline) or c.status == reference.WITHDRAWN \
                or LATE_ACCEPTED in (c.note or "").casefold():
            continue
        problems.append(Problem(
            place(sheet, t.first_col + t.index("received"), c.row),
            f"de kandidatuur van {c.id} {c.name} kwam binnen op {received:%d/%m/%Y}, na de "
            f"deadline {deadline:%d/%m/%Y} (verlenging inbegrepen): beslis of ze meetelt en "
            f"noteer het in Opmerking ('{LATE_ACCEPTED}: reden') of zet de status op "
            f"{reference.WITHDRAWN}", allows=IN_PROGRESS))
    return problems
