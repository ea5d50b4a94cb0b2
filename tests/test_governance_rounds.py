"""Disagreement (spread, outliers, agenda, heat map), the second round and the dossier context."""

from __future__ import annotations

import shutil

import numpy as np
import pytest
from conftest import run_cli
from test_governance_util import col_of, demo_book, set_value, small_model

from partnerkeuze import layout
from pipeline_support import check, score
from partnerkeuze.core.assessment import evaluate
from partnerkeuze.kernel.errors import InputProblems
from partnerkeuze.core import disagreement
from partnerkeuze.record.governance import second_round
from partnerkeuze.record.governance.dossier import dossier_context
from partnerkeuze.core.parse import parse


def test_outliers_are_assessors_who_stand_alone():
    assert disagreement.outliers({"B1": 4, "B2": 4, "B3": 1}, 2) == ["B3"]
    assert disagreement.outliers({"B1": 4, "B2": 5, "B3": 1}, 2) == ["B3"]
    assert disagreement.outliers({"B1": 1, "B2": 3, "B3": 5}, 2) == []
    assert disagreement.outliers({"B1": 1, "B2": 5}, 2) == []


def test_spread_uses_only_counted_scores_and_threshold_is_a_share_of_the_scale():
    scores = {("X", "C1", "A"): 5, ("X", "C1", "B"): 0, ("X", "C1", "C"): 4,
              ("X", "C2", "A"): 2, ("X", "C2", "B"): 2, ("X", "C2", "C"): 2}
    decl = {(a, "X"): "geen conflict" for a in "ABC"}
    model = small_model(scores, decl)
    d = disagreement.analyse(model, evaluate(model))
    assert d.spread[0].tolist() == [5.0, 0.0] and d.share[0].tolist() == [1.0, 0.0]
    assert [(i["criterion"], i["outliers"]) for i in d.agenda] == [("C1", ["B"])]
    decl[("B", "X")] = "conflict"
    model = small_model(scores, decl)
    d = disagreement.analyse(model, evaluate(model))
    assert d.spread[0].tolist() == [1.0, 0.0] and d.agenda == []


def test_demo_agenda_holds_the_planted_disagreements_shortlist_first():
    model = parse(demo_book().snapshot())
    result = evaluate(model)
    agenda = disagreement.analyse(model, result).agenda
    found = {(i["candidate"], i["criterion"]): i["outliers"] for i in agenda}
    assert found[("K01", "C05")] == ["B3"]
    assert found[("K06", "C03")] == ["B3"]
    assert found[("K09", "C02")] == ["B2"]
    flags = [i["shortlisted"] for i in agenda]
    assert flags == sorted(flags, reverse=True)


def test_heat_map_formats_survive_score_and_grid_matches_the_spread(demo_template, tmp_path):
    from openpyxl import load_workbook

    path = tmp_path / "h.xlsx"
    shutil.copy(demo_template, path)
    assert run_cli("score", path).returncode == 0
    wb = load_workbook(path)
    ws = wb[layout.sheet("consensus").name]
    rules = [(str(rng.sqref), r.type) for rng in ws.conditional_formatting for r in rng.rules]
    assert any(t == "colorScale" and s.startswith("M5:") for s, t in rules)
    st = wb[layout.sheet("score_table").name]
    refs = [r.formula[0] for rng in st.conditional_formatting for r in rng.rules if r.formula]
    assert any("Consensusoverleg!M5" in f for f in refs)
    model = parse(demo_book().snapshot())
    d = disagreement.analyse(model, evaluate(model))
    grid = [list(r) for r in ws.iter_rows(min_row=5, min_col=11, max_col=12 + len(d.criteria),
                                          values_only=True)][:len(d.candidates)]
    assert [r[0] for r in grid] == d.candidates
    got = np.array([[np.nan if v is None else v for v in r[2:]] for r in grid], dtype=float)
    assert np.allclose(got, d.share, equal_nan=True)


def test_demo_second_round_covers_the_shortlist_and_is_clean():
    book = demo_book()
    model = parse(book.snapshot())
    result = evaluate(model)
    rows = model.tables["second_round"]
    assert {(r["candidate"], r["question"]) for r in rows} == {
        (c, q) for c in result.shortlist for q in second_round.QUESTIONS}
    assert all(r["judgement"] and r["argument"] for r in rows)
    assert second_round.problems(model) == []
    ctx = second_round.context(model, result)
    assert ctx["complete"]
    assert [r["candidate"] for r in ctx["final_order"]] == ["K05", "K04", "K01"]
    assert ctx["dissent"] == [{"candidate": "K04", "name": "Bugesera",
                               "by": "B3 (Fatima El Idrissi)", "text": ctx["dissent"][0]["text"]}]


def test_second_round_rules_name_the_cell():
    book = demo_book()
    model = parse(book.snapshot())
    r = model.tables["second_round"][2]
    set_value(book, "second_round", r["_row"], col_of("second_round", "argument"), None)
    fo = model.tables["final_order"]
    set_value(book, "final_order", fo[2]["_row"], col_of("final_order", "position"), 4)
    set_value(book, "final_order", fo[0]["_row"], col_of("final_order", "dissent"), None)
    set_value(book, "final_order", fo[0]["_row"], col_of("final_order", "dissent_by"), "B2")
    with pytest.raises(InputProblems) as exc:
        check(book)
    places = {p.place: p.message for p in exc.value.problems}
    assert f"Tweede ronde!E{r['_row']}" in places
    assert "argumentatie" in places[f"Tweede ronde!E{r['_row']}"]
    assert f"Eindvolgorde!E{fo[0]['_row']}" in places
    assert any("zonder gaten" in m for m in places.values())


def test_score_prepares_questions_for_a_new_shortlist_candidate_without_touching_answers():
    book = demo_book()
    model = parse(book.snapshot())
    before = [(r["candidate"], r["question"], r["argument"]) for r in model.tables["second_round"]]
    row = model.fields["settings"]["_rows"]["shortlist_size"]
    set_value(book, "settings", row, 3, 4)
    score(book)
    model = parse(book.snapshot())
    after = [(r["candidate"], r["question"], r["argument"]) for r in model.tables["second_round"]]
    fourth = evaluate(model).shortlist[3]
    assert after[:len(before)] == before
    assert after[len(before):] == [(fourth, q, None) for q in second_round.QUESTIONS]
    score(book)  # idempotent
    assert len(parse(book.snapshot()).tables["second_round"]) == len(after)


def test_dossier_context_has_every_part_in_plain_dutch():
    book = demo_book()
    snap = book.snapshot()
    model = parse(snap)
    ctx = dossier_context(model, snap, evaluate(model))
    assert set(ctx) >= {"criteria_history", "sensitivity", "second_round", "conflicts",
                        "disagreement"}
    assert ctx["criteria_history"][0]["who"] == "An Peeters"
    sentences = ctx["sensitivity"]["sentences"]
    assert sentences[0].startswith("Dassa-Zoumé staat eerst in ")
    assert "van de aannemelijke wegingen en op de shortlist in " in sentences[0]
    stab = ctx["sensitivity"]["stability"]
    assert {s["criterion"] for s in stab} == {f"C0{i}" for i in range(1, 9)}
    assert all(s["low"] <= s["current"] <= s["high"] for s in stab)
    assert ctx["conflicts"]["declared"][0]["candidate"] == "K07"
    assert ctx["disagreement"][0]["scores"]


@pytest.mark.parametrize("mode", ["stedenband", "sdg"])
def test_blank_workbook_has_an_empty_but_valid_governance_context(mode):
    from test_governance_util import materialize

    from partnerkeuze.app.creation import build
    from partnerkeuze.record.governance.hooks import score_patch
    from partnerkeuze.io.memory_workbook import MemoryWorkbook
    from partnerkeuze.core.parse import parse_lenient

    book = MemoryWorkbook(materialize(build(mode, demo=False).snapshot()))
    snap = book.snapshot()
    model = parse_lenient(snap, [])
    result = evaluate(model)
    ctx = dossier_context(model, snap, result)
    assert ctx["second_round"] is None and ctx["disagreement"] == []
    assert ctx["sensitivity"]["sentences"] == [] and ctx["criteria_history"] == []
    assert ctx["log"] == {"entries": 1, "link": ctx["log"]["link"], "problems": []}
    book.apply(score_patch(model, snap, result))
    assert book.snapshot().value("Gevoeligheid", 3, 1).startswith("10.000 aannemelijke wegingen")


def test_outlier_mask_equals_outliers_cell_by_cell():
    import random

    import numpy as np

    rng = random.Random(3)
    cells, limits, expected = [], [], []
    for _ in range(400):
        n = rng.randint(1, 6)
        row = [float(rng.randint(0, 5)) if rng.random() > 0.2 else np.nan for _ in range(n)]
        row += [np.nan] * (6 - n)
        limit = rng.choice([1.0, 2.0, 2.5])
        values = {f"B{a}": v for a, v in enumerate(row) if not np.isnan(v)}
        cells.append(row)
        limits.append(limit)
        expected.append(disagreement.outliers(values, limit))
    mask = disagreement.outlier_mask(np.array(cells), np.array(limits))
    got = [[f"B{a}" for a in np.nonzero(m)[0]] for m in mask]
    assert got == expected
    assert any(expected)
