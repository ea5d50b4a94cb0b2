"""Helpers for the differential tests of the part-level workbook writer: record the patches a
command saves, replay them through openpyxl (the reference path), and read both results back.
"""

from __future__ import annotations

import contextlib
import zipfile
from dataclasses import dataclass
from pathlib import Path

from openpyxl import load_workbook


@dataclass
class Save:
    """One FileWorkbook.save: the file before, the patches, the file after."""

    path: Path
    before: bytes
    patches: list
    after: bytes
    fell_back: str | None


@contextlib.contextmanager
def recording():
    """Record every FileWorkbook.save made inside the block (the real save still runs)."""
    from partnerkeuze.io.xlsx import file_workbook as fw

    saves: list[Save] = []
    original = fw.FileWorkbook.save

    def save(self, *, backup: bool = True):
        from partnerkeuze.io.saving import current_path

        before = current_path(self.path).read_bytes()
        patches = list(self._patches)
        out = original(self, backup=backup)
        from partnerkeuze.io.saving import current_path

        # inside a command the new file waits staged until the command succeeded
        after = current_path(self.path).read_bytes()
        saves.append(Save(self.path, before, patches, after, self.fell_back))
        return out

    fw.FileWorkbook.save = save
    try:
        yield saves
    finally:
        fw.FileWorkbook.save = original


def reference(before: bytes, patches: list, out: Path, suffix: str = ".xlsx") -> Path:
    """The openpyxl path: load the file, apply the same patches, save."""
    from partnerkeuze.io.xlsx.apply import apply_patch

    src = out.with_name(out.stem + "-voor" + suffix)
    src.write_bytes(before)
    wb = load_workbook(src, keep_vba=suffix == ".xlsm")
    for patch in patches:
        apply_patch(wb, patch)
    wb.save(out)
    return out


def _value(v):
    from openpyxl.worksheet.formula import ArrayFormula

    if isinstance(v, ArrayFormula):
        return ("array", v.text)
    if v == "":
        return None
    if isinstance(v, float):
        return float(f"{v:.12g}")  # openpyxl writes 16 digits, the part writer all 17
    return v


def _style_name(cell) -> str:
    """The named style of a cell by the file's own cellStyles (openpyxl's cell.style takes the
    xfId as an index into its list of names, which is wrong for LibreOffice's files)."""
    names = cell.parent.parent._style_names_by_xf
    return names.get(cell._style.xfId, "?") if names else "-"


def _style(cell) -> tuple:
    f, fill, al, pr = cell.font, cell.fill, cell.alignment, cell.protection
    return (_style_name(cell), cell.number_format, bool(f.b), bool(f.i),
            getattr(f.color, "rgb", None) if f.color is not None else None,
            fill.fill_type, getattr(fill.fgColor, "rgb", None), bool(al.wrap_text), al.vertical,
            pr.locked,
            cell.border.left.style if cell.border.left is not None else None)


def read_back(path: Path, names: bool = True) -> dict:
    """Everything a user sees of a workbook through openpyxl: values, formulas, styles, row
    heights, tables, validations, conditional formats, protection and defined names."""
    wb = load_workbook(path)
    wb._style_names_by_xf = _xf_names(path) if names else {}
    out: dict = {"names": sorted((n, d.attr_text) for n, d in wb.defined_names.items()),
                 "sheets": list(wb.sheetnames)}
    for ws in wb.worksheets:
        cells = {}
        for (r, c), cell in sorted(ws._cells.items()):
            value = _value(cell.value)
            style = _style(cell)
            if value is None and style == _style_normal(ws):
                continue
            if value is None and not names:
                continue  # a LibreOffice copy: empty cells carry LibreOffice's own styles
            cells[(r, c)] = (value, style)
        out[ws.title] = {
            "cells": cells,
            "heights": {r: d.height for r, d in ws.row_dimensions.items() if d.height},
            "tables": sorted((t.name, t.ref, t.autoFilter.ref if t.autoFilter else None)
                             for t in ws.tables.values()),
            "dv": sorted((str(dv.sqref), dv.type, dv.formula1) for dv in
                         ws.data_validations.dataValidation),
            "cf": sorted(str(rng.sqref) for rng in ws.conditional_formatting),
            "protection": (ws.protection.sheet, ws.protection.password),
            "merged": sorted(str(m) for m in ws.merged_cells.ranges),
        }
    return out


_NORMAL: dict = {}


def _xf_names(path: Path) -> dict[int, str]:
    """cellStyleXfs index -> named style name, from the styles part."""
    from lxml import etree

    from partnerkeuze.io.xlsx.package import NS_MAIN

    with zipfile.ZipFile(path) as zf:
        root = etree.fromstring(zf.read("xl/styles.xml"))
    out: dict[int, str] = {}
    for el in root.iter(f"{{{NS_MAIN}}}cellStyle"):
        out.setdefault(int(el.get("xfId", 0)), el.get("name"))
    return out


def _style_normal(ws) -> tuple:
    """The style tuple of an empty cell in the Normal style."""
    key = bool(ws.parent._style_names_by_xf)
    if key not in _NORMAL:
        from openpyxl import Workbook

        probe_book = Workbook()
        probe_book._style_names_by_xf = {0: "Normal"} if ws.parent._style_names_by_xf else {}
        _NORMAL[key] = _style(probe_book.active.cell(1, 1))
    return _NORMAL[key]


def raw_parts(path: Path | bytes) -> dict[str, tuple[int, bytes]]:
    """Part name -> (CRC, uncompressed bytes) of a package."""
    import io

    src = io.BytesIO(path) if isinstance(path, bytes) else path
    with zipfile.ZipFile(src) as zf:
        return {i.filename: (i.CRC, zf.read(i.filename)) for i in zf.infolist()}


def compressed_parts(path: Path | bytes) -> dict[str, bytes]:
    """Part name -> its compressed bytes as stored in the zip."""
    import io
    import struct

    data = path if isinstance(path, bytes) else Path(path).read_bytes()
    out = {}
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        for i in zf.infolist():
            n, m = struct.unpack("<HH", data[i.header_offset + 26:i.header_offset + 30])
            start = i.header_offset + 30 + n + m
            out[i.filename] = data[start:start + i.compress_size]
    return out


def sheet_parts(data: bytes) -> dict[str, str]:
    """Sheet name -> part name of a package (given as bytes)."""
    import tempfile

    from partnerkeuze.io.xlsx.package import Package

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "werkmap.xlsx"
        path.write_bytes(data)
        pkg = Package(path)
        try:
            return dict(pkg.sheets)
        finally:
            pkg.close()


def allowed_changes(save: Save) -> set[str]:
    """The parts a save may change: the patched sheets, their tables, styles, the workbook's
    part, relationships and content types (calculation chain gone)."""
    sheets = sheet_parts(save.before)
    touched = set()
    for patch in save.patches:
        touched |= {c[0] for c in patch.cells} | {b.sheet for b in patch.blocks}
        from partnerkeuze import layout

        touched |= {layout.TABLE_SHEET[k].name for k in list(patch.tables) + list(patch.appends)}
    parts = {sheets[s] for s in touched if s in sheets}
    allowed = set(parts) | {"xl/styles.xml", "xl/workbook.xml", "xl/_rels/workbook.xml.rels",
                            "[Content_Types].xml"}
    allowed |= {p for p in raw_parts(save.before) if p.startswith("xl/tables/")}
    return allowed
