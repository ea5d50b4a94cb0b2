"""Weighted scoring of candidates: aggregation of assessors, knock-outs, ranking and shortlist."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Sequence

import numpy as np

from partnerkeuze.model import Assessor, Candidate, Criterion, Score

WITHDRAWN = "Ingetrokken"
RANK_DECIMALS = 9  # scores equal to this many decimals are ties


@dataclass
class CandidateResult:
    """The outcome for one candidate."""

    id: str
    name: str
    country: str
    language: str
    channel: str
    criterion_scores: dict[str, float | None]  # aggregated raw score per criterion id
    score: float | None  # weighted score, 0-100; None when incomplete
    complete: bool
    excluded: bool
    reasons: list[str] = field(default_factory=list)  # why excluded, in Dutch
    missing: list[tuple[str, str]] = field(default_factory=list)  # (criterion, assessor)
    rank: int | None = None
    tied: bool = False
    shortlisted: bool = False
    notes: list[str] = field(default_factory=list)  # remarks that do not exclude (conflicts)


@dataclass
class ScoreResult:
    """The outcome of scoring: candidates in ranked order, shortlist and warnings."""

    candidates: list[CandidateResult]
    shortlist: list[str]
    warnings: list[str]
    boundary_tie: bool = False
    extras: dict = field(default_factory=dict)  # cached analyses (sensitivity, disagreement)

    def by_id(self) -> dict[str, CandidateResult]:
        """Candidate results by id."""
        return {c.id: c for c in self.candidates}


def score_matrix(scores: Sequence[Score], cand_ids: list[str], crit_ids: list[str],
                 ass_ids: list[str]) -> np.ndarray:
    """A [candidate, criterion, assessor] array of raw scores, NaN where none was given."""
    ci = {c: i for i, c in enumerate(cand_ids)}
    ki = {c: i for i, c in enumerate(crit_ids)}
    ai = {a: i for i, a in enumerate(ass_ids)}
    cube = np.full((len(cand_ids), len(crit_ids), len(ass_ids)), np.nan)
    for s in scores:
        if s.score is None:
            continue
        i, k, a = ci.get(s.candidate), ki.get(s.criterion), ai.get(s.assessor)
        if i is None or k is None or a is None:
            continue
        cube[i, k, a] = s.score
    return cube


def aggregate(cube: np.ndarray, counted: np.ndarray, how: str = "mean") -> tuple[np.ndarray, np.ndarray]:
    """Aggregated score per [candidate, criterion] and a mask of missing expected scores.

    ``counted[i, a]`` says whether assessor a's scores count for candidate i (False for a
    declared conflict of interest or an undeclared assessor). A counted assessor without a
    score makes that cell incomplete; cells with no counted score at all are NaN.
    """
    mask = counted[:, None, :]
    used = np.where(mask, cube, np.nan)
    missing = mask & np.isnan(cube)
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            agg = np.nanmedian(used, axis=2) if how == "median" else np.nanmean(used, axis=2)
    return agg, missing


def weighted(agg: np.ndarray, criteria: Sequence[Criterion]) -> np.ndarray:
    """Weighted score 0-100 per candidate over the scored criteria (NaN when a score is NaN)."""
    idx = [k for k, c in enumerate(criteria) if not c.knockout]
    w = np.array([criteria[k].weight for k in idx], dtype=float)
    lo = np.array([criteria[k].scale_min for k in idx], dtype=float)
    hi = np.array([criteria[k].scale_max for k in idx], dtype=float)
    norm = (agg[:, idx] - lo) / (hi - lo)
    return norm @ w / w.sum() * 100.0


def competition_ranks(values: Sequence[float]) -> list[int]:
    """Ranks 1, 2, 2, 4 for values sorted from high to low (ties share the better rank)."""
    ranks: list[int] = []
    for i, v in enumerate(values):
        ranks.append(ranks[-1] if i and v == values[i - 1] else i + 1)
    return ranks


def rank_and_shortlist(results: list[CandidateResult], size: int) -> tuple[list[str], list[str], bool]:
    """Rank eligible candidates in place; returns (shortlist ids, warnings, boundary tie)."""
    warnings: list[str] = []
    eligible = [r for r in results if r.complete and not r.excluded and r.score is not None]
    eligible.sort(key=lambda r: (-round(r.score, RANK_DECIMALS), r.id))
    ranks = competition_ranks([round(r.score, RANK_DECIMALS) for r in eligible])
    for r, rank in zip(eligible, ranks):
        r.rank = rank
    counts: dict[int, int] = {}
    for rank in ranks:
        counts[rank] = counts.get(rank, 0) + 1
    for r in eligible:
        r.tied = counts[r.rank] > 1
    shortlist = [r.id for r in eligible if r.rank <= size]
    boundary = len(shortlist) > size
    for r in eligible:
        r.shortlisted = r.id in shortlist
    if boundary:
        tied = [r for r in eligible if r.rank == max(x.rank for x in eligible if x.shortlisted)]
        names = ", ".join(f"{r.id} ({r.name})" for r in tied)
        warnings.append(f"Gelijke stand op de grens van de shortlist: {names} hebben dezelfde score "
                        f"({tied[0].score:.2f}); de shortlist telt daarom {len(shortlist)} "
                        f"kandidaten in plaats van {size}. Beslis in overleg wie doorgaat.")
    if len(eligible) < size:
        warnings.append(f"Slechts {len(eligible)} volledig gescoorde kandidaten zonder uitsluiting; "
                        f"de shortlist vraagt er {size}.")
    return shortlist, warnings, boundary


def score_call(criteria: Sequence[Criterion], candidates: Sequence[Candidate],
               assessors: Sequence[Assessor], scores: Sequence[Score], *,
               aggregation: str = "mean", shortlist_size: int = 3,
               counted: np.ndarray | None = None) -> ScoreResult:
    """Score every candidate, apply knock-outs, rank and pick the shortlist."""
    cand_ids = [c.id for c in candidates]
    crit_ids = [c.id for c in criteria]
    ass_ids = [a.id for a in assessors]
    cube = score_matrix(scores, cand_ids, crit_ids, ass_ids)
    if counted is None:
        counted = np.ones((len(cand_ids), len(ass_ids)), dtype=bool)
    agg, missing = aggregate(cube, counted, aggregation)
    totals = weighted(agg, criteria) if criteria else np.full(len(cand_ids), np.nan)
    results: list[CandidateResult] = []
    for i, cand in enumerate(candidates):
        miss = [(crit_ids[k], ass_ids[a]) for k, a in zip(*np.nonzero(missing[i]))]
        complete = not miss and bool(counted[i].any()) and not np.isnan(agg[i]).any()
        reasons: list[str] = []
        if cand.status == WITHDRAWN:
            reasons.append("kandidatuur ingetrokken")
        for k, crit in enumerate(criteria):
            if crit.knockout and not np.isnan(agg[i, k]) and crit.threshold is not None \
                    and agg[i, k] < crit.threshold:
                reasons.append(f"knock-out op {crit.id} ({crit.name}): score {agg[i, k]:g} "
                               f"onder de drempel {crit.threshold:g}")
        total = float(totals[i]) if complete and not np.isnan(totals[i]) else None
        results.append(CandidateResult(
            id=cand.id, name=cand.name, country=cand.country, language=cand.language,
            channel=cand.channel,
            criterion_scores={crit_ids[k]: (None if np.isnan(agg[i, k]) else float(agg[i, k]))
                              for k in range(len(crit_ids))},
            score=total, complete=complete, excluded=bool(reasons), reasons=reasons,
            missing=miss))
    shortlist, warnings, boundary = rank_and_shortlist(results, shortlist_size)
    for r in results:
        if not r.complete:
            what = "; ".join(f"{k} door {a}" for k, a in r.missing[:6])
            more = f" en {len(r.missing) - 6} meer" if len(r.missing) > 6 else ""
            warnings.append(f"{r.id} ({r.name}) is onvolledig: scores ontbreken voor {what}{more}."
                            if r.missing else f"{r.id} ({r.name}) is onvolledig: geen scores.")
    order = sorted(results, key=lambda r: (r.rank is None, r.rank or 0,
                                           -(r.score if r.score is not None else -1), r.id))
    return ScoreResult(candidates=order, shortlist=shortlist, warnings=warnings,
                       boundary_tie=boundary)
