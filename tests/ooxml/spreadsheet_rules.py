"""Rules of a workbook that the schemas cannot express, each one a reason for Excel to "repair"
a file: style indexes within their tables, shared-string indexes within the table, rows and cells
in order, tables whose header cells carry their column names, unique sheet, table and drawing
ids and names, merged cells that do not overlap (each other or a table)."""

from __future__ import annotations

import re
from collections import Counter

from lxml import etree

from tests.ooxml.package import R_NS, Package

SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
XDR = "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing"
_S = f"{{{SML}}}"
MAX_ROW, MAX_COL = 1_048_576, 16_384
FIRST_CUSTOM_NUMFMT = 164  # ids below are Excel's built-in (reserved) number formats
_REF = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def column_number(letters: str) -> int:
    """A=1, Z=26, AA=27, ..."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n


def cell(ref: str) -> tuple[int, int] | None:
    """(row, column) of a reference like B7 (None when it is none)."""
    m = _REF.match(ref)
    return (int(m.group(2)), column_number(m.group(1))) if m else None


def area(ref: str) -> tuple[int, int, int, int] | None:
    """(first row, first column, last row, last column) of A1 or A1:C9 (None when invalid)."""
    ends = [cell(p) for p in ref.split(":")]
    if not 1 <= len(ends) <= 2 or None in ends:
        return None
    (r1, c1), (r2, c2) = ends[0], ends[-1]
    if not (1 <= r1 <= r2 <= MAX_ROW and 1 <= c1 <= c2 <= MAX_COL):
        return None
    return r1, c1, r2, c2


def overlap(a, b) -> bool:
    """Do two areas share a cell?"""
    return a[0] <= b[2] and b[0] <= a[2] and a[1] <= b[3] and b[1] <= a[3]


def _text(el) -> str:
    """The text of a string item (<si> or <is>): its <t>, or the <t> of its runs; no phonetics."""
    if el is None:
        return ""
    direct = el.find(f"{_S}t")
    if direct is not None:
        return direct.text or ""
    return "".join(t.text or "" for t in el.findall(f"{_S}r/{_S}t"))


def _unescape(text: str) -> str:
    """Text with the _xHHHH_ escapes of SpreadsheetML decoded."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text)


class _Styles:
    """How many entries each style table of styles.xml holds."""

    def __init__(self, root):
        def count(path: str) -> int:
            return len(root.findall(path)) if root is not None else 0

        self.root = root
        self.cell_xfs = count(f"{_S}cellXfs/{_S}xf")
        self.style_xfs = count(f"{_S}cellStyleXfs/{_S}xf")
        self.fonts = count(f"{_S}fonts/{_S}font")
        self.fills = count(f"{_S}fills/{_S}fill")
        self.borders = count(f"{_S}borders/{_S}border")
        self.dxfs = count(f"{_S}dxfs/{_S}dxf")
        self.numfmts = [] if root is None else \
            [el.get("numFmtId") for el in root.findall(f"{_S}numFmts/{_S}numFmt")]


def _index(value, size: int) -> bool:
    """Is an index attribute within a table of ``size`` entries?"""
    return value is None or (value.isdigit() and int(value) < size)


def check_styles(pkg: Package, name: str | None) -> _Styles:
    """Every index inside styles.xml within its table; the tables' sizes for the sheets."""
    styles = _Styles(pkg.tree(name) if name else None)
    root = styles.root
    if root is None:
        return styles
    defined = set(styles.numfmts)
    for fmt, count in Counter(styles.numfmts).items():
        if count > 1:
            pkg.fault(name, "styles", f"numFmt {fmt} defined {count} times")
    for table, size in (("cellXfs", styles.cell_xfs), ("cellStyleXfs", styles.style_xfs)):
        for i, xf in enumerate(root.findall(f"{_S}{table}/{_S}xf")):
            where = f"{table}/xf[{i}]"
            for attr, limit in (("fontId", styles.fonts), ("fillId", styles.fills),
                                ("borderId", styles.borders)):
                if not _index(xf.get(attr), limit):
                    pkg.fault(name, "styles", f"{attr}={xf.get(attr)} but only {limit} "
                                              f"{attr[:-2]}s", where)
            fmt = xf.get("numFmtId")
            if fmt is not None and not (fmt.isdigit() and int(fmt) < FIRST_CUSTOM_NUMFMT) \
                    and fmt not in defined:
                pkg.fault(name, "styles", f"numFmtId={fmt} is neither built in nor defined", where)
            if table == "cellXfs" and not _index(xf.get("xfId"), styles.style_xfs):
                pkg.fault(name, "styles", f"xfId={xf.get('xfId')} but only {styles.style_xfs} "
                                          f"cellStyleXfs", where)
    for el in root.findall(f"{_S}cellStyles/{_S}cellStyle"):
        if not _index(el.get("xfId"), styles.style_xfs):
            pkg.fault(name, "styles", f"cellStyle {el.get('name')!r}: xfId={el.get('xfId')} but "
                                      f"only {styles.style_xfs} cellStyleXfs")
    _dxf_references(pkg, name, root, styles.dxfs)
    return styles


def _dxf_references(pkg: Package, name: str, root, dxfs: int) -> None:
    """Every attribute naming a differential format (dxfId, ...DxfId) within the dxfs table."""
    for el in root.xpath("descendant-or-self::*[@*[contains(local-name(), 'DxfId') or "
                         "local-name()='dxfId']]"):
        for attr, value in el.attrib.items():
            if (attr == "dxfId" or attr.endswith("DxfId")) and not _index(value, dxfs):
                pkg.fault(name, "styles", f"<{etree.QName(el).localname}> {attr}={value} but "
                                          f"only {dxfs} dxfs", str(el.sourceline or ""))


def _shared_strings(pkg: Package, name: str | None) -> list[str]:
    root = pkg.tree(name) if name else None
    return [] if root is None else [_text(si) for si in root.findall(f"{_S}si")]


def _cell_text(c, strings: list[str]) -> str | None:
    """The text a cell shows when it holds text (shared, inline or a formula's string)."""
    kind = c.get("t")
    if kind == "s":
        v = c.findtext(f"{_S}v")
        return strings[int(v)] if v and v.isdigit() and int(v) < len(strings) else None
    if kind == "inlineStr":
        return _text(c.find(f"{_S}is"))
    if kind == "str":
        return c.findtext(f"{_S}v")
    return None


def check_sheet(pkg: Package, name: str, styles: _Styles, strings: list[str],
                wanted: set[tuple[int, int]]) -> dict[tuple[int, int], str | None]:
    """Rows and cells in order, style and string indexes in range; returns the text of the cells
    asked for (``wanted``: the tables' header cells)."""
    root = pkg.tree(name)
    found: dict[tuple[int, int], str | None] = {}
    if root is None:
        return found
    for col in root.iter(f"{_S}col"):
        if not _index(col.get("style"), styles.cell_xfs):
            pkg.fault(name, "styles", f"column style={col.get('style')} but only "
                                      f"{styles.cell_xfs} cellXfs", str(col.sourceline))
    last_row = 0
    for row in root.iter(f"{_S}row"):
        r = row.get("r")
        number = int(r) if r and r.isdigit() else last_row + 1
        if number <= last_row:
            pkg.fault(name, "cells", f"row {number} after row {last_row}",
                      str(row.sourceline))
        last_row = number
        if not _index(row.get("s"), styles.cell_xfs):
            pkg.fault(name, "styles", f"row {number} s={row.get('s')} but only "
                                      f"{styles.cell_xfs} cellXfs", str(row.sourceline))
        last_col = 0
        for c in row.iter(f"{_S}c"):
            ref = c.get("r")
            pos = cell(ref) if ref else (number, last_col + 1)
            where = ref or f"row {number}"
            if pos is None or pos[0] != number or pos[1] <= last_col:
                pkg.fault(name, "cells", f"cell {ref} out of place in row {number}", where)
                continue
            last_col = pos[1]
            if not _index(c.get("s"), styles.cell_xfs):
                pkg.fault(name, "styles", f"s={c.get('s')} but only {styles.cell_xfs} cellXfs",
                          where)
            if c.get("t") == "s":
                v = c.findtext(f"{_S}v")
                if not (v and v.isdigit() and int(v) < len(strings)):
                    pkg.fault(name, "strings", f"shared string {v} but only {len(strings)}",
                              where)
            if pos in wanted:
                found[pos] = _cell_text(c, strings)
    return found


def _merges(root) -> list[tuple[str, tuple | None]]:
    return [(m.get("ref", ""), area(m.get("ref", ""))) for m in root.iter(f"{_S}mergeCell")]


def check_workbook(pkg: Package) -> None:
    """Every workbook rule, for the workbook the package's main part is."""
    book_name = pkg.main_part()
    book = pkg.tree(book_name) if book_name else None
    if book is None or etree.QName(book).localname != "workbook":
        return
    styles = check_styles(pkg, next(iter(pkg.related(book_name, "/styles")), None))
    strings = _shared_strings(pkg, next(iter(pkg.related(book_name, "/sharedStrings")), None))
    rels = {r.id: r.target for r in pkg.relationships(book_name)}
    sheets = book.findall(f"{_S}sheets/{_S}sheet")
    for attr in ("name", "sheetId"):
        values = Counter((s.get(attr) or "").lower() for s in sheets)
        for value, count in values.items():
            if count > 1:
                pkg.fault(book_name, "names", f"sheet {attr} {value!r} used {count} times")
    defined = [d for d in book.iter(f"{_S}definedName")]
    for d in defined:
        local = d.get("localSheetId")
        if local is not None and not _index(local, len(sheets)):
            pkg.fault(book_name, "names", f"defined name {d.get('name')!r}: localSheetId={local} "
                                          f"but only {len(sheets)} sheets")
    table_ids: Counter = Counter()
    table_names: Counter = Counter()
    for sheet in sheets:
        part = rels.get(sheet.get(f"{{{R_NS}}}id"))
        root = pkg.tree(part) if part else None
        if root is None or etree.QName(root).localname != "worksheet":
            continue
        tables = []
        for t in pkg.related(part, "/table"):
            troot = pkg.tree(t)
            if troot is not None:
                tables.append((t, troot))
                table_ids[troot.get("id")] += 1
                table_names[("displayName", (troot.get("displayName") or "").lower())] += 1
                table_names[("name", (troot.get("name") or "").lower())] += 1
        wanted = _header_cells(pkg, tables)
        values = check_sheet(pkg, part, styles, strings, wanted)
        _dxf_references(pkg, part, root, styles.dxfs)
        for t, troot in tables:
            _dxf_references(pkg, t, troot, styles.dxfs)
        _check_tables(pkg, part, root, tables, values)
        for drawing in pkg.related(part, "/drawing"):
            check_drawing(pkg, drawing)
    for tid, count in table_ids.items():
        if count > 1:
            pkg.fault(book_name, "table", f"table id {tid} used by {count} tables")
    for (attr, tname), count in table_names.items():
        if count > 1:
            pkg.fault(book_name, "table", f"table {attr} {tname!r} used {count} times")
    names = {(d.get("name") or "").lower() for d in defined}
    for attr, tname in table_names:
        if attr == "displayName" and tname in names:
            pkg.fault(book_name, "table", f"table name {tname!r} is also a defined name")


def _header_cells(pkg: Package, tables) -> set[tuple[int, int]]:
    wanted = set()
    for _, troot in tables:
        box = area(troot.get("ref", ""))
        if box and troot.get("headerRowCount", "1") != "0":
            wanted |= {(box[0], c) for c in range(box[1], box[3] + 1)}
    return wanted


def _check_tables(pkg: Package, sheet: str, root, tables, values) -> None:
    """Each table: a valid area, one column per cell of its width with unique names, header cells
    holding those names, its filter over it; no overlap with another table or a merged area."""
    boxes = []
    for name, troot in tables:
        ref = troot.get("ref", "")
        box = area(ref)
        if box is None:
            pkg.fault(name, "table", f"ref {ref!r} is no area inside a sheet")
            continue
        boxes.append((name, box))
        columns = troot.findall(f"{_S}tableColumns/{_S}tableColumn")
        declared = troot.find(f"{_S}tableColumns")
        width = box[3] - box[1] + 1
        if len(columns) != width:
            pkg.fault(name, "table", f"{len(columns)} columns for an area {width} wide ({ref})")
        if declared is not None and declared.get("count") not in (None, str(len(columns))):
            pkg.fault(name, "table", f"tableColumns count={declared.get('count')} but "
                                     f"{len(columns)} columns")
        col_names = [c.get("name", "") for c in columns]
        for cname, count in Counter(n.lower() for n in col_names).items():
            if count > 1:
                pkg.fault(name, "table", f"column name {cname!r} used {count} times")
        ids = Counter(c.get("id") for c in columns)
        for cid, count in ids.items():
            if count > 1:
                pkg.fault(name, "table", f"column id {cid} used {count} times")
        if troot.get("headerRowCount", "1") != "0":
            for i, cname in enumerate(col_names[:width]):
                pos = (box[0], box[1] + i)
                shown = values.get(pos)
                if shown is None or _unescape(shown) != _unescape(cname):
                    pkg.fault(name, "table", f"header cell {_letters(pos[1])}{pos[0]} of {sheet} "
                                             f"holds {shown!r}, the column is named {cname!r}")
        flt = troot.find(f"{_S}autoFilter")
        totals = int(troot.get("totalsRowCount", "0") or 0)
        if flt is not None:
            expect = (box[0], box[1], box[2] - totals, box[3])
            if area(flt.get("ref", "")) != expect:
                pkg.fault(name, "table", f"autoFilter {flt.get('ref')} does not cover the table "
                                         f"{ref}")
    for i, (a_name, a) in enumerate(boxes):
        for b_name, b in boxes[i + 1:]:
            if overlap(a, b):
                pkg.fault(sheet, "table", f"tables {a_name} and {b_name} overlap")
    merges = _merges(root)
    for i, (ref, box) in enumerate(merges):
        if box is None:
            pkg.fault(sheet, "merge", f"merged area {ref!r} is no area")
            continue
        for other, obox in merges[i + 1:]:
            if obox is not None and overlap(box, obox):
                pkg.fault(sheet, "merge", f"merged areas {ref} and {other} overlap")
        for t_name, tbox in boxes:
            if overlap(box, tbox):
                pkg.fault(sheet, "merge", f"merged area {ref} overlaps table {t_name}")


def _letters(col: int) -> str:
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def check_drawing(pkg: Package, name: str) -> None:
    """The shapes of a drawing part have unique ids (xdr:cNvPr/@id)."""
    root = pkg.tree(name)
    if root is None:
        return
    ids = Counter(el.get("id") for el in root.iter(f"{{{XDR}}}cNvPr"))
    for sid, count in ids.items():
        if count > 1:
            pkg.fault(name, "ids", f"drawing object id {sid} used {count} times")
