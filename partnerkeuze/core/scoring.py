"""Weighted scoring of candidates: aggregation of assessors, knock-outs, ranking and shortlist."""

from __future__ import annotations

import math
from typing import Sequence

from partnerkeuze.kernel.model import Assessor, Candidate, Criterion, Score
from partnerkeuze.kernel.plain import Plain

WITHDRAWN = "Ingetrokken"
RANK_DECIMALS = 9  # scores equal to this many decimals are ties
NAN = float("nan")


class CandidateResult(Plain):
    """The outcome for one candidate."""

    def __init__(self, id: str, name: str, country: str, language: str, channel: str,
                 criterion_scores: dict[str, float | None], score: float | None,
                 complete: bool, excluded: bool, reasons: list[str] | None = None,
                 missing: list[tuple[str, str]] | None = None, rank: int | None = None,
                 tied: bool = False, shortlisted: bool = False, notes: list[str] | None = None):
        self.id = id
        self.name = name
        self.country = country
        self.language = language
        self.channel = channel
        self.criterion_scores = criterion_scores  # aggregated raw score per criterion id
        self.score = score  # weighted score, 0-100; None when incomplete
        self.complete = complete
        self.excluded = excluded
        self.reasons = [] if reasons is None else reasons  # why excluded, in Dutch
        self.missing = [] if missing is None else missing  # (criterion, assessor)
        self.rank = rank
        self.tied = tied
        self.shortlisted = shortlisted
        self.notes = [] if notes is None else notes  # remarks that do not exclude (conflicts)


class ScoreResult(Plain):
    """The outcome of scoring: candidates in ranked order, shortlist and warnings."""

    def __init__(self, candidates: list[CandidateResult], shortlist: list[str],
                 warnings: list[str], boundary_tie: bool = False, extras: dict | None = None):
        self.candidates = candidates
        self.shortlist = shortlist
        self.warnings = warnings
        self.boundary_tie = boundary_tie
        self.extras = {} if extras is None else extras  # cached analyses (sensitivity, ...)

    def by_id(self) -> dict[str, CandidateResult]:
        """Candidate results by id."""
        return {c.id: c for c in self.candidates}


def score_matrix(scores: Sequence[Score], cand_ids: list[str], crit_ids: list[str],
                 ass_ids: list[str]) -> list[list[list[float]]]:
    """Raw scores as cube[candidate][criterion][assessor] (nested lists), NaN where none was
    given (``numpy.array(cube)`` gives the [candidate, criterion, assessor] array)."""
    ci = {c: i for i, c in enumerate(cand_ids)}
    ki = {c: i for i, c in enumerate(crit_ids)}
    ai = {a: i for i, a in enumerate(ass_ids)}
    cube = [[[NAN] * len(ass_ids) for _ in crit_ids] for _ in cand_ids]
    for s in scores:
        if s.score is None:
            continue
        i, k, a = ci.get(s.candidate), ki.get(s.criterion), ai.get(s.assessor)
        if i is None or k is None or a is None:
            continue
        cube[i][k][a] = float(s.score)
    return cube


def pairwise_sum(values: Sequence[float]) -> float:
    """The sum of a row of floats as numpy's ``add.reduce`` computes it, so the result is the
    same float, bit for bit: zero plus the pairwise sum (one by one below 8 values, eight
    interleaved partial sums up to 128, halves beyond). Not Python's sum(), which compensates
    from 3.12 on."""
    return 0.0 + _pairwise(values, 0, len(values))


def _pairwise(values: Sequence[float], start: int, n: int) -> float:
    """numpy's pairwise_sum over values[start:start + n]."""
    if n < 8:
        res = -0.0
        for i in range(start, start + n):
            res += values[i]
        return res
    if n <= 128:
        r0, r1, r2, r3, r4, r5, r6, r7 = values[start:start + 8]
        end = start + n - n % 8
        for i in range(start + 8, end, 8):
            r0 += values[i]
            r1 += values[i + 1]
            r2 += values[i + 2]
            r3 += values[i + 3]
            r4 += values[i + 4]
            r5 += values[i + 5]
            r6 += values[i + 6]
            r7 += values[i + 7]
        res = ((r0 + r1) + (r2 + r3)) + ((r4 + r5) + (r6 + r7))
        for i in range(end, start + n):
            res += values[i]
        return res
    half = n // 2
    half -= half % 8
    return _pairwise(values, start, half) + _pairwise(values, start + half, n - half)


def _divide(a: float, b: float) -> float:
    """a / b with IEEE 754's answer for a zero divisor (NaN or an infinity), as numpy gives."""
    if b:
        return a / b
    if a != a or a == 0:
        return NAN
    return math.copysign(math.inf, a) * math.copysign(1.0, b)


def aggregate(cube: list[list[list[float]]], counted: Sequence[Sequence[bool]],
              how: str = "mean") -> tuple[list[list[float]], list[list[tuple[int, int]]]]:
    """Aggregated score per [candidate][criterion] and, per candidate, the (criterion index,
    assessor index) of every missing expected score.

    ``counted[i][a]`` says whether assessor a's scores count for candidate i (False for a
    declared conflict of interest or an undeclared assessor). A counted assessor without a
    score makes that cell incomplete; cells with no counted score at all are NaN. The mean is
    numpy's nanmean (the row summed pairwise with zeros for the scores left out, divided by the
    count) and the median numpy's nanmedian (the mean of the two middle values), bit for bit.
    """
    median = how == "median"
    agg: list[list[float]] = []
    missing: list[list[tuple[int, int]]] = []
    for i, plane in enumerate(cube):
        use = [bool(c) for c in counted[i]]
        row: list[float] = []
        gaps: list[tuple[int, int]] = []
        for k, values in enumerate(plane):
            present: list[float] = []
            filled: list[float] = []
            for a, v in enumerate(values):
                if use[a]:
                    if v == v:
                        present.append(v)
                        filled.append(v)
                        continue
                    gaps.append((k, a))
                filled.append(0.0)
            n = len(present)
            if not n:
                row.append(NAN)
            elif median:
                present.sort()
                row.append((0.0 + (present[(n - 1) // 2] + present[n // 2])) / 2)
            else:
                row.append(pairwise_sum(filled) / n)
        agg.append(row)
        missing.append(gaps)
    return agg, missing


def weighted(agg: list[list[float]], criteria: Sequence[Criterion]) -> list[float]:
    """Weighted score 0-100 per candidate over the scored criteria (NaN when a score is NaN).

    Each score is normalised to 0-1 on its criterion's scale, the products with the weights are
    added in criterion order, divided by the sum of the weights and multiplied by 100: the same
    steps and order as numpy's ``norm @ w / w.sum() * 100`` (whose dot product is a BLAS kernel:
    the same sum up to 15 criteria, at most a last bit apart beyond).
    """
    terms = [(k, float(c.scale_min), float(c.scale_max) - float(c.scale_min), float(c.weight))
             for k, c in enumerate(criteria) if not c.knockout]
    total_weight = pairwise_sum([w for _k, _lo, _span, w in terms])
    plain = all(span for _k, _lo, span, _w in terms)
    out: list[float] = []
    for row in agg:
        s = 0.0
        if plain:
            for k, lo, span, w in terms:
                s += (row[k] - lo) / span * w
        else:
            for k, lo, span, w in terms:
                s += _divide(row[k] - lo, span) * w
        out.append(_divide(s, total_weight) * 100.0)
    return out


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
        from partnerkeuze.kernel.wording import nl_number

        names = ", ".join(f"{r.id} ({r.name})" for r in tied)
        warnings.append(f"Gelijke stand op de grens van de shortlist: {names} hebben dezelfde score "
                        f"({nl_number(tied[0].score, 2)}); de shortlist telt daarom {len(shortlist)} "
                        f"kandidaten in plaats van {size}. Beslis in overleg wie doorgaat.")
    if len(eligible) < size:
        warnings.append(f"Slechts {len(eligible)} volledig gescoorde kandidaten zonder uitsluiting; "
                        f"de shortlist vraagt er {size}.")
    return shortlist, warnings, boundary


def score_call(criteria: Sequence[Criterion], candidates: Sequence[Candidate],
               assessors: Sequence[Assessor], scores: Sequence[Score], *,
               aggregation: str = "mean", shortlist_size: int = 3,
               counted: Sequence[Sequence[bool]] | None = None) -> ScoreResult:
    """Score every candidate, apply knock-outs, rank and pick the shortlist.

    ``counted[i][a]`` (nested lists, or any array indexable so) says whether assessor a is
    expected for candidate i; everyone is when it is None.
    """
    cand_ids = [c.id for c in candidates]
    crit_ids = [c.id for c in criteria]
    ass_ids = [a.id for a in assessors]
    cube = score_matrix(scores, cand_ids, crit_ids, ass_ids)
    if counted is None:
        counted = [[True] * len(ass_ids) for _ in cand_ids]
    agg, missing = aggregate(cube, counted, aggregation)
    totals = weighted(agg, criteria) if criteria else [NAN] * len(cand_ids)
    results: list[CandidateResult] = []
    for i, cand in enumerate(candidates):
        row = agg[i]
        miss = [(crit_ids[k], ass_ids[a]) for k, a in missing[i]]
        complete = not miss and any(counted[i]) and all(v == v for v in row)
        reasons: list[str] = []
        if cand.status == WITHDRAWN:
            reasons.append("kandidatuur ingetrokken")
        for k, crit in enumerate(criteria):
            if crit.knockout and row[k] == row[k] and crit.threshold is not None \
                    and row[k] < crit.threshold:
                reasons.append(f"knock-out op {crit.id} ({crit.name}): score {row[k]:g} "
                               f"onder de drempel {crit.threshold:g}")
        total = totals[i] if complete and totals[i] == totals[i] else None
        results.append(CandidateResult(
            id=cand.id, name=cand.name, country=cand.country, language=cand.language,
            channel=cand.channel,
            criterion_scores={crit_ids[k]: (None if row[k] != row[k] else row[k])
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
    # Ties (scores equal to RANK_DECIMALS) are listed by id, as they are ranked, whatever their
    # last bits.
    order = sorted(results, key=lambda r: (r.rank is None, r.rank or 0,
                                           -round(r.score, RANK_DECIMALS) if r.score is not None
                                           else 1, r.id))
    return ScoreResult(candidates=order, shortlist=shortlist, warnings=warnings,
                       boundary_tie=boundary)
