"""Scoring a parsed call: the settings of the workbook applied to the pure scoring core."""

from __future__ import annotations

from partnerkeuze.core.fingerprint import criteria_hash
from partnerkeuze.core.scoring import ScoreResult, score_call
from partnerkeuze.kernel.model import Model


def evaluate(model: Model) -> ScoreResult:
    """Scores, knock-outs, ranks and shortlist for a parsed workbook.

    Every assessor is expected for every candidate unless recused by a declared conflict; only
    the scores of declared, conflict-free assessors count, so a missing declaration leaves the
    candidate incomplete (see governance.conflicts).
    """
    from partnerkeuze.core import conflicts

    result = score_call(model.criteria, model.candidates, model.assessors,
                        conflicts.counted_scores(model),
                        aggregation=model.settings.aggregation,
                        shortlist_size=model.settings.shortlist_size,
                        counted=conflicts.expected_matrix(model))
    notes = conflicts.candidate_notes(model)
    for c in result.candidates:
        c.notes = notes.get(c.id, [])
    result.warnings.extend(conflicts.warnings(model))
    return result


def is_frozen(model: Model) -> bool:
    """True when the criteria were fixed and still match their fingerprint."""
    return bool(model.settings.frozen_hash) and model.settings.frozen_hash == criteria_hash(model.criteria)


def score_summary(model: Model, result: ScoreResult) -> dict:
    """The JSON object of ``score --json`` (see the command line contract)."""
    from partnerkeuze.core.sensitivity import analyse

    sens = analyse(model, result)
    return {
        "criteria_hash": criteria_hash(model.criteria),
        "frozen": is_frozen(model),
        "shortlist": list(result.shortlist),
        "candidates": [
            {"id": c.id, "name": c.name, "country": c.country, "language": c.language,
             "score": None if c.score is None else round(c.score, 10),
             "rank": c.rank, "shortlisted": c.shortlisted, "complete": c.complete,
             "excluded": c.excluded, "reasons": list(c.reasons),
             "criteria": c.criterion_scores,
             "acceptability": sens.acceptability.get(c.id, {"first": 0.0, "shortlist": 0.0})}
            for c in result.candidates
        ],
        "stability": {k: [lo, hi] for k, (lo, hi) in sens.stability.items()},
        "sensitivity": {"samples": sens.samples, "seed": sens.seed,
                        "precision": sens.precision, "vary_scores": sens.vary_scores,
                        "standard_errors": sens.errors, "ranks": sens.ranks},
        "warnings": list(result.warnings) + list(sens.warnings),
    }
