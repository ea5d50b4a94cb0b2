"""Applying a patch to an openpyxl workbook without losing tables, validations or styles."""

from __future__ import annotations

from partnerkeuze import layout
from partnerkeuze.kernel.patch import Patch, Styled
from partnerkeuze.io.xlsx import tables as tbl
from partnerkeuze.io.xlsx.cells import put
from partnerkeuze.io.xlsx.styles import StyleCache


def missing_sheets(wb, patch: Patch) -> list[str]:
    """The sheets a patch writes to that the workbook does not have (deleted by a user)."""
    wanted = [layout.TABLE_SHEET[k].name for k in (*patch.tables, *patch.appends)]
    wanted += [b.sheet for b in patch.blocks] + [c[0] for c in patch.cells]
    have = set(wb.sheetnames)
    return [s for s in dict.fromkeys(wanted) if s not in have]


def refuse_missing_sheets(wb, patch: Patch) -> None:
    """Refuse (InputProblems naming the sheet) a patch for a sheet the user deleted; ``wb`` is
    anything with ``sheetnames`` (an openpyxl workbook or a FileWorkbook)."""
    gone = missing_sheets(wb, patch)
    if gone:
        from partnerkeuze.kernel.errors import InputProblems, Problem

        raise InputProblems([Problem("Werkmap", f"het blad '{s}' ontbreekt; herstel het uit een "
                                                f"reservekopie (.vorige-…xlsx) of maak een "
                                                f"nieuwe werkmap") for s in gone])


def apply_patch(wb, patch: Patch) -> None:
    """Write every cell, block and table of the patch into the workbook.

    A patch for a sheet the user deleted is refused as a whole (InputProblems naming the sheet)
    before anything is written.
    """
    refuse_missing_sheets(wb, patch)
    for key, rows in patch.tables.items():
        table = layout.table(key)
        tbl.replace_rows(wb[layout.TABLE_SHEET[key].name], table, rows)
    for key, rows in patch.appends.items():
        table = layout.table(key)
        tbl.append_rows(wb[layout.TABLE_SHEET[key].name], table, rows)
    for block in patch.blocks:
        ws = wb[block.sheet]
        cache = StyleCache(ws)
        width = block.width or max((len(r) for r in block.values), default=0)
        for r, values in enumerate(block.values, start=block.row):
            for c in range(width):
                cell = ws.cell(row=r, column=block.col + c)
                value = values[c] if c < len(values) else None
                if isinstance(value, Styled):
                    put(cell, value.value)
                    cache.apply(cell, value.style, value.number_format)
                else:
                    put(cell, value)
        end = block.row + len(block.values)
        if block.clear_to is not None and width:  # (max_col=0 would mean every column)
            for row in ws.iter_rows(min_row=end, max_row=block.clear_to, min_col=block.col,
                                    max_col=block.col + width - 1):
                for cell in row:
                    cell.value = None
                    cell.style = "Normal"
    for sheet, row, col, value in patch.cells:
        put(wb[sheet].cell(row=row, column=col), value)

