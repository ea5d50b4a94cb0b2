"""Shared helpers of the add-in tests: the built add-in and its VBA modules read back."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path


def vba_modules_olevba(xlam: Path) -> dict[str, str]:
    """Module name -> source as olevba (oletools) extracts it from the add-in."""
    from oletools.olevba import VBA_Parser

    parser = VBA_Parser(str(xlam))
    try:
        return {Path(name).stem: code for _, stream, name, code in parser.extract_macros()}
    finally:
        parser.close()


def lf(text: str) -> str:
    """Text with LF line ends (VBA stores CRLF)."""
    return text.replace("\r\n", "\n")


def subs_of(code: str) -> set[str]:
    """Names of the public Subs declared in VBA source."""
    return {m.group(2) for m in re.finditer(
        r"^(Public\s+)?Sub\s+(\w+)\s*\(", code, flags=re.MULTILINE | re.IGNORECASE)
        if not re.match(r"^Private", m.group(0), re.IGNORECASE)}


def part(xlam: Path, name: str) -> bytes:
    """One part of the package."""
    with zipfile.ZipFile(xlam) as zf:
        return zf.read(name)
