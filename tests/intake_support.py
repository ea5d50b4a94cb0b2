"""Helpers for the intake tests: a demo call with its forms and questionnaires written, and
forms filled in as a candidate or assessor would (openpyxl)."""

from __future__ import annotations

import io
import shutil
import zipfile
from pathlib import Path
from xml.etree import ElementTree as ET

from openpyxl import load_workbook

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
      "rel": "http://schemas.openxmlformats.org/package/2006/relationships"}


def call_with_forms(demo_template: Path, base: Path) -> Path:
    """A copy of the demo workbook as base/werkmap.xlsx, its candidacy forms written by the
    command line into base/formulieren and its questionnaires into base/vragenlijst."""
    from conftest import run_cli  # here: bench/intake_import.py imports this module too

    book = base / "werkmap.xlsx"
    shutil.copy(demo_template, book)
    for cmd, out in (("forms", "formulieren"), ("questionnaire", "vragenlijst")):
        proc = run_cli(cmd, book, "--out", base / out)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    return book


def form_cells(wb) -> dict[str, str]:
    """Key -> cell reference from a form's hidden 'pk' sheet."""
    out = {}
    for key, value in wb["pk"].iter_rows(values_only=True, max_col=2):
        if key and str(key).startswith("cell:"):
            out[str(key)[5:]] = value
    return out


def fill_candidacy(form: Path, out: Path, fields: dict, answers: dict) -> Path:
    """Fill a candidacy form: identity fields (as shown in the form) and answers per criterion."""
    wb = load_workbook(form)
    ws = wb.worksheets[0]
    cells = form_cells(wb)
    for key, value in fields.items():
        ws[cells[key]] = value
    for cid, text in answers.items():
        ws[cells[f"answer:{cid}"]] = text
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def fill_assessor(form: Path, out: Path, scores: dict, motivations: dict | None = None) -> Path:
    """Fill an assessor form: scores[(candidate, criterion)] = value (None clears the cell)."""
    wb = load_workbook(form)
    ws = wb["Beoordeling"]
    motivations = motivations or {}
    for row in ws.iter_rows(min_row=7):
        pair = (row[0].value, row[3].value)
        if pair in scores:
            row[7].value = scores[pair]
        if pair in motivations:
            row[8].value = motivations[pair]
    out.parent.mkdir(parents=True, exist_ok=True)
    wb.save(out)
    return out


def sheet_xml(xlsx: Path, sheet_name: str) -> ET.Element:
    """The parsed worksheet XML of a sheet in a saved .xlsx (found through workbook.xml)."""
    with zipfile.ZipFile(xlsx) as zf:
        wb = ET.fromstring(zf.read("xl/workbook.xml"))
        rels = ET.fromstring(zf.read("xl/_rels/workbook.xml.rels"))
        rid = next(s.get(f"{{{NS['r']}}}id") for s in wb.find("m:sheets", NS)
                   if s.get("name") == sheet_name)
        target = next(r.get("Target") for r in rels if r.get("Id") == rid)
        target = target.lstrip("/")
        if not target.startswith("xl/"):
            target = "xl/" + target
        return ET.fromstring(zf.read(target))


def shared_strings(xlsx: Path) -> list[str]:
    """The shared strings of a saved .xlsx."""
    with zipfile.ZipFile(xlsx) as zf:
        if "xl/sharedStrings.xml" not in zf.namelist():
            return []
        root = ET.fromstring(zf.read("xl/sharedStrings.xml"))
    return ["".join(t.text or "" for t in si.iter(f"{{{NS['m']}}}t"))
            for si in root.findall("m:si", NS)]


def cell_xml(xlsx: Path, sheet_name: str, ref: str) -> ET.Element | None:
    """The <c> element of one cell in a saved .xlsx."""
    root = sheet_xml(xlsx, sheet_name)
    for c in root.iter(f"{{{NS['m']}}}c"):
        if c.get("r") == ref:
            return c
    return None


def rewrite_part(src: Path, dst: Path, part: str, transform) -> Path:
    """Copy an .xlsx, replacing one part's bytes by transform(old bytes)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            data = zin.read(info.filename)
            if info.filename == part:
                data = transform(data)
            zout.writestr(info.filename, data)
    dst.write_bytes(buf.getvalue())
    return dst


def memory_book(path: Path):
    """A MemoryWorkbook holding every sheet of a saved workbook (read eagerly)."""
    from partnerkeuze.io.memory_workbook import MemoryWorkbook
    from partnerkeuze.kernel.snapshot import Snapshot

    wb = load_workbook(path)
    snap = Snapshot(sheets={ws.title: list(ws.iter_rows(values_only=True))
                            for ws in wb.worksheets}, source=path.name)
    return MemoryWorkbook(snap, "geheugen")


def imported_rows(rows) -> list:
    """The Antwoorden rows a test's import wrote: without the demo's own answers of the
    shortlist (their provenance is Kandidatuur_Kxx.xlsx), which the demo workbook holds."""
    return [r for r in rows if not str(r[4] or "").startswith("Kandidatuur_")]
