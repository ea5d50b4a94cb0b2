"""The live (xlwings) write path: a patch becomes writes of only the changed cells.

Excel's documented Range.Value rules are modelled here: a text starting with an apostrophe is
stored as that text without the apostrophe, a text starting with '=' becomes a formula.
"""

from __future__ import annotations

import copy
import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from partnerkeuze import layout
from pipeline_support import score
from partnerkeuze.app.addin.live_diff import excel_value, from_excel, plan
from partnerkeuze.io.memory_workbook import MemoryWorkbook
from partnerkeuze.kernel.patch import Formula, Patch
from partnerkeuze.kernel.snapshot import Snapshot
from partnerkeuze.io.xlsx.file_workbook import FileWorkbook


def excel_stores(value):
    """What a cell holds after Range.Value = value (text, formula or plain value)."""
    if isinstance(value, str):
        if value.startswith("'"):
            return value[1:]
        if value.startswith("="):
            return Formula(value)
    if isinstance(value, dt.datetime) and value.time() == dt.time():
        return value
    return value


def apply_writes(snap: Snapshot, writes) -> Snapshot:
    out = copy.deepcopy(snap)
    for w in writes:
        rows = out.sheets.setdefault(w.sheet, [])
        for i, values in enumerate(w.values):
            r = w.row - 1 + i
            while len(rows) <= r:
                rows.append(())
            row = list(rows[r])
            for j, v in enumerate(values):
                c = w.col - 1 + j
                while len(row) <= c:
                    row.append(None)
                row[c] = excel_stores(v)
            rows[r] = tuple(row)
    return out


def grid(snap: Snapshot) -> dict:
    """Values per cell (ignoring trailing empties), with formulas marked."""
    cells = {}
    for sheet, rows in snap.sheets.items():
        for r, row in enumerate(rows):
            for c, v in enumerate(row):
                if v not in (None, ""):
                    cells[(sheet, r, c)] = (isinstance(v, Formula), v)
    return cells


def test_text_never_becomes_a_formula_or_a_number():
    for text in ("=HYPERLINK(\"http://x\")", "+32 2 123", "-5", "@SUM(A1)", "0012", "1/2", "'a"):
        assert excel_value(text) == "'" + text
        assert excel_stores(excel_value(text)) == text
    assert excel_value(Formula("=SUM(A1:A3)")) == "=SUM(A1:A3)"
    assert excel_value("") is None and excel_value(3.5) == 3.5
    assert excel_value(dt.date(2026, 3, 1)) == dt.datetime(2026, 3, 1)
    assert from_excel(5.0) == 5 and isinstance(from_excel(5.0), int) and from_excel(2.5) == 2.5


class Recorder(MemoryWorkbook):
    """The WorkbookIO fake that also keeps the patches it was given."""

    def __init__(self, snapshot, name="geheugen"):
        super().__init__(snapshot, name)
        self.patches = []

    def apply(self, patch):
        self.patches.append(patch)
        super().apply(patch)


def test_score_patch_writes_only_changed_cells_and_resizes_the_results_table(demo_path):
    before = FileWorkbook(demo_path, for_writing=False).snapshot()
    rec = Recorder(before)
    score(rec)
    todo, after = plan(before, rec.patches[0])
    assert grid(apply_writes(before, todo.writes)) == grid(after)
    for w in todo.writes:  # no write covers a cell that keeps its value
        for i, values in enumerate(w.values):
            for j, _ in enumerate(values):
                r, c = w.row - 1 + i, w.col - 1 + j
                old = before.value(w.sheet, r + 1, c + 1)
                new = after.value(w.sheet, r + 1, c + 1)
                assert not (old == new and type(old) is type(new)), (w.sheet, r, c)
    results = layout.table("results")
    tables = {name: (r1, c1, r2, c2) for _, name, r1, c1, r2, c2 in todo.tables}
    assert tables[results.name][0] == results.header_row
    n = len([r for r in after.rows(layout.sheet("results").name)[results.header_row:]
             if any(v not in (None, "") for v in r[results.first_col - 1:])])
    assert tables[results.name][2] == results.header_row + max(n, 1)
    assert layout.table("log").name in tables  # the log entry was appended


cell_values = st.one_of(
    st.none(), st.integers(-1000, 1000), st.floats(-1e6, 1e6, allow_nan=False),
    st.text(alphabet="=+-@'ab1 ", max_size=6), st.booleans(),
    st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31)).map(
        lambda d: dt.datetime(d.year, d.month, d.day)),
    st.sampled_from([Formula("=1+1"), Formula("=SUM(A1:A2)")]))


@settings(max_examples=80, deadline=None)
@given(st.lists(st.lists(cell_values, max_size=6), max_size=6),
       st.lists(st.tuples(st.integers(1, 8), st.integers(1, 8), cell_values), max_size=12))
def test_writes_reproduce_the_memory_workbook_result(rows, cells):
    rows = [[excel_stores(excel_value(v)) if isinstance(v, str) else v for v in r] for r in rows]
    before = Snapshot({"Blad": [tuple(r) for r in rows]})
    patch = Patch()
    for r, c, v in cells:
        patch.set_cell("Blad", r, c, v)
    todo, after = plan(before, patch)
    assert grid(apply_writes(before, todo.writes)) == grid(after)
