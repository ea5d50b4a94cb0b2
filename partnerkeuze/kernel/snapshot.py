"""A snapshot: the values of every sheet of a workbook, read once, as plain Python rows."""

from __future__ import annotations

from partnerkeuze.kernel.plain import Plain


class Snapshot(Plain):
    """Sheet name -> rows of cell values (row 1 is index 0), plus where it was read from."""

    def __init__(self, sheets: dict[str, list[tuple]] | None = None, source: str = "werkmap"):
        self.sheets = {} if sheets is None else sheets
        self.source = source

    def rows(self, sheet: str) -> list[tuple]:
        """The rows of a sheet (empty when the sheet is absent)."""
        return self.sheets.get(sheet, [])

    def value(self, sheet: str, row: int, col: int):
        """The value at a 1-based row and column, or None."""
        rows = self.sheets.get(sheet, [])
        if row - 1 >= len(rows):
            return None
        r = rows[row - 1]
        return r[col - 1] if col - 1 < len(r) else None

    def row_count(self, sheet: str) -> int:
        """len(self.rows(sheet)); a file snapshot answers without loading the sheet's values."""
        count = getattr(self.sheets, "row_count", None)
        return count(sheet) if count is not None else len(self.rows(sheet))

    def has_sheet(self, sheet: str) -> bool:
        """True when the workbook has this sheet."""
        return sheet in self.sheets
