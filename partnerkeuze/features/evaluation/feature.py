"""What link evaluation registers: the problems of the evaluation sheets, the Start sheet of an
evaluation workbook, its default frame and demo link, and the demo step (the link
Brasschaat-Tarija evaluated)."""

from __future__ import annotations

from partnerkeuze.kernel.port import Feature


def checks(model, snap):
    """The problems of the evaluation sheets."""
    if model.settings.mode != "evaluatie":  # nothing to check, nothing to import
        return []
    from partnerkeuze.features.evaluation.actions import evaluation_problems

    return evaluation_problems(model, snap)


def build_step(wb, mode: str) -> None:
    """An evaluation workbook's Start sheet and hidden call sheets."""
    from partnerkeuze.features.evaluation.build import build_hook

    build_hook(wb, mode)


def frame(tables: dict, fields: dict) -> None:
    """The default frame: questions from the seven lessons, risks, exit triggers."""
    from partnerkeuze.features.evaluation.frame import fill_defaults

    fill_defaults(tables, fields)


def demo(tables: dict, fields: dict) -> None:
    """The demo link Brasschaat-Tarija with two rounds."""
    from partnerkeuze.features.evaluation.demo import fill

    fill(tables, fields)


def demo_evaluation(run, path, out_dir, progress) -> list:
    """Demo step: the evaluation of the demo link in the subfolder 'Evaluatie', with its
    questionnaires and every document."""
    folder = out_dir / "Evaluatie"
    folder.mkdir(parents=True, exist_ok=True)
    book = folder / "Evaluatie-demo.xlsx"
    run("new", book, mode="evaluatie", demo=True)
    files = run("forms", book, out=folder / "vragenlijsten").files
    return [book] + files + run("evaluate", book, out=folder).files


DEMO_EVALUATION = ("Evaluatie van een stedenband", demo_evaluation)

FEATURE = Feature("evaluation", checks=(checks,), build_steps=(build_step,),
                  default_content={"evaluatie": (frame,)}, demo_content={"evaluatie": (demo,)},
                  demo_steps=(DEMO_EVALUATION,))


def check(run):
    """``check`` of an evaluation workbook: what it holds."""
    from partnerkeuze.features.evaluation.actions import check as work

    return work(run)


def forms(run):
    """``forms``: the questionnaires of the latest round for both partners."""
    from partnerkeuze.features.evaluation.actions import forms as work

    return work(run)


def import_forms(run):
    """``import``: the returned questionnaires read into the round."""
    from partnerkeuze.features.evaluation.actions import import_forms as work

    return work(run)


def evaluate(run):
    """``evaluate``: the evaluation report in Dutch and the partner's language."""
    from partnerkeuze.features.evaluation.actions import evaluate as work

    return work(run)
