"""The anchor outside the workbook: what a workbook alone cannot prove (a truncated tail of the
log, a wholesale rewrite of log and history) is proved against a head recorded elsewhere.

An anchor is the state of the record at one moment: how many log entries and the link of the
last one, how many fixings of the criteria and the link of the last one, the criteria
fingerprint and, after a decision of the college or the council, the fingerprints of what the
decision rested on and of what it decided (the sheet Beslissing). It is printed in the dossier
and the draft decisions (which the college signs and archives) and written as a small receipt
file beside the workbook at every fixing of the criteria (and every recorded decision), with a
copy in the second folder of Instellingen when one is set (a file per anchor, never
overwritten: a document management system's drop folder takes files away).

``check PATH --against FILE`` and every ``check`` and ``score`` (with the receipt file beside
the workbook) verify that the workbook still extends it; the log entry that wrote a receipt
names it ('ontvangstbewijs NAAM nr K'), so a receipt beside the workbook that is missing, older
than the log says or not the one the log wrote is reported too. No anchor can show log entries
removed after the last anchor (WHAT_NO_ANCHOR_CATCHES).
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
RESTARTED = "opnieuw begonnen"
_NAMED = re.compile(r"ontvangstbewijs (\S+" + re.escape(RECEIPT_SUFFIX) + r") nr (\d+)"
                    r"(, " + RESTARTED + ")?")
WHAT_NO_ANCHOR_CATCHES = (
    "Wat geen verankering kan aantonen: logregels die na de laatste verankering aan het einde "
    "van het logboek verwijderd werden (met de kettingkop herberekend) laten geen spoor na; "
    "bewaar daarom na elke beslissing een ontvangstbewijs buiten de werkmap.")
# The anchor line of a document (compiled when a document is read, not by every check).
_TEXT = (LABEL + r":\s*logboek\s+(\d+)\s+regels?,\s*laatste schakel\s+([0-9a-f]{32}|-);\s*"
         r"criteriahistoriek\s+(\d+)\s+vastlegging(?:en)?,\s*laatste schakel\s+([0-9a-f]{32}|-);"
         r"\s*vingerafdruk criteria\s+([0-9a-f]{64})")


class Anchor(Value):
    """The state of the governance record at one moment (see the module docstring)."""

    def __init__(self, log_count: int, log_link: str, history_count: int, history_link: str,
                 fingerprint: str, what: str = "", when: str = "", source: str = "",
                 decided_inputs: str = "", decided_result: str = ""):
        self.log_count = log_count
        self.log_link = log_link
        self.history_count = history_count
        self.history_link = history_link
        self.fingerprint = fingerprint
        self.what = what
        self.when = when
        self.source = source  # the file it was read from (not stored)
        self.decided_inputs = decided_inputs  # after a decision: the fingerprint of what it rested on
        self.decided_result = decided_result  # and of what it decided (the sheet Beslissing)


def current(snap: Snapshot, fingerprint: str, what: str = "", decided_inputs: str = "",
            decided_result: str = "") -> Anchor:
    """The anchor of a workbook as it is now (``fingerprint``: of the criteria now;
    ``decided_*``: the fingerprints of the decision just recorded)."""
    from partnerkeuze.io.audit import now
    from partnerkeuze.io.logcheck import numbered_rows

    log = numbered_rows(snap, "log")
    hist = numbered_rows(snap, "criteria_history")
    return Anchor(len(log), str(log[-1][1][-1] or "") if log else "",
                  len(hist), str(hist[-1][1][-1] or "") if hist else "", fingerprint,
                  what, now(), decided_inputs=decided_inputs, decided_result=decided_result)


def text(anchor: Anchor) -> str:
    """The Dutch line printed in documents; ``parse_text`` reads it back."""
    lines = "regel" if anchor.log_count == 1 else "regels"
    fixings = "vastlegging" if anchor.history_count == 1 else "vastleggingen"
    return (f"{LABEL}: logboek {anchor.log_count} {lines}, laatste schakel "
            f"{anchor.log_link or '-'}; criteriahistoriek {anchor.history_count} {fixings}, "
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
                   r["fingerprint"], r["what"], r["when"], source=Path(path).name,
                   decided_inputs=r["decided_inputs"], decided_result=r["decided_result"])
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


def next_number(workbook: str | Path) -> int:
    """The number the next anchor gets in the receipt file beside the workbook (1 for a new
    file); an unreadable receipt file is a file error."""
    path = receipt_path(Path(workbook))
    return len(_receipt_records(path)) + 1 if path.exists() else 1


def log_note(workbook: str | Path, restart: str = "") -> str:
    """What the log entry of an anchor says about the receipt it is about to write:
    'ontvangstbewijs NAAM nr K' (read back by ``receipt_log_problems``); with ``restart`` (the
    reason) a new receipt that starts again at nr 1 because the one the log named was lost."""
    name = receipt_path(Path(workbook)).name
    if restart:
        return f"ontvangstbewijs {name} nr 1, {RESTARTED} omdat het vorige ontbrak: {restart}"
    return f"ontvangstbewijs {name} nr {next_number(workbook)}"


def write_receipt(workbook: str | Path, anchor: Anchor, copy_dir: Path | None = None) -> Path:
    """Add an anchor to the receipt file beside the workbook (atomically; earlier receipts are
    kept, an unreadable receipt file is never overwritten) and, with ``copy_dir``, write the
    whole receipt there as a new file (``copy_path``)."""
    from partnerkeuze.io.outputs import write as write_file

    path = receipt_path(Path(workbook))
    receipts = []
    if path.exists():  # kept only when every field holds (else refused, never overwritten)
        receipts = _receipt_records(path)
    record = {k: v for k, v in anchor.as_dict().items() if k != "source"}
    if not anchor.decided_inputs and not anchor.decided_result:
        record.pop("decided_inputs")
        record.pop("decided_result")
    receipts.append(record)
    body = {"formaat": FORMAT, "werkmap": Path(workbook).name,
            "uitleg": "Ontvangstbewijs van Partnerkeuze: de stand van het logboek en de "
                      "criteriahistoriek bij elke vastlegging of beslissing. Bewaar het buiten "
                      "de werkmap; 'partnerkeuze check WERKMAP --against DIT-BESTAND' toont of "
                      "de werkmap het nog verderzet.",
            "ontvangstbewijzen": receipts}
    data = (json.dumps(body, ensure_ascii=False, indent=2) + "\n").encode("utf-8")
    write_file(path, data)
    if copy_dir is not None:
        write_file(copy_path(Path(workbook), Path(copy_dir), anchor), data)
    return path


def copy_path(workbook: Path, copy_dir: Path, anchor: Anchor) -> Path:
    """The name of the copy of a receipt in the second folder: the workbook's name, the
    anchor's time and what it anchored, never the name of a file already there."""
    stamp = re.sub(r"[^0-9]", "", anchor.when)[:14]
    stamp = f"{stamp[:8]}-{stamp[8:]}" if len(stamp) == 14 else stamp
    what = re.sub(r"[^a-z_]", "", anchor.what) or "vastlegging"
    base = f"{workbook.name}.verankering-{stamp}-{what}"
    path = copy_dir / (base + ".json")
    n = 2
    while path.exists():
        path = copy_dir / f"{base}-{n}.json"
        n += 1
    return path


def copy_folder(model, base_dir: Path | None) -> Path | None:
    """The second folder for receipts (Instellingen 'receipt_copy_dir', relative to the
    workbook's folder), None when not set; a FileError naming the cell when it is no folder."""
    from partnerkeuze.kernel.cellref import place

    text = str(model.settings.values.get("receipt_copy_dir") or "").strip()
    if not text:
        return None
    folder = Path(text).expanduser()
    if not folder.is_absolute() and base_dir is not None:
        folder = Path(base_dir) / folder
    if not folder.is_dir():
        row = model.fields.get("settings", {}).get("_rows", {}).get("receipt_copy_dir", 0)
        cell = place(layout.sheet("settings").name, layout.sheet("settings").table.first_col + 2,
                     row)
        raise FileError(f"{cell}: de tweede map voor ontvangstbewijzen '{text}' bestaat niet of "
                        f"is geen map; maak ze aan of pas de instelling aan (er is niets "
                        f"gewijzigd)")
    return folder


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
    out.extend(_decision_problems(snap, anchors))
    return sorted(set(out))


def _decision_heads(snap: Snapshot) -> dict[str, list[tuple[str, int, int]]]:
    """Inputs fingerprint -> (stage, its Nr on Beslissing, the decision's Nr on Procedure) of
    every decision's head on the sheet Beslissing (the college's and the council's may share
    one fingerprint)."""
    from partnerkeuze.io.logcheck import int_or_none, numbered_rows

    if "decision" not in layout.TABLES or not snap.has_sheet(layout.sheet("decision").name):
        return {}
    t = layout.table("decision")
    part, fp, proc, stage = (t.index("part"), t.index("fingerprint"), t.index("procedure"),
                             t.index("stage"))
    out: dict[str, list[tuple[str, int, int]]] = {}
    for _, cells in numbered_rows(snap, "decision"):
        if cells[part] == "kop":
            out.setdefault(str(cells[fp] or ""), []).append(
                (str(cells[stage] or ""), int_or_none(cells[0]) or 0,
                 int_or_none(cells[proc]) or 0))
    return out


def _decision_problems(snap: Snapshot, anchors: list[Anchor]) -> list[Problem]:
    """A problem for every anchored decision whose head is no longer on the sheet Beslissing."""
    wanted = [a for a in anchors if a.decided_inputs]
    if not wanted:
        return []
    heads = _decision_heads(snap)
    sheet = layout.sheet("decision").name
    return [Problem(sheet, f"{a.source or 'het ontvangstbewijs'} legde een beslissing vast "
                           f"({a.what}, {a.when}) op invoer met vingerafdruk "
                           f"{a.decided_inputs[:12]}…; het blad {sheet} bevat ze niet meer: "
                           f"herschreven")
            for a in wanted if a.decided_inputs not in heads]


def receipt_log_problems(book, snap: Snapshot) -> list[Problem]:
    """The receipts the log says were written beside the workbook, compared with the one that
    is there: missing, older than the log says (fewer anchors), or another receipt than the log
    entry wrote (a different count or link at its number)."""
    path = getattr(book, "path", None)
    return receipt_problems_at(Path(path), snap) if path is not None else []


def receipt_problems_at(path: Path, snap: Snapshot) -> list[Problem]:
    """``receipt_log_problems`` for the workbook file at ``path``. A receipt the log entry says
    was begun again (``log_note`` with a restart) ends what the earlier entries named. Each
    problem lets ``freeze`` through: with a reason it begins a new receipt, in the log."""
    from partnerkeuze.io.logcheck import int_or_none, numbered_rows

    named = []
    for row, cells in numbered_rows(snap, "log"):
        for m in _NAMED.finditer(str(cells[4] or "")):
            if m.group(3):
                named = []
            named.append((row, int_or_none(cells[0]), str(cells[-1] or ""), int(m.group(2))))
    if not named:
        return []
    remedy = ("; is het verloren, verplaats dan wat er staat en begin een nieuw "
              "ontvangstbewijs: partnerkeuze freeze PAD --reason \"…\" (dat komt in het logboek)")
    t = layout.table("log")
    sheet = layout.sheet("log").name
    col = t.first_col + t.index("details")
    receipt = receipt_path(Path(path))
    if not receipt.is_file():
        row, seq, _, nr = named[-1]
        return [Problem(place(sheet, col, row),
                        f"logregel Nr {seq} schreef ontvangstbewijs nr {nr} naast de werkmap "
                        f"({receipt.name}), maar dat bestand ontbreekt: verwijderd of niet "
                        f"meegekopieerd; zet het terug (uit de tweede map voor ontvangstbewijzen, "
                        f"als Instellingen er een noemt, of van wie een kopie bewaart){remedy}",
                        allows=("freeze",))]
    records = read_receipt(receipt)
    out = []
    for row, seq, link, nr in named:
        if nr > len(records):
            out.append(Problem(place(sheet, col, row),
                               f"logregel Nr {seq} schreef ontvangstbewijs nr {nr}, maar "
                               f"{receipt.name} telt er {len(records)}: een ouder of vervangen "
                               f"ontvangstbewijs; zet het juiste terug{remedy}",
                               allows=("freeze",)))
            continue
        a = records[nr - 1]
        if a.log_count != seq or a.log_link != link:
            out.append(Problem(place(sheet, col, row),
                               f"ontvangstbewijs nr {nr} in {receipt.name} is niet wat logregel "
                               f"Nr {seq} schreef (het legt {a.log_count} logregels vast met "
                               f"schakel {a.log_link[:12] or '-'}…, de logregel heeft schakel "
                               f"{link[:12]}…): vervangen of vervalst{remedy}",
                               allows=("freeze",)))
    return out


def report(snap: Snapshot, anchors: list[Anchor], criteria_fingerprint: str) -> list[str]:
    """What ``check --against`` verified, in Dutch: per anchor the log entries and their chain
    head, the criteria history, the fingerprints and the anchor's date; then what was recorded
    after the last anchor, and what no anchor can show (WHAT_NO_ANCHOR_CATCHES). Call it on a
    workbook that passed ``verify``."""
    from partnerkeuze.io.logcheck import numbered_rows

    if not anchors:
        return []
    log = numbered_rows(snap, "log")
    hist = numbered_rows(snap, "criteria_history")
    heads = _decision_heads(snap)
    sources = sorted({a.source for a in anchors if a.source})
    lines = [f"Geverifieerd tegen {', '.join(sources) or 'de verankering'}: "
             f"{len(anchors)} verankering(en); de werkmap zet elk ervan verder."]
    for i, a in enumerate(anchors, start=1):
        entry = log[a.log_count - 1][1] if 0 < a.log_count <= len(log) else None
        date = a.when or (str(entry[1]) if entry else "onbekend")
        parts = [f"{i}. {a.what or 'document'} van {date}: logboek {a.log_count} regels, "
                 f"kettingkop {a.log_link[:12] or '-'}… staat op logregel Nr {a.log_count}"
                 + (f" ({entry[1]}, {entry[3]})" if entry else "")]
        parts.append(f"criteriahistoriek {a.history_count} vastlegging(en), schakel "
                     f"{a.history_link[:12] or '-'}… aanwezig" if a.history_count
                     else "criteriahistoriek: nog geen vastlegging")
        fixed = {str(cells[3] or "") for _, cells in hist[:a.history_count]}
        if a.fingerprint == criteria_fingerprint:
            parts.append(f"vingerafdruk criteria {a.fingerprint[:12]}… gelijk aan de huidige "
                         f"criteria")
        elif a.fingerprint in fixed:
            parts.append(f"vingerafdruk criteria {a.fingerprint[:12]}… staat in de "
                         f"criteriahistoriek (sindsdien opnieuw vastgelegd)")
        else:
            parts.append(f"vingerafdruk criteria {a.fingerprint[:12]}… verschilt van de huidige "
                         f"criteria ({criteria_fingerprint[:12]}…)")
        if a.decided_inputs:
            found = heads.get(a.decided_inputs, [])
            stage, seq, proc = next((h for h in found if h[0] == a.what),
                                    found[-1] if found else ("", 0, 0))
            parts.append(f"beslissing op invoer {a.decided_inputs[:12]}… en resultaat "
                         f"{a.decided_result[:12]}… staat op het blad "
                         f"{layout.sheet('decision').name} (Nr {seq}, {stage} van Procedure "
                         f"Nr {proc})")
        lines.append("; ".join(parts) + ".")
    last = max(a.log_count for a in anchors)
    after = log[last:]
    if after:
        lines.append(f"Vastgelegd na de laatste verankering (logregel Nr {last}): "
                     f"{len(after)} logregel(s):")
        for _, cells in after[:50]:
            details = str(cells[4] or "")
            lines.append(f"- Nr {cells[0]} {cells[1]} {cells[2]}: {cells[3]}: "
                         f"{details[:100] + ('…' if len(details) > 100 else '')}")
        if len(after) > 50:
            lines.append(f"- en nog {len(after) - 50} logregel(s)")
    else:
        lines.append(f"Na de laatste verankering (logregel Nr {last}) werd niets vastgelegd.")
    lines.append(WHAT_NO_ANCHOR_CATCHES)
    return lines


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
