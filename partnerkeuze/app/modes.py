"""The one table of modes: for every command, the feature work that runs in each mode of the
workbook (a call for a city link, SDG partnerships, the evaluation of a link). A command that
has no work in the workbook's mode is refused with a Dutch message naming the mode cell."""

from __future__ import annotations

from typing import Callable

from partnerkeuze.app import compose
from partnerkeuze.features.documents import feature as documents
from partnerkeuze.features.evaluation import feature as evaluation
from partnerkeuze.features.intake import feature as intake
from partnerkeuze.features.planning import feature as planning
from partnerkeuze.features.scoring import feature as scoring
from partnerkeuze.features.sdg import feature as sdg
from partnerkeuze.kernel.errors import InputProblems, Problem
from partnerkeuze.record.governance import feature as governance
from partnerkeuze.record.procedure import feature as procedure

CALL, SDG, EVALUATION = "stedenband", "sdg", "evaluatie"

# command -> {mode: work(run) -> Outcome}
WORK: dict[str, dict[str, Callable]] = {
    "check": {CALL: scoring.check, SDG: scoring.check, EVALUATION: evaluation.check},
    "score": {CALL: scoring.score, SDG: scoring.score},
    "sensitivity": {CALL: governance.sensitivity, SDG: governance.sensitivity},
    "freeze": {CALL: governance.freeze, SDG: governance.freeze},
    "record": {CALL: procedure.record, SDG: procedure.record},
    "questionnaire": {CALL: documents.questionnaire, SDG: documents.questionnaire},
    "dossier": {CALL: compose.dossier, SDG: compose.dossier},
    "letters": {CALL: documents.letters, SDG: sdg.letters},
    "plan": {CALL: planning.plan, SDG: planning.plan},
    "calendar": {CALL: planning.calendar, SDG: planning.calendar},
    "remind": {CALL: planning.remind, SDG: planning.remind},
    "forms": {CALL: intake.forms, SDG: intake.forms, EVALUATION: evaluation.forms},
    "import": {CALL: intake.import_forms, SDG: intake.import_forms,
               EVALUATION: evaluation.import_forms},
    "assessor-forms": {CALL: intake.assessor_forms, SDG: intake.assessor_forms},
    "merge": {CALL: intake.merge, SDG: intake.merge},
    "match": {SDG: sdg.match},
    "evaluate": {EVALUATION: evaluation.evaluate},
}

# What the refusal says, per mode the command has no meaning in (else a general sentence).
REFUSALS: dict[str, str] = {
    EVALUATION: "deze werkmap is in de modus 'evaluatie stedenband'; daar werken check, forms, "
                "import en evaluate (partnerkeuze evaluate PAD --out MAP schrijft het "
                "evaluatierapport)",
    "match": "koppelen kan enkel in een werkmap in modus 'SDG-partnerschap' (partnerkeuze new "
             "PAD --mode sdg)",
    "evaluate": "deze werkmap is niet in de modus 'evaluatie stedenband' (partnerkeuze new PAD "
                "--mode evaluatie)",
}


def mode_place(model) -> str:
    """The cell of the mode on Instellingen (the sheet when its row is unknown)."""
    from partnerkeuze import layout
    from partnerkeuze.kernel.cellref import place

    row = (model.fields.get("settings") or {}).get("_rows", {}).get("mode")
    sheet = layout.sheet("settings").name
    return place(sheet, 3, row) if row else sheet


def work_for(command: str, model) -> Callable:
    """The work of a command in the workbook's mode; InputProblems naming the mode cell when
    the command has no meaning there."""
    by_mode = WORK.get(command)
    if by_mode is None:  # a ribbon of another version than the package
        from partnerkeuze.kernel.errors import FileError

        raise FileError(f"deze functie ('{command}') is niet beschikbaar in de geïnstalleerde "
                        f"versie van Partnerkeuze; werk Partnerkeuze en de invoegtoepassing bij")
    mode = model.settings.mode
    if mode in by_mode:
        return by_mode[mode]
    why = REFUSALS.get(mode if mode == EVALUATION else command) or (
        f"'{command}' werkt niet in de modus van deze werkmap ({mode})")
    raise InputProblems([Problem(mode_place(model), why)])


def refuse_evaluation(model) -> None:
    """Refuse a workbook in mode 'evaluatie' for a command of a call (used by callers outside
    the pipeline, such as the ribbon's template folder button)."""
    if model.settings.mode == EVALUATION:
        raise InputProblems([Problem(mode_place(model), REFUSALS[EVALUATION])])
