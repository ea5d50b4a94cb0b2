"""Writing the data rows of a layout table into an openpyxl worksheet, styled and sized."""

from __future__ import annotations

from partnerkeuze.layout import schema
from partnerkeuze.io.xlsx.cells import put
from partnerkeuze.io.xlsx.styles import StyleCache, cell_style


def table_last_row(ws, table: schema.Table) -> int:
    """The last data row of the Excel table on this sheet (from its ref), or the header row."""
    obj = ws.tables.get(table.name)
    if obj is None:
        return table.header_row
    last = int("".join(ch for ch in obj.ref.split(":")[1] if ch.isdigit()))
    return max(last, table.header_row)


def last_filled_row(ws, table: schema.Table) -> int:
    """The last row below the header with any value in the table's columns."""
    last = table.header_row
    lo, hi = table.first_col, table.first_col + len(table.columns) - 1
    for row in ws.iter_rows(min_row=table.first_data_row, min_col=lo, max_col=hi):
        if any(c.value not in (None, "") for c in row):
            last = row[0].row
    return last


def resize(ws, table: schema.Table, n_rows: int) -> None:
    """Set the Excel table's range to the header plus n_rows data rows (at least one); its
    columns stay those it has (a workbook made before optional columns keeps fewer)."""
    from openpyxl.utils import get_column_letter

    obj = ws.tables.get(table.name)
    if obj is None:
        return
    first = get_column_letter(table.first_col)
    last_col = "".join(ch for ch in obj.ref.split(":")[-1] if ch.isalpha()) or \
        get_column_letter(table.first_col + len(table.columns) - 1)
    ref = f"{first}{table.header_row}:{last_col}{table.header_row + max(n_rows, 1)}"
    obj.ref = ref
    if obj.autoFilter is not None:
        obj.autoFilter.ref = ref


LINE_HEIGHT = 15.0  # points per line of text
MAX_LINES = 8


def row_height(texts_and_widths) -> float | None:
    """A row height that shows wrapped text (None: the default height suffices)."""
    lines = 1
    for text, width in texts_and_widths:
        if isinstance(text, str) and text:
            per_line = max(int(width * 1.15), 8)
            lines = max(lines, sum(-(-max(len(part), 1) // per_line) for part in text.split("\n")))
    return None if lines <= 1 else LINE_HEIGHT * min(lines, MAX_LINES)


def write_rows(ws, table: schema.Table, rows: list[list], start_row: int,
               styles: StyleCache | None = None) -> None:
    """Write rows (in column order) from start_row, styling each cell as input or computed."""
    styles = styles or StyleCache(ws)
    specs = [(table.first_col + i, col.is_input, col.wrap, col.number_format)
             for i, col in enumerate(table.columns)]
    wrapped = [(i, col.width) for i, col in enumerate(table.columns) if col.wrap]
    for r, values in enumerate(rows, start=start_row):
        for (c, is_input, wrap, fmt), value in zip(specs, values):
            cell = ws.cell(row=r, column=c)
            put(cell, value)
            styles.apply(cell, cell_style(is_input, wrap), fmt)
        if wrapped:
            height = row_height((values[i] if i < len(values) else None, w) for i, w in wrapped)
            if height:
                ws.row_dimensions[r].height = height


def clear_rows(ws, table: schema.Table, first: int, last: int) -> None:
    """Empty the table's cells in rows first..last (values and styles)."""
    if last < first:
        return
    for row in ws.iter_rows(min_row=first, max_row=last, min_col=table.first_col,
                            max_col=table.first_col + len(table.columns) - 1):
        for cell in row:
            cell.value = None
            cell.style = "Normal"


def replace_rows(ws, table: schema.Table, rows: list[list]) -> None:
    """Replace every data row of the table and fit the table's range to them."""
    old_last = max(table_last_row(ws, table), last_filled_row(ws, table))
    write_rows(ws, table, rows, table.first_data_row)
    new_last = table.header_row + len(rows)
    clear_rows(ws, table, max(new_last + 1, table.first_data_row + (0 if rows else 1)), old_last)
    if not rows:
        clear_rows(ws, table, table.first_data_row, table.first_data_row)
        write_rows(ws, table, [[None] * len(table.columns)], table.first_data_row)
    resize(ws, table, len(rows))


def append_rows(ws, table: schema.Table, rows: list[list]) -> None:
    """Add rows after the last filled data row and grow the table's range."""
    last = last_filled_row(ws, table)
    write_rows(ws, table, rows, last + 1)
    resize(ws, table, last + len(rows) - table.header_row)
