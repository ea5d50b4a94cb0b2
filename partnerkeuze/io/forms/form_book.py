"""A returned form read with the project's own part-level reader (no openpyxl, no numpy).

``open_form`` checks (with safety.py) a form's bytes first (size, zip and XML bombs, DTDs, encryption)
and then opens them here. The values are the ones openpyxl gave with ``data_only=False``
(xlsx/reader.py: shared, inline and rich text, numbers, booleans, dates by number format, a
formula's text), but a form is untrusted, so every sheet is read bounded: before the reader sees
a sheet part, its rows past the last row asked for are cut off (reading stops there, as
openpyxl's read-only reader did) and its cells past the last column asked for are dropped. A
hostile part with a cell at column XFD on every row therefore costs nothing, where the reader's
rows (as wide as the widest) would have taken gigabytes.

``FormBook`` offers the small part of openpyxl's read-only workbook the form readers use:
``sheetnames``, ``book[name].iter_rows(min_row=, max_row=, max_col=, values_only=True)``,
``book[name][ref].value``, ``properties.modified`` and ``close()``.
"""

from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

from partnerkeuze.io.forms.safety import FormRefused, check_package, file_hash, read_bytes
from partnerkeuze.io.xlsx import scan
from partnerkeuze.io.xlsx.package import NS_MAIN, NS_REL, Package

CORE_PART = "docProps/core.xml"  # where openpyxl reads the document properties
DCTERMS = "http://purl.org/dc/terms/"
# openpyxl's W3CDTF reading (utils.datetime.ISO_REGEX): a date, a time or both; no time zone.
_ISO_RE = re.compile(r"(?P<date>(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2}))?T?"
                     r"(?P<time>(?P<hour>\d{2}):(?P<minute>\d{2})(:(?P<second>\d{2})"
                     r"(?P<microsecond>\.\d{1,3})?)?)?Z?")
_REF_RE = re.compile(r"^([A-Z]{1,3})([0-9]{1,7})$")
MAX_COL = 16384


def _unreadable(path: Path, exc: BaseException, part: str = "") -> FormRefused:
    if isinstance(exc, scan.Unsupported):
        return FormRefused(path, f"het formulier kan niet gelezen worden: het blad in onderdeel "
                                 f"{part} is in een ongewone vorm bewaard; open het in Excel of "
                                 f"LibreOffice en bewaar het opnieuw als .xlsx")
    where = f"onderdeel {part}" if part else type(exc).__name__
    return FormRefused(path, f"het formulier kan niet gelezen worden; het is beschadigd of geen "
                             f"Excel-formulier ({where})")


def _letters(col: int) -> bytes:
    out = b""
    while col:
        col, rest = divmod(col - 1, 26)
        out = bytes((65 + rest,)) + out
    return out


def bounded_sheet(stream, max_row: int, max_col: int) -> bytes:
    """A sheet part reduced to its rows up to max_row and cells up to max_col, every row and
    cell with its address written out (only the attributes a value needs: s and t).

    Rows are numbered as openpyxl's read-only reader numbers them (``r``, else one after the
    previous row) and, as there, a row that does not come after the rows before it is skipped;
    reading stops at the first row past max_row. Raises scan.Damaged or scan.Unsupported."""
    out = [b"<worksheet><sheetData>"]
    row_no = last = 0
    letters: dict[int, bytes] = {}
    for chunk in scan.chunks_of(stream):
        for attrs, content in scan.rows_in(chunk):
            m = scan.R_RE.search(attrs)
            row_no = int(m.group(2)) if m and m.group(2) else row_no + 1
            if row_no > max_row:
                out.append(b"</sheetData></worksheet>")
                return b"".join(out)
            if row_no <= last:
                continue
            last = row_no
            if not content:
                continue
            cells = []
            col_no = 0
            for c in scan.CELL_RE.finditer(content):
                cattrs, inner = c.group(1), c.group(2)
                rm = scan.R_RE.search(cattrs)
                col_no = scan.col_index(rm.group(1)) if rm and rm.group(1) else col_no + 1
                if col_no > max_col or inner is None:
                    continue
                name = letters.get(col_no)
                if name is None:
                    name = letters[col_no] = _letters(col_no)
                sm, tm = scan.S_RE.search(cattrs), scan.T_RE.search(cattrs)
                cells.append(b'<c r="%s%d"%s%s>%s</c>' % (
                    name, row_no, b' s="%s"' % sm.group(1) if sm else b"",
                    b' t="%s"' % tm.group(1) if tm else b"", inner))
            out.append(b'<row r="%d">%s</row>' % (row_no, b"".join(cells)))
    out.append(b"</sheetData></worksheet>")
    return b"".join(out)


class _FormPackage(Package):
    """The package of a form opened from its (checked) bytes; a sheet part is given to the
    reader as set by ``bound`` (reduced by bounded_sheet)."""

    def __init__(self, path: Path, data: bytes):  # noqa: D107 - as Package, from bytes
        self.path = Path(path)
        self.zip = zipfile.ZipFile(io.BytesIO(data))
        self.infos = {i.filename: i for i in self.zip.infolist()}
        self._rels: dict[str, list[tuple[str, str, str, str]]] = {}
        self._bounded: dict[str, bytes] = {}
        wb = self.xml("xl/workbook.xml")
        pr = wb.find(f"{{{NS_MAIN}}}workbookPr")
        self.date1904 = pr is not None and pr.get("date1904") in ("1", "true")
        targets = {rid: part for rid, _type, part, _mode in self.rels("xl/workbook.xml")}
        self.sheets: dict[str, str] = {}
        for el in wb.iter(f"{{{NS_MAIN}}}sheet"):
            part = targets.get(el.get(f"{{{NS_REL}}}id"))
            if part and part in self.infos:
                self.sheets[el.get("name")] = part
        self.sheet_names = list(self.sheets)

    def bound(self, part: str, max_row: int, max_col: int) -> None:
        """Give the reader this sheet part reduced to max_row rows and max_col columns."""
        with self.zip.open(part) as fh:
            self._bounded[part] = bounded_sheet(fh, max_row, max_col)

    def open(self, part: str):
        if part in self._bounded:
            return io.BytesIO(self._bounded.pop(part))
        if part in self.sheets.values():  # never a sheet of a form unbounded
            raise scan.Damaged(f"{part} onbegrensd gevraagd")
        return super().open(part)


class Properties:
    """The document properties the readers use (openpyxl's ``wb.properties``)."""

    def __init__(self, modified):
        self.modified = modified


def parse_w3cdtf(text: str | None):
    """A W3CDTF time as openpyxl reads it: a naive datetime (a date or time when only that is
    given), None when empty or not a time."""
    if not text:
        return None
    m = _ISO_RE.match(text)
    if not m or not any(m.groups()):
        return None
    p = {k: int(v) if v and k not in ("date", "time", "microsecond") else v
         for k, v in m.groupdict().items()}
    micro = int(float(p["microsecond"]) * 1_000_000) if p["microsecond"] else 0
    if not p["date"]:
        return dt.time(p["hour"], p["minute"], p["second"] or 0, micro)
    if not p["time"]:
        return dt.date(p["year"], p["month"], p["day"])
    return dt.datetime(p["year"], p["month"], p["day"], p["hour"], p["minute"],
                       p["second"] or 0, micro)


class FormCell:
    """One cell's value (``sheet['B4'].value``)."""

    def __init__(self, value):
        self.value = value


class FormSheet:
    """A sheet of a form; every read is bounded by the rows and columns asked for."""

    def __init__(self, book: "FormBook", name: str):
        self.book = book
        self.title = name

    def iter_rows(self, min_row: int = 1, max_row: int | None = None, max_col: int | None = None,
                  values_only: bool = True):
        """The rows from min_row (tuples of max_col values) up to the last filled row, at most
        max_row; as openpyxl's read-only iter_rows(values_only=True) for the values."""
        if not values_only or max_row is None or max_col is None:
            raise ValueError("a form is read by values, with max_row and max_col")
        rows = self.book._rows(self.title, max_row, max_col)
        blank = (None,) * max_col
        for r in range(min_row, min(len(rows), max_row) + 1):
            row = rows[r - 1]
            yield (tuple(row[:max_col]) + blank)[:max_col]

    def __getitem__(self, ref: str) -> FormCell:
        m = _REF_RE.match(str(ref).upper())
        if not m:
            raise KeyError(ref)
        col, row = scan.col_index(m.group(1).encode()), int(m.group(2))
        if not 1 <= col <= MAX_COL or row < 1:
            raise KeyError(ref)
        for values in self.iter_rows(min_row=row, max_row=row, max_col=col):
            return FormCell(values[col - 1])
        return FormCell(None)


class FormBook:
    """A returned .xlsx form opened from its checked bytes."""

    def __init__(self, path: Path, data: bytes):
        from partnerkeuze.io.xlsx.reader import WorkbookReader

        self.path = Path(path)
        try:
            self._pkg = _FormPackage(self.path, data)
            self._reader = WorkbookReader(self._pkg)
            self.properties = Properties(self._modified())
        except FormRefused:
            raise
        except Exception as exc:  # damaged packages raise many kinds
            raise _unreadable(self.path, exc) from None

    @property
    def sheetnames(self) -> list[str]:
        """The worksheets' names in workbook order."""
        return list(self._pkg.sheet_names)

    def __getitem__(self, name: str) -> FormSheet:
        if name not in self._pkg.sheets:
            raise KeyError(name)
        return FormSheet(self, name)

    def _modified(self):
        """When the form was last saved (docProps/core.xml), as openpyxl read it: now when the
        form does not say."""
        value = None
        if self._pkg.has(CORE_PART):
            el = self._pkg.xml(CORE_PART).find(f"{{{DCTERMS}}}modified")
            value = parse_w3cdtf(el.text.strip() if el is not None and el.text else None)
        return value or dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)

    def _rows(self, name: str, max_row: int, max_col: int):
        part = self._pkg.sheets[name]
        try:
            self._pkg.bound(part, max(0, max_row), max(0, max_col))
            return self._reader.sheet_rows(name)
        except FormRefused:
            raise
        except Exception as exc:  # damaged parts: scanner, zip, zlib and XML errors
            raise _unreadable(self.path, exc, part) from None

    def close(self) -> None:
        """Release the package."""
        self._pkg.close()


def open_form(path: Path):
    """(form workbook, bytes, short hash) of a .xlsx form that passed every check of
    safety.py: a FormBook, read with the project's part-level reader, every sheet bounded."""
    data = read_bytes(path)
    check_package(path, data)
    return FormBook(path, data), data, file_hash(data)
