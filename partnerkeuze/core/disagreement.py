"""Disagreement between assessors: spread per candidate and criterion, outlying scores, and the
agenda of the consensus meeting. Only scores that count (see conflicts) are considered.

A cell goes on the agenda when its spread (highest minus lowest score) reaches the threshold
(a share of the scale, setting 'Grote onenigheid vanaf') and, with three or more assessors,
either one of them stands alone (at least that far from the median of the others, who agree
within the threshold: an outlier) or the spread reaches one and a half times the threshold.
The heat map shows every spread.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from partnerkeuze.core.scoring import score_matrix
from partnerkeuze.kernel.model import Model

DEFAULT_SHARE = 40.0  # percent of the scale


@dataclass
class Disagreement:
    """Spread per [candidate, criterion] (points and share of the scale) and the agenda."""

    candidates: list[str]  # in the order of the result (as the Scoretabel)
    criteria: list  # Criterion objects, scored first then knock-outs (as the Scoretabel)
    spread: np.ndarray  # points; NaN when fewer than two counted scores
    share: np.ndarray  # spread / scale range
    agenda: list[dict] = field(default_factory=list)
    threshold: float = DEFAULT_SHARE / 100


def outliers(values: dict[str, float], limit: float) -> list[str]:
    """Assessors who stand alone: their score lies at least ``limit`` points from the median of
    the others while the others lie less than ``limit`` apart (three or more scores)."""
    if len(values) < 3:
        return []
    out = []
    for a, v in values.items():
        others = [w for b, w in values.items() if b != a]
        if abs(v - float(np.median(others))) >= limit - 1e-12 and \
                max(others) - min(others) < limit - 1e-12:
            out.append(a)
    return out


def outlier_mask(scores: np.ndarray, limits: np.ndarray) -> np.ndarray:
    """``outliers`` for many cells at once: scores [cell, assessor] (NaN: no counted score) and
    a limit per cell give a [cell, assessor] mask of the assessors who stand alone."""
    present = ~np.isnan(scores)
    enough = present.sum(axis=1) >= 3
    mask = np.zeros(scores.shape, dtype=bool)
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        for a in range(scores.shape[1]):
            others = scores.copy()
            others[:, a] = np.nan
            median = np.nanmedian(others, axis=1)
            spread = np.nanmax(others, axis=1) - np.nanmin(others, axis=1)
            mask[:, a] = present[:, a] & enough & \
                (np.abs(scores[:, a] - median) >= limits - 1e-12) & (spread < limits - 1e-12)
    return mask


def analyse(model: Model, result) -> Disagreement:
    """The spread of the counted scores and the agenda (cached on the result)."""
    cached = result.extras.get("disagreement")
    if cached is not None:
        return cached
    from partnerkeuze.core.conflicts import counted_matrix
    from partnerkeuze.core.results import ordered_criteria

    crits = ordered_criteria(model)
    cands = [c.id for c in result.candidates]
    ass = [a.id for a in model.assessors]
    order = {c.id: i for i, c in enumerate(model.candidates)}
    counted = np.array(counted_matrix(model), dtype=bool).reshape(len(model.candidates), len(ass))
    counted = counted[[order[c] for c in cands]] if cands else np.zeros((0, len(ass)), bool)
    cube = np.array(score_matrix(model.scores, cands, [c.id for c in crits], ass),
                    dtype=float).reshape(len(cands), len(crits), len(ass))
    cube = np.where(counted[:, None, :], cube, np.nan)
    n_scores = (~np.isnan(cube)).sum(axis=2)
    with np.errstate(all="ignore"):
        import warnings

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            spread = (np.nanmax(cube, axis=2) - np.nanmin(cube, axis=2)) if cube.size \
                else np.full(cube.shape[:2], np.nan)
    spread = np.where(n_scores >= 2, spread, np.nan)
    ranges = np.array([c.scale_max - c.scale_min for c in crits], dtype=float)
    share = spread / ranges[None, :] if len(crits) else spread
    raw = model.settings.values.get("disagreement_share")
    threshold = float(raw if raw is not None else DEFAULT_SHARE) / 100
    out = Disagreement(cands, crits, spread, share, threshold=threshold)
    by_id = result.by_id()
    names = {a.id: a.name for a in model.assessors}
    cells = np.nonzero(np.nan_to_num(share, nan=-1) >= threshold - 1e-12)
    limits = threshold * ranges[cells[1]] if len(crits) else np.zeros(0)
    standing_alone = outlier_mask(cube[cells], limits)
    for n, (i, k) in enumerate(zip(*cells)):
        cand = by_id[cands[i]]
        crit = crits[k]
        values = {ass[a]: float(cube[i, k, a]) for a in range(len(ass)) if not np.isnan(cube[i, k, a])}
        flagged = [ass[a] for a in np.nonzero(standing_alone[n])[0]]
        if len(values) >= 3 and not flagged and share[i, k] < 1.5 * threshold - 1e-12:
            continue  # a spread shared by the group (e.g. 3, 4, 5): on the heat map, not the agenda
        out.agenda.append({
            "candidate": cand.id, "name": cand.name, "shortlisted": cand.shortlisted,
            "rank": cand.rank, "criterion": crit.id, "criterion_name": crit.name,
            "spread": float(spread[i, k]), "share": float(share[i, k]), "scores": values,
            "outliers": flagged,
            "assessor_names": {a: names.get(a, a) for a in values},
        })
    out.agenda.sort(key=lambda d: (not d["shortlisted"], d["rank"] is None, d["rank"] or 0,
                                   -d["share"], d["candidate"], d["criterion"]))
    result.extras["disagreement"] = out
    return out


def scores_text(item: dict) -> str:
    """'B1 4, B2 4, B3 1'."""
    return ", ".join(f"{a} {v:g}" for a, v in item["scores"].items())


def outliers_text(item: dict) -> str:
    """Plain Dutch about the outlying scores of an agenda item."""
    parts = []
    for a in item["outliers"]:
        others = [f"{v:g}" for b, v in item["scores"].items() if b != a]
        parts.append(f"{a} wijkt af: {item['scores'][a]:g} tegenover {' en '.join(others)}")
    return "; ".join(parts)
