"""The register of read forms (Invoer sheet): which files were read, with hash and version."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from partnerkeuze.core.values import as_text

FORM_SUFFIXES = (".xlsx", ".xlsm", ".xls", ".xltx", ".ods", ".docx")
MAIL_SUFFIX = ".eml"
MAX_FORMS = 2000
MAX_DEPTH = 4


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
    """(files that may be forms or mails with forms, in the folder and its subfolders, sorted by
    modification time then path; other files skipped). Hidden files and owner files are
    ignored."""
    forms: list[Path] = []
    others: list[Path] = []

    def walk(d: Path, depth: int) -> None:
        for p in sorted(d.iterdir()):
            if p.name.startswith(("~$", ".~lock", ".")):
                continue
            if p.is_dir():
                if depth < MAX_DEPTH and not p.is_symlink():
                    walk(p, depth + 1)
                elif depth >= MAX_DEPTH:
                    others.append(p)
                continue
            if not p.is_file():
                continue
            suffix = p.suffix.lower()
            (forms if suffix in FORM_SUFFIXES or suffix == MAIL_SUFFIX else others).append(p)

    walk(folder, 0)
    forms.sort(key=lambda p: (p.stat().st_mtime_ns, str(p)))
    return forms[:MAX_FORMS], sorted(others)


def shown(path: Path, folder: Path) -> str:
    """A file as the messages name it: its path inside the folder read."""
    try:
        return str(path.relative_to(folder))
    except ValueError:
        return path.name


def arrival_date(path: Path) -> dt.date:
    """When a file came in: the day it was saved into the folder (its modification time)."""
    return dt.date.fromtimestamp(path.stat().st_mtime)


def import_row(kind: str, path: Path, digest: str, version: str, subject: str, when: str,
               result: str, changes: str) -> list:
    """A row of the Invoer table."""
    return [kind, path.name[:200], digest, version, subject, when, result[:1000],
            changes[:30000]]
