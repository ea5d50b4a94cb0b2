"""The governance checks of ``partnerkeuze check`` (registered in actions.scoring.CHECKS)."""

from __future__ import annotations

from partnerkeuze.errors import Problem
from partnerkeuze.model import Model
from partnerkeuze.snapshot import Snapshot


def governance_problems(model: Model, snap: Snapshot) -> list[Problem]:
    """Log integrity, the fixed criteria, conflict declarations and the second round."""
    from partnerkeuze.governance import conflicts, second_round
    from partnerkeuze.governance.integrity import integrity_problems

    out = integrity_problems(model, snap)
    out += conflicts.problems(model)
    out += second_round.problems(model)
    return out
