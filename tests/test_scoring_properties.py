"""Invariants of the scoring core, checked over many generated calls (hypothesis)."""

from __future__ import annotations

import math

from hypothesis import given, settings, strategies as st

from partnerkeuze.core.scoring import competition_ranks, score_call
from partnerkeuze.kernel.model import Assessor, Candidate, Criterion, Score


@st.composite
def calls(draw):
    n_cand = draw(st.integers(1, 7))
    n_crit = draw(st.integers(1, 5))
    n_ass = draw(st.integers(1, 3))
    weights = draw(st.lists(st.integers(1, 20), min_size=n_crit, max_size=n_crit))
    criteria = [Criterion(f"C{k}", f"c{k}", float(w), 0.0, 5.0) for k, w in enumerate(weights)]
    candidates = [Candidate(f"K{i}", f"k{i}", "Benin", "fr") for i in range(n_cand)]
    assessors = [Assessor(f"B{a}", f"b{a}") for a in range(n_ass)]
    values = draw(st.lists(st.integers(0, 5), min_size=n_cand * n_crit * n_ass,
                           max_size=n_cand * n_crit * n_ass))
    it = iter(values)
    scores = [Score(c.id, k.id, a.id, float(next(it))) for c in candidates for k in criteria
              for a in assessors]
    size = draw(st.integers(1, 4))
    return criteria, candidates, assessors, scores, size


def _outcome(criteria, candidates, assessors, scores, size, how="mean"):
    res = score_call(criteria, candidates, assessors, scores, aggregation=how, shortlist_size=size)
    return {c.id: (round(c.score, 9), c.rank, c.shortlisted) for c in res.candidates}


@settings(max_examples=150, deadline=None)
@given(calls(), st.randoms(use_true_random=False))
def test_order_of_candidates_and_criteria_does_not_matter(call, rnd):
    criteria, candidates, assessors, scores, size = call
    base = _outcome(criteria, candidates, assessors, scores, size)
    c2, k2, s2 = list(candidates), list(criteria), list(scores)
    rnd.shuffle(c2)
    rnd.shuffle(k2)
    rnd.shuffle(s2)
    assert _outcome(k2, c2, assessors, s2, size) == base


@settings(max_examples=150, deadline=None)
@given(calls(), st.sampled_from([0.5, 2.0, 3.7, 10.0]))
def test_scaling_all_weights_changes_nothing(call, factor):
    criteria, candidates, assessors, scores, size = call
    scaled = [Criterion(c.id, c.name, c.weight * factor, c.scale_min, c.scale_max)
              for c in criteria]
    assert _outcome(scaled, candidates, assessors, scores, size) == \
        _outcome(criteria, candidates, assessors, scores, size)


@settings(max_examples=200, deadline=None)
@given(calls(), st.data(), st.sampled_from(["mean", "median"]))
def test_raising_a_score_never_lowers_the_rank(call, data, how):
    criteria, candidates, assessors, scores, size = call
    idx = data.draw(st.integers(0, len(scores) - 1))
    old = scores[idx]
    if old.score >= 5:
        return
    new = list(scores)
    new[idx] = Score(old.candidate, old.criterion, old.assessor,
                     data.draw(st.integers(int(old.score) + 1, 5)) * 1.0)
    before = _outcome(criteria, candidates, assessors, scores, size, how)[old.candidate]
    after = _outcome(criteria, candidates, assessors, new, size, how)[old.candidate]
    assert after[0] >= before[0]
    assert after[1] <= before[1]
    assert after[2] or not before[2]


def test_ties_share_a_rank_and_boundary_tie_is_flagged():
    criteria = [Criterion("C1", "c", 100.0, 0.0, 5.0)]
    cands = [Candidate(f"K{i}", f"k{i}", "Peru", "es") for i in range(5)]
    ass = [Assessor("B1", "b")]
    vals = [5, 4, 4, 4, 1]
    scores = [Score(c.id, "C1", "B1", float(v)) for c, v in zip(cands, vals)]
    res = score_call(criteria, cands, ass, scores, shortlist_size=3)
    ranks = {c.id: c.rank for c in res.candidates}
    assert ranks == {"K0": 1, "K1": 2, "K2": 2, "K3": 2, "K4": 5}
    assert res.shortlist == ["K0", "K1", "K2", "K3"]
    assert res.boundary_tie
    assert any("Gelijke stand" in w for w in res.warnings)


def test_missing_score_makes_incomplete_not_zero():
    criteria = [Criterion("C1", "c", 50.0, 0.0, 5.0), Criterion("C2", "d", 50.0, 0.0, 5.0)]
    cands = [Candidate("K1", "a", "Peru", "es"), Candidate("K2", "b", "Peru", "es")]
    ass = [Assessor("B1", "x"), Assessor("B2", "y")]
    scores = [Score(c.id, k.id, a.id, 3.0) for c in cands for k in criteria for a in ass]
    scores = [s for s in scores if not (s.candidate == "K2" and s.criterion == "C2"
                                        and s.assessor == "B2")]
    res = score_call(criteria, cands, ass, scores).by_id()
    assert res["K1"].complete and res["K1"].score == 60.0
    assert not res["K2"].complete and res["K2"].score is None and res["K2"].rank is None
    assert res["K2"].missing == [("C2", "B2")]


def test_knockout_excludes_with_reason_and_median_aggregation():
    criteria = [Criterion("KO", "niveau", 0.0, 0.0, 1.0, kind="Knock-out", threshold=1.0),
                Criterion("C1", "c", 100.0, 0.0, 4.0)]
    cands = [Candidate("K1", "a", "Peru", "es"), Candidate("K2", "b", "Peru", "es")]
    ass = [Assessor("B1", "x"), Assessor("B2", "y"), Assessor("B3", "z")]
    vals = {"K1": [1, 0, 4], "K2": [4, 2, 2]}
    scores = [Score(c, "C1", f"B{a + 1}", float(v)) for c, vs in vals.items() for a, v in enumerate(vs)]
    scores += [Score("K1", "KO", f"B{a}", 1.0) for a in (1, 2, 3)]
    scores += [Score("K2", "KO", f"B{a}", 0.0 if a == 1 else 1.0) for a in (1, 2, 3)]
    mean = score_call(criteria, cands, ass, scores, aggregation="mean").by_id()
    median = score_call(criteria, cands, ass, scores, aggregation="median").by_id()
    assert math.isclose(mean["K1"].score, 5 / 3 / 4 * 100)
    assert median["K1"].score == 25.0
    assert mean["K2"].excluded and "KO" in mean["K2"].reasons[0]
    assert mean["K2"].rank is None and not mean["K2"].shortlisted
    assert median["K2"].excluded is False  # median of 0, 1, 1 is 1: meets the threshold


def test_competition_ranks():
    assert competition_ranks([9, 8, 8, 7, 7, 7, 1]) == [1, 2, 2, 4, 4, 4, 7]
