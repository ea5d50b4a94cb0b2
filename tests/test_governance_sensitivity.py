"""Sensitivity: the weighted-sum ranking equals an independent implementation (pymcdm), the
stability intervals are exact at their edges, acceptability converges to exact values."""

from __future__ import annotations

import json
import shutil

import numpy as np
import pytest
from conftest import run_cli

from partnerkeuze.core.scoring import CandidateResult, rank_and_shortlist, score_call
from partnerkeuze.core import sensitivity as sv
from partnerkeuze.kernel.model import Assessor, Candidate, Criterion, Score


def random_call(rng, n_cand, n_crit, n_ass, integer=True):
    lo = rng.integers(0, 2, n_crit).astype(float)
    hi = lo + rng.integers(3, 10, n_crit)
    w = rng.dirichlet(np.ones(n_crit)) * 100
    w = np.round(w, 6)
    w[-1] = 100 - w[:-1].sum()
    crits = [Criterion(f"C{j}", f"crit {j}", float(w[j]), float(lo[j]), float(hi[j]))
             for j in range(n_crit)]
    cands = [Candidate(f"K{i:03d}", f"Gemeente {i}", "Benin", "fr") for i in range(n_cand)]
    ass = [Assessor(f"B{a}", f"Beoordelaar {a}") for a in range(n_ass)]
    raw = np.empty((n_cand, n_crit, n_ass))
    scores = []
    for i in range(n_cand):
        for j in range(n_crit):
            for a in range(n_ass):
                v = (rng.integers(lo[j], hi[j] + 1) if integer
                     else round(float(rng.uniform(lo[j], hi[j])), 3))
                raw[i, j, a] = v
                scores.append(Score(cands[i].id, crits[j].id, ass[a].id, float(v)))
    return crits, cands, ass, scores, raw, lo, hi, w


def competition(values):
    r = np.round(values, 9)
    return [int((r > v).sum()) + 1 for v in r]


@pytest.mark.filterwarnings("ignore::UserWarning")
def test_weighted_sum_ranking_equals_pymcdm_on_250_random_instances():
    from pymcdm.methods import WSM

    rng = np.random.default_rng(7)
    wsm = WSM(normalization_function=lambda x, cost: x)
    for case in range(250):
        n, m, a = int(rng.integers(2, 25)), int(rng.integers(1, 9)), int(rng.integers(1, 5))
        crits, cands, ass, scores, raw, lo, hi, w = random_call(rng, n, m, a,
                                                                integer=bool(case % 2))
        ours = score_call(crits, cands, ass, scores, shortlist_size=3)
        matrix = (raw.mean(axis=2) - lo) / (hi - lo)
        if m == 1:
            matrix = np.hstack([matrix, np.zeros((n, 1))])  # pymcdm needs two criteria
            weights = np.array([1.0, 0.0])
        else:
            weights = w / w.sum()
        pref = wsm(matrix, weights, np.ones(matrix.shape[1], dtype=int)) * 100
        theirs = competition(pref)
        got = {c.id: c.rank for c in ours.candidates}
        assert [got[c.id] for c in cands] == theirs, case
        for c, p in zip(cands, pref):
            assert ours.by_id()[c.id].score == pytest.approx(p, abs=1e-9)


def _shortlist_at(x, w, j, t, size):
    """The shortlist (set) by the foundation's ranking when weight j is t, others scaled."""
    rest = 100 - w[j]
    wt = w * (100 - t) / rest
    wt[j] = t
    results = [CandidateResult(id=f"K{i:03d}", name="", country="", language="", channel="",
                               criterion_scores={}, score=float(s), complete=True,
                               excluded=False) for i, s in enumerate(x @ wt)]
    shortlist, _, boundary = rank_and_shortlist(results, size)
    return frozenset(shortlist), boundary


def test_stability_intervals_are_exact_at_their_edges():
    rng = np.random.default_rng(11)
    edges = 0
    for case in range(150):
        n, m, size = int(rng.integers(4, 14)), int(rng.integers(2, 7)), int(rng.integers(3, 6))
        x = rng.uniform(0, 1, (n, m))
        w = rng.dirichlet(np.ones(m)) * 100
        base, boundary = _shortlist_at(x, w, 0, w[0], size)
        assert not boundary
        in_short = np.array([f"K{i:03d}" in base for i in range(n)])
        lo, hi = sv.stability_intervals(x, w, in_short)
        for j in range(m):
            assert lo[j] < w[j] < hi[j]
            assert _shortlist_at(x, w, j, (lo[j] + hi[j]) / 2, size)[0] == base
            for edge, step in ((lo[j], -1), (hi[j], 1)):
                if edge <= 0 or edge >= 100:
                    continue
                d = 1e-6
                inside, b_in = _shortlist_at(x, w, j, edge - step * d, size)
                outside, b_out = _shortlist_at(x, w, j, edge + step * d, size)
                assert inside == base and not b_in, (case, j, edge)
                assert outside != base or b_out, (case, j, edge)
                edges += 1
    assert edges > 100


def _exact_two_criteria(x, alpha, size):
    """Exact acceptability for two criteria: t ~ Beta(alpha) is the first weight; the ranking
    is constant between consecutive crossing points, which are enumerated."""
    from scipy.stats import beta

    n = len(x)
    points = {0.0, 1.0}
    for i in range(n):
        for k in range(i + 1, n):
            # s_i(t) = x_i1 t + x_i2 (1-t); crossing where s_i = s_k
            a = (x[i, 0] - x[i, 1]) - (x[k, 0] - x[k, 1])
            b = x[i, 1] - x[k, 1]
            if a != 0 and 0 < -b / a < 1:
                points.add(-b / a)
    points = sorted(points)
    first, short = np.zeros(n), np.zeros(n)
    for t0, t1 in zip(points, points[1:]):
        mass = beta.cdf(t1, *alpha) - beta.cdf(t0, *alpha)
        s = x @ np.array([(t0 + t1) / 2, 1 - (t0 + t1) / 2])
        order = np.argsort(-s)
        first[order[0]] += mass
        short[order[:size]] += mass
    return first, short


def test_acceptability_converges_to_exact_values_by_enumeration():
    rng = np.random.default_rng(3)
    for case in range(4):
        n = 6
        x = rng.uniform(0, 1, (n, 2))
        w = np.array([55.0, 45.0])
        spread = 12.0
        kappa = sv.concentration(w, spread)
        first_x, short_x = _exact_two_criteria(x, (kappa * 0.55, kappa * 0.45), 3)
        errors = []
        for samples in (2_000, 20_000, 200_000):
            weights = sv.sample_weights(w, samples, spread, np.random.default_rng(case))
            first, short = sv.acceptability(x, weights, 3)
            err = max(np.abs(first - first_x).max(), np.abs(short - short_x).max())
            errors.append(err)
            assert err < 5 * 0.5 / np.sqrt(samples) + 1e-12, (case, samples, err)
        assert errors[-1] <= errors[0] + 1e-3


def test_vectorised_counting_equals_a_plain_loop_over_enumerated_weightings():
    rng = np.random.default_rng(5)
    x = rng.uniform(0, 1, (9, 3))
    grid = np.array([(a, b, 20 - a - b) for a in range(21) for b in range(21 - a)],
                    dtype=float) * 5  # every weighting on a 5 % lattice
    first, short = sv.acceptability(x, grid, 4)
    f_loop, s_loop = np.zeros(9), np.zeros(9)
    for wt in grid:
        s = x @ wt
        order = sorted(range(9), key=lambda i: (-s[i], i))
        f_loop[order[0]] += 1
        for i in order[:4]:
            s_loop[i] += 1
    assert np.allclose(first, f_loop / len(grid)) and np.allclose(short, s_loop / len(grid))


def test_sampling_is_reproducible_and_centred_on_the_chosen_weights():
    w = np.array([15.0, 15.0, 10.0, 10.0, 15.0, 10.0, 10.0, 15.0])
    a = sv.sample_weights(w, 10_000, 5, np.random.default_rng(2026))
    b = sv.sample_weights(w, 10_000, 5, np.random.default_rng(2026))
    assert np.array_equal(a, b)
    assert np.allclose(a.sum(axis=1), 100)
    assert np.allclose(a.mean(axis=0), w, atol=0.3)
    assert abs(a.std(axis=0).mean() - 5) < 0.5


def test_score_json_has_acceptability_and_stability(demo_template, tmp_path):
    path = tmp_path / "s.xlsx"
    shutil.copy(demo_template, path)
    r = run_cli("score", path, "--json")
    assert r.returncode == 0, r.stderr
    data = json.loads(r.stdout)
    assert set(data) >= {"criteria_hash", "frozen", "shortlist", "candidates", "warnings",
                         "stability"}
    scored = ["C01", "C02", "C03", "C04", "C05", "C06", "C07", "C08"]
    assert sorted(data["stability"]) == scored
    for lo, hi in data["stability"].values():
        assert 0 <= lo <= hi <= 100
    for c in data["candidates"]:
        acc = c["acceptability"]
        assert set(acc) == {"first", "shortlist"} and 0 <= acc["first"] <= acc["shortlist"] <= 1
    assert abs(sum(c["acceptability"]["first"] for c in data["candidates"]) - 1) < 1e-9
    assert abs(sum(c["acceptability"]["shortlist"] for c in data["candidates"]) - 3) < 1e-9
    again = json.loads(run_cli("score", path, "--json").stdout)
    assert again["candidates"] == data["candidates"]  # same seed, same outcome
    from openpyxl import load_workbook

    ws = load_workbook(path)["Gevoeligheid"]
    text = " ".join(str(c) for row in ws.iter_rows(values_only=True) for c in row if c)
    assert "Dassa-Zoumé staat eerst in" in text and "van de aannemelijke wegingen" in text
    assert "zonder dat de shortlist verandert" in text


def test_rank_table_on_the_sheet_is_bounded_and_true_to_the_json(tmp_path):
    """With more eligible candidates than RANK_COLUMNS the sheet shows ranks 1-20 and one column
    for every lower rank together (the sum of those shares), and no cell beyond it; the JSON keeps
    every rank. A table of candidates x candidates cells would be a million cells at 1,000."""
    from openpyxl import load_workbook

    from bench.common import large_call
    from partnerkeuze.io import audit
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    n, RANK_COLUMNS = 26, 20  # 26 eligible candidates; the sheet shows 20 ranks (docs/governance.md)
    path = large_call(tmp_path / "groot.xlsx", n, 4, 2)
    book = FileWorkbook(path)
    book.apply(audit.entry_patch(book.snapshot(), "new", "nieuwe werkmap, modus stedenband"))
    book.save(backup=False)
    r = run_cli("score", path, "--json")
    assert r.returncode == 0, r.stderr
    ranks = json.loads(r.stdout)["sensitivity"]["ranks"]
    assert len(ranks) == n and all(len(v) == n for v in ranks.values())
    rows = list(load_workbook(path)["Gevoeligheid"].iter_rows(values_only=True))
    head = next(i for i, row in enumerate(rows) if "Rang 1" in row)
    header = [c for c in rows[head] if c is not None]
    first = rows[head].index("ID")
    assert header == (["ID", "Gemeente"] + [f"Rang {k}" for k in range(1, RANK_COLUMNS + 1)]
                      + [f"Rang {RANK_COLUMNS + 1} of lager"])
    assert "alle rangen staan in de uitvoer van 'partnerkeuze score --json'" in str(rows[head - 1])
    seen = set()
    for row in rows[head + 1:]:
        cid = row[first]
        if cid is None:
            continue
        cells = row[first + 2:]
        assert all(c is None for c in cells[RANK_COLUMNS + 1:])  # nothing past the last column
        assert cells[:RANK_COLUMNS] == pytest.approx(ranks[cid][:RANK_COLUMNS], abs=1e-12)
        assert cells[RANK_COLUMNS] == pytest.approx(sum(ranks[cid][RANK_COLUMNS:]), abs=1e-12)
        assert sum(cells[:RANK_COLUMNS + 1]) == pytest.approx(1.0, abs=1e-9)
        seen.add(cid)
    assert seen == set(ranks)
