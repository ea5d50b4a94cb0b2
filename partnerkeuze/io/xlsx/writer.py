"""Writing edits into a workbook package part by part: every part the edits do not touch is
copied byte for byte (its compressed stream, not recompressed); an edited sheet is rewritten by
streaming its rows and replacing only the edited cells and rows, every other element and
attribute left as it was. Styles, table ranges and the calculation chain are kept consistent.

What it cannot do cheaply (a shared formula's first cell overwritten, rows or cells without
their address, a sheet without sheetData) raises NeedsOpenpyxl: the caller then applies the
same patches with openpyxl (documented in docs/xlsx-file-path.md).
"""

from __future__ import annotations

import copy
import datetime as dt
import math
import re
import struct
import tempfile
import zipfile
from pathlib import Path

from partnerkeuze.kernel.patch import ArrayFormula, Formula
from partnerkeuze.io.xlsx.edits import CellEdit, Edits, SheetEdits
from partnerkeuze.io.xlsx.package import (
    CONTENT_TYPES,
    NS_CT,
    NS_MAIN,
    NS_PKG_REL,
    REL_CALC_CHAIN,
    REL_TABLE,
    Package,
    rels_name)
from partnerkeuze.io.xlsx.stylesxml import NeedsOpenpyxl, StylesEditor
from partnerkeuze.io.xlsx.wellformed import first_illegal, verify_part, verify_unread

_R_ATTR = re.compile(rb'(?:^|\s)r="([A-Z]*)(\d+)"')
_S_ATTR = re.compile(rb'(?:^|\s)s="(\d+)"')
_SPANS = re.compile(rb'\sspans="[^"]*"')
_HT = re.compile(rb'\s(?:ht|customHeight)="[^"]*"')
_DIM = re.compile(rb'(<(?:\w+:)?dimension\b[^>]*?\sref=")([^"]*)(")')
_REF = re.compile(r"([A-Z]+)(\d+)")
SPOOL = 16 * 1024 * 1024  # bytes of a rewritten sheet kept in memory before spilling to disk


def col_letter(n: int) -> str:
    """The column letters of a 1-based column number."""
    out = ""
    while n:
        n, rem = divmod(n - 1, 26)
        out = chr(65 + rem) + out
    return out


def col_number(letters: bytes | str) -> int:
    """The 1-based column number of column letters."""
    n = 0
    for ch in letters.decode() if isinstance(letters, bytes) else letters:
        n = n * 26 + ord(ch) - 64
    return n


def _esc(text: str) -> bytes:
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            .replace("\r", "&#13;").encode("utf-8"))


def excel_serial(value, epoch: dt.datetime) -> float:
    """A date, datetime, time or timedelta as an Excel serial number (as openpyxl writes it)."""
    if isinstance(value, dt.timedelta):
        return value.days + (value.seconds * 10**6 + value.microseconds) / 86400e6
    if isinstance(value, dt.time):
        return (value.hour * 3600 + value.minute * 60 + value.second
                + value.microsecond / 1e6) / 86400
    if not isinstance(value, dt.datetime):
        value = dt.datetime.combine(value, dt.time())
    days = (value - epoch).days
    if 0 < days <= 60 and epoch == dt.datetime(1899, 12, 30):
        days -= 1
    t = value.time()
    return days + (t.hour * 3600 + t.minute * 60 + t.second + t.microsecond / 1e6) / 86400


def _number(value) -> bytes:
    if isinstance(value, float):
        if math.isnan(value) or math.isinf(value):
            return str(value).encode()
        text = repr(value)
        return (text[:-2] if text.endswith(".0") else text).encode()
    return str(value).encode()


class SheetWriter:
    """Rewrites one sheet part with its edits, streaming rows and copying unedited ones."""

    def __init__(self, name: str, edits: SheetEdits, styles, epoch: dt.datetime):
        self.name = name
        self.edits = edits
        self.styles = styles
        self.epoch = epoch
        self.uncached = 0  # formulas written without a cached value

    # -- cells ------------------------------------------------------------------------------

    def style_index(self, edit: CellEdit, existing: int | None) -> int | None:
        """The cell format index a cell gets (None: no s attribute)."""
        if edit.style is not None:
            idx = self.styles().named_style(*edit.style)
        else:
            idx = existing
        if edit.date_format and edit.value is not None:
            idx = self.styles().with_date_format(idx or 0, edit.date_format)
        return idx

    def cached(self, value) -> tuple[bytes, bytes] | None:
        """(type attribute, text) of a formula's cached value, None when it has none."""
        if value is None:
            return None
        if isinstance(value, bool):
            return b' t="b"', b"1" if value else b"0"
        if isinstance(value, (dt.date, dt.time, dt.timedelta)):
            value = excel_serial(value, self.epoch)
        if isinstance(value, (int, float)):
            if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
                return b' t="e"', b"#NUM!"
            return b"", _number(value)
        return b' t="str"', _esc(str(value))

    def formula(self, p: bytes, head: bytes, ref: bytes, value: Formula) -> bytes:
        """A formula cell with its cached value when the core computed one (``value.cached``)."""
        array = b' t="array" ref="' + ref + b'"' if isinstance(value, ArrayFormula) else b""
        f = b"<" + p + b"f" + array + b">" + _esc(str(value)[1:]) + b"</" + p + b"f>"
        cache = self.cached(value.cached)
        if cache is None:
            self.uncached += 1
            return head + b">" + f + b"</" + p + b"c>"
        kind, text = cache
        return head + kind + b">" + f + b"<" + p + b"v>" + text + b"</" + p + b"v></" + p + b"c>"

    def cell(self, p: bytes, ref: bytes, s: int | None, value) -> bytes:
        """The XML of one cell (as openpyxl writes it: inline strings; a formula with the cached
        value the core computed for it, if any)."""
        head = b"<" + p + b'c r="' + ref + b'"' + (b' s="%d"' % s if s else b"")
        if value is None or value == "":
            return head + b"/>"
        if isinstance(value, Formula) and first_illegal(value):  # text is cleaned (edits)
            raise self.illegal(ref, value)
        if isinstance(value, ArrayFormula):
            return self.formula(p, head, ref, value)
        if isinstance(value, str):
            text = str(value)
            if isinstance(value, Formula) and len(text) > 1 and text.startswith("="):
                return self.formula(p, head, ref, value)
            space = b' xml:space="preserve"' if text != text.strip() else b""
            return (head + b' t="inlineStr"><' + p + b"is><" + p + b"t" + space + b">" + _esc(text)
                    + b"</" + p + b"t></" + p + b"is></" + p + b"c>")
        if isinstance(value, bool):
            return head + b' t="b"><' + p + b"v>" + (b"1" if value else b"0") + b"</" + p + \
                b"v></" + p + b"c>"
        if isinstance(value, (dt.date, dt.time, dt.timedelta)):
            value = excel_serial(value, self.epoch)
        if isinstance(value, float) and (math.isnan(value) or math.isinf(value)):
            return head + b"/>"  # as openpyxl: no value
        if isinstance(value, (int, float)):
            return head + b"><" + p + b"v>" + _number(value) + b"</" + p + b"v></" + p + b"c>"
        try:
            import decimal

            if isinstance(value, decimal.Decimal):
                return head + b"><" + p + b"v>" + str(value).encode() + b"</" + p + b"v></" + \
                    p + b"c>"
        except ImportError:  # pragma: no cover
            pass
        raise ValueError(f"Cannot convert {value!r} to Excel")

    def illegal(self, ref: bytes, text: str):
        """The refusal of a text XML cannot hold (a control character, a lone surrogate,
        U+FFFE): raised before the workbook is replaced, so nothing changes."""
        from partnerkeuze.kernel.errors import InputProblems, Problem
        from partnerkeuze.io.xlsx.wellformed import char_name, first_illegal

        return InputProblems([Problem(
            f"{self.name}!{ref.decode('ascii')}",
            f"de tekst bevat het teken {char_name(first_illegal(text))}, dat niet in een "
            f"werkmap mag; verwijder het waar de tekst vandaan komt (er is niets gewijzigd)")])

    # -- rows -------------------------------------------------------------------------------

    def new_row(self, p: bytes, r: int) -> bytes:
        """A row that was not in the sheet: its edited cells."""
        cells = self.edits.cells.get(r, {})
        attrs = b' r="%d"' % r
        if r in self.edits.heights:
            attrs += b' ht="%s" customHeight="1"' % _number(float(self.edits.heights[r]))
        body = b"".join(self.cell(p, col_letter(c).encode() + b"%d" % r,
                                  self.style_index(e, None), e.value)
                        for c, e in sorted(cells.items()))
        return b"<" + p + b"row" + attrs + b">" + body + b"</" + p + b"row>"

    def merged_row(self, p: bytes, r: int, attrs: bytes, content: bytes | None,
                   cell_re) -> bytes:
        """An existing row with its edited cells replaced and new cells put in column order."""
        edits = self.edits.cells.get(r, {})
        attrs = _SPANS.sub(b"", attrs)
        if r in self.edits.heights:
            attrs = _HT.sub(b"", attrs) + b' ht="%s" customHeight="1"' % _number(
                float(self.edits.heights[r]))
        out: list[tuple[int, bytes]] = []
        done = set()
        pos = 0
        content = content or b""
        for m in cell_re.finditer(content):
            if content[pos:m.start()].strip():
                raise NeedsOpenpyxl(f"blad {self.name} rij {r}: onbekende inhoud")
            pos = m.end()
            cattrs = m.group(1)
            rm = _R_ATTR.search(cattrs)
            if rm is None:
                raise NeedsOpenpyxl(f"blad {self.name} rij {r}: cel zonder adres")
            c = col_number(rm.group(1))
            edit = edits.get(c)
            if edit is None:
                out.append((c, m.group(0)))
                continue
            inner = m.group(3) or b""
            if b't="shared"' in inner and b"ref=" in inner:
                raise NeedsOpenpyxl(f"blad {self.name}: gedeelde formule in {rm.group(0)!r}")
            if b't="array"' in inner:
                fm = re.search(rb'ref="([^"]*)"', inner)
                if fm and b":" in fm.group(1):
                    raise NeedsOpenpyxl(f"blad {self.name}: matrixformule over meerdere cellen")
            sm = _S_ATTR.search(cattrs)
            existing = int(sm.group(1)) if sm else None
            ref = rm.group(1) + rm.group(2)
            out.append((c, self.cell(p, ref, self.style_index(edit, existing), edit.value)))
            done.add(c)
        if content[pos:].strip():
            raise NeedsOpenpyxl(f"blad {self.name} rij {r}: onbekende inhoud")
        for c, edit in edits.items():
            if c not in done:
                out.append((c, self.cell(p, col_letter(c).encode() + b"%d" % r,
                                         self.style_index(edit, None), edit.value)))
        out.sort(key=lambda pair: pair[0])
        return b"<" + p + b"row" + attrs + b">" + b"".join(b for _, b in out) + b"</" + p + b"row>"

    # -- the part ---------------------------------------------------------------------------

    def rewrite(self, data: bytes, write) -> None:
        """Write the sheet part (data: its original bytes) with the edits, through write()."""
        m = re.search(rb"<((?:\w+:)?)sheetData\b([^>]*?)(/?)>", data)
        if m is None:
            raise NeedsOpenpyxl(f"blad {self.name}: geen sheetData")
        p = m.group(1)
        row_re = re.compile(rb"<" + re.escape(p) + rb"row\b([^>]*?)(/>|>(.*?)</" + re.escape(p)
                            + rb"row>)", re.S)
        cell_re = re.compile(rb"<" + re.escape(p) + rb"c\b([^>]*?)(/>|>(.*?)</" + re.escape(p)
                             + rb"c>)", re.S)
        write(self._head(data[:m.start()]))
        pending = sorted(set(self.edits.cells) | set(self.edits.heights))
        k = 0
        if m.group(3):  # <sheetData/>
            write(b"<" + p + b"sheetData" + m.group(2) + b">")
            for r in pending:
                write(self.new_row(p, r))
            write(b"</" + p + b"sheetData>")
            write(data[m.end():])
            return
        write(data[m.start():m.end()])
        close = b"</" + p + b"sheetData>"
        end = data.find(close, m.end())
        if end < 0:
            raise NeedsOpenpyxl(f"blad {self.name}: sheetData niet afgesloten")
        pos = m.end()
        for rm in row_re.finditer(data, m.end(), end):
            attrs = rm.group(1)
            num = _R_ATTR.search(attrs)
            if num is None:
                raise NeedsOpenpyxl(f"blad {self.name}: rij zonder nummer")
            r = int(num.group(2))
            while k < len(pending) and pending[k] < r:
                write(data[pos:rm.start()])
                pos = rm.start()
                write(self.new_row(p, pending[k]))
                k += 1
            if k < len(pending) and pending[k] == r:
                write(data[pos:rm.start()])
                write(self.merged_row(p, r, attrs, rm.group(3), cell_re))
                k += 1
                pos = rm.end()
            else:
                write(data[pos:rm.end()])
                pos = rm.end()
        write(data[pos:end])
        while k < len(pending):
            write(self.new_row(p, pending[k]))
            k += 1
        write(data[end:])

    def _head(self, head: bytes) -> bytes:
        """The part before sheetData with the dimension grown to hold the edits."""
        m = _DIM.search(head)
        if not m or not self.edits.cells:
            return head
        refs = _REF.findall(m.group(2).decode())
        max_col = max([col_number(c) for c, _ in refs] + [self.edits.max_col()])
        max_row = max([int(r) for _, r in refs] + [self.edits.max_row()])
        first = refs[0] if refs else ("A", "1")
        new = f"{first[0]}{first[1]}:{col_letter(max_col)}{max_row}".encode()
        return head[:m.start(2)] + new + head[m.end(2):]


def _xml_bytes(root) -> bytes:
    from lxml import etree

    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def table_parts(pkg: Package, sheet_part: str) -> dict[str, str]:
    """Table name -> table part, for the tables of one sheet."""
    out = {}
    for part in pkg.related(sheet_part, REL_TABLE):
        if pkg.has(part):
            root = pkg.xml(part)
            out[root.get("name") or root.get("displayName")] = part
            if root.get("displayName"):
                out.setdefault(root.get("displayName"), part)
    return out


def table_ref(pkg: Package, sheet: str, name: str, cache: dict) -> str | None:
    """The ref of a sheet's table in the package (None: no such table)."""
    if sheet not in pkg.sheets:
        return None
    if sheet not in cache:
        cache[sheet] = {n: pkg.xml(p).get("ref") for n, p in
                        table_parts(pkg, pkg.sheets[sheet]).items()}
    return cache[sheet].get(name)


def copy_raw(src: zipfile.ZipFile, info: zipfile.ZipInfo, out: zipfile.ZipFile) -> None:
    """Copy a member's compressed bytes as they are (no decompression, no recompression)."""
    if info.flag_bits & 0x1:
        raise NeedsOpenpyxl(f"versleuteld onderdeel {info.filename}")
    if info.file_size >= 0xFFFFFFFF or info.compress_size >= 0xFFFFFFFF:
        raise NeedsOpenpyxl(f"te groot onderdeel {info.filename}")
    fp = src.fp
    fp.seek(info.header_offset)
    header = fp.read(30)
    if header[:4] != b"PK\x03\x04":
        raise zipfile.BadZipFile(f"onderdeel {info.filename}: kop ontbreekt")
    name_len, extra_len = struct.unpack("<HH", header[26:30])
    fp.seek(info.header_offset + 30 + name_len + extra_len)
    new = copy.copy(info)
    new.flag_bits &= ~0x08  # sizes in the local header, no data descriptor
    new.extra = b""
    new.header_offset = out.fp.tell()
    out.fp.write(new.FileHeader(False))
    left = info.compress_size
    while left:
        chunk = fp.read(min(left, 1 << 20))
        if not chunk:
            raise zipfile.BadZipFile(f"onderdeel {info.filename}: onvolledig")
        out.fp.write(chunk)
        left -= len(chunk)
    out.filelist.append(new)
    out.NameToInfo[new.filename] = new
    out.start_dir = out.fp.tell()
    out._didModify = True


def _needs_recalculation(pkg: Package, replaced: dict, owned) -> bool:
    """Whether a sheet of the new package has a formula without a cached value or, when
    ``owned`` is given, outside the product's areas: the rewritten sheets as written (their
    copied rows too), the others as they are (io/xlsx/calc_flag.py)."""
    from partnerkeuze.io.xlsx.calc_flag import FULL_SCAN, HEAD_SCAN, needs_recalculation, sheet_heads

    def written():
        for sheet, part in pkg.sheets.items():
            content = replaced.get(part)
            if content is None:
                continue
            if isinstance(content, bytes):
                data = content
            else:
                data = content.read(FULL_SCAN + 1)
                content.seek(0)
            yield sheet, data if len(data) <= FULL_SCAN else data[:HEAD_SCAN]

    kept = {sheet: part for sheet, part in pkg.sheets.items() if part not in replaced}
    return needs_recalculation(written(), owned) or needs_recalculation(sheet_heads(pkg, kept),
                                                                       owned)


def write_package(pkg: Package, edits: Edits, target: Path) -> None:
    """Write the package with the edits to target (a new file)."""
    from lxml import etree

    epoch = dt.datetime(1904, 1, 1) if pkg.date1904 else dt.datetime(1899, 12, 30)
    styles_box: list[StylesEditor] = []

    def styles() -> StylesEditor:
        if not styles_box:
            styles_box.append(StylesEditor(pkg))
        return styles_box[0]

    replaced: dict[str, object] = {}  # part -> bytes or spooled file
    uncached = 0  # formulas written without a cached value
    for sheet, sheet_edits in edits.sheets.items():
        if sheet not in pkg.sheets:
            raise KeyError(f"Worksheet {sheet} does not exist.")
        part = pkg.sheets[sheet]
        if not pkg.is_verified(part):  # its unedited rows are copied as they are
            verify_part(pkg, part)
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL)
        buf: list[bytes] = []
        size = 0

        def write(chunk: bytes, buf=buf, spool=spool) -> None:
            nonlocal size
            buf.append(chunk)
            size += len(chunk)
            if size > 1 << 20:
                spool.write(b"".join(buf))
                buf.clear()
                size = 0

        writer = SheetWriter(sheet, sheet_edits, styles, epoch)
        writer.rewrite(pkg.read(part), write)
        uncached += writer.uncached
        spool.write(b"".join(buf))
        spool.seek(0)
        replaced[part] = spool

    # Tables whose range changed.
    if edits.table_refs:
        for sheet, part in pkg.sheets.items():
            for name, tpart in table_parts(pkg, part).items():
                if name in edits.table_refs and tpart not in replaced:
                    root = pkg.xml(tpart)
                    ref = edits.table_refs[name]
                    if root.get("ref") == ref:
                        continue
                    root.set("ref", ref)
                    af = root.find(f"{{{NS_MAIN}}}autoFilter")
                    if af is not None:
                        af.set("ref", ref)
                    replaced[tpart] = _xml_bytes(root)

    # Styles that gained formats.
    if styles_box and styles_box[0].changed:
        replaced[styles_box[0].part] = styles_box[0].to_bytes()

    # The calculation chain goes (Excel rebuilds it). Excel recalculates on opening only where
    # a cached value could be stale: a formula without one, a patch that changed what formulas
    # read without giving them their new values (edits.recalculated), or a formula outside the
    # areas of the product's own formulas (edits.owned, when the pipeline settled the save).
    drop: set[str] = set()
    if edits.sheets or edits.owned is not None:
        chains = pkg.related("xl/workbook.xml", REL_CALC_CHAIN)
        drop.update(c for c in chains if pkg.has(c))
        wb = pkg.xml("xl/workbook.xml")
        calc = wb.find(f"{{{NS_MAIN}}}calcPr")
        if calc is None:
            calc = etree.Element(f"{{{NS_MAIN}}}calcPr")
            after = ("fileVersion", "fileSharing", "workbookPr", "workbookProtection",
                     "bookViews", "sheets", "functionGroups", "externalReferences",
                     "definedNames")
            index = 0
            for i, child in enumerate(wb):
                if etree.QName(child).localname in after:
                    index = i + 1
            wb.insert(index, calc)
        from partnerkeuze.io.xlsx.calc_flag import CALC_ID

        stale = uncached > 0 or not edits.recalculated or _needs_recalculation(pkg, replaced,
                                                                              edits.owned)
        before = (calc.get("fullCalcOnLoad"), calc.get("calcId"))
        if stale:
            calc.set("fullCalcOnLoad", "1")
        else:
            calc.attrib.pop("fullCalcOnLoad", None)
            calc.set("calcId", CALC_ID)  # an older id makes Excel recalculate everything anyway
        if (calc.get("fullCalcOnLoad"), calc.get("calcId")) != before:
            replaced["xl/workbook.xml"] = _xml_bytes(wb)
        if drop:
            rels_part = rels_name("xl/workbook.xml")
            rels = pkg.xml(rels_part)
            for el in list(rels.iter(f"{{{NS_PKG_REL}}}Relationship")):
                if el.get("Type") == REL_CALC_CHAIN:
                    el.getparent().remove(el)
            replaced[rels_part] = _xml_bytes(rels)
            ct = pkg.xml(CONTENT_TYPES)
            for el in list(ct.iter(f"{{{NS_CT}}}Override")):
                if el.get("PartName", "").lstrip("/") in drop:
                    el.getparent().remove(el)
            replaced[CONTENT_TYPES] = _xml_bytes(ct)

    # A part copied as it is must be well-formed XML too: the ones no parser read yet are
    # checked now, before anything is written (a malformed part is refused, never copied).
    verify_unread(pkg, skip=set(replaced) | drop)

    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=6) as out:
        for info in pkg.zip.infolist():
            name = info.filename
            if name in drop:
                continue
            if name not in replaced:
                copy_raw(pkg.zip, info, out)
                continue
            content = replaced[name]
            zi = zipfile.ZipInfo(name, date_time=info.date_time)
            zi.compress_type = zipfile.ZIP_DEFLATED
            zi.external_attr = info.external_attr
            if isinstance(content, bytes):
                out.writestr(zi, content, compresslevel=6)
            else:
                with out.open(zi, "w") as fh:
                    while True:
                        chunk = content.read(1 << 20)
                        if not chunk:
                            break
                        fh.write(chunk)
                content.close()
