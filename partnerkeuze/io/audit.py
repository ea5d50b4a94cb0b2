"""The audit log: one chained entry per action with who, when, what, inputs and files written."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from pathlib import Path

from partnerkeuze import layout
from partnerkeuze.kernel.patch import Patch
from partnerkeuze.kernel.snapshot import Snapshot

HEAD_ROW = 3  # Logboek row above the table that holds the head of the chain (count and last link)
HEAD_PREFIX = "Kettingkop:"

# Sheets whose contents are the inputs of a decision (fingerprinted in every log entry).
INPUT_SHEETS = ("profile", "settings", "criteria", "candidates", "assessors", "scores", "conflicts",
                "second_round", "final_order")


def current_user() -> str:
    """Who is acting: PARTNERKEUZE_USER, else the login name."""
    for name in ("PARTNERKEUZE_USER", "LOGNAME", "USER", "LNAME", "USERNAME"):  # getpass's order
        user = os.environ.get(name)
        if user:
            return user
    try:
        import getpass

        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "onbekend"


def now() -> str:
    """The current local time, to the second, as the log shows it."""
    return dt.datetime.now().replace(microsecond=0).isoformat(sep=" ")


def inputs_fingerprint(snap: Snapshot) -> str:
    """A short SHA-256 of the input sheets' values (what the decision was based on)."""
    h = hashlib.sha256()
    for key in INPUT_SHEETS:
        name = layout.sheet(key).name
        h.update(name.encode())
        for row in snap.rows(name):
            h.update(repr(row).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


def file_digest(path: Path) -> str:
    """A short SHA-256 of a file's bytes."""
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()[:16]


def log_rows(snap: Snapshot) -> list[tuple]:
    """The filled rows of the log table, in order."""
    t = layout.table("log")
    rows = snap.rows(layout.sheet("log").name)[t.first_data_row - 1:]
    width = len(t.columns)
    out = []
    for row in rows:
        cells = tuple(row[t.first_col - 1:t.first_col - 1 + width])
        if any(v not in (None, "") for v in cells):
            out.append(cells + (None,) * (width - len(cells)))
    return out


def chain_hash(previous: str, entry: list) -> str:
    """The link of a log entry: SHA-256 of the previous link and the entry's fields."""
    text = json.dumps([previous] + [("" if v is None else str(v)) for v in entry],
                      ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()[:32]


def entry_patch(snap: Snapshot, action: str, details: str, files: list[Path] | None = None,
                *, user: str | None = None, when: str | None = None) -> Patch:
    """A patch that appends one chained entry to the log."""
    existing = log_rows(snap)
    seq = len(existing) + 1
    previous = str(existing[-1][-1] or "") if existing else ""
    from partnerkeuze.io.saving import current_path  # a staged file is not in place yet

    listed = "; ".join(f"{Path(f).name} ({file_digest(current_path(f))})" for f in files or ()
                       if current_path(f).exists())
    entry = [seq, when or now(), user or current_user(), action, details[:2000],
             inputs_fingerprint(snap), listed]
    entry.append(chain_hash(previous, entry))
    patch = Patch()
    patch.append_rows("log", [entry])
    patch.set_cell(layout.sheet("log").name, HEAD_ROW, 1, head_text(seq, entry[-1]))
    return patch


def head_text(count: int, link: str) -> str:
    """The head of the chain written above the log: how many entries and the last link."""
    return f"{HEAD_PREFIX} {count} regels | {link}"
