"""The defined names the workbook's drop-down lists need: present and pointing somewhere.

Every drop-down (a choice or an id of another table) refers to a defined name (``lst_kinds``,
``ids_candidates``). When a user deletes such a name in Excel, the drop-downs silently stop
working; ``check`` and ``score`` report it on the first cell that uses the name.
"""

from __future__ import annotations

import os
import re
import zipfile
from pathlib import Path

from partnerkeuze.kernel.errors import Problem

_DEFINED = re.compile(rb"<(?:\w+:)?definedName\b([^>]*)>(.*?)</(?:\w+:)?definedName>", re.S)
_NAME_ATTR = re.compile(rb'\bname="([^"]*)"')


def defined_names(book) -> dict[str, str] | None:
    """Global defined names of a workbook (name -> reference), or None when unknown."""
    path = getattr(book, "path", None)
    if path and Path(path).suffix.lower() in (".xlsx", ".xlsm") and os.path.isfile(path):
        try:
            with zipfile.ZipFile(path) as zf:
                xml = zf.read("xl/workbook.xml")
        except (OSError, KeyError, zipfile.BadZipFile):
            return None
        names = {}
        for attrs, body in _DEFINED.findall(xml):
            m = _NAME_ATTR.search(attrs)
            if m and b"localSheetId" not in attrs:
                names[m.group(1).decode("utf-8", "replace")] = body.decode("utf-8", "replace")
        return names
    wb = getattr(book, "wb", None)
    dn = getattr(wb, "defined_names", None)
    if dn is None:
        return None
    try:
        return {name: str(getattr(d, "attr_text", "")) for name, d in dn.items()}
    except AttributeError:
        return None


def dropdown_names(mode: str) -> dict[str, str]:
    """Name -> the first cell ('Sheet!A5') of a drop-down that uses it, from the layout."""
    from partnerkeuze import layout
    from partnerkeuze.kernel.cellref import col_letter
    from partnerkeuze.layout import schema

    needed: dict[str, str] = {}
    for sheet in layout.sheets_for(mode):
        table = sheet.table
        if table is not None and not sheet.is_key_value:
            for i, col in enumerate(table.columns):
                place = f"{sheet.name}!{col_letter(table.first_col + i)}{table.first_data_row}"
                if col.kind == schema.CHOICE and col.choices:
                    needed.setdefault(layout.list_name(col.choices), place)
                elif col.kind == schema.REF and col.ref:
                    needed.setdefault(f"ids_{col.ref}", place)
        for field in getattr(sheet, "fields", ()) or ():
            if field.kind == schema.CHOICE and field.choices:
                needed.setdefault(layout.list_name(field.choices), sheet.name)
    return needed


def name_problems(book, mode: str) -> list[Problem]:
    """A problem for every drop-down name that is missing or points to a deleted range."""
    names = defined_names(book)
    if names is None:
        return []
    problems = []
    for name, place in dropdown_names(mode).items():
        ref = names.get(name)
        if ref is None:
            problems.append(Problem(place, f"de keuzelijst gebruikt de naam '{name}', maar die "
                                           f"naam ontbreekt in de werkmap (Formules > "
                                           f"Namenbeheer); maak ze opnieuw of neem een "
                                           f"reservekopie (.vorige-…xlsx)"))
        elif "#REF!" in ref:
            problems.append(Problem(place, f"de naam '{name}' van de keuzelijst verwijst naar "
                                           f"een verwijderd bereik ({ref[:60]}); herstel ze in "
                                           f"Formules > Namenbeheer"))
    return problems

