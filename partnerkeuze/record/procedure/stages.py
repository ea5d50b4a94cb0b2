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


# The steps of the stedenband planning (planning.templates) that a recorded stage completes:
# once the stage is on the Procedure sheet, the step is behind us, whatever its planned dates.
PLANNING_STEPS: dict[str, str] = {
    "S04": "criteria_fixed", "S08": "published", "S09": "longlist", "S10": "second_round",
    "S11": "consensus", "S12": "gros", "S13": "college", "S14": "council",
    "S15": "partner_informed", "S16": "others_informed",
}
