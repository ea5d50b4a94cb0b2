"""The governance checks of ``partnerkeuze check`` (registered in actions.scoring.CHECKS)."""

from __future__ import annotations

from partnerkeuze.kernel.errors import Problem
from partnerkeuze.kernel.model import Model
from partnerkeuze.kernel.snapshot import Snapshot


def governance_problems(model: Model, snap: Snapshot) -> list[Problem]:
    """Log integrity, the fixed criteria, conflict declarations and the second round."""
    from partnerkeuze.core import conflicts
    from partnerkeuze.record.governance import second_round
    from partnerkeuze.record.governance.integrity import integrity_problems

    out = integrity_problems(model, snap)
    out += conflicts.problems(model)
    out += second_round.problems(model)
    return out
