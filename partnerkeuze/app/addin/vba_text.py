"""Where the add-in's VBA sources are (vba/*.bas, *.cls) and how one is read."""

from __future__ import annotations

from pathlib import Path

VBA_DIR = Path(__file__).resolve().parent / "vba"


def source_text(path: Path) -> str:
    """A VBA source file as text (a BOM dropped, Windows line ends made plain)."""
    return path.read_text(encoding="utf-8-sig").replace("\r\n", "\n")
