"""How a patch reaches a live workbook: apply it to the snapshot in memory, write what changed.

Applying the patch to a MemoryWorkbook gives exactly the semantics of the file and test paths;
the difference with the snapshot becomes a few rectangular range writes for xlwings.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from partnerkeuze import layout
from partnerkeuze.kernel.patch import ArrayFormula, Formula, Patch, Styled
from partnerkeuze.kernel.snapshot import Snapshot


@dataclass
class Write:
    """Values for a rectangle from (row, col) on a sheet, encoded for Excel's Range.Value."""

    sheet: str
    row: int
    col: int
    values: list[list]


@dataclass
class Plan:
    """Range writes, array formulas, table sizes and cell formats for one patch."""

    writes: list[Write]
    array_formulas: list[tuple[str, int, int, str]]
    tables: list[tuple[str, str, int, int, int, int]]  # sheet, name, r1, c1, r2, c2
    formats: list[tuple[str, int, int, str, str | None]]  # sheet, row, col, style, number format


def excel_value(value):
    """A patch value as Excel's Range.Value takes it: text never becomes a formula or number."""
    if isinstance(value, Formula):
        return str(value)
    if isinstance(value, str):
        return "'" + value if value else None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return dt.datetime(value.year, value.month, value.day)
    return value


def from_excel(value):
    """A value read through xlwings as openpyxl would give it (whole numbers as int)."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 2 ** 53:
        return int(value)
    if value == "":
        return None
    return value


def _same(a, b) -> bool:
    if a in (None, "") and b in (None, ""):  # Excel has no empty text: both are an empty cell
        return not isinstance(a, Formula) and not isinstance(b, Formula)
    if isinstance(a, Formula) != isinstance(b, Formula):
        return False
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return a == b
    return type(a) is type(b) and a == b


def _cell(rows: list, r: int, c: int):
    return rows[r][c] if r < len(rows) and c < len(rows[r]) else None


def changes(before: Snapshot, after: Snapshot) -> list[Write]:
    """Rectangles of changed cells (only changed cells, never rewriting an untouched one)."""
    writes: list[Write] = []
    for sheet, new_rows in after.sheets.items():
        old_rows = before.sheets.get(sheet, [])
        runs: list[tuple[int, int, int]] = []  # (row0, col0, col1 exclusive)
        for r in range(max(len(new_rows), len(old_rows))):
            width = max(len(new_rows[r]) if r < len(new_rows) else 0,
                        len(old_rows[r]) if r < len(old_rows) else 0)
            c = 0
            while c < width:
                if _same(_cell(old_rows, r, c), _cell(new_rows, r, c)):
                    c += 1
                    continue
                start = c
                while c < width and not _same(_cell(old_rows, r, c), _cell(new_rows, r, c)):
                    c += 1
                runs.append((r, start, c))
        merged: list[list[int]] = []  # [row0, row1 exclusive, col0, col1]
        for r, c0, c1 in runs:
            if merged and merged[-1][1] == r and merged[-1][2:] == [c0, c1]:
                merged[-1][1] = r + 1
            else:
                merged.append([r, r + 1, c0, c1])
        for r0, r1, c0, c1 in merged:
            values = [[excel_value(_cell(new_rows, r, c)) for c in range(c0, c1)]
                      for r in range(r0, r1)]
            writes.append(Write(sheet, r0 + 1, c0 + 1, values))
    return writes


def plan(before: Snapshot, patch: Patch) -> tuple[Plan, Snapshot]:
    """The writes that turn the live workbook into before+patch, and that expected snapshot."""
    from partnerkeuze.io.memory_workbook import MemoryWorkbook

    mem = MemoryWorkbook(before)
    mem.apply(patch)
    after = mem.snapshot()
    arrays, formats = [], []
    for block in patch.blocks:
        for i, row in enumerate(block.values):
            for j, v in enumerate(row):
                if isinstance(v, Styled):
                    formats.append((block.sheet, block.row + i, block.col + j, v.style,
                                    v.number_format))
                    v = v.value
                if isinstance(v, ArrayFormula):
                    arrays.append((block.sheet, block.row + i, block.col + j, str(v)))
    arrays += [(s, r, c, str(v)) for s, r, c, v in patch.cells if isinstance(v, ArrayFormula)]
    tables = []
    for key in {**patch.tables, **patch.appends}:
        t = layout.table(key)
        sheet = layout.TABLE_SHEET[key].name
        last = mem._last_filled(t)
        width = t.width_in([before.value(sheet, t.header_row, t.first_col + i)
                            for i in range(len(t.columns))])  # an older workbook: fewer
        tables.append((sheet, t.name, t.header_row, t.first_col,
                       max(last, t.header_row + 1), t.first_col + width - 1))
    return Plan(changes(before, after), arrays, tables, formats), after
