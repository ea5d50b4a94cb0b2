"""What scoring registers: the guards of Scores and Resultaten in a new workbook, and the demo's
candidates, assessors and scores."""

from __future__ import annotations

from partnerkeuze.kernel.port import Feature


def build_step(wb, mode: str) -> None:
    """The validation of every score against its scale and the live warnings."""
    from partnerkeuze.features.scoring.workbook import build_hook

    build_hook(wb, mode)


def demo(tables: dict, fields: dict) -> None:
    """The demo call: profile, settings, assessors, candidates and their scores."""
    from partnerkeuze.layout.defaults import demo as content

    fields["profile"] = dict(content.PROFILE)
    fields["settings"] = dict(content.SETTINGS)
    tables["assessors"] = [list(a) for a in content.ASSESSORS]
    tables["candidates"] = content.candidates()
    tables["scores"] = content.scores()


def formulas() -> tuple:
    """The native formulas: the weights check, the scores outside their scale, the Scoretabel,
    the Resultaten formulas and the warning above them (core/native_values.py)."""
    from partnerkeuze.core.native_values import FAMILIES

    return FAMILIES


FEATURE = Feature("scoring", build_steps=(build_step,), demo_content={"stedenband": (demo,)},
                  formulas=(formulas,))


def check(run):
    """``check``: the counts of a sound workbook and its warnings."""
    from partnerkeuze.features.scoring.actions import check as work

    return work(run)


def score(run):
    """``score``: scores, ranks and shortlist written into the workbook."""
    from partnerkeuze.features.scoring.actions import score as work

    return work(run)
