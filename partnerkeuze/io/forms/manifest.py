"""What the product wrote into a forms folder, so that a filled-in form is never overwritten.

A hidden file ``.partnerkeuze-geschreven.json`` in the folder holds the SHA-256 of every form as
it was written. A form is written again only over a file whose bytes are still exactly those:
a form a person filled in, edited, or put there by hand is kept, and the command says so.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

MANIFEST_NAME = ".partnerkeuze-geschreven.json"


def digest(data: bytes) -> str:
    """The SHA-256 of bytes, hex."""
    return hashlib.sha256(data).hexdigest()


class WrittenForms:
    """The manifest of one output folder: which files the product wrote, with their hashes."""

    def __init__(self, folder: Path):
        self.folder = Path(folder)
        self.path = self.folder / MANIFEST_NAME
        self.entries: dict[str, str] = {}
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if isinstance(data, dict) and isinstance(data.get("files"), dict):
                self.entries = {str(k): str(v) for k, v in data["files"].items()}
        except (OSError, ValueError):
            self.entries = {}
        self.kept: list[Path] = []

    def may_replace(self, path: Path) -> bool:
        """True when path is absent or still holds exactly what the product wrote there."""
        if not path.exists():
            return True
        known = self.entries.get(path.name)
        if known is None:
            return False
        try:
            return digest(path.read_bytes()) == known
        except OSError:
            return False

    def write(self, path: Path, data: bytes) -> bool:
        """Write data to path unless that would destroy someone's file; False when kept."""
        from partnerkeuze.io.xlsx.file_workbook import write_file

        if not self.may_replace(path):
            self.kept.append(path)
            return False
        write_file(path, data)
        self.entries[path.name] = digest(data)
        return True

    def save(self) -> None:
        """Write the manifest (atomically, with the forms when the command is staged)."""
        from partnerkeuze.io.xlsx.file_workbook import write_file

        body = {"about": "Bestanden die Partnerkeuze hier schreef, met hun SHA-256. Een bestand "
                         "dat niet meer overeenkomt, wordt nooit overschreven.",
                "files": dict(sorted(self.entries.items()))}
        write_file(self.path, json.dumps(body, ensure_ascii=False, indent=1).encode("utf-8"))


def kept_warning(path: Path, who: str) -> str:
    """The Dutch warning for a form that was kept instead of overwritten."""
    return (f"{path.name} bestaat al en verschilt van wat Partnerkeuze schreef (ingevuld of "
            f"gewijzigd): het blijft ongewijzigd bewaard en er is geen nieuw formulier voor "
            f"{who} geschreven. Verplaats of hernoem het bestand om een nieuw formulier te krijgen")
