"""Actions check and score: validate the workbook, compute scores and write the results."""

from __future__ import annotations

import importlib

from partnerkeuze.io import audit
from partnerkeuze import layout
from partnerkeuze.kernel.port import Outcome, Progress, WorkbookIO, no_progress
from partnerkeuze.core.assessment import evaluate, score_summary
from partnerkeuze.kernel.errors import InputProblems, Problem
from partnerkeuze.core.parse import parse, parse_lenient, sorted_problems
from partnerkeuze.core.results import results_patch


def check(book: WorkbookIO, progress: Progress = no_progress, against=None) -> Outcome:
    """Validate the workbook; raises InputProblems listing every problem. ``against``: anchors
    (governance.anchor) the log and criteria must still extend, besides the receipt file next
    to the workbook."""
    progress("Werkmap controleren…")
    snap = book.snapshot()
    problems: list[Problem] = []
    model = parse_lenient(snap, problems)
    problems.extend(further_problems(book, model, snap, against))
    if problems:
        raise InputProblems(sorted_problems(problems))
    if model.settings.mode == "evaluatie":
        from partnerkeuze.features.evaluation.actions import check_summary

        return check_summary(model, snap)
    result = evaluate(model)
    from partnerkeuze.record.governance.refreeze import warnings as refreeze_warnings

    out = Outcome(warnings=list(result.warnings) + refreeze_warnings(snap))
    for extra in CHECK_WARNINGS:
        module, _, func = extra.partition(":")
        out.warnings.extend(getattr(importlib.import_module(module), func)(model, snap))
    out.messages.append(
        f"In orde: {len(model.criteria)} criteria, {len(model.candidates)} kandidaten, "
        f"{len(model.assessors)} beoordelaars, {len(model.scores)} scores.")
    return out


# Further checks ("module:function", each (model, snapshot) -> [Problem]) added by features.
CHECKS: tuple[str, ...] = (
    "partnerkeuze.features.planning.compute:check_planning",
    "partnerkeuze.features.intake.checks:answers_refer_to_known",
    "partnerkeuze.features.sdg.checks:sdg_checks",
    "partnerkeuze.record.governance.checks:governance_problems",
    "partnerkeuze.record.procedure.checks:check_record",
    "partnerkeuze.features.intake.checks:late_candidacies",
    "partnerkeuze.features.evaluation.actions:evaluation_problems",
)
# Further warnings ("module:function", each (model, snapshot) -> [str]) that do not block.
CHECK_WARNINGS: tuple[str, ...] = (
    "partnerkeuze.core.translations:translation_warnings",
)


def further_problems(book: WorkbookIO, model, snap, against=None) -> list[Problem]:
    """The problems check finds beyond parsing: every CHECKS hook, the drop-down names, and
    the anchors (the receipt beside the workbook and ``against``) the record must extend."""
    from partnerkeuze.record.governance.anchor import beside, verify
    from partnerkeuze.io.xlsx.names import name_problems

    problems: list[Problem] = []
    for extra in CHECKS:
        module, _, func = extra.partition(":")
        problems.extend(getattr(importlib.import_module(module), func)(model, snap))
    problems.extend(name_problems(book, model.settings.mode))
    problems.extend(verify(snap, beside(book) + list(against or [])))
    return problems


def score(book: WorkbookIO, progress: Progress = no_progress) -> Outcome:
    """Compute scores, ranks and shortlist and write them into the workbook with a log entry.

    Refuses (InputProblems) whenever check would: a workbook with problems gets no results,
    and a break in the record of what happened (Logboek, Criteriahistoriek, Procedure) is
    refused too: results are never computed on a record that no longer holds (restore a
    dated backup, see docs/governance.md).
    """
    progress("Werkmap lezen…")
    snap = book.snapshot()
    model = parse(snap)
    problems = further_problems(book, model, snap)  # the record's integrity included
    if problems:
        raise InputProblems(sorted_problems(problems))
    from partnerkeuze.record.governance.hooks import score_patch

    progress("Scores berekenen…")
    result = evaluate(model)
    patch = results_patch(model, result, snap.row_count(layout.sheet("score_table").name))
    patch.merge(score_patch(model, snap, result))
    summary = score_summary(model, result)
    from partnerkeuze.record.procedure import read_record

    record = read_record(snap)
    summary["procedure"] = {"stage": record.stage, "chosen": record.chosen}
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
