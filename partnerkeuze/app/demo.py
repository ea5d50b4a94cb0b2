"""The demo: a demo workbook built and scored, then every step of a call run through the
pipeline as a user would (planning, questionnaire, forms, the college's decision, dossier,
letters), and the SDG and evaluation modes each on a workbook of their own."""

from __future__ import annotations

from pathlib import Path

from partnerkeuze.features.documents import feature as documents
from partnerkeuze.features.evaluation import feature as evaluation
from partnerkeuze.features.intake import feature as intake
from partnerkeuze.features.planning import feature as planning
from partnerkeuze.features.sdg import feature as sdg
from partnerkeuze.kernel.port import Outcome, Progress, no_progress
from partnerkeuze.record.procedure import feature as procedure

DEMO_NAME = "Partnerkeuze-demo.xlsx"

# The steps after the scored workbook, in the order a call runs: (label, step), each step
# called with (runner, workbook path, out dir, progress) and returning the files it wrote.
DEMO_STEPS = (planning.DEMO_PLAN, documents.DEMO_QUESTIONNAIRE, intake.DEMO_FORMS,
              procedure.DEMO_DECISION, documents.DEMO_DOSSIER, documents.DEMO_LETTERS,
              sdg.DEMO_SDG, evaluation.DEMO_EVALUATION)


def runner(progress: Progress = no_progress):
    """What a demo step runs commands with: ``run(command, path, **options)`` through the
    pipeline (``new`` builds a workbook); the demo keeps no dated backups."""
    from partnerkeuze.app.creation import new
    from partnerkeuze.app.pipeline import run_file

    def run(command: str, path, **options) -> Outcome:
        if command == "new":
            return new(path, options.get("mode", "stedenband"), demo=options.get("demo", False),
                       force=True, progress=progress)
        return run_file(command, path, options, progress, backup=False)

    return run


def demo(out_dir: str | Path, progress: Progress = no_progress) -> Outcome:
    """Build the demo in out_dir: workbook, documents, forms and calendar."""
    from partnerkeuze.app.creation import new
    from partnerkeuze.kernel.errors import FileError, file_error_from_os

    out_dir = Path(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        raise FileError(f"{out_dir}: dit is een bestand, geen map; kies een (nieuwe) map voor "
                        f"de demo")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise file_error_from_os(exc, out_dir) from None
    path = out_dir / DEMO_NAME
    outcome = new(path, "stedenband", demo=True, force=True, progress=progress)
    run = runner(progress)
    for label, step in DEMO_STEPS:
        progress(f"{label}…")
        files = step(run, path, out_dir, progress)
        outcome.files.extend(files)
        outcome.messages.append(f"{label}: {len(files)} bestand(en).")
    outcome.messages.append(f"Demo klaar in {out_dir}: {len(outcome.files)} bestanden.")
    return outcome
