"""Conflicts of interest: the aggregate changes exactly as specified (hand-computed cases), and
the workbook's native formulas (recalculated by LibreOffice) follow the same rules."""

from __future__ import annotations

import shutil

import pytest
from test_governance_util import small_model

from partnerkeuze import layout
from partnerkeuze.core.assessment import evaluate
from partnerkeuze.core import conflicts

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

OK, CONFLICT = "geen conflict", "conflict"
X_SCORES = {("X", "C1", "A"): 5, ("X", "C2", "A"): 4, ("X", "C1", "B"): 1, ("X", "C2", "B"): 2,
            ("X", "C1", "C"): 3, ("X", "C2", "C"): 3,
            ("Y", "C1", "A"): 2, ("Y", "C2", "A"): 2, ("Y", "C1", "B"): 2, ("Y", "C2", "B"): 2,
            ("Y", "C1", "C"): 2, ("Y", "C2", "C"): 2}


def declared(**overrides):
    d = {(a, c): OK for a in "ABC" for c in "XY"}
    for key, value in overrides.items():
        a, c = key.split("_")
        if value is None:
            d.pop((a, c))
        else:
            d[(a, c)] = value
    return d


def test_all_declared_no_conflict_is_the_plain_mean():
    r = evaluate(small_model(X_SCORES, declared())).by_id()
    assert r["X"].criterion_scores == {"C1": 3.0, "C2": 3.0}
    assert r["X"].score == pytest.approx(3 / 5 * 60 + 3 / 5 * 40)  # 60


def test_declared_conflict_excludes_that_assessors_scores_for_that_candidate_only():
    model = small_model(X_SCORES, declared(B_X=CONFLICT))
    r = evaluate(model).by_id()
    assert r["X"].criterion_scores == {"C1": 4.0, "C2": 3.5}  # (5+3)/2, (4+3)/2
    assert r["X"].score == pytest.approx(4 / 5 * 60 + 3.5 / 5 * 40)  # 76
    assert r["X"].complete
    assert r["Y"].criterion_scores == {"C1": 2.0, "C2": 2.0}  # B still counts for Y
    assert any("belangenconflict verklaard door B" in n for n in r["X"].notes)
    assert conflicts.conflicted_pairs(model) == {("B", "X")}


def test_undeclared_assessor_is_kept_out_and_the_candidate_stays_incomplete():
    model = small_model(X_SCORES, declared(B_X=CONFLICT, C_X=None))
    result = evaluate(model)
    r = result.by_id()
    assert r["X"].criterion_scores == {"C1": 5.0, "C2": 4.0}  # only A counts
    assert r["X"].score is None and not r["X"].complete and r["X"].rank is None
    assert ("C1", "C") in r["X"].missing
    assert any("C (" in w and "X" in w and "geen verklaring" in w for w in result.warnings)
    assert any("geen verklaring" in n and "C" in n for n in r["X"].notes)
    probs = conflicts.problems(model)
    assert any("C heeft geen verklaring" in p.message and "voor X" in p.message for p in probs)


def test_an_assessor_cannot_silently_leave_one_candidates_panel():
    """B3/K01: no declaration and no scores for one candidate is a problem, not a drop-out."""
    scores = {k: v for k, v in X_SCORES.items() if not (k[0] == "X" and k[2] == "C")}
    model = small_model(scores, declared(C_X=None))
    r = evaluate(model).by_id()
    assert not r["X"].complete and r["X"].score is None
    assert [p.place for p in conflicts.problems(model)] == [
        f"{layout.sheet('conflicts').name}!A10"]


def test_contradictory_declarations_count_as_conflict_and_are_a_problem():
    model = small_model(X_SCORES, declared())
    model.tables["conflicts"].append({"assessor": "A", "candidate": "X", "declaration": CONFLICT,
                                      "_row": 40})
    r = evaluate(model).by_id()
    assert r["X"].criterion_scores == {"C1": 2.0, "C2": 2.5}  # B and C only
    probs = conflicts.problems(model)
    assert [p.place for p in probs] == [f"{layout.sheet('conflicts').name}!C40"]


def test_everyone_conflicted_leaves_the_candidate_unscored():
    model = small_model(X_SCORES, declared(A_X=CONFLICT, B_X=CONFLICT, C_X=CONFLICT))
    r = evaluate(model).by_id()
    assert r["X"].score is None and r["X"].rank is None and not r["X"].complete
    assert r["Y"].rank == 1


def test_conflicted_assessor_without_scores_does_not_make_the_candidate_incomplete():
    scores = {k: v for k, v in X_SCORES.items() if not (k[0] == "X" and k[2] == "B")}
    r = evaluate(small_model(scores, declared(B_X=CONFLICT))).by_id()
    assert r["X"].complete and r["X"].score == pytest.approx(76.0)
    # ... while a cleared assessor without scores does
    r = evaluate(small_model(scores, declared())).by_id()
    assert not r["X"].complete and ("C1", "B") in r["X"].missing


def test_median_ignores_conflicted_scores():
    scores = dict(X_SCORES)
    scores.update({("X", "C1", "D"): 4, ("X", "C2", "D"): 4, ("Y", "C1", "D"): 2,
                   ("Y", "C2", "D"): 2})
    decl = declared(B_X=CONFLICT)
    decl.update({("D", "X"): OK, ("D", "Y"): OK})
    r = evaluate(small_model(scores, decl, aggregation="median")).by_id()
    assert r["X"].criterion_scores == {"C1": 4.0, "C2": 4.0}  # median(5,3,4), median(4,3,4)


def test_demo_has_every_declaration_and_one_conflict(demo_template):
    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    model = parse(FileWorkbook(demo_template, for_writing=False).snapshot())
    assert conflicts.conflicted_pairs(model) == {("B2", "K07")}
    assert len(conflicts.cleared_pairs(model)) == len(model.assessors) * len(model.candidates) - 1
    r = evaluate(model).by_id()
    b2_k07 = [s.score for s in model.scores if s.assessor != "B2" and s.candidate == "K07"
              and s.criterion == "C01"]
    assert r["K07"].criterion_scores["C01"] == pytest.approx(sum(b2_k07) / len(b2_k07))


def _lo_matches_python(path, sheet="Scoretabel"):
    from lo import recalculated_values

    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    model = parse(FileWorkbook(path, for_writing=False).snapshot())
    py = {c.id: c.criterion_scores for c in evaluate(model).candidates}
    rows = recalculated_values(path, sheet)
    header = rows[5]
    checked = 0
    for r in rows[6:]:
        if not r[0]:
            continue
        for j, crit in enumerate(header[2:], start=2):
            if crit is None:
                break  # the criteria end here; helper columns follow the empty column
            want, got = py[r[0]][crit], r[j]
            if want is None:
                assert got in (None, ""), (r[0], crit, got)
            else:
                assert got == pytest.approx(want, abs=1e-9), (r[0], crit, got, want)
                checked += 1
    return checked, model


@pytest.mark.parametrize("aggregation", ["gemiddelde", "mediaan"])
def test_native_formulas_respect_conflicts_in_libreoffice(demo_template, tmp_path, aggregation):
    from openpyxl import load_workbook

    from pipeline_support import score
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

    path = tmp_path / "c.xlsx"
    shutil.copy(demo_template, path)
    wb = load_workbook(path)
    ws = wb[layout.sheet("conflicts").name]
    for row in ws.iter_rows(min_row=5):
        if (row[0].value, row[1].value) == ("B3", "K05"):
            row[2].value = "conflict"  # B3 recused for K05: kept out (an undeclared
            # assessor is a problem that makes score refuse, see test_governance_panel_refreeze)
        if (row[0].value, row[1].value) == ("B1", "K04"):
            row[2].value = "conflict"
    st = wb[layout.sheet("settings").name]
    for row in st.iter_rows(min_row=5):
        if row[0].value == "aggregation":
            row[2].value = aggregation
    wb.save(path)
    book = FileWorkbook(path)
    score(book)
    book.save()
    checked, model = _lo_matches_python(path)
    assert checked > 80
    r = evaluate(model).by_id()
    k05 = [s.score for s in model.scores if s.candidate == "K05" and s.criterion == "C02"
           and s.assessor in ("B1", "B2")]
    if aggregation == "gemiddelde":
        assert r["K05"].criterion_scores["C02"] == pytest.approx(sum(k05) / 2)
