"""The stages of the procedure (seed 000) and what each one records."""

from __future__ import annotations

from partnerkeuze.layout.procedure import STAGES

STAGE_CODES: tuple[str, ...] = tuple(code for code, _ in STAGES)
STAGE_NAMES: dict[str, str] = dict(STAGES)

# Stages that name a partner (the college's choice and the council's approval of it).
WITH_PARTNER = ("college", "council")
# Stages that set the deadline for the candidacies.
WITH_DEADLINE = ("published", "extension")
# Stages that may be recorded more than once without a reason (each extension is new; a
# translation of the college's reasoning adds or replaces languages).
REPEATABLE = ("extension", "translation")
# Entries that are no step of the procedure: they never count as the stage the call reached.
NOT_A_STEP = ("translation",)


def position(code: str) -> int:
    """The place of a stage in the procedure (0 for profile), -1 for an unknown code."""
    try:
        return STAGE_CODES.index(code)
    except ValueError:
        return -1


# The steps of the stedenband planning (planning.templates) that a recorded stage completes:
# once the stage is on the Procedure sheet, the step is behind us, whatever its planned dates.
# The call (S08) is complete when the candidacies were closed after the deadline.
PLANNING_STEPS: dict[str, str] = {
    "S01": "profile", "S04": "criteria_fixed", "S08": "deadline_closed", "S09": "longlist",
    "S10": "second_round", "S11": "consensus", "S12": "gros", "S13": "college",
    "S14": "council", "S15": "partner_informed", "S16": "others_informed",
}


def recorded_steps(record, today=None) -> dict[str, tuple]:
    """Planning step id -> (date, what was recorded) of every step of PLANNING_STEPS whose stage
    the record holds with a date (the newest entry of the stage) on or before today; the call
    ends on its deadline."""
    out = {}
    for step, stage in PLANNING_STEPS.items():
        entry = record.latest(stage)
        if entry is None or entry.date is None or (today is not None and entry.date > today):
            continue
        day = record.deadline if stage == "deadline_closed" and record.deadline else entry.date
        out[step] = (day, STAGE_NAMES.get(stage, stage))
    return out
