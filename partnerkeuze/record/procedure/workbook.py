"""Build hook: the Procedure sheet is protected with the log password, like the Logboek."""

from __future__ import annotations

from partnerkeuze import layout


def build_hook(wb, mode: str) -> None:
    """Protect the Procedure sheet (called by xlsx.build for every new workbook)."""
    from partnerkeuze.io.xlsx.protection import protect_with_password

    name = layout.sheet("procedure").name
    if name in wb.sheetnames:
        protect_with_password(wb[name])
