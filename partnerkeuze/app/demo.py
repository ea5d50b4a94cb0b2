"""Action demo: a demo workbook scored, and every document, form and calendar written."""

from __future__ import annotations

import importlib
from pathlib import Path

from partnerkeuze.kernel.port import Outcome, Progress, no_progress

DEMO_NAME = "Partnerkeuze-demo.xlsx"

# Steps after the scored workbook ("module:function", each (workbook path, out dir, progress)
# -> list of files written), in the order they run.
DEMO_STEPS: tuple[tuple[str, str], ...] = (
    ("Planning en kalender", "partnerkeuze.features.planning.actions:demo_step"),
    ("Oproep en vragenlijst", "partnerkeuze.features.documents.actions:demo_questionnaire"),
    ("Kandidatuur- en beoordelingsformulieren", "partnerkeuze.features.intake.actions:demo_forms"),
    ("Procedure: advies van de GROS en beslissing van het college",
     "partnerkeuze.record.procedure.demo:demo_step"),
    ("Dossier voor het college", "partnerkeuze.features.documents.actions:demo_dossier"),
    ("Brieven aan de kandidaten", "partnerkeuze.features.documents.actions:demo_letters"),
    ("SDG-partnerschappen (koppeling en brieven)", "partnerkeuze.features.sdg.actions:demo_sdg"),
    ("Evaluatie van een stedenband", "partnerkeuze.features.evaluation.actions:demo_evaluation"),
)


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
    for label, step in DEMO_STEPS:
        progress(f"{label}…")
        module, _, func = step.partition(":")
        files = getattr(importlib.import_module(module), func)(path, out_dir, progress)
        outcome.files.extend(files)
        outcome.messages.append(f"{label}: {len(files)} bestand(en).")
    outcome.messages.append(f"Demo klaar in {out_dir}: {len(outcome.files)} bestanden.")
    return outcome
