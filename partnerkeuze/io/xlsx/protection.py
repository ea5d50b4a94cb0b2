"""The sheet password of the record sheets (Logboek, Criteriahistoriek, Procedure): it keeps
people from editing them by accident; the chained hashes detect a deliberate change."""

from __future__ import annotations

import os

DEFAULT_PASSWORD = "Partnerkeuze-logboek"


def password() -> str:
    """The protection password: PARTNERKEUZE_LOG_PASSWORD, else the default."""
    return os.environ.get("PARTNERKEUZE_LOG_PASSWORD") or DEFAULT_PASSWORD


def protect_with_password(ws) -> None:
    """Protect an openpyxl sheet with the log password (no editing, selecting allowed)."""
    ws.protection.sheet = True
    ws.protection.set_password(password())
