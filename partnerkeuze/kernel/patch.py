"""A patch: the cells and tables a command writes back, independent of how they are applied.

The same patch is applied to a file by openpyxl (``xlsx.file_workbook``), to a live workbook by
xlwings (``addin``), and to a snapshot in memory (``memory_workbook``) in tests.
"""

from __future__ import annotations

from partnerkeuze.kernel.plain import Fresh, Plain


class Formula(str):
    """A native spreadsheet formula (text starting with '='); every other str is written as text.
    ``cached``: the value the core computed for it, written as the cell's cached value so that
    readers that do not calculate see it (None: no value known)."""

    cached = None


def with_cached(formula: Formula, value) -> Formula:
    """A copy of the formula (same class) carrying ``value`` as its cached value."""
    out = type(formula)(formula)
    out.cached = value
    return out


class ArrayFormula(Formula):
    """A native array (Ctrl+Shift+Enter) formula over one cell."""


class Styled:
    """A block value with the named cell style (and number format) it is shown in."""

    __slots__ = ("value", "style", "number_format")

    def __init__(self, value, style: str, number_format: str | None = None):
        self.value = value
        self.style = style
        self.number_format = number_format

    def __eq__(self, other) -> bool:
        return isinstance(other, Styled) and (self.value, self.style, self.number_format) == (
            other.value, other.style, other.number_format)

    def __repr__(self) -> str:
        return f"Styled({self.value!r}, {self.style!r})"


def plain(value):
    """The bare value of a block cell (without its style)."""
    return value.value if isinstance(value, Styled) else value


class Block(Plain):
    """A rectangle of values written from (row, col); rows below up to clear_to are emptied."""

    def __init__(self, sheet: str, row: int, col: int, values: list[list],
                 clear_to: int | None = None, width: int | None = None):
        self.sheet = sheet
        self.row = row
        self.col = col
        self.values = values
        self.clear_to = clear_to  # last row to clear below the block
        self.width = width  # columns to clear (default: width of the widest row)


class Patch(Plain):
    """Cells, blocks and table contents to write, in the order they were added."""

    cells: list[tuple[str, int, int, object]] = Fresh(list)
    tables: dict[str, list[list]] = Fresh(dict)  # replace all data rows
    appends: dict[str, list[list]] = Fresh(dict)  # add rows after the data
    blocks: list[Block] = Fresh(list)
    # True when the patch gives every formula whose inputs it changes its new cached value (so
    # the writer need not make Excel recalculate on opening for its sake).
    recalculated: bool = False
    # True for the pipeline's last patch of a save (app/cached_values.py): it gives every
    # formula whose inputs the patches before it changed its new value, so its `recalculated`
    # speaks for the whole save; `owned` then lists the areas (kernel.formulas.Area) where the
    # product's own formulas are: a formula anywhere else could read what changed.
    settles: bool = False
    owned: tuple = ()

    def set_cell(self, sheet: str, row: int, col: int, value) -> None:
        """Write one cell."""
        self.cells.append((sheet, row, col, value))

    def replace_table(self, table_key: str, rows: list[list]) -> None:
        """Replace every data row of a table (rows in the layout's column order)."""
        self.tables[table_key] = rows

    def append_rows(self, table_key: str, rows: list[list]) -> None:
        """Add rows after the last data row of a table."""
        self.appends.setdefault(table_key, []).extend(rows)

    def write_block(self, block: Block) -> None:
        """Write a rectangle of values."""
        self.blocks.append(block)

    def merge(self, other: "Patch") -> "Patch":
        """Add another patch's writes after this one's; returns self."""
        self.cells.extend(other.cells)
        self.tables.update(other.tables)
        for key, rows in other.appends.items():
            self.append_rows(key, rows)
        self.blocks.extend(other.blocks)
        if other.settles:
            self.recalculated, self.settles, self.owned = True, True, other.owned
        self.recalculated = self.recalculated and other.recalculated
        return self

    def is_empty(self) -> bool:
        """True when nothing would be written."""
        return not (self.cells or self.tables or self.appends or self.blocks)


def declared(patches) -> tuple[bool, tuple | None]:
    """What patches applied in this order say about the cached values of the save:
    (recalculated, owned). A settling patch speaks for the patches before it; ``owned`` is None
    when no patch settles (then nothing is known about formulas the patches did not write)."""
    recalculated, owned = True, None
    for patch in patches:
        if patch.settles:
            recalculated, owned = patch.recalculated, tuple(patch.owned)
        else:
            recalculated = recalculated and patch.recalculated
    return recalculated, owned
