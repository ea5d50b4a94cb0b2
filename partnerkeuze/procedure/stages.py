"""The stages of the procedure (seed 000) and what each one records."""

from __future__ import annotations

from partnerkeuze.layout.procedure import STAGES

STAGE_CODES: tuple[str, ...] = tuple(code for code, _ in STAGES)
STAGE_NAMES: dict[str, str] = dict(STAGES)

# Stages that name a partner (the college's choice and the council's approval of it).
WITH_PARTNER = ("college", "council")
# Stages that set the deadline for the candidacies.
WITH_DEADLINE = ("published", "extension")
# Stages that may be recorded more than once without a reason (each extension is new).
REPEATABLE = ("extension",)


def position(code: str) -> int:
    """The place of a stage in the procedure (0 for profile), -1 for an unknown code."""
    try:
        return STAGE_CODES.index(code)
    except ValueError:
        return -1
