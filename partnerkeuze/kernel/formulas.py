"""The formulas the product writes, in families: where a family's formulas are, what they read,
and each formula with the value it gives in the workbook as it is now.

The value is written as the formula's cached value (``patch.Formula.cached``): Excel then need
not recalculate on opening (no ``fullCalcOnLoad``) and a reader that does not calculate
(openpyxl with data_only, pandas, Power Query, a preview) sees the results. The pipeline asks
every family whose inputs a command changed for its values before the workbook is saved
(app/cached_values.py); a family that cannot give a value there (the Scoretabel between two
`score` runs) leaves the workbook marked for recalculation.
"""

from __future__ import annotations

from typing import Callable

from partnerkeuze.kernel.patch import Formula
from partnerkeuze.kernel.plain import Value
from partnerkeuze.kernel.snapshot import Snapshot


class Area(Value):
    """A rectangle of cells on one sheet: rows and columns 1-based and inclusive, a last row or
    column of None runs to the end of the sheet."""

    sheet: str
    first_row: int = 1
    last_row: int | None = None
    first_col: int = 1
    last_col: int | None = None

    def holds(self, row: int, col: int) -> bool:
        """True when the cell at (row, col) of this area's sheet lies in the area."""
        return (self.first_row <= row and (self.last_row is None or row <= self.last_row)
                and self.first_col <= col and (self.last_col is None or col <= self.last_col))

    def has_row(self, row: int) -> bool:
        """True when the area spans this row."""
        return self.first_row <= row and (self.last_row is None or row <= self.last_row)


class Cells(Value):
    """Some cells of one sheet, by (row, column): where a command wrote formulas in this run."""

    sheet: str
    cells: frozenset

    def holds(self, row: int, col: int) -> bool:
        """True when (row, col) is one of the cells."""
        return (row, col) in self.cells

    def has_row(self, row: int) -> bool:
        """True when a cell lies in this row."""
        return any(r == row for r, _ in self.cells)


def column(sheet: str, col: int, first_row: int = 1, last_row: int | None = None) -> Area:
    """One column of a sheet (from first_row to last_row) as an Area."""
    return Area(sheet, first_row, last_row, col, col)


def single(sheet: str, row: int, col: int) -> Area:
    """One cell as an Area."""
    return Area(sheet, row, row, col, col)


# (sheet, row, column, formula): the formula carries the value it gives as ``cached`` (None:
# not known here, e.g. it reads a formula whose value is not known).
FormulaCell = tuple[str, int, int, Formula]


class FormulaFamily(Value):
    """Formulas the product writes together: ``area`` where they are (cells only the product
    writes), ``reads`` the cells their values depend on (in a snapshot), ``cells`` each formula
    with the value it gives in a snapshot (the workbook after the command's writes). ``cells``
    None: the formulas get their values only from the command that writes them (`score` the
    Scoretabel's), so where that command did not run after their inputs changed, their values
    could be stale."""

    name: str
    area: Callable[[], tuple[Area, ...]]
    reads: Callable[[Snapshot], tuple[Area, ...]]
    cells: Callable[[Snapshot], list[FormulaCell]] | None


class Unknown(Exception):
    """A value a formula reads is not known here (a formula cell without a cached value, or a
    case the core does not evaluate the way Excel does): the formula gets no cached value."""


def shown(value):
    """The value a cell shows: a formula's cached value (Unknown when it has none), any other
    value as it is. A text starting with '=' read from a file may be a formula: Unknown."""
    if isinstance(value, Formula):
        if value.cached is None:
            raise Unknown(value)
        return value.cached
    if isinstance(value, str) and value.startswith("=") and len(value) > 1:
        raise Unknown(value)
    return value


def with_value(formula: str, compute: Callable[[], object]) -> Formula:
    """The formula (text starting with '=') carrying the value ``compute()`` gives, or no value
    when a value it needs is Unknown."""
    out = Formula(formula)
    try:
        out.cached = compute()
    except Unknown:
        out.cached = None
    return out
