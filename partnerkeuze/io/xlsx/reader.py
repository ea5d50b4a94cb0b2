"""Reading cell values from a workbook file by streaming each sheet's XML (no openpyxl).

Only the sheets a command asks for are read, each on first use; a sheet is held as its filled
rows only, so a stray cell at row 1,048,576 costs one row, not a million. Values are the ones
openpyxl gives with ``data_only=False``: numbers (int or float), booleans, text (shared, inline
or rich, as plain text), dates (by the cell's number format) and, for a formula cell, its
formula text starting with '=' (an array formula as ``patch.ArrayFormula``), so the checks for
"a formula where a value is expected" keep working. See docs/xlsx-file-path.md for the choice
of streaming XML over python-calamine.
"""

from __future__ import annotations

import datetime as dt
import re

from partnerkeuze.kernel.patch import ArrayFormula
from partnerkeuze.kernel.snapshot import Snapshot
from partnerkeuze.io.xlsx.package import NS_MAIN, REL_SHARED_STRINGS, REL_STYLES, Package

_C = f"{{{NS_MAIN}}}c"
_V = f"{{{NS_MAIN}}}v"
_F = f"{{{NS_MAIN}}}f"
_IS = f"{{{NS_MAIN}}}is"
_T = f"{{{NS_MAIN}}}t"
_R = f"{{{NS_MAIN}}}r"
_ROW = f"{{{NS_MAIN}}}row"
_RPH = f"{{{NS_MAIN}}}rPh"

# Number formats (as openpyxl decides them): which builtin ids show dates and durations.
BUILTIN_DATE_IDS = frozenset({14, 15, 16, 17, 18, 19, 20, 21, 22, 45, 46, 47})
BUILTIN_TIMEDELTA_IDS = frozenset({46})
_STRIP_RE = re.compile(r'".*?"|\[(?!hh?\]|mm?\]|ss?\])[^\]]*\]')
_TIMEDELTA_RE = re.compile(r'\[hh?\](:mm(:ss(\.0*)?)?)?|\[mm?\](:ss(\.0*)?)?|\[ss?\](\.0*)?', re.I)
WINDOWS_EPOCH = dt.datetime(1899, 12, 30)
MAC_EPOCH = dt.datetime(1904, 1, 1)


def is_date_format(fmt: str | None) -> bool:
    """True when a number format code shows a date or time (openpyxl's rule)."""
    if fmt is None:
        return False
    fmt = _STRIP_RE.sub("", fmt.split(";")[0])
    return re.search(r"(?<![_\\])[dmhysDMHYS]", fmt) is not None


def is_timedelta_format(fmt: str | None) -> bool:
    """True when a number format code shows a duration ([h]:mm and the like)."""
    return fmt is not None and _TIMEDELTA_RE.search(fmt.split(";")[0]) is not None


def from_excel(value: float, epoch: dt.datetime, timedelta: bool = False):
    """An Excel serial number as datetime, time or timedelta (as openpyxl converts it)."""
    if timedelta:
        td = dt.timedelta(days=value)
        if td.microseconds:
            td = dt.timedelta(seconds=td.total_seconds() // 1,
                              microseconds=round(td.microseconds, -3))
        return td
    day, fraction = divmod(value, 1)
    diff = dt.timedelta(milliseconds=round(fraction * 86400 * 1000))
    if 0 <= value < 1 and diff.days == 0:
        mins, seconds = divmod(diff.seconds, 60)
        hours, mins = divmod(mins, 60)
        return dt.time(hours, mins, seconds, diff.microseconds)
    if 0 < value < 60 and epoch == WINDOWS_EPOCH:
        day += 1
    return epoch + dt.timedelta(days=day) + diff


def _number(text: str):
    if "." in text or "E" in text or "e" in text:
        return float(text)
    return int(text)


def _iso(text: str):
    text = text.strip()
    try:
        if "T" in text or " " in text:
            return dt.datetime.fromisoformat(text.replace("Z", ""))
        if ":" in text:
            return dt.time.fromisoformat(text)
        return dt.datetime.fromisoformat(text)
    except ValueError:
        return text


def plain_text(el) -> str:
    """The text of a string item (<si> or <is>): plain and rich runs, without phonetic runs."""
    parts = []
    t = el.find(_T)
    if t is not None and t.text:
        parts.append(t.text)
    for r in el.iterfind(_R):
        rt = r.find(_T)
        if rt is not None and rt.text:
            parts.append(rt.text)
    return "".join(parts)


class StyleFormats:
    """Which cell formats (cellXfs indexes) show dates and durations."""

    def __init__(self, pkg: Package):
        self.dates: set[int] = set()
        self.timedeltas: set[int] = set()
        parts = pkg.related("xl/workbook.xml", REL_STYLES)
        if not parts or not pkg.has(parts[0]):
            return
        root = pkg.read_xml(parts[0])
        custom = {int(el.get("numFmtId")): el.get("formatCode")
                  for el in root.iter(f"{{{NS_MAIN}}}numFmt")}
        xfs = root.find(f"{{{NS_MAIN}}}cellXfs")
        if xfs is None:
            return
        for idx, xf in enumerate(xfs.iterfind(f"{{{NS_MAIN}}}xf")):
            fid = int(xf.get("numFmtId", 0))
            if fid in custom:
                fmt = custom[fid]
                date, delta = is_date_format(fmt), is_timedelta_format(fmt)
            else:
                date, delta = fid in BUILTIN_DATE_IDS, fid in BUILTIN_TIMEDELTA_IDS
            if date:
                self.dates.add(idx)
            if delta:
                self.timedeltas.add(idx)


class SparseRows:
    """The rows of a sheet as a read-only sequence of tuples, holding only the filled rows.

    Like openpyxl's iter_rows(values_only=True): row 1 first, every row as wide as the widest,
    every cell that exists counted (also a styled empty one); an empty sheet has no rows.
    Held as a list of tuples with None for an empty row (8 bytes a row: a stray cell at row
    1,048,576 costs 8 MB, not a million tuples).
    """

    __slots__ = ("_rows", "_len", "_blank")

    def __init__(self, rows: list, n_rows: int, width: int):
        blank = (None,) * width
        for i, row in enumerate(rows):
            if row is not None and len(row) < width:
                rows[i] = row + blank[len(row):]
        self._rows = rows
        self._len = n_rows
        self._blank = blank

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(self._len))]
        if index < 0:
            index += self._len
        if not 0 <= index < self._len:
            raise IndexError(index)
        row = self._rows[index] if index < len(self._rows) else None
        return self._blank if row is None else row

    def __iter__(self):
        rows, blank = self._rows, self._blank
        n = len(rows)
        for i in range(self._len):
            row = rows[i] if i < n else None
            yield blank if row is None else row

    def filled(self) -> int:
        """How many rows hold a value."""
        return sum(1 for row in self._rows if row is not None)

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __repr__(self) -> str:
        return f"SparseRows({self.filled()} filled of {self._len})"


def _col_index(ref: str) -> int:
    n = 0
    for ch in ref:
        if "A" <= ch <= "Z":
            n = n * 26 + ord(ch) - 64
        else:
            break
    return n


def _row_index(ref: str) -> int:
    for i, ch in enumerate(ref):
        if ch.isdigit():
            return int(ref[i:])
    return 0


class WorkbookReader:
    """Reads the values of a workbook file sheet by sheet; shared strings and formats once."""

    def __init__(self, pkg: Package):
        self.pkg = pkg
        self.epoch = MAC_EPOCH if pkg.date1904 else WINDOWS_EPOCH
        self._strings: list[str] | None = None
        self._formats: StyleFormats | None = None

    @property
    def strings(self) -> list[str]:
        """The shared strings table (read on first use)."""
        if self._strings is None:
            self._strings = []
            for part in self.pkg.related("xl/workbook.xml", REL_SHARED_STRINGS):
                if self.pkg.has(part):
                    self._strings = self._read_strings(part)
        return self._strings

    def _read_strings(self, part: str) -> list[str]:
        from xml.etree import ElementTree

        out: list[str] = []
        si = f"{{{NS_MAIN}}}si"
        try:
            with self.pkg.open(part) as fh:
                for _ev, el in ElementTree.iterparse(fh, events=("end",)):
                    if el.tag == si:
                        out.append(plain_text(el))
                        el.clear()
        except ElementTree.ParseError as exc:
            raise self.pkg.damaged(part, str(exc), at=f"regel {exc.position[0]}: geen "
                                                      f"welgevormde XML") from None
        self.pkg.mark_verified(part)
        return out

    @property
    def formats(self) -> StyleFormats:
        """Which cell formats show dates (read on first use)."""
        if self._formats is None:
            self._formats = StyleFormats(self.pkg)
        return self._formats

    def sheet_rows(self, name: str) -> SparseRows:
        """The values of one sheet, streamed from its part (fast scanner, else XML parser);
        a part that is not well-formed XML is refused naming the cell or row."""
        from partnerkeuze.io.xlsx import scan
        from partnerkeuze.io.xlsx.wellformed import Malformed, refusal

        part = self.pkg.sheets[name]
        shared: dict[str, object] = {}
        epoch = self.epoch

        def date(value, delta):
            try:
                return from_excel(value, epoch, delta)
            except (OverflowError, ValueError):
                return "#VALUE!"

        def formula(text, kind, ref, si, cell):
            return self._formula_value("=" + text, kind and kind.decode(), ref,
                                       si and si.decode(), cell, shared)

        try:
            with self.pkg.open(part) as fh:
                rows, max_row, max_col = scan.scan(
                    fh, lambda: self.strings, self.formats.dates, self.formats.timedeltas, date,
                    formula, _iso)
        except scan.Unsupported:
            return self.sheet_rows_xml(name)
        except Malformed as exc:
            raise refusal(self.pkg, part, exc) from None
        except scan.Damaged as exc:
            raise self.pkg.damaged(part, str(exc)) from None
        except (ValueError, IndexError, UnicodeDecodeError) as exc:
            raise self.pkg.damaged(part, f"{type(exc).__name__}: {exc}") from None
        except Exception as exc:  # zlib and zip errors while streaming the part
            if type(exc).__name__ in ("error", "BadZipFile", "EOFError"):
                raise self.pkg.damaged(part, f"{type(exc).__name__}: {exc}") from None
            raise
        self.pkg.mark_verified(part)
        return SparseRows(rows, max_row, max_col)

    def row_count(self, name: str) -> int:
        """How many rows sheet_rows(name) would give (its last row with a cell), found without
        reading the values: a sheet of long formulas is not loaded to be counted."""
        from partnerkeuze.io.xlsx import scan
        from partnerkeuze.io.xlsx.wellformed import Malformed

        part = self.pkg.sheets[name]
        try:
            with self.pkg.open(part) as fh:
                last = scan.last_row(fh)
        except (scan.Unsupported, scan.Damaged, Malformed):
            return len(self.sheet_rows(name))  # which reads it again, or says what is wrong
        self.pkg.mark_verified(part)
        return last

    def sheet_rows_xml(self, name: str) -> SparseRows:
        """The values of one sheet by the XML parser (the reference for the fast scanner)."""
        from lxml import etree

        part = self.pkg.sheets[name]
        rows: dict[int, dict[int, object]] = {}
        max_row = max_col = 0
        shared: dict[str, object] = {}
        dates, deltas = self.formats.dates, self.formats.timedeltas
        epoch = self.epoch
        strings = None
        row_no = 0
        try:
            with self.pkg.open(part) as fh:
                for _ev, row in etree.iterparse(fh, events=("end",), tag=_ROW, huge_tree=True,
                                                resolve_entities=False, no_network=True):
                    r_attr = row.get("r")
                    row_no = int(float(r_attr)) if r_attr else row_no + 1
                    col_no = 0
                    cells: dict[int, object] | None = None
                    for c in row.iterchildren(_C):
                        ref = c.get("r")
                        if ref:
                            col_no = _col_index(ref)
                        else:
                            col_no += 1
                        if col_no > max_col:
                            max_col = col_no
                        if row_no > max_row:
                            max_row = row_no
                        value = None
                        t = c.get("t", "n")
                        f = c.find(_F)
                        if f is not None:
                            value = self._formula(f, ref, shared)
                        elif t == "inlineStr":
                            is_ = c.find(_IS)
                            value = plain_text(is_) if is_ is not None else None
                        else:
                            v = c.findtext(_V)
                            if v:
                                if t == "n":
                                    value = _number(v)
                                    s = c.get("s")
                                    if s and int(s) in dates:
                                        try:
                                            value = from_excel(value, epoch, int(s) in deltas)
                                        except (OverflowError, ValueError):
                                            value = "#VALUE!"
                                elif t == "s":
                                    if strings is None:
                                        strings = self.strings
                                    value = strings[int(v)]
                                elif t == "b":
                                    value = bool(int(v))
                                elif t == "d":
                                    value = _iso(v)
                                else:  # str, e
                                    value = v
                        if value is not None:
                            if cells is None:
                                cells = rows.setdefault(row_no - 1, {})
                            cells[col_no - 1] = value
                    row.clear(keep_tail=False)
                    while row.getprevious() is not None:
                        del row.getparent()[0]
        except etree.XMLSyntaxError as exc:
            raise self.pkg.damaged(part, str(exc), at=f"blad '{name}', regel {exc.lineno}: geen "
                                                      f"welgevormde XML") from None
        except (ValueError, IndexError) as exc:
            raise self.pkg.damaged(part, f"{type(exc).__name__}: {exc}") from None
        self.pkg.mark_verified(part)
        if max_row == 0:
            return SparseRows([], 0, 0)
        blank = [None] * max_col
        dense: list = [None] * (max(rows) + 1 if rows else 0)
        for r, cells in rows.items():
            line = blank.copy()
            for c, v in cells.items():
                line[c] = v
            dense[r] = tuple(line)
        return SparseRows(dense, max_row, max_col)

    def _formula(self, f, ref: str | None, shared: dict):
        return self._formula_value("=" + (f.text or ""), f.get("t"), f.get("ref"), f.get("si"),
                                   ref, shared)

    @staticmethod
    def _formula_value(text: str, kind, _range, si, ref, shared: dict):
        """A formula cell's value as openpyxl gives it (shared formulas translated)."""
        if kind == "array":
            return ArrayFormula(text)
        if kind == "shared":
            if si in shared:
                return shared[si].translate_formula(ref)
            if text != "=":
                from openpyxl.formula.translate import Translator

                shared[si] = Translator(text, ref)
            return text
        if kind == "dataTable":
            return text
        return text


class FileSheets(dict):
    """Sheet name -> rows of values, each sheet loaded (by load(name)) on first use."""

    def __init__(self, names, load, count=None):
        super().__init__()
        self._load = load
        self._names = list(names)
        self._count = count

    def row_count(self, key) -> int:
        """len(self[key]), without loading the sheet when it is not loaded yet."""
        if dict.__contains__(self, key) or self._count is None:
            return len(self[key]) if key in self._names else 0
        return self._count(key) if key in self._names else 0

    def __missing__(self, key):
        if key not in self._names:
            raise KeyError(key)
        rows = self._load(key)
        self[key] = rows
        return rows

    def __contains__(self, key) -> bool:
        return key in self._names

    def get(self, key, default=None):
        return self[key] if key in self._names else default

    def __iter__(self):
        return iter(self._names)

    def __len__(self) -> int:
        return len(self._names)

    def keys(self):
        return list(self._names)

    def items(self):
        return [(k, self[k]) for k in self._names]

    def values(self):
        return [self[k] for k in self._names]

    def __deepcopy__(self, memo):
        import copy

        return {k: copy.deepcopy(list(v), memo) for k, v in self.items()}

    def __copy__(self):
        return {k: list(v) for k, v in self.items()}

    def __reduce__(self):
        return (dict, ({k: list(v) for k, v in self.items()},))


def overlay(rows: SparseRows, edits) -> SparseRows:
    """The rows of a sheet with a sheet's edits (xlsx/edits.SheetEdits) written over them."""
    n_rows = max(len(rows), edits.max_row())
    width = max(len(rows._blank), edits.max_col())
    filled = list(rows._rows)
    last = max(edits.cells, default=0)
    if last > len(filled):
        filled.extend([None] * (last - len(filled)))
    blank = [None] * width
    for r, cells in edits.cells.items():
        old = filled[r - 1]
        line = list(old) + blank[len(old):] if old is not None else blank.copy()
        for c, edit in cells.items():
            line[c - 1] = edit.value
        filled[r - 1] = tuple(line)
    return SparseRows(filled, n_rows, width)


def file_snapshot(pkg: Package, source: str) -> Snapshot:
    """A snapshot whose sheets are read from the package when first asked for."""
    reader = WorkbookReader(pkg)
    return Snapshot(sheets=FileSheets(pkg.sheet_names, reader.sheet_rows), source=source)
