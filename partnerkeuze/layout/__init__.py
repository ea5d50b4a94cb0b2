"""The declarative layout of the governed workbook: the one place that knows sheets and columns.

Each part module contributes sheets, fields and lists; this package assembles them in order.
A part module may define SHEETS, LISTS, EXTRA_FIELDS ({sheet key: (Field, ...)}) and EXTRA_MODES
({sheet key: (mode, ...)}: further modes whose workbooks also have that sheet).
"""

from __future__ import annotations

from partnerkeuze.kernel.cellref import place
from partnerkeuze.layout import (core_sheets, documents, evaluation, governance, intake, planning,
                                 procedure, saving, sdg)
from partnerkeuze.layout.schema import Column, Field, Sheet, Table

# The modules that contribute to the workbook, in order.
PARTS = (core_sheets, planning, intake, documents, sdg, governance, procedure, evaluation, saving)


def _assemble() -> tuple[tuple[Sheet, ...], dict[str, tuple[str, tuple[str, ...]]]]:
    sheets: list[Sheet] = []
    lists: dict[str, tuple[str, tuple[str, ...]]] = {}
    extra_fields: dict[str, list[Field]] = {}
    extra_modes: dict[str, list[str]] = {}
    for mod in PARTS:
        sheets.extend(getattr(mod, "SHEETS", ()))
        lists.update(getattr(mod, "LISTS", {}))
        for key, fields in getattr(mod, "EXTRA_FIELDS", {}).items():
            extra_fields.setdefault(key, []).extend(fields)
        for key, modes in getattr(mod, "EXTRA_MODES", {}).items():
            extra_modes.setdefault(key, []).extend(modes)
    merged = []
    for sh in sheets:
        if sh.key in extra_fields:
            sh = sh.replace(fields=sh.fields + tuple(extra_fields[sh.key]))
        if sh.key in extra_modes:
            sh = sh.replace(modes=sh.modes + tuple(extra_modes[sh.key]))
        merged.append(sh)
    merged.sort(key=lambda s: s.order)
    return tuple(merged), lists


SHEETS, LISTS = _assemble()
SHEET_BY_KEY: dict[str, Sheet] = {s.key: s for s in SHEETS}
TABLES: dict[str, Table] = {s.table.key: s.table for s in SHEETS if s.table is not None}
TABLE_SHEET: dict[str, Sheet] = {s.table.key: s for s in SHEETS if s.table is not None}


def sheets_for(mode: str) -> tuple[Sheet, ...]:
    """The sheets of a workbook in this mode ('stedenband', 'sdg' or 'evaluatie'), in order."""
    return tuple(s for s in SHEETS if mode in s.modes)


def tables_for(mode: str) -> tuple[str, ...]:
    """Keys of the tables a workbook in this mode has."""
    return tuple(s.table.key for s in sheets_for(mode) if s.table is not None)


def sheet(key: str) -> Sheet:
    """The sheet with this key."""
    return SHEET_BY_KEY[key]


def table(key: str) -> Table:
    """The table with this key."""
    return TABLES[key]


def list_name(key: str) -> str:
    """Defined name of a list on the Lijsten sheet."""
    return f"lst_{key}"


def field_name(sheet_key: str, field_key: str) -> str:
    """Defined name of the value cell of a field on a key/value sheet."""
    return f"pk_{sheet_key}_{field_key}"


__all__ = ["Column", "Field", "Sheet", "Table", "SHEETS", "LISTS", "TABLES", "sheet", "table",
           "list_name", "field_name", "TABLE_SHEET", "sheets_for", "tables_for"]


def cell(table_key: str, column: str, row: int) -> str:
    """The place (``Sheet!A1``) of a column of a table row, for messages."""
    t = table(table_key)
    return place(TABLE_SHEET[table_key].name, t.first_col + t.index(column), row)
