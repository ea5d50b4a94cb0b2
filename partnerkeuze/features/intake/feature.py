"""What intake registers: its checks (answers of known candidates and criteria, late candidacies
decided on), the Kanalen sheet of a new workbook, and the demo's forms."""

from __future__ import annotations

from partnerkeuze.kernel.port import Feature


def answers_known(model, snap):
    """An answer row whose candidate or criterion does not exist."""
    from partnerkeuze.features.intake.checks import answers_refer_to_known

    return answers_refer_to_known(model, snap)


def late(model, snap):
    """A candidacy received after the deadline that nobody decided on."""
    from partnerkeuze.features.intake.checks import late_candidacies

    return late_candidacies(model, snap)


def build_step(wb, mode: str) -> None:
    """The Kanalen sheet with its native counts."""
    from partnerkeuze.features.intake.channels import build_channel_sheet

    build_channel_sheet(wb, mode)


def demo_forms(run, path, out_dir, progress) -> list:
    """Demo step: the candidacy forms (per language) and the assessor forms."""
    files = run("forms", path, out=out_dir / "kandidatuurformulieren").files
    return files + run("assessor-forms", path, out=out_dir / "beoordelingsformulieren").files


DEMO_FORMS = ("Kandidatuur- en beoordelingsformulieren", demo_forms)

def formulas() -> tuple:
    """The Kanalen sheet: candidates and shortlisted candidates per channel."""
    from partnerkeuze.features.intake.channels import families

    return families()


FEATURE = Feature("intake", checks=(answers_known, late), build_steps=(build_step,),
                  demo_steps=(DEMO_FORMS,), formulas=(formulas,))


def forms(run):
    """``forms``: the candidacy forms in four languages."""
    from partnerkeuze.features.intake.actions import forms as work

    return work(run)


def import_forms(run):
    """``import``: the returned candidacy forms read into the workbook."""
    from partnerkeuze.features.intake.actions import import_forms as work

    return work(run)


def assessor_forms(run):
    """``assessor-forms``: one scoring form per assessor."""
    from partnerkeuze.features.intake.actions import assessor_forms as work

    return work(run)


def merge(run):
    """``merge``: the returned scoring forms read into Scores."""
    from partnerkeuze.features.intake.actions import merge as work

    return work(run)
