"""Adding settings to a partnerkeuze.conf file and taking them out again, line by line.

A conf file belongs to the user: a value someone filled in is never overwritten, every other line
is kept as it was, and a new line never lands on the end of a last line that has no line end
(the trap of PowerShell's Add-Content). Only the standard library: the installer runs before the
packages are installed.
"""

from __future__ import annotations

import re
from pathlib import Path

from partnerkeuze.app.addin.config import conf_line

_LINE = re.compile(r'^\s*"?([^",]*)"?\s*,\s*"?([^"]*)"?\s*$')


def read_text(path: Path) -> tuple[str, str]:
    """The text of a conf file and the encoding to write it back in ('' and cp1252 when it is
    missing). The add-in's VBA reads the file as ANSI (cp1252); a file saved as UTF-8 stays UTF-8."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return "", "cp1252"
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return data.decode("cp1252", errors="replace"), "cp1252"
    return text, ("utf-8" if any(ord(ch) > 127 for ch in text) else "cp1252")


def _key_value(line: str) -> tuple[str, str] | None:
    if not line.strip() or line.lstrip().startswith(("#", ";", "'")):
        return None
    m = _LINE.match(line)
    return (m.group(1).strip(), m.group(2)) if m else None


def _write(path: Path, lines: list[str], newline: str, encoding: str) -> None:
    """Write the lines atomically (a new file beside it, then one rename)."""
    import os
    import tempfile

    text = newline.join(lines) + (newline if lines else "")
    data = text.encode(encoding)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".partnerkeuze-conf-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def add_settings(path: Path, wanted: dict[str, str], ours: dict[str, str] | None = None
                 ) -> tuple[dict[str, str], list[str]]:
    """Give each key of ``wanted`` its value in the conf file: added when the key is missing,
    filled in when its line is empty, updated when the line still holds the value this installer
    wrote before (``ours``); a value someone else filled in stays. Returns the settings written
    (key -> value) and a Dutch note for every value left as it was that differs from ``wanted``."""
    ours = {k.upper(): v for k, v in (ours or {}).items()}
    text, encoding = read_text(path)
    newline = "\r\n" if "\r\n" in text or not text else "\n"
    lines = text.splitlines()
    written: dict[str, str] = {}
    notes: list[str] = []
    for key, value in wanted.items():
        for i, line in enumerate(lines):
            kv = _key_value(line)
            if kv is None or kv[0].upper() != key.upper():
                continue
            current = kv[1]
            if current == value:
                written[key] = value
            elif current.strip() == "" or ours.get(key.upper()) == current:
                lines[i] = conf_line(key, value)
                written[key] = value
            else:
                notes.append(f'{path}: "{key}" staat op "{current}" en blijft zo; die waarde gaat '
                             f'voor "{value}". Maak de regel leeg als de nieuwe installatie moet '
                             f"gelden.")
            break  # the first line of a key is the one the add-in reads
        else:
            lines.append(conf_line(key, value))
            written[key] = value
    for value in wanted.values():
        try:
            value.encode(encoding if encoding != "utf-8-sig" else "utf-8")
        except UnicodeEncodeError:
            from partnerkeuze.kernel.errors import FileError

            raise FileError(f"{value}: dit pad bevat tekens die de invoegtoepassing niet kan "
                            f"lezen; kies een map zonder zulke tekens") from None
    path.parent.mkdir(parents=True, exist_ok=True)
    _write(path, lines, newline, encoding)
    return written, notes


def remove_settings(path: Path, written: dict[str, str]) -> list[str]:
    """Take out the lines this installer wrote (key and value unchanged); a line someone changed
    stays. Returns a Dutch note for every line that stays. The file is removed when nothing but
    blank lines is left."""
    text, encoding = read_text(path)
    if not text and not path.exists():
        return []
    newline = "\r\n" if "\r\n" in text else "\n"
    todo = {k.upper(): v for k, v in written.items()}
    kept: list[str] = []
    notes: list[str] = []
    for line in text.splitlines():
        kv = _key_value(line)
        if kv is not None and kv[0].upper() in todo:
            if kv[1] == todo[kv[0].upper()]:
                del todo[kv[0].upper()]
                continue
            notes.append(f'{path}: "{kv[0]}" werd gewijzigd na de installatie en blijft staan.')
            del todo[kv[0].upper()]
        kept.append(line)
    if not any(line.strip() for line in kept):
        path.unlink()
    else:
        _write(path, kept, newline, encoding)
    return notes
