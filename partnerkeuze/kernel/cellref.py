"""Spreadsheet cell addresses: column letters and ``Sheet!A1`` places for messages."""

from __future__ import annotations

from functools import lru_cache


@lru_cache(maxsize=4096)
def col_letter(col: int) -> str:
    """Column letters for a 1-based column number (1 -> A, 27 -> AA)."""
    letters = ""
    while col > 0:
        col, rem = divmod(col - 1, 26)
        letters = chr(65 + rem) + letters
    return letters


def cell(col: int, row: int) -> str:
    """An A1 address."""
    return f"{col_letter(col)}{row}"


def place(sheet: str, col: int, row: int) -> str:
    """A place for a message: ``Kandidaten!C7``."""
    return f"{sheet}!{col_letter(col)}{row}"


def absolute(sheet: str, col: int, row: int) -> str:
    """An absolute reference for a formula or defined name: ``'Kandidaten'!$C$7``."""
    return f"{quote_sheet(sheet)}!${col_letter(col)}${row}"


def quote_sheet(sheet: str) -> str:
    """A sheet name as formulas need it (quoted when it holds anything but letters and digits)."""
    return sheet if sheet.isalnum() else "'" + sheet.replace("'", "''") + "'"
