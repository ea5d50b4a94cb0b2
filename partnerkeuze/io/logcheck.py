"""Integrity of the audit log: every entry chained to the previous one, and a head above the
table with the count and the last link, so that an altered, removed or added entry is detected."""

from __future__ import annotations

import re

from partnerkeuze.io import audit
from partnerkeuze import layout
from partnerkeuze.kernel.cellref import col_letter
from partnerkeuze.kernel.errors import Problem
from partnerkeuze.kernel.snapshot import Snapshot

_HEAD = re.compile(r"^\s*" + re.escape(audit.HEAD_PREFIX) + r"\s*(\d+)\s*regels\s*\|\s*([0-9a-f]+)\s*$")


def numbered_rows(snap: Snapshot, table_key: str) -> list[tuple[int, tuple]]:
    """(sheet row, cells) of the filled rows of an output table, in order."""
    t = layout.table(table_key)
    rows = snap.rows(layout.TABLE_SHEET[table_key].name)
    width = len(t.columns)
    out = []
    for i in range(t.first_data_row - 1, len(rows)):
        cells = tuple(rows[i][t.first_col - 1:t.first_col - 1 + width])
        if any(v not in (None, "") for v in cells):
            out.append((i + 1, cells + (None,) * (width - len(cells))))
    return out


def int_or_none(value) -> int | None:
    """A cell's whole number (1, 1.0, "1"), or None for anything else (empty, text, 1.5)."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return int(number) if number.is_integer() else None


def chain_problems(sheet: str, entries: list[tuple[int, tuple]], what: str) -> list[Problem]:
    """Problems of a chained table (Nr first, link last): altered or removed rows."""
    out: list[Problem] = []
    prev = ""
    expected = 1
    link_col = col_letter(len(entries[0][1])) if entries else "A"
    for row, cells in entries:
        seq = int_or_none(cells[0])
        removal = False
        if seq is None:
            out.append(Problem(f"{sheet}!A{row}", f"het volgnummer van deze {what} werd gewijzigd "
                                                  f"('{cells[0]}')"))
        elif seq > expected:
            gone = f"Nr {expected}" if seq == expected + 1 else f"Nr {expected} tot {seq - 1}"
            out.append(Problem(f"{sheet}!A{row}", f"vóór deze {what} ontbreekt {gone}: "
                                                  f"verwijderd uit het {sheet.lower()}"))
            removal = True
        elif seq < expected:
            out.append(Problem(f"{sheet}!A{row}", f"{what} Nr {seq} staat hier opnieuw of uit de "
                                                  f"volgorde (verwacht Nr {expected})"))
        link = "" if cells[-1] is None else str(cells[-1])
        if link != audit.chain_hash(prev, list(cells[:-1])) and not removal:
            out.append(Problem(f"{sheet}!{link_col}{row}",
                               f"{what} Nr {cells[0]} werd gewijzigd na het schrijven (de "
                               f"kettingwaarde klopt niet meer met de inhoud)"))
        prev = link
        expected = (seq if seq is not None else expected) + 1
    return out


def head(snap: Snapshot) -> tuple[int, str] | None:
    """(count, last link) from the head above the log, or None when absent or unreadable."""
    value = snap.value(layout.sheet("log").name, audit.HEAD_ROW, 1)
    m = _HEAD.match(str(value or ""))
    return (int(m.group(1)), m.group(2)) if m else None


def log_problems(snap: Snapshot) -> list[Problem]:
    """Every sign that the log was altered: changed or removed entries, a changed head."""
    sheet = layout.sheet("log").name
    entries = numbered_rows(snap, "log")
    out = chain_problems(sheet, entries, "logregel")
    h = head(snap)
    if h is None:
        if entries:
            out.append(Problem(f"{sheet}!A{audit.HEAD_ROW}",
                               "de kettingkop boven het logboek ontbreekt of werd gewijzigd"))
        return out
    count, link = h
    last_seq = int_or_none(entries[-1][1][0]) if entries else 0
    last_link = str(entries[-1][1][-1] or "") if entries else ""
    next_row = entries[-1][0] + 1 if entries else layout.table("log").first_data_row
    if last_seq is not None and last_seq < count:
        gone = f"Nr {count}" if last_seq + 1 == count else f"Nr {last_seq + 1} tot {count}"
        out.append(Problem(f"{sheet}!A{next_row}", f"de laatste logregel(s) {gone} ontbreken: "
                                                   f"verwijderd uit het logboek"))
    elif last_seq is not None and last_seq > count:
        out.append(Problem(f"{sheet}!A{audit.HEAD_ROW}",
                           f"het logboek telt {last_seq} regels maar de kettingkop zegt {count}: "
                           f"regels toegevoegd buiten Partnerkeuze of kop gewijzigd"))
    elif last_link != link:
        out.append(Problem(f"{sheet}!A{audit.HEAD_ROW}",
                           "de kettingkop past niet bij de laatste logregel: die regel of de kop "
                           "werd gewijzigd"))
    return out
