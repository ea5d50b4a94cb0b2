"""The matching is exact (equal to brute force up to 7x7), never worse than greedy, never pairs
infeasible parties and does not depend on the order of its input."""

from __future__ import annotations

import random

from hypothesis import given, settings, strategies as st

from partnerkeuze.core import matching as m

THEMES = [
    m.Theme("R1", "Burgerparticipatie", "Rwanda", (16,)),
    m.Theme("R2", "Jongerenparticipatie", "Rwanda", (16,)),
    m.Theme("B7", "Energie", "Benin", (7,)),
    m.Theme("B8", "Waardig werk", "Benin", (8,)),
    m.Theme("B11", "Duurzame gemeenschappen", "Benin", (11,)),
    m.Theme("BX", "Klimaat (SDG 13, buiten de focus)", "Benin", (13,)),
]
THEME_IDS = [t.id for t in THEMES]


def brute_force(fit):
    """The highest total fit, enumerating every partial one-to-one assignment."""
    rows = list(fit)
    cols = sorted({c for r in rows for c in fit[r]})

    def best(i, used):
        if i == len(rows):
            return 0.0
        top = best(i + 1, used)  # row i stays unmatched
        for c in cols:
            value = fit[rows[i]].get(c)
            if c not in used and value is not None:
                top = max(top, value + best(i + 1, used | {c}))
        return top

    return round(best(0, frozenset()), 6)


def random_fit(rng, n, k, p_none=0.3):
    return {f"F{i}": {f"P{j}": (None if rng.random() < p_none else float(rng.randint(1, 100)))
                      for j in range(k)} for i in range(n)}


def test_equal_to_brute_force_on_random_instances_up_to_7x7():
    rng = random.Random(8)
    for n in range(1, 8):
        for k in range(1, 8):
            for _ in range(3 if n * k > 30 else 6):
                fit = random_fit(rng, n, k)
                pairs, total = m.best_assignment(fit)
                assert abs(total - brute_force(fit)) < 1e-6, fit
                assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
                assert all(fit[r][c] is not None for r, c in pairs)


fits = st.integers(1, 7).flatmap(lambda n: st.integers(1, 7).flatmap(lambda k: st.lists(
    st.lists(st.one_of(st.none(), st.integers(1, 100).map(float)), min_size=k, max_size=k),
    min_size=n, max_size=n)))


@settings(max_examples=60, deadline=None)
@given(fits)
def test_property_optimal_and_not_worse_than_greedy(matrix):
    fit = {f"F{i}": {f"P{j}": v for j, v in enumerate(row)} for i, row in enumerate(matrix)}
    _, total = m.best_assignment(fit)
    _, greedy_total = m.greedy_assignment(fit)
    assert abs(total - brute_force(fit)) < 1e-6
    assert total >= greedy_total - 1e-9


def test_greedy_is_beaten_where_it_should_be():
    fit = {"F1": {"P1": 90.0, "P2": 80.0}, "F2": {"P1": 85.0, "P2": None}}
    assert m.greedy_assignment(fit)[1] == 90.0
    pairs, total = m.best_assignment(fit)
    assert total == 165.0 and sorted(pairs) == [("F1", "P2"), ("F2", "P1")]


def party(pid, country, interests, eligible=True, reason=""):
    return m.Party(pid, f"Gemeente {pid}", country, tuple(interests.items()), eligible, reason)


def random_parties(rng):
    flemish = [party(f"V{i:02d}", "België",
                     {t: rng.randint(1, 3) for t in rng.sample(THEME_IDS, rng.randint(1, 4))},
                     eligible=rng.random() > 0.2, reason="score onder het minimum")
               for i in range(rng.randint(1, 7))]
    partners = [party(f"Z{j:02d}", rng.choice(["Benin", "Rwanda", "Rwanda", "Senegal"]),
                      {t: rng.randint(1, 3) for t in rng.sample(THEME_IDS, rng.randint(1, 3))})
                for j in range(rng.randint(1, 7))]
    return flemish, partners


def test_infeasible_parties_are_never_matched():
    rng = random.Random(3)
    by_id = {t.id: t for t in THEMES}
    for _ in range(150):
        flemish, partners = random_parties(rng)
        result = m.match(flemish, partners, THEMES)
        f_by, p_by = {f.id: f for f in flemish}, {p.id: p for p in partners}
        for pair in result.pairs:
            f, p = f_by[pair.flemish], p_by[pair.partner]
            assert f.eligible and p.country in ("Benin", "Rwanda")
            shared = set(f.priorities) & set(p.priorities)
            ok = {t for t in shared if by_id[t].country == p.country and t != "BX"}
            assert ok and set(pair.shared) == ok
        for fid, reason in result.unmatched_flemish:
            if not f_by[fid].eligible:
                assert reason == "score onder het minimum"
                assert all(v is None for v in result.fit[fid].values())
        assert abs(result.total - brute_force(result.fit)) < 1e-6


def test_theme_outside_the_country_focus_gives_no_fit():
    f = party("V1", "België", {"BX": 3, "R1": 2})
    benin = party("Z1", "Benin", {"BX": 3})
    rwanda_only_benin_theme = party("Z2", "Rwanda", {"B7": 3})
    result = m.match([f], [benin, rwanda_only_benin_theme], THEMES)
    assert result.pairs == []
    assert result.fit == {"V1": {"Z1": None, "Z2": None}}
    assert [i for i, _ in result.unmatched_partners] == ["Z1", "Z2"]


def test_stable_under_reordering_of_the_input():
    rng = random.Random(11)
    for _ in range(60):
        flemish, partners = random_parties(rng)
        themes = list(THEMES)
        base = m.match(flemish, partners, themes).contract()
        for _ in range(3):
            rng.shuffle(flemish)
            rng.shuffle(partners)
            rng.shuffle(themes)
            again = m.match(flemish, partners, themes)
            assert again.contract() == base
            for f in flemish:  # also the order of each party's interests
                object.__setattr__(f, "interests", tuple(reversed(f.interests)))
            assert m.match(flemish, partners, themes).contract() == base


def test_fit_is_weighted_overlap_and_explained():
    f = party("V1", "België", {"B7": 3, "B8": 1, "R1": 3})
    p = party("Z1", "Benin", {"B7": 2, "B11": 2})
    result = m.match([f], [p], THEMES)
    # shared B7: min 2; union over Benin themes: B7 max 3, B8 1, B11 2 -> 2/6
    assert result.pairs == [m.Pair("V1", "Z1", 33.3, ("B7",))]
    assert result.contract() == {"pairs": [{"flemish": "V1", "partner": "Z1", "fit": 33.3}],
                                 "unmatched": {"flemish": [], "partners": []},
                                 "fit": {"V1": {"Z1": 33.3}}}


def test_nearly_equal_assignments_are_shown_as_alternatives():
    fit = {"F1": {"P1": 80.0, "P2": 78.0}, "F2": {"P1": 79.0, "P2": 78.0}}
    pairs, total = m.best_assignment(fit)
    assert total == 158.0
    alts = m.alternatives(fit, pairs, total, 2.0)
    assert [a.total for a in alts] == [157.0]
    assert set(alts[0].pairs) == set(fit_pairs := [("F1", "P2"), ("F2", "P1")])
    assert set(alts[0].added) == set(fit_pairs)
    assert m.alternatives(fit, pairs, total, 0.5) == []


def test_pure_python_assignment_is_scipys_step_for_step():
    """linear_sum_assignment gives scipy's rows and columns, also where ties leave a choice."""
    import numpy as np
    from scipy.optimize import linear_sum_assignment as scipy_lsa

    rng = random.Random(5)
    for k in range(1500):
        nr, nc = rng.randint(1, 9), rng.randint(1, 9)
        draw = (lambda: float(rng.randint(0, 3)),
                lambda: rng.choice([0.0, 33.3, 50.0, 66.7, 100.0]),
                lambda: round(rng.random() * 100, 1), lambda: 0.0)[k % 4]
        matrix = [[draw() for _ in range(nc)] for _ in range(nr)]
        for maximize in (True, False):
            rows, cols = scipy_lsa(np.array(matrix), maximize=maximize)
            assert m.linear_sum_assignment(matrix, maximize) == (list(rows), list(cols)), matrix
    assert m.linear_sum_assignment([]) == ([], [])


def test_matching_does_not_import_scipy():
    from conftest import run_python

    code = ("import sys\n"
            "from partnerkeuze.core import matching as m\n"
            "m.best_assignment({'F1': {'P1': 3.0, 'P2': 1.0}, 'F2': {'P1': 2.0}})\n"
            "print('scipy' in sys.modules)\n")
    out = run_python(code)
    assert out.stdout.strip() == "False", out.stderr


def brute_force_capped(fit, country, total, per_country):
    """The highest total fit with at most ``total`` pairs and ``per_country`` per country."""
    rows = list(fit)
    cols = sorted({c for r in rows for c in fit[r]})

    def best(i, used, counts):
        if i == len(rows):
            return 0.0
        top = best(i + 1, used, counts)
        if len(used) >= total:
            return top
        for c in cols:
            value = fit[rows[i]].get(c)
            k = country[c]
            if c not in used and value is not None and counts.get(k, 0) < per_country:
                top = max(top, value + best(i + 1, used | {c}, {**counts, k: counts.get(k, 0) + 1}))
        return top

    return round(best(0, frozenset(), {}), 6)


@settings(max_examples=80, deadline=None)
@given(fits, st.integers(1, 7), st.integers(1, 4), st.randoms(use_true_random=False))
def test_property_capped_assignment_is_the_best_under_the_pilot_size(matrix, total, per_country,
                                                                     rnd):
    """The pilot's size (003: 8 partnerships, 4 per country) as limits: the assignment keeps
    them and no assignment that keeps them has a higher total (brute force)."""
    fit = {f"F{i}": {f"P{j}": v for j, v in enumerate(row)} for i, row in enumerate(matrix)}
    country = {f"P{j}": rnd.choice(("Benin", "Rwanda")) for j in range(len(matrix[0]))}
    caps = m.Caps(total, per_country, country)
    pairs, got = m.best_assignment(fit, caps=caps)
    assert caps.respected(pairs)
    assert all(fit[r][c] is not None for r, c in pairs)
    assert len({r for r, _ in pairs}) == len(pairs) == len({c for _, c in pairs})
    assert abs(got - brute_force_capped(fit, country, total, per_country)) < 1e-6
    if (total, per_country) == (7, 4) and len(matrix[0]) <= 4:  # the limits do not bind
        assert pairs == m.best_assignment(fit)[0]
