"""The register of read forms (Invoer sheet): which files were read, with hash and version."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from partnerkeuze.values import as_text

FORM_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xltx")
MAX_FORMS = 2000


@dataclass(frozen=True)
class Registered:
    """One row of the Invoer table."""

    kind: str
    file: str
    file_hash: str
    version: str
    subject: str
    imported: str


def registered(model) -> list[Registered]:
    """The forms already read into this workbook, in the order they were read."""
    out = []
    for rec in model.tables.get("imports", []):
        out.append(Registered(kind=as_text(rec.get("kind")), file=as_text(rec.get("file")),
                              file_hash=as_text(rec.get("file_hash")),
                              version=as_text(rec.get("version")),
                              subject=as_text(rec.get("subject")),
                              imported=as_text(rec.get("imported"))))
    return out


def import_time() -> str:
    """The time of this import as the sheets show it (local time, to the second)."""
    return dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")


def form_files(folder: Path) -> tuple[list[Path], list[Path]]:
    """(files that may be forms, sorted by modification time then name; other files skipped)."""
    forms: list[Path] = []
    others: list[Path] = []
    for p in folder.iterdir():
        if p.name.startswith(("~$", ".~lock", ".")) or not p.is_file():
            continue
        (forms if p.suffix.lower() in FORM_SUFFIXES else others).append(p)
    forms.sort(key=lambda p: (p.stat().st_mtime_ns, p.name))
    return forms[:MAX_FORMS], sorted(others)


def import_row(kind: str, path: Path, digest: str, version: str, subject: str, when: str,
               result: str, changes: str) -> list:
    """A row of the Invoer table."""
    return [kind, path.name[:200], digest, version, subject, when, result[:1000],
            changes[:30000]]
