"""Sensitivity that tells the truth: exact ties share acceptability, the figures do not depend on
the order of the rows, every share stays within its stated standard error of an independent Monte
Carlo, and the stability sentence never claims a tie can change when it cannot."""

from __future__ import annotations

import functools
import math

import numpy as np
import pytest
from test_governance_util import small_model

from partnerkeuze.core.assessment import evaluate
from partnerkeuze.core import sensitivity as sv
from partnerkeuze.kernel.model import Criterion


def _declared(scores):
    return {(a, c): "geen conflict" for (c, _, a) in scores}


def _model(table: dict[str, tuple[int, int, int]], size=2, **values):
    """Candidates -> scores on three criteria (one assessor)."""
    crits = [Criterion("C1", "Een", 50, 0, 5), Criterion("C2", "Twee", 30, 0, 5),
             Criterion("C3", "Drie", 20, 0, 5)]
    scores = {(c, k, "A"): float(v) for c, vals in table.items()
              for k, v in zip(("C1", "C2", "C3"), vals)}
    model = small_model(scores, _declared(scores), criteria=crits, size=size)
    model.settings.values.update({"sensitivity_samples": 2000, **values})
    return model


def test_candidates_tied_first_are_both_first_in_every_weighting():
    model = _model({"K01": (4, 4, 3), "K02": (4, 4, 3), "K03": (1, 2, 1)})
    result = evaluate(model)
    sens = sv.analyse(model, result)
    assert sens.acceptability["K01"] == sens.acceptability["K02"] == {"first": 1.0,
                                                                      "shortlist": 1.0}
    assert sens.acceptability["K03"] == {"first": 0.0, "shortlist": 0.0}
    assert sens.ranks["K01"][0] == 1.0 and sens.ranks["K03"][2] == 1.0


def test_a_candidate_tied_at_the_boundary_is_shortlisted_in_every_weighting():
    model = _model({"K01": (5, 5, 5), "K02": (3, 3, 3), "K03": (3, 3, 3), "K04": (1, 1, 1)})
    result = evaluate(model)
    assert set(result.shortlist) == {"K01", "K02", "K03"} and result.boundary_tie
    sens = sv.analyse(model, result)
    assert sens.acceptability["K02"]["shortlist"] == sens.acceptability["K03"]["shortlist"] == 1.0
    for row in sv.stability_rows(model, sens):  # K02 and K03 stay tied under every weighting
        assert "kan niet wijzigen" not in row["sentence"], row
        assert (row["low"], row["high"]) == (0.0, 100.0)
    assert not sens.warnings


def test_with_all_scores_equal_everyone_is_first_and_shortlisted():
    model = _model({f"K0{i}": (3, 2, 4) for i in range(1, 6)})
    sens = sv.analyse(model, evaluate(model))
    assert all(a == {"first": 1.0, "shortlist": 1.0} for a in sens.acceptability.values())


def test_a_real_boundary_tie_is_reported_as_fragile():
    # K02: 4*50 + 2*30 + 3*20 = 320 = 2*50 + 4*30 + 5*20: K03, tied only at these weights
    model = _model({"K01": (5, 5, 5), "K02": (4, 2, 3), "K03": (2, 4, 5), "K04": (1, 1, 1)})
    result = evaluate(model)
    assert result.boundary_tie
    sens = sv.analyse(model, result)
    sentences = [r["sentence"] for r in sv.stability_rows(model, sens)]
    assert any("kan niet wijzigen" in s for s in sentences)


@functools.lru_cache(maxsize=1)
def _demo_model():
    from test_governance_util import demo_book

    from partnerkeuze.core.parse import parse

    return parse(demo_book().snapshot())


def _figures(model):
    sens = sv.analyse(model, evaluate(model))
    return sens.acceptability, sens.ranks, sens.stability


def test_identical_figures_under_row_reorders():
    base = _demo_model()
    want = _figures(base)
    rng = np.random.default_rng(1)
    for _ in range(12):
        crits = list(base.criteria)
        cands = list(base.candidates)
        rng.shuffle(crits)
        rng.shuffle(cands)
        scores = list(base.scores)
        rng.shuffle(scores)
        model = base.replace(criteria=crits, candidates=cands, scores=scores)
        got = _figures(model)
        assert got[0] == want[0] and got[1] == want[1]
        for k, (lo, hi) in want[2].items():
            assert got[2][k] == pytest.approx((lo, hi), abs=1e-9)


def _independent_monte_carlo(model, n, seed):
    """An independent estimate: own Dirichlet (gamma draws, legacy generator), own scores and a
    plain Python count of competition ranks."""
    result = evaluate(model)
    scored = [c for c in model.criteria if not c.knockout]
    ranked = [c for c in result.candidates if c.rank is not None]
    w = np.array([c.weight for c in scored], float)
    w = w / w.sum()
    kappa = sv.concentration(w * 100, float(model.settings.values.get("sensitivity_spread") or 5))
    rs = np.random.RandomState(seed)
    first = {c.id: 0 for c in ranked}
    short = {c.id: 0 for c in ranked}
    size = model.settings.shortlist_size
    for _ in range(n):
        g = rs.gamma(kappa * w)
        wt = g / g.sum()
        s = {c.id: round(sum(wt[j] * (c.criterion_scores[k.id] - k.scale_min)
                             / (k.scale_max - k.scale_min) for j, k in enumerate(scored)) * 100, 9)
             for c in ranked}
        for cid, v in s.items():
            rank = 1 + sum(1 for o in s.values() if o > v)
            first[cid] += rank == 1
            short[cid] += rank <= size
    return {cid: (first[cid] / n, short[cid] / n) for cid in first}


def test_acceptability_agrees_with_an_independent_monte_carlo_within_the_stated_error():
    model = _demo_model()
    sens = sv.analyse(model, evaluate(model))
    assert sens.samples >= math.ceil(0.25 / sens.precision ** 2)
    n = 20_000
    theirs = _independent_monte_carlo(model, n, seed=99)
    for cid, (f, s) in theirs.items():
        for key, p in (("first", f), ("shortlist", s)):
            ours = sens.acceptability[cid][key]
            se = sens.errors[cid][key]
            assert se <= sens.precision + 1e-12
            bound = 4.5 * math.sqrt(se ** 2 + p * (1 - p) / n) + 2 / n
            assert abs(ours - p) <= bound, (cid, key, ours, p, bound)


def test_varying_the_scores_is_an_option_that_changes_the_figures_reproducibly():
    model = _demo_model()
    plain = sv.analyse(model, evaluate(model))
    varied_model = model.replace(settings=model.settings.replace(
        values={**model.settings.values, "sensitivity_vary_scores": "ja"}))
    a = sv.analyse(varied_model, evaluate(varied_model))
    b = sv.analyse(varied_model, evaluate(varied_model))
    assert a.vary_scores and not plain.vary_scores
    assert a.acceptability == b.acceptability
    assert a.acceptability != plain.acceptability
    for cid in a.eligible:
        assert abs(sum(a.ranks[cid]) - 1) < 1e-9


def test_the_tie_aware_stability_equals_the_closed_form_without_ties():
    rng = np.random.default_rng(17)
    for _ in range(60):
        n, m, size = int(rng.integers(4, 14)), int(rng.integers(2, 7)), int(rng.integers(2, 5))
        x = rng.uniform(0, 1, (n, m))
        w = rng.dirichlet(np.ones(m)) * 100
        in_short = sv.shortlist_mask(x @ w, size)
        if in_short.sum() != size:
            continue
        lo_a, hi_a = sv.stability_intervals(x, w, in_short)
        lo_b, hi_b = sv.stability_exact(x, w, in_short, size)
        assert np.allclose(lo_a, lo_b, atol=1e-7) and np.allclose(hi_a, hi_b, atol=1e-7)


from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=40, deadline=None)
@given(data=st.data())
def test_figures_state_only_what_is_true_over_random_calls(data):
    """Over random calls with duplicated candidates: duplicates get identical figures, every
    candidate's rank shares sum to 1, first <= shortlist, shares equal their rank table, and the
    figures do not change when the rows are shuffled."""
    n = data.draw(st.integers(2, 7))
    table = {f"K{i}": tuple(data.draw(st.integers(0, 5)) for _ in range(3)) for i in range(n)}
    dup = data.draw(st.sampled_from(sorted(table)))
    table["K9"] = table[dup]
    size = data.draw(st.integers(1, 4))
    model = _model(table, size=size)
    sens = sv.analyse(model, evaluate(model))
    if "K9" in sens.eligible:
        assert sens.acceptability["K9"] == sens.acceptability[dup]
        assert sens.ranks["K9"] == sens.ranks[dup]
    for cid in sens.eligible:
        acc, ranks = sens.acceptability[cid], sens.ranks[cid]
        assert abs(sum(ranks) - 1) < 1e-9
        assert acc["first"] == ranks[0] and acc["first"] <= acc["shortlist"] + 1e-12
        assert abs(acc["shortlist"] - sum(ranks[:size])) < 1e-9
        assert sens.errors[cid]["first"] <= sens.precision + 1e-12
    perm = data.draw(st.permutations(list(model.candidates)))
    shuffled = model.replace(candidates=list(perm), criteria=list(reversed(model.criteria)))
    again = sv.analyse(shuffled, evaluate(shuffled))
    assert again.acceptability == sens.acceptability and again.ranks == sens.ranks


@settings(max_examples=300, deadline=None)
@given(count=st.integers(0, 10_000))
def test_a_share_in_words_is_never_zero_or_whole_unless_it_is(count):
    """sv.percent of count / 10,000 weightings (as the dossier prints a rank share): '0 %' only
    for none, '100 %' only for all (50 of 10,000 printed '0 %' by half-to-even rounding)."""
    text = sv.percent(count / 10_000)
    assert (text == "0 %") == (count == 0)
    assert (text == "100 %") == (count == 10_000)
    assert sv.percent(0.005) == "minder dan 1 %"
