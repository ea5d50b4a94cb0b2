"""The Scoretabel's per-candidate windows (issue 17): LibreOffice's recalculation equals the
Python values whether a candidate's rows are found fast (Scores and Belangenconflicten sorted by
candidate) or over the whole columns (rows typed out of order, a blank row, more rows than the
bound), and the helper cells say which path was taken."""

from __future__ import annotations

import random
import statistics

import pytest

from partnerkeuze import layout
from partnerkeuze.governance import native

OK, CONFLICT = "geen conflict", "conflict"
CRITS = ("C1", "C2")
ASSESSORS = ("A", "B", "C")
# A1 sorts before every score row and Z9 after them; K03 has no scores in between; k07 is
# lower case (Excel compares text case-insensitively, so does the sort).
CANDS = ("A1", "K01", "K02", "K03", "K04", "K05", "K06", "k07", "Z9")
SCORED = ("K01", "K02", "K04", "K05", "K06", "k07")


def _base(seed: int = 3):
    rng = random.Random(seed)
    scores = [[c, k, a, rng.randint(0, 5), None] for c in SCORED for k in CRITS for a in ASSESSORS]
    conflicts = [[a, c, OK, None, None] for a in ASSESSORS for c in CANDS]
    return scores, conflicts


def _build(path, scores, conflicts, aggregation):
    from partnerkeuze import audit
    from partnerkeuze.actions.scoring import score
    from partnerkeuze.xlsx.build import build_workbook
    from partnerkeuze.xlsx.file_workbook import OpenpyxlWorkbook, save_atomic

    criteria = [[k, f"Criterium {k}", "", 50, 0, 5, "Score", None, f"Vraag {k}", None, None, None]
                for k in CRITS]
    candidates = [[c, f"Gemeente {c}", "Benin", "", "fr", "GROS", "", None, None,
                   "In beoordeling", None] for c in CANDS]
    assessors = [[a, f"Beoordelaar {a}", "", None] for a in ASSESSORS]
    fields = {"profile": {"municipality": "Testdorp", "coordinator": "Test"},
              "settings": {"shortlist_size": 3, "aggregation": aggregation}}
    book = OpenpyxlWorkbook(build_workbook({
        "criteria": criteria, "candidates": candidates, "assessors": assessors,
        "conflicts": conflicts, "scores": scores}, fields))
    book.apply(audit.entry_patch(book.snapshot(), "new", "test"))
    score(book)
    save_atomic(book.wb, path, backup=False)


def _rewrite(path, key, rows):
    """Put rows on a table's sheet as a user would type them (in this order, None = blank row),
    the table's range grown to hold them."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    t = layout.table(key)
    ws = wb[layout.sheet(key).name]
    xt = ws.tables[t.name]
    last = int(xt.ref.split(":")[1].lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    end = max(last, t.first_data_row + len(rows) + 5)
    for r in range(t.first_data_row, end + 1):
        values = rows[r - t.first_data_row] if r - t.first_data_row < len(rows) else None
        for i in range(len(t.columns)):
            ws.cell(r, t.first_col + i).value = values[i] if values else None
    start, stop = xt.ref.split(":")
    xt.ref = f"{start}:{stop.rstrip('0123456789')}{end}"
    if xt.autoFilter is not None:
        xt.autoFilter.ref = xt.ref
    wb.save(path)


def _expected(scores, conflicts, aggregation):
    """The native formulas' meaning, row by row (a duplicate row counts twice, as in Excel)."""
    decl: dict = {}
    for a, c, d, *_ in (r for r in conflicts if r):
        decl.setdefault((a, c), set()).add(d)
    ok = {p for p, d in decl.items() if OK in d and CONFLICT not in d}
    out = {}
    for cand in CANDS:
        for crit in CRITS:
            vals = [r[3] for r in scores if r and (r[0], r[1]) == (cand, crit)
                    and (r[2], cand) in ok and isinstance(r[3], (int, float))]
            out[cand, crit] = (None if not vals else statistics.median(vals)
                               if aggregation == "mediaan" else sum(vals) / len(vals))
    return out


def _python(path):
    """The Python scores per (candidate, criterion) of the workbook as parsed."""
    from partnerkeuze.assessment import evaluate
    from partnerkeuze.parse import parse
    from partnerkeuze.xlsx.file_workbook import FileWorkbook

    model = parse(FileWorkbook(path, for_writing=False).snapshot())
    return {(c.id, k): v for c in evaluate(model).candidates for k, v in c.criterion_scores.items()}


def _recalculated(path):
    """(score per (candidate, criterion), fast path on Scores, fast path on the declarations)
    after LibreOffice's recalculation of the Scoretabel."""
    from lo import recalculated_values

    rows = recalculated_values(path, layout.sheet("score_table").name)
    header = rows[5]
    col = {h: j for j, h in enumerate(header) if h is not None}
    got, fast_s, fast_c = {}, {}, {}
    for r in rows[6:]:
        if not r[0]:
            continue
        for k in CRITS:
            got[r[0], k] = r[col[k]]
        fast_s[r[0]], fast_c[r[0]] = r[col["Snel S"]], r[col["Snel BC"]]
    return got, fast_s, fast_c


def _assert_equal(got, want):
    assert set(got) == set(want)
    for key, value in want.items():
        if value is None:
            assert got[key] in (None, ""), (key, got[key])
        else:
            assert got[key] == pytest.approx(value, abs=1e-9), (key, got[key], value)


def _case(tmp_path, aggregation, scores=None, conflicts=None, python=True):
    """Build and score the base call, then let the user type ``scores``/``conflicts``; return
    the recalculated values (checked against the row-by-row meaning and, when the workbook is
    valid, Python's)."""
    base_scores, base_conflicts = _base()
    path = tmp_path / "call.xlsx"
    _build(path, base_scores, base_conflicts, aggregation)
    if scores is not None:
        _rewrite(path, "scores", scores)
    if conflicts is not None:
        _rewrite(path, "conflicts", conflicts)
    got, fast_s, fast_c = _recalculated(path)
    want = _expected(scores or base_scores, conflicts or base_conflicts, aggregation)
    _assert_equal(got, want)
    if python:
        _assert_equal(got, {key: _python(path).get(key) for key in want})
    return fast_s, fast_c


AGG = pytest.mark.parametrize("aggregation", ["gemiddelde", "mediaan"])
pytestmark = pytest.mark.libreoffice


@AGG
def test_sorted_tables_take_the_fast_path(tmp_path, aggregation):
    fast_s, fast_c = _case(tmp_path, aggregation)
    assert all(v is True for v in fast_s.values()), fast_s  # A1, K03, Z9: found empty, fast
    assert all(v is True for v in fast_c.values()), fast_c


@AGG
def test_scores_typed_out_of_order_take_the_slow_path(tmp_path, aggregation):
    scores, _ = _base()
    random.Random(5).shuffle(scores)
    fast_s, fast_c = _case(tmp_path, aggregation, scores=scores)
    assert not any(fast_s.values()), fast_s
    assert all(fast_c.values())


@AGG
def test_declarations_typed_out_of_order_and_conflicts(tmp_path, aggregation):
    _, conflicts = _base()
    conflicts = [[a, c, CONFLICT if (a, c) in {("B", "K04"), ("A", "k07")} else d, n, t]
                 for a, c, d, n, t in conflicts]  # assessor-major: not sorted by candidate
    fast_s, fast_c = _case(tmp_path, aggregation, conflicts=conflicts)
    assert all(fast_s.values()) and not any(fast_c.values()), fast_c


def test_sorted_conflicts_and_redeclarations(tmp_path):
    _, conflicts = _base()
    conflicts += [["B", "K04", CONFLICT, None, "later"], ["C", "K05", CONFLICT, None, "later"]]
    # K06: more declarations than the window holds (2 x assessors): read over the whole column
    conflicts += [["A", "K06", OK, None, f"herhaald {i}"] for i in range(6)]
    conflicts += [["C", "K06", CONFLICT, None, "later"]]
    conflicts = native.sorted_rows("conflicts", conflicts)
    fast_s, fast_c = _case(tmp_path, "gemiddelde", conflicts=conflicts)
    assert fast_c["K04"] is True and fast_c["K05"] is True and fast_c["K06"] is False, fast_c


def test_a_blank_row_between_scores_takes_the_slow_path(tmp_path):
    scores, _ = _base()
    scores = scores[:10] + [None] + scores[10:]
    fast_s, _fast_c = _case(tmp_path, "gemiddelde", scores=scores)
    assert not any(fast_s.values()), fast_s


@AGG
def test_duplicate_rows_count_as_in_the_whole_columns(tmp_path, aggregation):
    """A duplicate row is a problem for Python (score refuses), but the formulas must still
    read the same rows fast as slow: K01 gets one more row than the bound (slow), K02 one
    missing and one duplicate (fast, the window still holds all its rows)."""
    scores, _ = _base()
    k01 = [r for r in scores if r[0] == "K01"]
    k02 = [r for r in scores if r[0] == "K02"]
    scores.remove(k02[0])
    scores += [[*k01[0][:3], 1, None], [*k02[1][:3], 5, None]]
    scores = native.sorted_rows("scores", scores)
    fast_s, _fast_c = _case(tmp_path, aggregation, scores=scores, python=False)
    assert fast_s["K01"] is False and fast_s["K02"] is True and fast_s["K04"] is True, fast_s


def test_sorted_rows_orders_by_candidate_as_excel_compares():
    rows = [["k07", "C1"], ["K06", "C2"], [None, "C1"], ["A1", "C1"], ["K06", "C1"],
            ["K-1", "C1"], ["K1", "C2"]]
    got = [r[0] for r in native.sorted_rows("scores", [[r[0], r[1], "A", 1, None] for r in rows])]
    assert got == ["A1", "K-1", "K06", "K06", "k07", "K1", None]
    assert native.sorted_rows("candidates", rows) is rows


def test_build_writes_scores_and_declarations_sorted(tmp_path):
    from openpyxl import load_workbook

    scores, conflicts = _base()
    random.Random(1).shuffle(scores)
    path = tmp_path / "call.xlsx"
    _build(path, scores, conflicts, "gemiddelde")
    wb = load_workbook(path)
    for key in ("scores", "conflicts"):
        t = layout.table(key)
        ws = wb[layout.sheet(key).name]
        col = t.first_col + t.index("candidate")
        ids = [ws.cell(r, col).value for r in range(t.first_data_row, ws.max_row + 1)]
        ids = [i for i in ids if i]
        assert ids == sorted(ids, key=str.casefold), key


def test_merge_keeps_the_tables_sorted_and_the_scoretabel_fast(demo_template, tmp_path):
    """Merging forms into a demo whose B2 scores were taken out: the new rows land among the
    others (the table rewritten sorted, a changed score moved with its row), then the
    Scoretabel finds every candidate fast and equals Python."""
    import shutil

    from conftest import run_cli
    from intake_support import fill_assessor

    from partnerkeuze.parse import parse_lenient
    from partnerkeuze.patch import Patch
    from partnerkeuze.xlsx.file_workbook import FileWorkbook

    path = tmp_path / "werkmap.xlsx"
    shutil.copy(demo_template, path)
    book = FileWorkbook(path)
    model = parse_lenient(book.snapshot(), [])
    t = layout.table("scores")
    keep = [[r.get(c.key) for c in t.columns] for r in model.tables["scores"]
            if not (r["assessor"] == "B2" and r["candidate"] in ("K02", "K05"))]
    before = {(r[0], r[1], r[2]): r[3] for r in keep}
    patch = Patch()
    patch.replace_table("scores", keep)
    book.apply(patch)
    book.save(backup=False)
    proc = run_cli("assessor-forms", path, "--out", tmp_path / "uit")
    assert proc.returncode == 0, proc.stderr
    inbox = tmp_path / "in"
    fill_assessor(tmp_path / "uit" / "Beoordelingsformulier-B2-Koen-Janssens.xlsx",
                  inbox / "b2.xlsx", {("K02", "C01"): 3, ("K05", "C02"): 4, ("K01", "C01"): 1})
    proc = run_cli("merge", path, inbox)
    assert "gesorteerd op kandidaat" in proc.stdout, proc.stdout + proc.stderr
    model = parse_lenient(FileWorkbook(path, for_writing=False).snapshot(), [])
    rows = model.tables["scores"]
    ids = [r["candidate"] for r in rows]
    assert ids == sorted(ids, key=str.casefold)
    got = {(r["candidate"], r["criterion"], r["assessor"]): r["score"] for r in rows}
    assert got[("K02", "C01", "B2")] == 3 and got[("K05", "C02", "B2")] == 4
    assert got[("K01", "C01", "B2")] == 1
    assert {k: v for k, v in got.items() if k[2] != "B2"} == \
        {k: v for k, v in before.items() if k[2] != "B2"}
    proc = run_cli("score", path)
    assert proc.returncode == 0, proc.stderr
    from lo import recalculated_values

    rows = recalculated_values(path, layout.sheet("score_table").name)
    header = rows[5]
    want = _python(path)
    fast = header.index("Snel S")
    checked = 0
    for r in rows[6:]:
        if not r[0]:
            continue
        assert r[fast] is True, r[0]
        for j, crit in enumerate(header[2:], start=2):
            if crit is None:
                break
            if want[r[0], crit] is None:
                assert r[j] in (None, "")
            else:
                assert r[j] == pytest.approx(want[r[0], crit], abs=1e-9)
                checked += 1
    assert checked > 80


def test_merge_appends_when_rewriting_would_lose_a_formula(demo_template, tmp_path):
    import shutil

    from openpyxl import load_workbook

    from conftest import run_cli
    from intake_support import fill_assessor

    path = tmp_path / "werkmap.xlsx"
    shutil.copy(demo_template, path)
    wb = load_workbook(path)
    ws = wb[layout.sheet("scores").name]
    t = layout.table("scores")
    mot = t.first_col + t.index("motivation")
    ws.cell(t.first_data_row + 3, mot).value = '=UPPER("zie verslag")'
    b2 = [r for r in range(t.first_data_row, ws.max_row + 1)
          if ws.cell(r, t.first_col + t.index("assessor")).value == "B2"
          and ws.cell(r, t.first_col).value == "K02"]
    ws.delete_rows(b2[0], len(b2))  # B2's K02 rows gone: a merge brings them back
    wb.save(path)
    proc = run_cli("assessor-forms", path, "--out", tmp_path / "uit")
    assert proc.returncode == 0, proc.stderr
    fill_assessor(tmp_path / "uit" / "Beoordelingsformulier-B2-Koen-Janssens.xlsx",
                  tmp_path / "in" / "b2.xlsx", {("K02", "C01"): 3})
    proc = run_cli("merge", path, tmp_path / "in")
    assert "gesorteerd op kandidaat" not in proc.stdout
    ws = load_workbook(path)[layout.sheet("scores").name]
    assert ws.cell(t.first_data_row + 3, mot).value == '=UPPER("zie verslag")'
    ids = [ws.cell(r, t.first_col).value for r in range(t.first_data_row, ws.max_row + 1)]
    ids = [i for i in ids if i]
    assert ids[-1] == "K02"  # appended
