"""Build hook: the Procedure and Beslissing sheets are protected with the log password, like the
Logboek."""

from __future__ import annotations

from partnerkeuze import layout


def build_hook(wb, mode: str) -> None:
    """Protect the Procedure and Beslissing sheets (called by xlsx.build for every new
    workbook)."""
    from partnerkeuze.io.xlsx.protection import protect_with_password

    for key in ("procedure", "decision"):
        name = layout.sheet(key).name
        if name in wb.sheetnames:
            protect_with_password(wb[name])
