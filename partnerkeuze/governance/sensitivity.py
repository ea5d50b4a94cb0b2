"""Sensitivity of the shortlist to the weights: exact stability intervals per criterion weight
and rank acceptability by sampling plausible weightings around the chosen ones (numpy).

The weighted score of candidate c is s_c = sum_j x_cj w_j with x the aggregated scores
normalised to 0-1 and w the weights in percent (sum 100). Moving the weight of criterion j to t
while the other weights are scaled proportionally (sum stays 100) makes every score linear in
t, so the interval where the shortlist (as a set) stays the same follows exactly from the
pairwise crossings between shortlisted and other candidates.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np

from partnerkeuze.core.scoring import RANK_DECIMALS

EDGE = 1e-9  # percent: interval ends this close to 0 or 100 are reported as 0 or 100
CHUNK = 2000  # sampled weightings scored at once (memory: candidates x CHUNK floats)


def shortlist_mask(scores: np.ndarray, size: int) -> np.ndarray:
    """Candidates whose competition rank (scores rounded as the core does) is at most size."""
    r = np.round(scores, RANK_DECIMALS)
    better = (r[None, :] > r[:, None]).sum(axis=1)
    return better + 1 <= size


def stability_intervals(x: np.ndarray, w: np.ndarray, in_short: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Per criterion j the open interval (lo, hi) of its weight (percent, 0-100) within which the
    shortlist keeps the same members, the other weights scaled so that the total stays 100.

    x: [candidate, criterion] normalised scores (0-1) of the eligible candidates; w: weights in
    percent summing to 100; in_short: shortlist membership at w.
    """
    n, m = x.shape
    lo = np.zeros(m)
    hi = np.full(m, 100.0)
    inside, outside = np.flatnonzero(in_short), np.flatnonzero(~in_short)
    if not len(inside) or not len(outside) or m == 0:
        return lo, hi
    s = x @ w
    rest = 100.0 - w
    ok = rest > 1e-12
    safe = np.where(ok, rest, 1.0)
    r = s[:, None] - x * w[None, :]  # contribution of the other criteria
    a = 100.0 * r / safe[None, :]  # score at t = 0
    b = x - r / safe[None, :]  # slope per percent of weight
    da = a[inside][:, None, :] - a[outside][None, :, :]
    db = b[inside][:, None, :] - b[outside][None, :, :]
    with np.errstate(divide="ignore", invalid="ignore"):
        root = -da / db
    up = db > 0  # the pair stays in order above the root
    down = db < 0  # ... below the root
    lo = np.maximum(0.0, np.max(np.where(up, root, -np.inf), axis=(0, 1)))
    hi = np.minimum(100.0, np.min(np.where(down, root, np.inf), axis=(0, 1)))
    lo = np.where(ok, lo, 0.0)
    hi = np.where(ok, hi, 100.0)
    return lo, hi


def concentration(w: np.ndarray, spread: float) -> float:
    """The Dirichlet concentration whose weights deviate on average about ``spread`` points."""
    p = w[w > 0] / 100.0
    typical = float(np.mean(np.sqrt(p * (1 - p)))) if len(p) else 0.0
    return max(1.0, (typical / (spread / 100.0)) ** 2 - 1.0)


def sample_weights(w: np.ndarray, n: int, spread: float, rng: np.random.Generator) -> np.ndarray:
    """n weightings (percent, rows sum to 100) drawn from a Dirichlet centred on w."""
    pos = w > 0
    out = np.zeros((n, len(w)))
    if pos.sum() == 1:
        out[:, pos] = 100.0
        return out
    alpha = concentration(w, spread) * w[pos] / w[pos].sum()
    out[:, pos] = rng.dirichlet(alpha, n) * 100.0
    return out


def acceptability(x: np.ndarray, weights: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Share of the weightings (rows of ``weights``) in which each candidate is first and in
    which it is on a shortlist of ``size``."""
    n = x.shape[0]
    first = np.zeros(n)
    short = np.zeros(n)
    total = len(weights)
    if n == 0 or total == 0:
        return first, short
    k = min(size, n)
    for start in range(0, total, CHUNK):
        s = x @ weights[start:start + CHUNK].T  # [candidate, sample]
        first += np.bincount(np.argmax(s, axis=0), minlength=n)
        if k >= n:
            short += s.shape[1]
        else:
            top = np.argpartition(-s, k - 1, axis=0)[:k]
            short += np.bincount(top.ravel(), minlength=n)
    return first / total, short / total


@dataclass
class Sensitivity:
    """The sensitivity analysis of a scored call."""

    stability: dict[str, tuple[float, float]] = field(default_factory=dict)  # percent
    acceptability: dict[str, dict[str, float]] = field(default_factory=dict)
    weights: dict[str, float] = field(default_factory=dict)  # current, percent
    samples: int = 0
    seed: int = 0
    spread: float = 0.0
    warnings: list[str] = field(default_factory=list)
    eligible: list[str] = field(default_factory=list)


def inputs(model, result) -> tuple[list[str], list, np.ndarray, np.ndarray]:
    """(eligible candidate ids, scored criteria, normalised matrix, weights in percent)."""
    scored = [c for c in model.criteria if not c.knockout]
    ranked = [c for c in result.candidates if c.rank is not None]
    x = np.array([[(c.criterion_scores[k.id] - k.scale_min) / (k.scale_max - k.scale_min)
                   for k in scored] for c in ranked], dtype=float).reshape(len(ranked), len(scored))
    w = np.array([k.weight for k in scored], dtype=float)
    w = w / w.sum() * 100.0 if w.sum() > 0 else w
    return [c.id for c in ranked], scored, x, w


def analyse(model, result) -> Sensitivity:
    """Stability intervals and acceptability for a scored call (cached on the result)."""
    cached = result.extras.get("sensitivity")
    if cached is not None:
        return cached
    values = model.settings.values
    samples = int(values.get("sensitivity_samples") or 10000)
    seed = int(values.get("sensitivity_seed") if values.get("sensitivity_seed") is not None else 2026)
    spread = float(values.get("sensitivity_spread") or 5)
    size = model.settings.shortlist_size
    ids, scored, x, w = inputs(model, result)
    out = Sensitivity(samples=samples, seed=seed, spread=spread, eligible=ids,
                      weights={k.id: float(w[j]) for j, k in enumerate(scored)})
    if not ids or not scored:
        out.warnings.append("Gevoeligheid niet berekend: geen volledig gescoorde kandidaten.")
        result.extras["sensitivity"] = out
        return out
    in_short = np.array([cid in set(result.shortlist) for cid in ids])
    if result.boundary_tie:
        out.warnings.append("Gevoeligheid: door de gelijke stand op de grens van de shortlist "
                            "verandert de shortlist bij elke wijziging van een gewicht.")
        out.stability = {k.id: (float(w[j]), float(w[j])) for j, k in enumerate(scored)}
    else:
        lo, hi = stability_intervals(x, w, in_short)
        lo = np.where(lo < EDGE, 0.0, lo)  # crossings at the very ends are rounding noise
        hi = np.where(hi > 100 - EDGE, 100.0, hi)
        out.stability = {k.id: (float(lo[j]), float(hi[j])) for j, k in enumerate(scored)}
    rng = np.random.default_rng(seed)
    first, short = acceptability(x, sample_weights(w, samples, spread, rng), size)
    out.acceptability = {cid: {"first": float(first[i]), "shortlist": float(short[i])}
                         for i, cid in enumerate(ids)}
    for c in result.candidates:
        out.acceptability.setdefault(c.id, {"first": 0.0, "shortlist": 0.0})
    result.extras["sensitivity"] = out
    return out


def percent(p: float) -> str:
    """A share as Dutch text: '82 %', 'minder dan 1 %', 'meer dan 99 %'."""
    v = p * 100
    if 0 < v < 0.5:
        return "minder dan 1 %"
    if 99.5 <= v < 100:
        return "meer dan 99 %"
    return f"{v:.0f} %"


def number(v: float) -> str:
    """A weight in Dutch notation with at most one decimal (comma)."""
    text = f"{v:.1f}".replace(".", ",")
    return text[:-2] if text.endswith(",0") else text


def acceptability_sentence(name: str, acc: dict[str, float]) -> str:
    """'Dassa-Zoumé staat eerst in 82 % van de aannemelijke wegingen en op de shortlist in 97 %'."""
    return (f"{name} staat eerst in {percent(acc['first'])} van de aannemelijke wegingen en op "
            f"de shortlist in {percent(acc['shortlist'])}")


def stability_sentence(cid: str, name: str, weight: float, lo: float, hi: float) -> str:
    """Plain Dutch: within which range the weight of a criterion keeps the shortlist."""
    if lo <= 0 and hi >= 100:
        return (f"Bij elk gewicht van {cid} ({name}) tussen 0 % en 100 % blijft de shortlist "
                f"dezelfde (nu {number(weight)} %).")
    if hi - lo < 1e-9:
        return (f"Het gewicht van {cid} ({name}) kan niet wijzigen zonder dat de shortlist "
                f"verandert (nu {number(weight)} %).")
    return (f"Het gewicht van {cid} ({name}) mag liggen tussen {_dec(lo)} % en {_dec(hi)} % "
            f"(nu {number(weight)} %) zonder dat de shortlist verandert.")


def _dec(v: float) -> str:
    if v in (0.0, 100.0):
        return f"{v:.0f}"
    return f"{v:.2f}".replace(".", ",")


def sentences(model, result, sens: Sensitivity) -> list[str]:
    """Dutch acceptability sentences for the candidates that matter (shortlist and contenders)."""
    names = {c.id: c.name for c in result.candidates}
    rows = [(cid, acc) for cid, acc in sens.acceptability.items()
            if cid in sens.eligible and (cid in result.shortlist or acc["shortlist"] >= 0.01)]
    rows.sort(key=lambda r: (-r[1]["shortlist"], -r[1]["first"], r[0]))
    return [acceptability_sentence(names[cid], acc) + "." for cid, acc in rows]


def stability_rows(model, sens: Sensitivity) -> list[dict]:
    """Per scored criterion: criterion, name, low, high, current (percent)."""
    out = []
    for c in model.criteria:
        if c.knockout or c.id not in sens.stability:
            continue
        lo, hi = sens.stability[c.id]
        out.append({"criterion": c.id, "name": c.name, "low": lo, "high": hi,
                    "current": sens.weights[c.id],
                    "sentence": stability_sentence(c.id, c.name, sens.weights[c.id], lo, hi)})
    return out
