"""The add-in's settings, looked up the way its VBA GetConfig does (xlwings' layers and order).

Layers, first non-empty value wins (an empty value never shadows a later layer):
1. the sheet 'partnerkeuze.conf' of the active workbook,
2. the sheet 'partnerkeuze.conf' of the add-in (whatever its file name),
3. 'partnerkeuze.conf' beside the workbook,
4. the user file %USERPROFILE%\\.partnerkeuze\\partnerkeuze.conf (~/.partnerkeuze/... elsewhere),
5. the values baked into the add-in at build time (VBA only: they concern the interpreter).
Keys are compared in upper case, as GetConfig does.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

PROJECT = "partnerkeuze"
CONF_NAME = f"{PROJECT}.conf"
LAYERS = ("sheet_workbook", "sheet_addin", "directory", "user", "baked")

_QUOTED = re.compile(r'^\s*"([^"]*)"\s*,\s*"([^"]*)"\s*$')


def user_conf_path(home: str | Path | None = None) -> Path:
    """%USERPROFILE%\\.partnerkeuze\\partnerkeuze.conf (the home folder on other systems)."""
    base = home or os.environ.get("USERPROFILE") or Path.home()
    return Path(base) / f".{PROJECT}" / CONF_NAME


def directory_conf_path(workbook_path: str | Path | None) -> Path | None:
    """partnerkeuze.conf beside the workbook (None for a workbook without a local folder)."""
    if workbook_path is None:
        return None
    return Path(workbook_path).parent / CONF_NAME


def parse_conf_text(text: str) -> dict[str, str]:
    """The settings of a conf file as VBA's ``Input #`` reads them: lines ``"KEY","value"``
    (unquoted ``KEY,value`` too); keys in upper case; the first line of a key counts."""
    out: dict[str, str] = {}
    for line in text.splitlines():
        if not line.strip() or line.lstrip().startswith(("#", ";", "'")):
            continue
        m = _QUOTED.match(line)
        if m:
            key, value = m.group(1), m.group(2)
        elif "," in line:
            key, _, value = line.partition(",")
            key, value = key.strip().strip('"'), value.strip().strip('"')
        else:
            continue
        out.setdefault(key.strip().upper(), value)
    return out


def read_conf_file(path: Path | None) -> dict[str, str]:
    """The settings of a conf file; {} when it is missing or unreadable."""
    if path is None:
        return {}
    try:
        data = Path(path).read_bytes()
    except OSError:
        return {}
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = data.decode("cp1252", errors="replace")
    return parse_conf_text(text)


def sheet_rows(rows) -> dict[str, str]:
    """The settings of a conf sheet from its A:B rows, read like xlwings: A1 down to the first
    empty key."""
    out: dict[str, str] = {}
    for row in rows:
        key = row[0] if row else None
        if key in (None, ""):
            break
        value = row[1] if len(row) > 1 else None
        out.setdefault(str(key).upper(), "" if value is None else str(value))
    return out


def merge(layers: list[dict[str, str]]) -> dict[str, str]:
    """One dict: per key the value of the first layer where it is not empty."""
    out: dict[str, str] = {}
    for layer in layers:
        for key, value in layer.items():
            if str(value if value is not None else "").strip() != "" and key.upper() not in out:
                out[key.upper()] = str(value)
    return out


def resolve(*, workbook_sheet: dict | None = None, addin_sheet: dict | None = None,
            workbook_path: str | Path | None = None, home: str | Path | None = None,
            baked: dict | None = None) -> dict[str, str]:
    """Every setting with the layer order of the add-in's GetConfig."""
    return merge([workbook_sheet or {}, addin_sheet or {},
                  read_conf_file(directory_conf_path(workbook_path)),
                  read_conf_file(user_conf_path(home)), baked or {}])


def conf_line(key: str, value: str) -> str:
    """One line of a conf file as VBA's ``Write #`` writes it."""
    return f'"{key}","{value}"'
