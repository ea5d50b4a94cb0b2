"""The anchor outside the workbook: what a workbook alone cannot prove (a truncated tail of the
log, a wholesale rewrite of log and history) is proved against a head recorded elsewhere.

An anchor is the state of the record at one moment: how many log entries and the link of the
last one, how many fixings of the criteria and the link of the last one, and the criteria
fingerprint. It is printed in the dossier and the draft decisions (which the college signs and
archives) and written as a small receipt file beside the workbook at every fixing of the criteria
(and every recorded decision). ``check PATH --against FILE`` and every ``check`` and ``score``
(with the receipt file beside the workbook) verify that the workbook still extends it.
"""

from __future__ import annotations

import json
import re
import zipfile
from pathlib import Path

from partnerkeuze import layout
from partnerkeuze.kernel.cellref import place
from partnerkeuze.kernel.errors import FileError, Problem
from partnerkeuze.kernel.plain import Value
from partnerkeuze.kernel.snapshot import Snapshot

RECEIPT_SUFFIX = ".verankering.json"
# Procedure stages (partnerkeuze.record.procedure) after which a receipt is written: the decisions.
DECISION_STAGES = ("consensus", "gros", "college", "council")
FORMAT = "partnerkeuze-verankering"
LABEL = "Verankering"
# The anchor line of a document (compiled when a document is read, not by every check).
_TEXT = (LABEL + r":\s*logboek\s+(\d+)\s+regels?,\s*laatste schakel\s+([0-9a-f]{32}|-);\s*"
         r"criteriahistoriek\s+(\d+)\s+vastlegging(?:en)?,\s*laatste schakel\s+([0-9a-f]{32}|-);"
         r"\s*vingerafdruk criteria\s+([0-9a-f]{64})")


class Anchor(Value):
    """The state of the governance record at one moment (see the module docstring)."""

    def __init__(self, log_count: int, log_link: str, history_count: int, history_link: str,
                 fingerprint: str, what: str = "", when: str = "", source: str = ""):
        self.log_count = log_count
        self.log_link = log_link
        self.history_count = history_count
        self.history_link = history_link
        self.fingerprint = fingerprint
        self.what = what
        self.when = when
        self.source = source  # the file it was read from (not stored)


def current(snap: Snapshot, fingerprint: str, what: str = "") -> Anchor:
    """The anchor of a workbook as it is now (``fingerprint``: of the criteria now)."""
    from partnerkeuze.io.audit import now
    from partnerkeuze.io.logcheck import numbered_rows

    log = numbered_rows(snap, "log")
    hist = numbered_rows(snap, "criteria_history")
    return Anchor(len(log), str(log[-1][1][-1] or "") if log else "",
                  len(hist), str(hist[-1][1][-1] or "") if hist else "", fingerprint,
                  what, now())


def text(anchor: Anchor) -> str:
    """The Dutch line printed in documents; ``parse_text`` reads it back."""
    return (f"{LABEL}: logboek {anchor.log_count} regels, laatste schakel "
            f"{anchor.log_link or '-'}; criteriahistoriek {anchor.history_count} vastleggingen, "
            f"laatste schakel {anchor.history_link or '-'}; vingerafdruk criteria "
            f"{anchor.fingerprint}")


def parse_text(value: str, source: str = "") -> list[Anchor]:
    """Every anchor line in a text."""
    out = []
    for m in re.finditer(_TEXT, re.sub(r"\s+", " ", value)):
        out.append(Anchor(int(m.group(1)), "" if m.group(2) == "-" else m.group(2),
                          int(m.group(3)), "" if m.group(4) == "-" else m.group(4),
                          m.group(5), source=source))
    return out


def docx_text(path: Path) -> str:
    """The visible text of a .docx (paragraphs joined by newlines)."""
    from lxml import etree

    w = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
    with zipfile.ZipFile(path) as z:
        root = etree.fromstring(z.read("word/document.xml"))
    return "\n".join("".join(t.text or "" for t in p.iter(f"{w}t")) for p in root.iter(f"{w}p"))


def receipt_path(workbook: Path) -> Path:
    """The receipt file beside a workbook: ``oproep.xlsx`` -> ``oproep.xlsx.verankering.json``."""
    workbook = Path(workbook)
    return workbook.with_name(workbook.name + RECEIPT_SUFFIX)


def _receipt_records(path: Path) -> list[dict]:
    """The records of a receipt file, every field checked (governance/receipt_fields.py); a
    file that is not a receipt, or a field out of type, range or format, is a file error."""
    from partnerkeuze.io.receipt_fields import receipt_records

    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        from partnerkeuze.kernel.errors import file_error_from_os

        raise file_error_from_os(exc, path.name) from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise FileError(f"{path.name}: geen ontvangstbewijs van Partnerkeuze (geen UTF-8-tekst); "
                        f"er is niets gewijzigd") from None
    return receipt_records(text, path.name, FORMAT)


def read_receipt(path: Path) -> list[Anchor]:
    """The anchors of a receipt file; a file that is not one is a file error."""
    return [Anchor(r["log_count"], r["log_link"], r["history_count"], r["history_link"],
                   r["fingerprint"], r["what"], r["when"], source=Path(path).name)
            for r in _receipt_records(path)]


def read_file(path: str | Path) -> list[Anchor]:
    """The anchors recorded in a dossier or draft decision (.docx) or a receipt (.json)."""
    path = Path(path)
    if not path.is_file():
        raise FileError(f"{path}: bestand niet gevonden")
    if path.suffix.lower() == ".docx":
        try:
            found = parse_text(docx_text(path), path.name)
        except (zipfile.BadZipFile, KeyError, OSError, ValueError):
            raise FileError(f"{path.name}: geen leesbaar Word-document") from None
        if not found:
            raise FileError(f"{path.name}: dit document vermeldt geen '{LABEL}' (kettingkop en "
                            f"vingerafdruk); maak het dossier opnieuw met deze versie")
        return found
    return read_receipt(path)


def write_receipt(workbook: str | Path, anchor: Anchor) -> Path:
    """Add an anchor to the receipt file beside the workbook (atomically; earlier receipts are
    kept, an unreadable receipt file is never overwritten)."""
    from partnerkeuze.io.outputs import write as write_file

    path = receipt_path(Path(workbook))
    receipts = []
    if path.exists():  # kept only when every field holds (else refused, never overwritten)
        receipts = _receipt_records(path)
    record = {k: v for k, v in anchor.as_dict().items() if k != "source"}
    receipts.append(record)
    body = {"formaat": FORMAT, "werkmap": Path(workbook).name,
            "uitleg": "Ontvangstbewijs van Partnerkeuze: de stand van het logboek en de "
                      "criteriahistoriek bij elke vastlegging of beslissing. Bewaar het buiten "
                      "de werkmap; 'partnerkeuze check WERKMAP --against DIT-BESTAND' toont of "
                      "de werkmap het nog verderzet.",
            "ontvangstbewijzen": receipts}
    write_file(path, (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8"))
    return path


def receipt_for(book, what: str) -> Path:
    """Write a receipt of the saved workbook ``book`` (a FileWorkbook) for the event ``what``."""
    from partnerkeuze.core.fingerprint import criteria_hash
    from partnerkeuze.core.parse import parse_lenient

    snap = book.snapshot()
    model = parse_lenient(snap, [])
    return write_receipt(book.path, current(snap, criteria_hash(model.criteria), what))


def verify(snap: Snapshot, anchors: list[Anchor]) -> list[Problem]:
    """A problem for every anchor the workbook no longer extends: fewer log entries or history
    rows than recorded, or a different link at the recorded position (rewritten)."""
    from partnerkeuze.io.logcheck import numbered_rows

    out: list[Problem] = []
    for key, count_of, link_of, what, plural in (
            ("log", "log_count", "log_link", "logregel", "logregels"),
            ("criteria_history", "history_count", "history_link", "vastlegging",
             "vastleggingen")):
        rows = numbered_rows(snap, key)
        sheet = layout.sheet(key).name
        t = layout.table(key)
        link_col = t.first_col + len(t.columns) - 1
        for a in anchors:
            count, link = getattr(a, count_of), getattr(a, link_of)
            if not count:
                continue
            origin = a.source or "het ontvangstbewijs"
            if len(rows) < count:
                row = rows[-1][0] + 1 if rows else t.first_data_row
                out.append(Problem(f"{sheet}!A{row}",
                                   f"{origin} legde {count} {plural} vast (laatste schakel "
                                   f"{link[:12]}…), de werkmap telt er nog {len(rows)}: "
                                   f"verwijderd of herschreven"))
                continue
            row, cells = rows[count - 1]
            if str(cells[-1] or "") != link:
                out.append(Problem(place(sheet, link_col, row),
                                   f"{what} Nr {count} heeft niet meer de schakel die {origin} "
                                   f"vastlegde ({link[:12]}…, nu {str(cells[-1] or '')[:12]}…): "
                                   f"het {sheet.lower()} werd herschreven"))
    return sorted(set(out))


def beside(book) -> list[Anchor]:
    """The anchors of the receipt file beside a workbook on disk (none when there is none)."""
    path = getattr(book, "path", None)
    if path is None:
        return []
    receipt = receipt_path(Path(path))
    return read_receipt(receipt) if receipt.is_file() else []


def beside_problems(book, snap: Snapshot) -> list[Problem]:
    """Problems against the receipt file beside the workbook (part of every check and score)."""
    return verify(snap, beside(book))
