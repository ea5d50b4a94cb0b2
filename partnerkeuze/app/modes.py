"""The guard of the commands that have no meaning in an evaluation workbook (score, dossier,
letters, plan, freeze, ...): a Dutch message naming the mode cell instead of a failure."""

from __future__ import annotations

from partnerkeuze.kernel.errors import InputProblems, Problem
from partnerkeuze.layout.evaluation import MODE

ALLOWED = "check, forms, import en evaluate"


def refuse_evaluation(model) -> None:
    """Raise InputProblems when the parsed workbook is in mode 'evaluatie'."""
    if model.settings.mode != MODE:
        return
    from partnerkeuze import layout
    from partnerkeuze.kernel.cellref import place

    row = (model.fields.get("settings") or {}).get("_rows", {}).get("mode")
    where = place(layout.sheet("settings").name, 3, row) if row else layout.sheet("settings").name
    raise InputProblems([Problem(where, f"deze werkmap is in de modus 'evaluatie stedenband'; "
                                        f"daar werken {ALLOWED} (partnerkeuze evaluate PAD "
                                        f"--out MAP schrijft het evaluatierapport)")])
