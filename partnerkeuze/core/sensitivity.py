"""Sensitivity of the shortlist to the weights: exact stability intervals per criterion weight
and rank acceptability by sampling plausible weightings around the chosen ones (numpy).

The weighted score of candidate c is s_c = sum_j x_cj w_j with x the aggregated scores
normalised to 0-1 and w the weights in percent (sum 100). Moving the weight of criterion j to t
while the other weights are scaled proportionally (sum stays 100) makes every score linear in
t, so the interval where the shortlist (as a set) stays the same follows exactly from the
pairwise crossings between shortlisted and other candidates; with exact ties the crossings of
every pair are enumerated and the shortlist evaluated between them (tied candidates whose scores
move together stay tied).

Acceptability counts ties, never breaks them: in each sampled weighting a candidate's rank is its
competition rank (1 + the number of candidates scoring strictly more, scores rounded as the core
does), so candidates tied first are all first. Criteria and candidates are put in id order before
sampling, so the figures do not depend on the order of the rows. Each share comes with its
Monte Carlo standard error sqrt(p(1-p)/n); n is at least 0.25/precision^2, so every standard error
stays within the stated precision. Optionally (setting sensitivity_vary_scores) each sample also
draws every aggregated score uniformly between the lowest and highest counted score of the
assessors for that cell, so the statement covers the judgement as well as the weights.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import math

import numpy as np

from partnerkeuze.core.scoring import RANK_DECIMALS

EDGE = 1e-9  # percent: interval ends this close to 0 or 100 are reported as 0 or 100
CHUNK = 2000  # sampled weightings scored at once, at most ...
CHUNK_FLOATS = 250_000  # ... and at most this many scores per chunk (about 2 MB an array)
RANK_CHUNK = 250  # ... but at least this many, since each chunk's rank count touches n x n cells


def shortlist_mask(scores: np.ndarray, size: int) -> np.ndarray:
    """Candidates whose competition rank (scores rounded as the core does) is at most size:
    fewer than size candidates score strictly more, i.e. at least the size-th highest score."""
    r = np.round(scores, RANK_DECIMALS)
    n = len(r)
    if size >= n:
        return np.ones(n, dtype=bool)
    if size <= 0:
        return np.zeros(n, dtype=bool)
    return r >= np.partition(r, n - size)[n - size]


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


def competition_ranks(s: np.ndarray) -> np.ndarray:
    """Competition ranks (1 + how many score strictly more) per column of s [candidate, sample],
    scores rounded as the core rounds them: exact ties share the better rank."""
    r = np.ascontiguousarray(np.round(s, RANK_DECIMALS).T)  # [sample, candidate]
    k, n = r.shape
    if n == 0:
        return np.zeros((0, k), dtype=int)
    order = np.argsort(-r, axis=1)  # ties in any order: they all get their group's start
    srt = np.take_along_axis(r, order, axis=1)
    new = np.ones_like(srt, dtype=bool)
    new[:, 1:] = srt[:, 1:] != srt[:, :-1]
    start = np.maximum.accumulate(np.where(new, np.arange(n)[None, :], 0), axis=1)
    ranks = np.empty_like(order)
    np.put_along_axis(ranks, order, start + 1, axis=1)
    return ranks.T


def rank_counts(x: np.ndarray, weights: np.ndarray, noise=None) -> np.ndarray:
    """counts[i, r-1]: in how many of the weightings (rows of ``weights``) candidate i has
    competition rank r. ``noise(k)``, when given, returns k perturbed score matrices
    [k, candidate, criterion] to use instead of x."""
    n = x.shape[0]
    total = len(weights)
    counts = np.zeros((n, n), dtype=np.int32 if total < 2 ** 31 else np.int64)
    if n == 0 or total == 0:
        return counts
    per_sample = n * (x.shape[1] if noise is not None else 1)  # floats held per sample
    # With noise the chunks stay as they were (the random draws follow the chunks).
    budget = CHUNK_FLOATS if noise is None else 4_000_000
    chunk = max(1, min(CHUNK, budget // max(1, per_sample)))
    if noise is None:  # at least RANK_CHUNK samples a chunk: each chunk counts n x n cells
        chunk = max(chunk, min(CHUNK, RANK_CHUNK))
    offset = (np.arange(n, dtype=np.int64) * n)[:, None]  # counts as one flat array
    for start in range(0, total, chunk):
        w = weights[start:start + chunk]
        if noise is None:
            s = x @ w.T  # [candidate, sample]
        else:
            s = np.einsum("kij,kj->ik", noise(len(w)), w)
        ranks = competition_ranks(s)
        # bincount over (candidate, rank) pairs: the same counts as np.add.at, 3-4x faster
        np.add(counts, np.bincount((offset + ranks - 1).ravel(), minlength=n * n).reshape(n, n),
               out=counts, casting="unsafe")  # a chunk's count fits counts' type
    return counts


def acceptability(x: np.ndarray, weights: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Share of the weightings (rows of ``weights``) in which each candidate is first and in
    which it is on a shortlist of ``size`` (competition ranks: tied candidates all count)."""
    n = x.shape[0]
    if n == 0 or len(weights) == 0:
        return np.zeros(n), np.zeros(n)
    counts = rank_counts(x, weights) / len(weights)
    return counts[:, 0], counts[:, :min(size, n)].sum(axis=1)


def standard_error(p: float, n: int) -> float:
    """The Monte Carlo standard error of a share p estimated from n samples."""
    return math.sqrt(max(p * (1 - p), 0.0) / n) if n else 0.0


def samples_for(precision: float, wanted: int) -> int:
    """The sample count: at least ``wanted`` and enough that no standard error exceeds
    ``precision`` (a share, e.g. 0.005), since p(1-p) <= 1/4."""
    return max(int(wanted), math.ceil(0.25 / precision ** 2))


def stability_exact(x: np.ndarray, w: np.ndarray, in_short: np.ndarray, size: int) -> tuple[np.ndarray, np.ndarray]:
    """Per criterion j the interval (lo, hi) of its weight around the current one in which the
    shortlist (competition ranks at most size, ties included) keeps exactly its members.

    Membership can only change where a shortlisted and another candidate cross, so those
    crossings are enumerated; walking out from the current weight, the shortlist is evaluated at
    each crossing (where a tie can widen it) and between crossings, up to the first change.
    Candidates whose scores move together stay tied and never cross. lo == hi when any change of
    the weight changes the shortlist (a tie at the boundary that breaks either way)."""
    n, m = x.shape
    lo, hi = np.zeros(m), np.full(m, 100.0)
    inside, outside = np.flatnonzero(in_short), np.flatnonzero(~in_short)
    if n == 0 or m == 0 or not len(inside) or not len(outside):
        return lo, hi
    s = x @ w
    for j in range(m):
        rest = 100.0 - w[j]
        if rest <= 1e-12:
            continue
        r = s - x[:, j] * w[j]
        a = 100.0 * r / rest
        b = x[:, j] - r / rest
        da = a[inside][:, None] - a[outside][None, :]
        db = b[inside][:, None] - b[outside][None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            roots = -da / db
        ok = (np.abs(db) > 1e-15) & (roots > 0) & (roots < 100)
        breaks = np.unique(roots[ok])

        def same(t, a=a, b=b):
            return bool(np.array_equal(shortlist_mask(a + b * t, size), in_short))

        if not same(w[j]):
            lo[j] = hi[j] = w[j]
            continue
        hi[j] = lo[j] = w[j]
        prev = w[j]
        for edge in list(breaks[breaks > w[j]]) + [100.0]:
            if not same((prev + edge) / 2):
                break
            prev = edge
            if edge < 100.0 and not same(edge):
                break
        hi[j] = prev
        prev = w[j]
        for edge in list(breaks[breaks < w[j]][::-1]) + [0.0]:
            if not same((prev + edge) / 2):
                break
            prev = edge
            if edge > 0.0 and not same(edge):
                break
        lo[j] = prev
    return lo, hi


@dataclass
class Sensitivity:
    """The sensitivity analysis of a scored call."""

    stability: dict[str, tuple[float, float]] = field(default_factory=dict)  # percent
    acceptability: dict[str, dict[str, float]] = field(default_factory=dict)
    errors: dict[str, dict[str, float]] = field(default_factory=dict)  # standard errors
    ranks: dict[str, list[float]] = field(default_factory=dict)  # share per rank 1..n
    weights: dict[str, float] = field(default_factory=dict)  # current, percent
    samples: int = 0
    seed: int = 0
    spread: float = 0.0
    precision: float = 0.005  # largest standard error of a share
    vary_scores: bool = False
    warnings: list[str] = field(default_factory=list)
    eligible: list[str] = field(default_factory=list)


def inputs(model, result) -> tuple[list[str], list, np.ndarray, np.ndarray]:
    """(eligible candidate ids, scored criteria, normalised matrix, weights in percent), in the
    canonical order (candidates and criteria sorted by id), whatever the order of the rows."""
    scored = sorted((c for c in model.criteria if not c.knockout), key=lambda k: k.id)
    ranked = sorted((c for c in result.candidates if c.rank is not None), key=lambda c: c.id)
    x = np.array([[(c.criterion_scores[k.id] - k.scale_min) / (k.scale_max - k.scale_min)
                   for k in scored] for c in ranked], dtype=float).reshape(len(ranked), len(scored))
    w = np.array([k.weight for k in scored], dtype=float)
    w = w / w.sum() * 100.0 if w.sum() > 0 else w
    return [c.id for c in ranked], scored, x, w


def score_ranges(model, ids: list[str], scored: list) -> tuple[np.ndarray, np.ndarray]:
    """Lowest and highest counted assessor score per [candidate, criterion], normalised 0-1."""
    from partnerkeuze.core.conflicts import counted_scores

    ci = {c: i for i, c in enumerate(ids)}
    ki = {k.id: j for j, k in enumerate(scored)}
    low = np.full((len(ids), len(scored)), np.inf)
    high = np.full((len(ids), len(scored)), -np.inf)
    for sc in counted_scores(model):
        i, j = ci.get(sc.candidate), ki.get(sc.criterion)
        if i is None or j is None or sc.score is None:
            continue
        k = scored[j]
        v = (sc.score - k.scale_min) / (k.scale_max - k.scale_min)
        low[i, j] = min(low[i, j], v)
        high[i, j] = max(high[i, j], v)
    return low, high


def _flag(value) -> bool:
    return str(value or "").strip().lower() in ("ja", "yes", "true", "1", "waar")


def analyse(model, result) -> Sensitivity:
    """Stability intervals and acceptability for a scored call (cached on the result)."""
    cached = result.extras.get("sensitivity")
    if cached is not None:
        return cached
    values = model.settings.values
    raw_prec = values.get("sensitivity_precision")
    precision = float(raw_prec if raw_prec not in (None, "") else 0.5) / 100
    samples = samples_for(precision, int(values.get("sensitivity_samples") or 10000))
    seed = int(values.get("sensitivity_seed") if values.get("sensitivity_seed") is not None else 2026)
    spread = float(values.get("sensitivity_spread") or 5)
    vary = _flag(values.get("sensitivity_vary_scores"))
    size = model.settings.shortlist_size
    ids, scored, x, w = inputs(model, result)
    out = Sensitivity(samples=samples, seed=seed, spread=spread, eligible=ids,
                      precision=precision, vary_scores=vary,
                      weights={k.id: float(w[j]) for j, k in enumerate(scored)})
    if not ids or not scored:
        out.warnings.append("Gevoeligheid niet berekend: geen volledig gescoorde kandidaten.")
        result.extras["sensitivity"] = out
        return out
    short = set(result.shortlist)
    in_short = np.array([cid in short for cid in ids])
    lo, hi = stability_exact(x, w, in_short, size)
    lo = np.where(lo < EDGE, 0.0, lo)  # crossings at the very ends are rounding noise
    hi = np.where(hi > 100 - EDGE, 100.0, hi)
    out.stability = {k.id: (float(lo[j]), float(hi[j])) for j, k in enumerate(scored)}
    if result.boundary_tie and all(h - low < 1e-9 for low, h in out.stability.values()):
        out.warnings.append("Gevoeligheid: door de gelijke stand op de grens van de shortlist "
                            "verandert de shortlist bij elke wijziging van een gewicht.")
    rng = np.random.default_rng(seed)
    weights = sample_weights(w, samples, spread, rng)
    noise = None
    if vary:
        low, high = score_ranges(model, ids, scored)
        low = np.where(np.isfinite(low), low, x)
        high = np.where(np.isfinite(high), high, x)

        def noise(k, _rng=np.random.default_rng([seed, 1])):
            return low[None] + (high - low)[None] * _rng.random((k,) + x.shape)
    counts = rank_counts(x, weights, noise)
    n = len(ids)
    # Every share is count / samples: one float object per count (candidates x candidates
    # shares, most of them 0, held as references to a few thousand floats).
    share = (np.arange(samples + 1) / samples).tolist()
    for i, cid in enumerate(ids):
        row = counts[i]
        first = share[int(row[0])]
        on = float((row[:min(size, n)] / samples).sum())
        out.acceptability[cid] = {"first": first, "shortlist": on}
        out.errors[cid] = {"first": standard_error(first, samples),
                           "shortlist": standard_error(on, samples)}
        out.ranks[cid] = [share[c] for c in row.tolist()]
    for c in result.candidates:
        out.acceptability.setdefault(c.id, {"first": 0.0, "shortlist": 0.0})
    result.extras["sensitivity"] = out
    return out


def percent(p: float) -> str:
    """A share as Dutch text: '82 %', 'minder dan 1 %', 'meer dan 99 %'."""
    v = p * 100
    if 0 < v <= 0.5:  # 0.5 would round (half to even) to '0 %' for a share that is not 0
        return "minder dan 1 %"
    if 99.5 <= v < 100:
        return "meer dan 99 %"
    return f"{v:.0f} %"


def number(v: float) -> str:
    """A weight in Dutch notation with at most one decimal (comma)."""
    text = f"{v:.1f}".replace(".", ",")
    return text[:-2] if text.endswith(",0") else text


def error_text(se: float) -> str:
    """A standard error of a share as Dutch text: '± 0,4 procentpunt'."""
    return f"± {se * 100:.1f}".replace(".", ",") + " procentpunt"


def acceptability_sentence(name: str, acc: dict[str, float], err: dict | None = None) -> str:
    """'Dassa-Zoumé staat eerst in 82 % (± 0,4 procentpunt) van de aannemelijke wegingen en op
    de shortlist in 97 % (± 0,2 procentpunt)'; candidates tied on a weighting all count."""
    if err is None:
        return (f"{name} staat eerst in {percent(acc['first'])} van de aannemelijke wegingen en "
                f"op de shortlist in {percent(acc['shortlist'])}")
    return (f"{name} staat eerst in {percent(acc['first'])} ({error_text(err['first'])}) van de "
            f"aannemelijke wegingen en op de shortlist in {percent(acc['shortlist'])} "
            f"({error_text(err['shortlist'])})")


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
    return [acceptability_sentence(names[cid], acc, sens.errors.get(cid)) + "."
            for cid, acc in rows]


def rank_rows(result, sens: Sensitivity, with_text: bool = True) -> list[dict]:
    """Per eligible candidate (most often first first) the share of weightings giving each rank,
    with a Dutch summary of the ranks it reaches ('rang 1: 62 %, rang 2: 30 %'; left empty
    without with_text: the sheet does not show it, and it walks candidates x candidates shares)."""
    names = {c.id: c.name for c in result.candidates}
    ids = sorted(sens.eligible, key=lambda c: (-sens.acceptability[c]["shortlist"],
                                               -sens.acceptability[c]["first"], c))
    out = []
    for cid in ids:
        shares = sens.ranks.get(cid, [])
        text = ", ".join(f"rang {r}: {percent(p)}" for r, p in enumerate(shares, start=1)
                         if p > 0) if with_text else ""
        out.append({"id": cid, "name": names.get(cid, cid), "ranks": shares,
                    "first": sens.acceptability[cid]["first"],
                    "first_se": sens.errors.get(cid, {}).get("first", 0.0),
                    "shortlist": sens.acceptability[cid]["shortlist"],
                    "shortlist_se": sens.errors.get(cid, {}).get("shortlist", 0.0),
                    "text": text})
    return out


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
