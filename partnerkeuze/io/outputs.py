"""Where a command writes its files: an output folder made or refused before anything is
written, safe file names from untrusted text, and every file written atomically (staged by the
pipeline so that it appears together with the workbook)."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from partnerkeuze.kernel.errors import FileError, file_error_from_os, os_reason


def output_dir(out_dir: str | Path) -> Path:
    """The output folder, created when missing; a FileError when it cannot be used (a file, a
    read-only folder), before anything is written."""
    from partnerkeuze.io.saving import check_writable, make_dirs

    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise FileError(f"{out}: dit is een bestand, geen map")
    try:
        make_dirs(out)
    except OSError as exc:
        raise FileError(f"{out}: de map kan niet gemaakt worden ({os_reason(exc)})") from None
    check_writable(out / "x")  # a read-only folder is refused before anything is written
    return out


def input_folder(folder: str | Path) -> Path:
    """A folder to read from (returned forms), or a FileError in Dutch."""
    path = Path(folder)
    if not path.exists():
        raise FileError(f"{path}: map niet gevonden")
    if not path.is_dir():
        raise FileError(f"{path}: dit is geen map")
    return path


def safe_name(text: str, limit: int = 40) -> str:
    """A file-name part from untrusted text: ASCII letters, digits and hyphens only."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    cleaned = re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-")
    return cleaned or "x"


def write(path: Path, data: bytes) -> None:
    """Write a document atomically; a Dutch FileError when it cannot be (open in Word)."""
    from partnerkeuze.io.saving import make_dirs, replace_atomically

    path = Path(path)
    try:
        make_dirs(path.parent)
    except OSError as exc:
        raise file_error_from_os(exc, path.parent) from None
    try:
        replace_atomically(path, lambda tmp: tmp.write_bytes(data), backup=False)
    except PermissionError:
        raise FileError(f"{path}: geen schrijfrechten (is het document open in Word?)") from None
