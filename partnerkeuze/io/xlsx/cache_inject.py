"""Cached values for the formulas openpyxl wrote: openpyxl saves a formula without its value, so
after it saved, the part-level writer (xlsx/writer.py) writes the same formula cells again with
the value the core computed for each (patch.Formula.cached), and settles fullCalcOnLoad."""

from __future__ import annotations

import os
from pathlib import Path

from partnerkeuze import layout
from partnerkeuze.kernel.patch import Formula, Patch, Styled


def _cached(value) -> Formula | None:
    value = value.value if isinstance(value, Styled) else value
    return value if isinstance(value, Formula) and value.cached is not None else None


def formula_cells(patch: Patch) -> dict[tuple[str, int, int], Formula]:
    """(sheet, row, column) -> formula with a cached value, where apply_patch writes them
    (replaced tables from their first data row, blocks and single cells)."""
    out: dict[tuple[str, int, int], Formula] = {}
    for key, rows in patch.tables.items():
        t = layout.table(key)
        sheet = layout.TABLE_SHEET[key].name
        for i, row in enumerate(rows):
            for j, value in enumerate(row):
                f = _cached(value)
                if f is not None:
                    out[(sheet, t.first_data_row + i, t.first_col + j)] = f
    for block in patch.blocks:
        for r, values in enumerate(block.values, start=block.row):
            for c, value in enumerate(values):
                f = _cached(value)
                if f is not None:
                    out[(block.sheet, r, block.col + c)] = f
    for sheet, row, col, value in patch.cells:
        f = _cached(value)
        if f is not None:
            out[(sheet, row, col)] = f
    return out


def inject(path: Path, cells: dict[tuple[str, int, int], Formula],
           declared: tuple[bool, tuple | None] = (False, None)) -> None:
    """Rewrite the workbook file at path (in place, through a file beside it) with the cached
    values of these formula cells; ``declared`` (kernel.patch.declared of the patches applied):
    whether every formula whose inputs they changed got its value, and where the product's own
    formulas are. The writer then sets fullCalcOnLoad only where a value could be stale."""
    from partnerkeuze.io.xlsx.edits import CellEdit, Edits, SheetEdits
    from partnerkeuze.io.xlsx.package import Package
    from partnerkeuze.io.xlsx.writer import write_package

    recalculated, owned = declared
    if not cells and owned is None:
        return
    edits = Edits(recalculated=recalculated, owned=owned)
    for (sheet, row, col), formula in cells.items():
        edits.sheets.setdefault(sheet, SheetEdits()).cells.setdefault(row, {})[col] = CellEdit(formula)
    path = Path(path)
    out = path.with_name(path.name + ".cache.xlsx")
    pkg = Package(path)
    try:
        write_package(pkg, edits, out)
    finally:
        pkg.close()
    os.replace(out, path)
