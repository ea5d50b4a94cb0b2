"""The planning for the dossier: steps with their dates and bodies, and the Gantt picture."""

from __future__ import annotations

import datetime as dt


def dossier_context(model, snapshot, result, today: dt.date | None = None) -> dict:
    """{"planning": {"steps": [{id, name, start, end, body, status, meeting, submit_by}],
    "gantt_png": PNG bytes, "deadline"}} for the dossier (the plan ``plan`` writes: recorded
    stages done on their dates); empty steps and no picture when it cannot be computed."""
    from partnerkeuze.kernel.errors import InputProblems
    from partnerkeuze.features.planning.compute import compute_plan
    from partnerkeuze.features.planning.picture import gantt_png

    try:
        plan = compute_plan(model, today, snapshot)
    except InputProblems as exc:
        return {"planning": {"steps": [], "gantt_png": None, "deadline": None,
                             "problems": [str(p) for p in exc.problems]}}
    steps = [{"id": p.id, "name": p.step.name, "start": p.start, "end": p.end,
              "body": p.step.body or "", "status": p.step.status,
              "meeting": p.meeting.date if p.meeting else None,
              "submit_by": p.meeting.submit_by if p.meeting else None} for p in plan.steps]
    png = gantt_png(plan, today, model.settings.call_title or "Planning") if steps else None
    return {"planning": {"steps": steps, "gantt_png": png, "deadline": plan.deadline,
                         "problems": []}}
