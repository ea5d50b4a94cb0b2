"""Actions check and score: validate the workbook, compute scores and write the results."""

from __future__ import annotations

import importlib

from partnerkeuze import audit, layout
from partnerkeuze.actions import Outcome, Progress, WorkbookIO, no_progress
from partnerkeuze.assessment import evaluate, score_summary
from partnerkeuze.errors import InputProblems, Problem
from partnerkeuze.parse import parse, parse_lenient, sorted_problems
from partnerkeuze.results import results_patch


def check(book: WorkbookIO, progress: Progress = no_progress) -> Outcome:
    """Validate the workbook; raises InputProblems listing every problem."""
    progress("Werkmap controleren…")
    snap = book.snapshot()
    problems: list[Problem] = []
    model = parse_lenient(snap, problems)
    for extra in CHECKS:
        module, _, func = extra.partition(":")
        problems.extend(getattr(importlib.import_module(module), func)(model, snap))
    if problems:
        raise InputProblems(sorted_problems(problems))
    result = evaluate(model)
    out = Outcome(warnings=list(result.warnings))
    for extra in CHECK_WARNINGS:
        module, _, func = extra.partition(":")
        out.warnings.extend(getattr(importlib.import_module(module), func)(model, snap))
    out.messages.append(
        f"In orde: {len(model.criteria)} criteria, {len(model.candidates)} kandidaten, "
        f"{len(model.assessors)} beoordelaars, {len(model.scores)} scores.")
    return out


# Further checks ("module:function", each (model, snapshot) -> [Problem]) added by features.
CHECKS: tuple[str, ...] = (
    "partnerkeuze.planning.compute:check_planning",
    "partnerkeuze.intake.checks:answers_refer_to_known",
    "partnerkeuze.sdg.checks:sdg_checks",
    "partnerkeuze.governance.checks:governance_problems",
)
# Further warnings ("module:function", each (model, snapshot) -> [str]) that do not block.
CHECK_WARNINGS: tuple[str, ...] = (
    "partnerkeuze.documents.translations:translation_warnings",
)


def score(book: WorkbookIO, progress: Progress = no_progress) -> Outcome:
    """Compute scores, ranks and shortlist and write them into the workbook with a log entry."""
    progress("Werkmap lezen…")
    snap = book.snapshot()
    model = parse(snap)
    from partnerkeuze.governance.hooks import before_score, score_patch

    before_score(model, snap)  # refuses when the fixed criteria changed without a reason
    progress("Scores berekenen…")
    result = evaluate(model)
    patch = results_patch(model, result, len(snap.rows(layout.sheet("score_table").name)))
    patch.merge(score_patch(model, snap, result))
    summary = score_summary(model, result)
    n_short = len(result.shortlist)
    details = (f"{len(model.candidates)} kandidaten gescoord; shortlist: "
               f"{', '.join(result.shortlist) or '(geen)'}; criteria {summary['criteria_hash'][:12]}")
    patch.merge(audit.entry_patch(snap, "score", details))
    progress("Resultaten schrijven…")
    book.apply(patch)
    out = Outcome(data=summary, warnings=list(result.warnings), changed=True)
    out.messages.append(f"{len(model.candidates)} kandidaten gescoord; {n_short} op de shortlist: "
                        + ", ".join(f"{c.id} {c.name} ({c.score:.2f})" for c in result.candidates
                                    if c.shortlisted))
    return out
