"""A workbook held as a snapshot in memory: the fake of the WorkbookIO interface for tests.

It is no more than the interface: ``snapshot()`` returns the rows, ``apply()`` writes a patch
into them with the same table semantics as the openpyxl and xlwings paths.
"""

from __future__ import annotations

import copy

from partnerkeuze import layout
from partnerkeuze.kernel.patch import Patch, plain
from partnerkeuze.kernel.snapshot import Snapshot


class MemoryWorkbook:
    """A WorkbookIO over a snapshot in memory."""

    def __init__(self, snapshot: Snapshot, name: str = "geheugen"):
        self.name = name
        # A plain copy of every sheet (a file snapshot reads its sheets lazily from openpyxl).
        self._snap = Snapshot(sheets={name: [tuple(r) for r in rows]
                                      for name, rows in snapshot.sheets.items()},
                              source=snapshot.source)

    def snapshot(self) -> Snapshot:
        """A copy of the current values."""
        return copy.deepcopy(self._snap)

    def _grid(self, sheet: str) -> list[list]:
        rows = self._snap.sheets.setdefault(sheet, [])
        return rows

    def _put(self, sheet: str, row: int, col: int, value) -> None:
        rows = self._grid(sheet)
        while len(rows) < row:
            rows.append(())
        r = list(rows[row - 1])
        while len(r) < col:
            r.append(None)
        r[col - 1] = plain(value)
        rows[row - 1] = tuple(r)

    def _last_filled(self, table) -> int:
        sheet = layout.TABLE_SHEET[table.key].name
        rows = self._grid(sheet)
        last = table.header_row
        lo, hi = table.first_col - 1, table.first_col - 1 + len(table.columns)
        for i in range(table.first_data_row - 1, len(rows)):
            if any(v not in (None, "") for v in rows[i][lo:hi]):
                last = i + 1
        return last

    def apply(self, patch: Patch) -> None:
        """Write a patch into the rows."""
        for key, new_rows in patch.tables.items():
            t = layout.table(key)
            sheet = layout.TABLE_SHEET[key].name
            old_last = self._last_filled(t)
            for r in range(t.first_data_row, old_last + 1):
                for c in range(len(t.columns)):
                    self._put(sheet, r, t.first_col + c, None)
            for i, values in enumerate(new_rows):
                for c, v in enumerate(values):
                    self._put(sheet, t.first_data_row + i, t.first_col + c, v)
        for key, new_rows in patch.appends.items():
            t = layout.table(key)
            sheet = layout.TABLE_SHEET[key].name
            start = self._last_filled(t) + 1
            for i, values in enumerate(new_rows):
                for c, v in enumerate(values):
                    self._put(sheet, start + i, t.first_col + c, v)
        for block in patch.blocks:
            width = block.width or max((len(r) for r in block.values), default=0)
            for i, values in enumerate(block.values):
                for c in range(width):
                    self._put(block.sheet, block.row + i, block.col + c,
                              values[c] if c < len(values) else None)
            if block.clear_to is not None:
                for r in range(block.row + len(block.values), block.clear_to + 1):
                    for c in range(width):
                        self._put(block.sheet, r, block.col + c, None)
        for sheet, row, col, value in patch.cells:
            self._put(sheet, row, col, value)
