"""A patch turned into cell edits: the exact cells, styles, row heights and table ranges that
the openpyxl applier (xlsx/apply.py, xlsx/tables.py) would change, without openpyxl.

The part-level writer (xlsx/writer.py) writes these edits into the sheet XML; the file snapshot
shows them before the workbook is saved (so a command may read what it just patched).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import col_letter
from partnerkeuze.kernel.patch import Formula, Patch, Styled
from partnerkeuze.io.xlsx.cells import clean_text

NORMAL = ("Normal", None)
# The number format openpyxl gives a cell that receives a date/time while its format shows none.
TIME_FORMATS = {dt.datetime: "yyyy-mm-dd h:mm:ss", dt.date: "yyyy-mm-dd", dt.time: "h:mm:ss",
                dt.timedelta: "[hh]:mm:ss"}


@dataclass(slots=True)
class CellEdit:
    """What a cell becomes: its value, its named style (None: keep) and a date format to ensure."""

    value: object
    style: tuple[str, str | None] | None = None
    date_format: str | None = None


@dataclass
class SheetEdits:
    """The edited cells (row -> col -> edit) and new row heights of one sheet."""

    cells: dict[int, dict[int, CellEdit]] = field(default_factory=dict)
    heights: dict[int, float] = field(default_factory=dict)

    def max_row(self) -> int:
        """The last edited row (0 when none)."""
        return max(self.cells, default=0)

    def max_col(self) -> int:
        """The last edited column (0 when none)."""
        return max((max(cols) for cols in self.cells.values() if cols), default=0)


def stored(value):
    """A value as a cell stores it (text cleaned, time zone dropped) and the date format it needs."""
    if isinstance(value, Formula):
        return value, None
    if isinstance(value, str):
        return clean_text(value), None
    if isinstance(value, dt.datetime):
        return value.replace(tzinfo=None), TIME_FORMATS[dt.datetime]
    for kind in (dt.date, dt.time, dt.timedelta):
        if isinstance(value, kind):
            return value, TIME_FORMATS[kind]
    return value, None


@dataclass
class Edits:
    """Every edit of the patches applied so far, by sheet, plus the new ranges of tables."""

    sheets: dict[str, SheetEdits] = field(default_factory=dict)
    table_refs: dict[str, str] = field(default_factory=dict)  # table name -> new ref
    recalculated: bool = True  # every patch added gave the formulas it affects their new values
    # where the product's own formulas are (kernel.formulas.Area), as the settling patch said
    # (kernel.patch.declared); None: not said, formulas elsewhere are not looked at
    owned: tuple | None = None

    def is_empty(self) -> bool:
        """True when nothing is to be written."""
        return not self.sheets and not self.table_refs


class EditBuilder:
    """Adds patches to an Edits, reading current values and table ranges through callbacks.

    value(sheet, row, col) gives the value a cell holds now (before this builder's edits);
    table_ref(sheet, table_name) gives the table's ref in the file (None: no such table);
    n_rows(sheet) how many rows the sheet has in the file.
    """

    def __init__(self, edits: Edits, value, table_ref, n_rows):
        self.edits = edits
        self._value = value
        self._table_ref = table_ref
        self._n_rows = n_rows

    # -- single cells ---------------------------------------------------------------------

    def _sheet(self, sheet: str) -> SheetEdits:
        return self.edits.sheets.setdefault(sheet, SheetEdits())

    def put(self, sheet: str, row: int, col: int, value, style=None) -> None:
        """Write a value (and, when given, a named style applied after it), like cells.put."""
        value, date_format = stored(value)
        cells = self._sheet(sheet).cells.setdefault(row, {})
        old = cells.get(col)
        if style is not None:
            cells[col] = CellEdit(value, style, None)
        elif old is not None:
            cells[col] = CellEdit(value, old.style, date_format or old.date_format)
        else:
            cells[col] = CellEdit(value, None, date_format)

    def value(self, sheet: str, row: int, col: int):
        """The value a cell holds with the edits so far."""
        cells = self.edits.sheets.get(sheet)
        if cells is not None:
            edit = cells.cells.get(row, {}).get(col)
            if edit is not None:
                return edit.value
        return self._value(sheet, row, col)

    # -- tables ---------------------------------------------------------------------------

    def table_last_row(self, sheet: str, table) -> int:
        """The last data row by the table's range, or its header row (as tables.table_last_row)."""
        ref = self.edits.table_refs.get(table.name) or self._table_ref(sheet, table.name)
        if ref is None:
            return table.header_row
        last = int("".join(ch for ch in ref.split(":")[-1] if ch.isdigit()) or 0)
        return max(last, table.header_row)

    def last_filled_row(self, sheet: str, table, upto: int) -> int:
        """The last row below the header with any value in the table's columns."""
        last = table.header_row
        cols = range(table.first_col, table.first_col + len(table.columns))
        for r in range(table.first_data_row, upto + 1):
            if any(self.value(sheet, r, c) not in (None, "") for c in cols):
                last = r
        return last

    def _sheet_rows(self, sheet: str) -> int:
        edited = self.edits.sheets.get(sheet)
        return max(self._n_rows(sheet), edited.max_row() if edited else 0)

    def resize(self, sheet: str, table, n_rows: int) -> None:
        """Set the table's range to the header plus n_rows data rows (at least one); its columns
        stay those it has in the file (a workbook made before optional columns keeps fewer)."""
        ref = self.edits.table_refs.get(table.name) or self._table_ref(sheet, table.name)
        if ref is None:
            return
        first = col_letter(table.first_col)
        last_col = "".join(ch for ch in ref.split(":")[-1] if ch.isalpha()) or \
            col_letter(table.first_col + len(table.columns) - 1)
        self.edits.table_refs[table.name] = (
            f"{first}{table.header_row}:{last_col}{table.header_row + max(n_rows, 1)}")

    def write_rows(self, sheet: str, table, rows: list[list], start_row: int) -> None:
        """Rows in column order from start_row, styled as input or computed (tables.write_rows)."""
        from partnerkeuze.io.xlsx.styles import cell_style
        from partnerkeuze.io.xlsx.tables import row_height

        specs = [(table.first_col + i, (cell_style(col.is_input, col.wrap), col.number_format))
                 for i, col in enumerate(table.columns)]
        wrapped = [(i, col.width) for i, col in enumerate(table.columns) if col.wrap]
        heights = self._sheet(sheet).heights
        for r, values in enumerate(rows, start=start_row):
            for (c, style), value in zip(specs, values):
                self.put(sheet, r, c, value, style)
            if wrapped:
                height = row_height((values[i] if i < len(values) else None, w)
                                    for i, w in wrapped)
                if height:
                    heights[r] = height

    def clear(self, sheet: str, first_row: int, last_row: int, first_col: int,
              last_col: int) -> None:
        """Empty a rectangle: no value, the Normal style."""
        for r in range(first_row, last_row + 1):
            for c in range(first_col, last_col + 1):
                self.put(sheet, r, c, None, NORMAL)

    def replace_table(self, key: str, rows: list[list]) -> None:
        """Replace every data row of a table and fit its range (tables.replace_rows)."""
        table = layout.table(key)
        sheet = layout.TABLE_SHEET[key].name
        lo, hi = table.first_col, table.first_col + len(table.columns) - 1
        old_last = max(self.table_last_row(sheet, table),
                       self.last_filled_row(sheet, table, self._sheet_rows(sheet)))
        self.write_rows(sheet, table, rows, table.first_data_row)
        new_last = table.header_row + len(rows)
        self.clear(sheet, max(new_last + 1, table.first_data_row + (0 if rows else 1)),
                   old_last, lo, hi)
        if not rows:
            self.clear(sheet, table.first_data_row, table.first_data_row, lo, hi)
            self.write_rows(sheet, table, [[None] * len(table.columns)], table.first_data_row)
        self.resize(sheet, table, len(rows))

    def append_table(self, key: str, rows: list[list]) -> None:
        """Add rows after the last filled data row and grow the range (tables.append_rows)."""
        table = layout.table(key)
        sheet = layout.TABLE_SHEET[key].name
        last = self.last_filled_row(sheet, table, self._sheet_rows(sheet))
        self.write_rows(sheet, table, rows, last + 1)
        self.resize(sheet, table, last + len(rows) - table.header_row)

    # -- a whole patch ----------------------------------------------------------------------

    def add(self, patch: Patch) -> None:
        """Add a patch's writes in the order apply.apply_patch makes them."""
        if patch.settles:  # it speaks for the patches before it (kernel.patch.declared)
            self.edits.recalculated, self.edits.owned = patch.recalculated, tuple(patch.owned)
        else:
            self.edits.recalculated = self.edits.recalculated and patch.recalculated
        for key, rows in patch.tables.items():
            self.replace_table(key, rows)
        for key, rows in patch.appends.items():
            self.append_table(key, rows)
        for block in patch.blocks:
            width = block.width or max((len(r) for r in block.values), default=0)
            for r, values in enumerate(block.values, start=block.row):
                for c in range(width):
                    value = values[c] if c < len(values) else None
                    if isinstance(value, Styled):
                        self.put(block.sheet, r, block.col + c, value.value,
                                 (value.style, value.number_format))
                    else:
                        self.put(block.sheet, r, block.col + c, value)
            end = block.row + len(block.values)
            if block.clear_to is not None and width:
                self.clear(block.sheet, end, block.clear_to, block.col, block.col + width - 1)
        for sheet, row, col, value in patch.cells:
            self.put(sheet, row, col, value)
