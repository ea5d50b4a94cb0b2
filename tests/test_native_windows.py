"""The Scoretabel's per-candidate windows: LibreOffice's recalculation equals the
Python values whether a candidate's rows are found fast (Scores and Belangenconflicten sorted by
candidate) or over the whole columns (rows typed out of order, a blank row, more rows than the
bound), and the helper cells say which path was taken."""

from __future__ import annotations

import random
import re
import statistics

import pytest

from partnerkeuze import layout
from partnerkeuze.core import native

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
    from partnerkeuze.io import audit
    from pipeline_support import score
    from partnerkeuze.io.xlsx.build import build_workbook
    from partnerkeuze.io.xlsx.file_workbook import OpenpyxlWorkbook, save_atomic

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


_REF = re.compile(r"((?:Scores|Belangenconflicten)!\$[A-Z]+\$)(\d+)(:\$[A-Z]+\$)(\d+)")


def _shift_rows(path, key, at, delta, values=None):
    """Insert (delta=1, ``values`` typed in it) or delete (delta=-1) sheet row ``at`` of a table
    as Excel and LibreOffice do it: the table grows or shrinks, and every static reference into
    the sheet on the Scoretabel moves (a row number >= at shifts; a range whose first row lies
    before ``at`` and last row at or after it stretches or shrinks). openpyxl moves no
    references, so the test applies Excel's rule itself. Returns the table's rows afterwards."""
    from openpyxl import load_workbook

    wb = load_workbook(path)
    t = layout.table(key)
    sheet = layout.sheet(key).name
    ws = wb[sheet]
    if delta > 0:
        ws.insert_rows(at)
        for i, v in enumerate(values):
            ws.cell(at, t.first_col + i).value = v
    else:
        ws.delete_rows(at)
    xt = ws.tables[t.name]
    start, stop = xt.ref.split(":")
    letters = stop.rstrip("0123456789")
    xt.ref = f"{start}:{letters}{int(stop[len(letters):]) + delta}"
    if xt.autoFilter is not None:
        xt.autoFilter.ref = xt.ref

    def move(m):
        if not m.group(1).startswith(sheet + "!"):
            return m.group(0)
        a, b = int(m.group(2)), int(m.group(4))
        if delta > 0:
            a, b = a + (a >= at), b + (b >= at)
        else:
            if a == b == at:
                return "#REF!"
            a, b = a - (a > at), b - (b >= at)
        return f"{m.group(1)}{a}{m.group(3)}{b}"

    st = wb[layout.sheet("score_table").name]
    for row in st.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.value = _REF.sub(move, cell.value)
            elif hasattr(cell.value, "text"):  # an array formula
                cell.value.text = _REF.sub(move, cell.value.text)
    wb.save(path)
    rows = [[ws.cell(r, t.first_col + i).value for i in range(len(t.columns))]
            for r in range(t.first_data_row, ws.max_row + 1)]
    return [r for r in rows if any(v is not None for v in r)]


def _sheet_rows(key, rows, cand):
    """The sheet rows of a candidate in rows written from the first data row."""
    first = layout.table(key).first_data_row
    return [first + i for i, r in enumerate(rows) if r and r[0 if key == "scores" else 1] == cand]


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
    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.core.parse import parse
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

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


def _case(tmp_path, aggregation, scores=None, conflicts=None, python=True, built=None,
          edit=None):
    """Build and score the base call (or ``built``: (scores, conflicts) as at `score`), then
    let the user type ``scores``/``conflicts`` or ``edit`` the sheets (a function of the path
    returning the tables' rows afterwards); return the recalculated values (checked against
    the row-by-row meaning and, when the workbook is valid, Python's)."""
    base_scores, base_conflicts = built or _base()
    path = tmp_path / "call.xlsx"
    _build(path, base_scores, base_conflicts, aggregation)
    if scores is not None:
        _rewrite(path, "scores", scores)
    if conflicts is not None:
        _rewrite(path, "conflicts", conflicts)
    if edit is not None:
        scores, conflicts = edit(path)
    got, fast_s, fast_c = _recalculated(path)
    want = _expected(scores or native.sorted_rows("scores", base_scores),
                     conflicts or native.sorted_rows("conflicts", base_conflicts), aggregation)
    _assert_equal(got, want)
    if python:
        _assert_equal(got, {key: _python(path).get(key) for key in want})
    return fast_s, fast_c


AGG = pytest.mark.parametrize("aggregation", ["gemiddelde", "mediaan"])
pytestmark = [pytest.mark.libreoffice, pytest.mark.slow]


@AGG
def test_sorted_tables_take_the_fast_path(tmp_path, aggregation):
    fast_s, fast_c = _case(tmp_path, aggregation)
    # A1, K03, Z9 had no scores at `score`: read over the whole columns
    assert fast_s == {c: c in SCORED for c in CANDS}, fast_s
    assert all(v is True for v in fast_c.values()), fast_c


@AGG
def test_scores_typed_out_of_order_take_the_slow_path(tmp_path, aggregation):
    scores, _ = _base()
    random.Random(5).shuffle(scores)
    fast_s, fast_c = _case(tmp_path, aggregation, scores=scores)
    assert not any(fast_s.values()), fast_s
    assert all(fast_c.values()), fast_c


@AGG
def test_declarations_typed_out_of_order_and_conflicts(tmp_path, aggregation):
    _, conflicts = _base()
    conflicts = [[a, c, CONFLICT if (a, c) in {("B", "K04"), ("A", "k07")} else d, n, t]
                 for a, c, d, n, t in conflicts]  # assessor-major: not sorted by candidate
    fast_s, fast_c = _case(tmp_path, aggregation, conflicts=conflicts)
    assert all(fast_s[c] for c in SCORED) and not any(fast_c.values()), fast_c


def test_sorted_conflicts_and_redeclarations(tmp_path):
    scores, conflicts = _base()
    # K06: many declarations at `score`: a block of any length is found fast
    built = conflicts + [["A", "K06", OK, None, f"herhaald {i}"] for i in range(6)]
    fast_s, fast_c = _case(tmp_path, "gemiddelde", built=(scores, built))
    assert all(fast_c.values()), fast_c
    # conflicts declared after `score` (rows typed in, sorted): K04 onwards moved, so read
    # over the whole columns; A1 and K01 still fast
    later = built + [["B", "K04", CONFLICT, None, "later"], ["C", "K05", CONFLICT, None, "later"],
                     ["C", "K06", CONFLICT, None, "later"]]
    fast_s, fast_c = _case(tmp_path, "gemiddelde", built=(scores, built),
                           conflicts=native.sorted_rows("conflicts", later))
    assert fast_c["A1"] is True and fast_c["K01"] is True, fast_c
    assert fast_c["K04"] is False and fast_c["K06"] is False, fast_c


def test_a_blank_row_between_scores_takes_the_slow_path(tmp_path):
    scores, _ = _base()
    scores = scores[:10] + [None] + scores[10:]
    fast_s, _fast_c = _case(tmp_path, "gemiddelde", scores=scores)
    assert not any(fast_s.values()), fast_s


@AGG
def test_duplicate_rows_count_as_in_the_whole_columns(tmp_path, aggregation):
    """A duplicate row is a problem for Python (score refuses), but the formulas must still
    read the same rows fast as slow: K06 one row missing and one duplicate (its block the
    same rows: fast), k07 one more row below its block (the block's lower neighbour now k07:
    slow)."""
    scores, _ = _base()
    k06 = [r for r in scores if r[0] == "K06"]
    k07 = [r for r in scores if r[0] == "k07"]
    scores.remove(k06[0])
    scores += [[*k06[1][:3], 5, None], [*k07[0][:3], 1, None]]
    scores = native.sorted_rows("scores", scores)
    fast_s, _fast_c = _case(tmp_path, aggregation, scores=scores, python=False)
    assert fast_s["K06"] is True and fast_s["k07"] is False and fast_s["K01"] is True, fast_s


def _without(scores, cand, crit, assessor):
    return [r for r in scores if (r[0], r[1], r[2]) != (cand, crit, assessor)]


@AGG
@pytest.mark.parametrize("where", ["inside", "top", "bottom"])
def test_a_row_inserted_in_or_at_the_edge_of_a_block_is_read(tmp_path, aggregation, where):
    """K02 scored without (K02, C1, A); the user inserts that row inside K02's block, above
    its first row or below its last row: the block's static ranges stretch, the row is
    counted on the fast path."""
    scores, conflicts = _base()
    built = _without(scores, "K02", "C1", "A")
    rows = _sheet_rows("scores", native.sorted_rows("scores", built), "K02")
    at = {"inside": rows[2], "top": rows[0], "bottom": rows[-1] + 1}[where]
    fast_s, _ = _case(tmp_path, aggregation, built=(built, conflicts), edit=lambda p: (
        _shift_rows(p, "scores", at, 1, ["K02", "C1", "A", 4, None]), None))
    assert fast_s["K02"] is True, fast_s
    # the neighbour on the side of the new row: its range now ends (K01) or starts (K04) with
    # two rows of K02, so it reads the whole columns
    assert fast_s["K01"] is (where != "top") and fast_s["K04"] is (where != "bottom"), fast_s


@AGG
def test_a_row_inserted_outside_the_block_turns_it_off(tmp_path, aggregation):
    """(K02, C1, A) inserted two rows below K02's block, among K04's rows: the table is no
    longer sorted, every candidate reads the whole columns."""
    scores, conflicts = _base()
    built = _without(scores, "K02", "C1", "A")
    rows = _sheet_rows("scores", native.sorted_rows("scores", built), "K02")
    fast_s, _ = _case(tmp_path, aggregation, built=(built, conflicts), edit=lambda p: (
        _shift_rows(p, "scores", rows[-1] + 2, 1, ["K02", "C1", "A", 4, None]), None))
    assert not any(fast_s.values()), fast_s


@AGG
@pytest.mark.parametrize("which", ["inside", "first", "neighbour", "declaration"])
def test_a_row_deleted(tmp_path, aggregation, which):
    """A score row of K04 deleted inside its block or as its first row (fast, the range
    shrinks; K04's first row was K02's lower neighbour, so K02's range now ends with a K02 row:
    slow), or K02's last row, K04's upper neighbour (likewise K04 slow); a declaration deleted
    (fast)."""
    scores, conflicts = _base()
    sorted_scores = native.sorted_rows("scores", scores)
    k04, k02 = _sheet_rows("scores", sorted_scores, "K04"), _sheet_rows("scores", sorted_scores,
                                                                         "K02")
    if which == "declaration":
        at = _sheet_rows("conflicts", native.sorted_rows("conflicts", conflicts), "K05")[1]
        fast_s, fast_c = _case(tmp_path, aggregation, edit=lambda p: (
            None, _shift_rows(p, "conflicts", at, -1)))
        assert all(fast_c.values()) and fast_s["K05"] is True, fast_c
        return
    at = {"inside": k04[3], "first": k04[0], "neighbour": k02[-1]}[which]
    fast_s, _ = _case(tmp_path, aggregation, edit=lambda p: (
        _shift_rows(p, "scores", at, -1), None))
    assert fast_s["K04"] is (which != "neighbour") and fast_s["K05"] is True, fast_s
    assert fast_s["K02"] is (which != "first"), fast_s  # K04's first row: K02's lower neighbour


@AGG
def test_table_re_sorted_after_scoring(tmp_path, aggregation):
    """Scored while K01 missed a row; a merge then writes the table sorted with the row: every
    later block moved by one row, so the static ranges no longer prove them (whole columns,
    still right); K01's range holds its rows but its lower neighbour is now K01."""
    scores, conflicts = _base()
    built = _without(scores, "K01", "C1", "B")
    fast_s, _ = _case(tmp_path, aggregation, built=(built, conflicts),
                      scores=native.sorted_rows("scores", scores))
    assert not any(fast_s.values()), fast_s


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

    from partnerkeuze.core.parse import parse_lenient
    from partnerkeuze.kernel.patch import Patch
    from partnerkeuze.io.xlsx.file_workbook import FileWorkbook

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


def _lo_edit(path, ops):
    """Let LibreOffice itself insert and delete the rows (it moves every reference) and save;
    returns the saved copy."""
    import json
    import subprocess

    from conftest import ROOT
    from test_addin_libreoffice import system_python

    ops_file, out = path.with_name("ops.json"), path.with_name("bewerkt.xlsx")
    ops_file.write_text(json.dumps(ops), encoding="utf-8")
    proc = subprocess.run([system_python(), str(ROOT / "tests" / "lo_edit_rows.py"), str(path),
                           str(out), str(ops_file)], capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0 and out.exists(), proc.stdout + proc.stderr
    return out


@pytest.mark.parametrize("where", ["inside", "top", "bottom", "deleted"])
def test_rows_inserted_and_deleted_by_libreoffice_itself(tmp_path, where):
    """Not simulated: LibreOffice inserts (K02, C1, A) inside K02's block, above its first row
    or below its last row, or deletes K02's first score row, moving the static ranges as it
    does for a user; after its recalculation the Scoretabel equals the row-by-row meaning and
    Python's scoring of the edited workbook."""
    scores, conflicts = _base()
    built = _without(scores, "K02", "C1", "A") if where != "deleted" else scores
    path = tmp_path / "call.xlsx"
    _build(path, built, conflicts, "gemiddelde")
    t = layout.table("scores")
    rows = native.sorted_rows("scores", built)
    at = _sheet_rows("scores", rows, "K02")
    new = ["K02", "C1", "A", 4, None]
    if where == "deleted":
        ops = [{"sheet": layout.sheet("scores").name, "delete": at[0]}]
        after = rows[:at[0] - t.first_data_row] + rows[at[0] - t.first_data_row + 1:]
    else:
        row = {"inside": at[2], "top": at[0], "bottom": at[-1] + 1}[where]
        ops = [{"sheet": layout.sheet("scores").name, "insert": row, "col": t.first_col,
                "values": new}]
        after = rows[:row - t.first_data_row] + [new] + rows[row - t.first_data_row:]
    edited = _lo_edit(path, ops)
    got, fast_s, _fast_c = _recalculated(edited)
    want = _expected(after, native.sorted_rows("conflicts", conflicts), "gemiddelde")
    _assert_equal(got, want)
    _assert_equal(got, {key: _python(edited).get(key) for key in want})
    assert want["K02", "C1"] != _expected(rows, native.sorted_rows("conflicts", conflicts),
                                          "gemiddelde")["K02", "C1"]  # the edit changed it
    assert fast_s["K02"] is True, fast_s  # the block's ranges moved and stretched with it
