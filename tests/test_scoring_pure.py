"""The pure-Python scoring core against the numpy implementation it replaced (kept here as the
oracle), and the small write commands that score (merge, match) without importing numpy."""

from __future__ import annotations

import math
import random
import subprocess
import sys
import warnings

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from partnerkeuze.core import scoring
from partnerkeuze.core.scoring import (WITHDRAWN, CandidateResult, ScoreResult,
                                       rank_and_shortlist, score_call)
from partnerkeuze.kernel.model import Assessor, Candidate, Criterion, Score

# --- the oracle: the numpy implementation of partnerkeuze.core.scoring before it became plain Python ---------


def oracle_score_matrix(scores, cand_ids, crit_ids, ass_ids) -> np.ndarray:
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


def oracle_aggregate(cube, counted, how="mean"):
    mask = counted[:, None, :]
    used = np.where(mask, cube, np.nan)
    missing = mask & np.isnan(cube)
    with np.errstate(all="ignore"), warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        agg = np.nanmedian(used, axis=2) if how == "median" else np.nanmean(used, axis=2)
    return agg, missing


def oracle_weighted(agg, criteria):
    idx = [k for k, c in enumerate(criteria) if not c.knockout]
    w = np.array([criteria[k].weight for k in idx], dtype=float)
    lo = np.array([criteria[k].scale_min for k in idx], dtype=float)
    hi = np.array([criteria[k].scale_max for k in idx], dtype=float)
    with np.errstate(all="ignore"):
        norm = (agg[:, idx] - lo) / (hi - lo)
        return norm @ w / w.sum() * 100.0


def oracle_score_call(criteria, candidates, assessors, scores, *, aggregation="mean",
                      shortlist_size=3, counted=None) -> ScoreResult:
    cand_ids = [c.id for c in candidates]
    crit_ids = [c.id for c in criteria]
    ass_ids = [a.id for a in assessors]
    cube = oracle_score_matrix(scores, cand_ids, crit_ids, ass_ids)
    if counted is None:
        counted = np.ones((len(cand_ids), len(ass_ids)), dtype=bool)
    counted = np.asarray(counted, dtype=bool).reshape(len(cand_ids), len(ass_ids))
    agg, missing = oracle_aggregate(cube, counted, aggregation)
    totals = oracle_weighted(agg, criteria) if criteria else np.full(len(cand_ids), np.nan)
    results = []
    for i, cand in enumerate(candidates):
        miss = [(crit_ids[k], ass_ids[a]) for k, a in zip(*np.nonzero(missing[i]))]
        complete = not miss and bool(counted[i].any()) and not np.isnan(agg[i]).any()
        reasons = []
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
    shortlist, warns, boundary = rank_and_shortlist(results, shortlist_size)
    for r in results:
        if not r.complete:
            what = "; ".join(f"{k} door {a}" for k, a in r.missing[:6])
            more = f" en {len(r.missing) - 6} meer" if len(r.missing) > 6 else ""
            warns.append(f"{r.id} ({r.name}) is onvolledig: scores ontbreken voor {what}{more}."
                         if r.missing else f"{r.id} ({r.name}) is onvolledig: geen scores.")
    order = sorted(results, key=lambda r: (r.rank is None, r.rank or 0,
                                           -(r.score if r.score is not None else -1), r.id))
    return ScoreResult(candidates=order, shortlist=shortlist, warnings=warns,
                       boundary_tie=boundary)


# --- comparing the two -------------------------------------------------------------------------


def listed(result: ScoreResult) -> list[str]:
    """The ids in the order the core lists them: rank, then score to RANK_DECIMALS, then id."""
    return [c.id for c in sorted(result.candidates, key=lambda c: (
        c.rank is None, c.rank or 0,
        -round(c.score, scoring.RANK_DECIMALS) if c.score is not None else 1, c.id))]


def assert_same(new: ScoreResult, old: ScoreResult) -> None:
    """Everything equal; weighted scores within 1e-9 and equal to RANK_DECIMALS.

    numpy's ``norm @ w`` is a BLAS kernel (with fused multiply-adds and an order that depends on
    the processor and on the row's position in the matrix), so its last bits are not a plain
    sum's. The numpy core listed tied candidates by those last bits; the pure core lists them by
    id, as it ranks them.
    """
    assert [c.id for c in new.candidates] == listed(new) == listed(old)
    assert new.shortlist == old.shortlist
    assert new.boundary_tie == old.boundary_tie
    assert new.warnings == old.warnings
    olds = old.by_id()
    for n in new.candidates:
        o = olds[n.id]
        assert (n.complete, n.excluded, n.reasons, n.missing, n.rank, n.tied, n.shortlisted) == \
            (o.complete, o.excluded, o.reasons, o.missing, o.rank, o.tied, o.shortlisted), n.id
        assert n.criterion_scores == o.criterion_scores, n.id  # the same sums: bit for bit
        assert all(type(v) is float for v in n.criterion_scores.values() if v is not None)
        if o.score is None:
            assert n.score is None, n.id
        else:
            assert type(n.score) is float
            assert math.isclose(n.score, o.score, rel_tol=0, abs_tol=1e-9), (n.id, n.score, o.score)
            assert round(n.score, scoring.RANK_DECIMALS) == round(o.score, scoring.RANK_DECIMALS)


SCALES = [(0.0, 5.0), (1.0, 5.0), (0.0, 10.0), (1.0, 4.0), (-2.0, 2.0), (0.0, 3.5), (0.0, 1.0)]


@st.composite
def random_calls(draw):
    n_crit = draw(st.integers(0, 9))
    n_cand = draw(st.integers(0, 8))
    n_ass = draw(st.integers(0, 11))  # 8 and more: numpy's pairwise summation
    criteria = []
    for k in range(n_crit):
        lo, hi = draw(st.sampled_from(SCALES))
        if draw(st.integers(0, 4)) == 0:
            threshold = draw(st.sampled_from([lo, (lo + hi) / 2, hi, lo + 1.0, None]))
            criteria.append(Criterion(f"C{k}", f"c{k}", 0.0, lo, hi, kind="Knock-out",
                                      threshold=threshold))
        else:
            weight = draw(st.one_of(st.integers(1, 30).map(float),
                                    st.floats(0.01, 40, allow_nan=False).map(lambda w: round(w, 6)),
                                    st.sampled_from([0.1, 0.2, 0.3, 1 / 3, 12.5, 33.333333])))
            criteria.append(Criterion(f"C{k}", f"c{k}", weight, lo, hi))
    candidates = [Candidate(f"K{i}", f"k{i}", "Benin", "fr",
                            status=draw(st.sampled_from(["In beoordeling", WITHDRAWN])))
                  for i in range(n_cand)]
    assessors = [Assessor(f"B{a}", f"b{a}") for a in range(n_ass)]
    grid = draw(st.sampled_from(["whole", "half", "tenth", "any"]))
    scores = []
    for c in candidates:
        for k in criteria:
            for a in assessors:
                kind = draw(st.integers(0, 9))
                if kind == 0:
                    continue  # no row at all
                if kind == 1:
                    scores.append(Score(c.id, k.id, a.id, None))
                    continue
                if grid == "any":
                    v = draw(st.floats(k.scale_min, k.scale_max, allow_nan=False))
                else:
                    step = {"whole": 1.0, "half": 0.5, "tenth": 0.1}[grid]
                    n = int(round((k.scale_max - k.scale_min) / step))
                    v = round(k.scale_min + draw(st.integers(0, n)) * step, 6)
                scores.append(Score(c.id, k.id, a.id, v))
    if scores and draw(st.booleans()):  # a duplicate row (the later one wins) and unknown ids
        s = draw(st.sampled_from(scores))
        scores.append(Score(s.candidate, s.criterion, s.assessor, s.score))
        scores.append(Score("K99", s.criterion, s.assessor, 1.0))
        scores.append(Score(s.candidate, "C99", s.assessor, 1.0))
        scores.append(Score(s.candidate, s.criterion, "B99", 1.0))
    draw(st.randoms(use_true_random=False)).shuffle(scores)
    counted = None
    if draw(st.booleans()):
        counted = [[draw(st.integers(0, 5)) > 0 for _ in assessors] for _ in candidates]
    how = draw(st.sampled_from(["mean", "median"]))
    size = draw(st.integers(1, 5))
    return criteria, candidates, assessors, scores, counted, how, size


def _both(call):
    criteria, candidates, assessors, scores, counted, how, size = call
    new = score_call(criteria, candidates, assessors, scores, aggregation=how,
                     shortlist_size=size, counted=counted)
    old = oracle_score_call(criteria, candidates, assessors, scores, aggregation=how,
                            shortlist_size=size, counted=counted)
    return new, old


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_calls())
def test_pure_core_gives_what_the_numpy_core_gave(call):
    new, old = _both(call)
    assert_same(new, old)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(random_calls(), st.data())
def test_ties_by_construction_stay_ties(call, data):
    """Candidates given the same scores in another row order are tied in both cores."""
    criteria, candidates, assessors, scores, counted, how, size = call
    if not candidates:
        return
    twin = Candidate("K98", "tweeling", "Benin", "fr")
    src = data.draw(st.sampled_from(candidates)).id
    scores = scores + [Score(twin.id, s.criterion, s.assessor, s.score)
                       for s in reversed(scores) if s.candidate == src]
    counted = None if counted is None else counted + [counted[[c.id for c in candidates].index(src)]]
    new, old = _both((criteria, candidates + [twin], assessors, scores, counted, how, size))
    assert_same(new, old)
    by = new.by_id()
    assert by[twin.id].score == by[src].score


def test_large_calls_with_many_criteria_rank_as_before():
    """40 and 17 criteria (numpy's dot product is a BLAS kernel there, not a plain sum): ranks,
    ties and shortlist unchanged and every score within 1e-9."""
    rnd = random.Random(7)
    for n_crit, n_cand, n_ass in ((40, 300, 7), (17, 200, 9), (5, 300, 3)):
        weights = [rnd.randint(1, 9) for _ in range(n_crit)]
        total = sum(weights)
        pct = [round(w * 100 / total, 6) for w in weights]
        pct[-1] = round(100 - sum(pct[:-1]), 6)
        criteria = [Criterion(f"C{k:02d}", f"c{k}", pct[k], 0.0, 5.0) for k in range(n_crit)]
        criteria.append(Criterion("KO", "ko", 0.0, 0.0, 1.0, kind="Knock-out", threshold=1.0))
        candidates = [Candidate(f"K{i:04d}", f"k{i}", "Benin", "fr") for i in range(n_cand)]
        assessors = [Assessor(f"B{a}", f"b{a}") for a in range(n_ass)]
        scores = [Score(c.id, k.id, a.id, float(rnd.randint(0, 5) if k.id != "KO" else 1))
                  for c in candidates for k in criteria for a in assessors if rnd.random() > 0.001]
        scores += [Score(c.id, k.id, "B0", float(rnd.randint(0, 5)))  # exact copies: ties
                   for c in candidates[-20:] for k in criteria[:1]]
        for how in ("mean", "median"):
            new = score_call(criteria, candidates, assessors, scores, aggregation=how)
            old = oracle_score_call(criteria, candidates, assessors, scores, aggregation=how)
            assert_same(new, old)


def test_a_score_does_not_depend_on_the_other_candidates():
    """The same scores give the same float, bit for bit, alone or among 300 candidates and at
    any row (numpy's matrix product did not promise that)."""
    rnd = random.Random(11)
    criteria = [Criterion(f"C{k:02d}", f"c{k}", w, 0.0, 5.0)
                for k, w in enumerate([7.3, 12.1, 3.3, 9.9, 0.7, 16.7] * 4)]
    assessors = [Assessor(f"B{a}", f"b{a}") for a in range(5)]
    candidates = [Candidate(f"K{i:04d}", f"k{i}", "Benin", "fr") for i in range(300)]
    scores = [Score(c.id, k.id, a.id, float(rnd.randint(0, 5)))
              for c in candidates for k in criteria for a in assessors]
    crowd = score_call(criteria, candidates, assessors, scores).by_id()
    for i in (0, 1, 2, 3, 150, 299):
        cid = candidates[i].id
        alone = score_call(criteria, [candidates[i]], assessors,
                           [s for s in scores if s.candidate == cid]).by_id()[cid]
        assert alone.score == crowd[cid].score


def test_no_criteria_no_candidates_no_assessors():
    for args in (([], [], [], []),
                 ([Criterion("C1", "c", 100.0, 0.0, 5.0)], [], [], []),
                 ([], [Candidate("K1", "k", "Benin", "fr")], [Assessor("B1", "b")], []),
                 ([Criterion("C1", "c", 100.0, 0.0, 5.0)], [Candidate("K1", "k", "Benin", "fr")],
                  [], [])):
        assert_same(score_call(*args), oracle_score_call(*args))


def test_counted_accepts_a_numpy_array_too():
    criteria = [Criterion("C1", "c", 100.0, 0.0, 5.0)]
    candidates = [Candidate("K1", "k", "Benin", "fr"), Candidate("K2", "l", "Benin", "fr")]
    assessors = [Assessor("B1", "b"), Assessor("B2", "c")]
    scores = [Score(c.id, "C1", a.id, 3.0) for c in candidates for a in assessors]
    mask = np.array([[True, False], [True, True]])
    assert_same(score_call(criteria, candidates, assessors, scores, counted=mask),
                oracle_score_call(criteria, candidates, assessors, scores, counted=mask))


def test_conflict_matrices_are_the_numpy_ones(demo_template):
    from partnerkeuze.core import conflicts
    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    model = parse(FileWorkbook(demo_template).snapshot())
    cleared, conflicted = conflicts.cleared_pairs(model), conflicts.conflicted_pairs(model)
    counted = conflicts.counted_matrix(model)
    expected = conflicts.expected_matrix(model)
    assert counted == [[(a.id, c.id) in cleared for a in model.assessors] for c in model.candidates]
    assert expected == [[(a.id, c.id) not in conflicted for a in model.assessors]
                        for c in model.candidates]
    assert not all(all(row) for row in expected)  # the demo has a declared conflict
    from partnerkeuze.core.assessment import evaluate

    old = oracle_score_call(model.criteria, model.candidates, model.assessors,
                            conflicts.counted_scores(model),
                            aggregation=model.settings.aggregation,
                            shortlist_size=model.settings.shortlist_size,
                            counted=np.array(expected))
    new = evaluate(model)
    new.warnings = new.warnings[:len(old.warnings)]  # evaluate adds the conflicts' warnings
    assert_same(new, old)


# --- merge and match do not import numpy --------------------------------------------------------

HEAVY = ("numpy", "pandas", "scipy", "openpyxl")
PROBE = ("import sys\nfrom partnerkeuze.app.cli import main\nrc = main(sys.argv[1:])\n"
         "print(rc, sorted(m for m in %r if m in sys.modules))\n" % (HEAVY,))


def _probe(*args) -> str:
    from conftest import ROOT

    out = subprocess.run([sys.executable, "-c", PROBE, *map(str, args)], capture_output=True,
                         text=True, cwd=ROOT, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin",
                                                   "PARTNERKEUZE_USER": "test",
                                                   "PARTNERKEUZE_PDF": "0"})
    assert out.stdout.strip(), out.stderr[-3000:]
    return out.stdout.strip().splitlines()[-1]


def test_merge_does_not_import_numpy(demo_path, tmp_path):
    from openpyxl import load_workbook

    from partnerkeuze.app.cli import main

    assert main(["assessor-forms", str(demo_path), "--out", str(tmp_path / "beoord")]) == 0
    form = next((tmp_path / "beoord").glob("Beoordelingsformulier-B1-*.xlsx"))
    wb = load_workbook(form)
    for row in wb["Beoordeling"].iter_rows(min_row=7):
        if row[0].value == "K01" and row[3].value == "C01":
            row[7].value = 2
    (tmp_path / "in").mkdir()
    wb.save(tmp_path / "in" / "b1.xlsx")
    assert _probe("merge", demo_path, tmp_path / "in") == "0 []"


def test_match_does_not_import_numpy(tmp_path):
    from partnerkeuze.app.creation import new

    sdg = tmp_path / "sdg.xlsx"
    new(sdg, "sdg", demo=True)
    assert _probe("match", sdg) == "0 []"


@pytest.mark.parametrize("module", ["partnerkeuze.core.scoring", "partnerkeuze.core.assessment",
                                    "partnerkeuze.core.conflicts"])
def test_scoring_modules_import_no_numpy(module):
    code = f"import sys, {module}\nprint('numpy' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"
