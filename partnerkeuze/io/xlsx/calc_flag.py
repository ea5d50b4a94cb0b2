"""Whether Excel must recalculate a workbook on opening (calcPr ``fullCalcOnLoad``): only when
a formula has no cached value, or one that could be stale. Read from the sheet parts without
parsing them whole (large sheets only up to HEAD_SCAN bytes: where the product puts formulas)."""

from __future__ import annotations

import re
import zlib
from typing import Iterable, Iterator

# The calcId of Excel 2019 and Microsoft 365: a file with an older one is recalculated in full
# on opening, whatever fullCalcOnLoad says.
CALC_ID = "191029"
FULL_SCAN = 4 * 1024 * 1024  # uncompressed bytes of a sheet scanned whole
HEAD_SCAN = 256 * 1024  # of a larger sheet only the start: where the product puts formulas
_F_START = re.compile(rb"<(?:\w+:)?f[\s>/]")
_C_START = re.compile(rb"<(?:\w+:)?c\b")
_C_END = re.compile(rb"</(?:\w+:)?c>")
_F_END = re.compile(rb"</(?:\w+:)?f>|/>")
_V = re.compile(rb"<(?:\w+:)?v\s*/>|<(?:\w+:)?v>([^<]*)</(?:\w+:)?v>")
_R = re.compile(rb'(?:^|\s)r="([A-Z]+)(\d+)"')
_T = re.compile(rb'(?:^|\s)t="([^"]*)"')
_CALC_PR = re.compile(rb"<(?:\w+:)?calcPr\b([^>]*)>")
_FULL = re.compile(rb'\sfullCalcOnLoad="(1|true)"')


def head(pkg, part: str) -> bytes:
    """The bytes of a sheet part to look at: all of it up to FULL_SCAN bytes, else its start."""
    size = pkg.zip.getinfo(part).file_size
    with pkg.zip.open(part) as fh:
        return fh.read(size if size <= FULL_SCAN else HEAD_SCAN)


def _col(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def formula_cells(data: bytes) -> Iterator[tuple[int | None, int | None, bool]]:
    """(row, column, has a cached value) of every formula cell in the bytes of a sheet part
    (a cell cut off at the end of the bytes is left out). A formula's <f> is its cell's first
    child, so the cell's start tag is the tag right before it. A text result may be empty
    (t="str" with an empty <v>); a number needs its digits."""
    pos = 0
    while True:
        m = _F_START.search(data, pos)
        if m is None:
            return
        pos = m.end()
        lt = data.rfind(b"<", 0, m.start())
        tag = data[lt:m.start()]
        if lt < 0 or not _C_START.match(tag):
            continue
        end = _C_END.search(data, m.end())
        fend = _F_END.search(data, m.start())
        if end is None or fend is None:
            return
        pos = end.end()
        rm = _R.search(tag)
        tm = _T.search(tag)
        kind = tm.group(1) if tm else b"n"
        v = _V.search(data, fend.end(), end.start())
        text = (v.group(1) or b"") if v is not None else None
        has_value = text is not None and (text.strip() != b"" or kind in (b"str", b"inlineStr"))
        yield ((int(rm.group(2)), _col(rm.group(1)), has_value) if rm else (None, None, has_value))


def needs_recalculation(heads: Iterable[tuple[str, bytes]], owned) -> bool:
    """True when one of these sheets (name, bytes of its part) has a formula without a cached
    value, or, when ``owned`` (kernel.formulas.Area) is given, a formula outside those areas:
    not the product's, so it could read what changed."""
    for sheet, data in heads:
        if b"<f" not in data and b":f" not in data:
            continue
        areas = [a for a in owned if a.sheet == sheet] if owned is not None else None
        for row, col, has_value in formula_cells(data):
            if not has_value:
                return True
            if areas is not None and (row is None or not any(a.holds(row, col) for a in areas)):
                return True
    return False


def sheet_heads(pkg, parts: dict[str, str]) -> Iterator[tuple[str, bytes]]:
    """(sheet name, head bytes) of the sheet parts given by name; a damaged part counts as one
    with a formula without value (empty head with a marker)."""
    for sheet, part in parts.items():
        if not pkg.has(part):
            continue
        try:
            yield sheet, head(pkg, part)
        except (KeyError, zlib.error):
            yield sheet, b'<c r="A1"><f>?</f></c>'


def full_calc_on_load(workbook_xml: bytes) -> bool:
    """True when the workbook part asks Excel to recalculate everything on opening."""
    m = _CALC_PR.search(workbook_xml)
    return bool(m and _FULL.search(m.group(1)))


def cached_in(data: bytes, row: int, col: int):
    """The cached value of the formula cell at (row, col) in the bytes of a sheet part: a
    number, a text or a boolean; None when the cell is not there, holds no formula, has no
    value or an error."""
    import html

    letters = ""
    n = col
    while n:
        n, rem = divmod(n - 1, 26)
        letters = chr(65 + rem) + letters
    m = re.search(rb'<(?:\w+:)?c\b[^>]*?\sr="' + letters.encode() + b"%d" % row
                  + rb'"[^>]*?(?:/>|>(.*?)</(?:\w+:)?c>)', data, re.S)
    if m is None or not m.group(1) or not _F_START.search(m.group(1)):
        return None
    tag = data[m.start():m.start(1)]
    tm = _T.search(tag[2:])
    kind = tm.group(1) if tm else b"n"
    v = _V.search(m.group(1))
    if v is None or v.group(1) is None:
        return None
    text = v.group(1)
    if kind in (b"str", b"inlineStr"):
        return html.unescape(text.decode("utf-8"))
    if not text.strip() or kind == b"e":
        return None
    if kind == b"b":
        return text.strip() == b"1"
    number = float(text)
    return int(number) if number == int(number) and b"." not in text and b"E" not in text.upper() \
        else number


def settle_openpyxl(wb) -> None:
    """Before openpyxl saves a workbook that holds no formula (a form): no fullCalcOnLoad and a
    current calcId, so that Excel opens it without recalculating (openpyxl's defaults ask for a
    full recalculation with the calcId of Excel 2010). A workbook with a formula keeps them:
    openpyxl writes no cached values."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    return
    wb.calculation.fullCalcOnLoad = None
    wb.calculation.calcId = int(CALC_ID)
