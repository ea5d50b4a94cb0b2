"""A fast scanner of a worksheet's rows: regular expressions over the part's bytes, read in
blocks, for the cell shapes every spreadsheet program writes. It gives the same values as the
XML parser in reader.py (which stays the reference and takes over for what this does not
handle: a namespace prefix, CDATA, entity declarations), in a fraction of its time.

A part that is not what it claims (text between rows, a row that does not close, a sheet that
does not end) raises Damaged, which the reader turns into a message naming the part. The scanner
is no XML parser: every block it reads is also fed to expat (wellformed.Verifier), so a part
that is not well-formed XML 1.0 (an unclosed element, a control character, a reference to a
character XML does not allow) raises wellformed.Malformed, whatever the regular expressions saw.
"""

from __future__ import annotations

import re

from partnerkeuze.io.xlsx.wellformed import Verifier

BLOCK = 1 << 22  # bytes read from the zip stream at a time

ROW_RE = re.compile(rb"<row\b([^>]*?)(?:/>|>(.*?)</row>)", re.S)
CELL_RE = re.compile(rb"<c\b([^>]*?)(?:/>|>(.*?)</c>)", re.S)
R_RE = re.compile(rb'\br="([A-Z]*)(\d*)"')
S_RE = re.compile(rb'\bs="(\d+)"')
T_RE = re.compile(rb'\bt="(\w+)"')
V_RE = re.compile(rb"<v(?:\s[^>]*)?>(.*?)</v>", re.S)
V_EMPTY_RE = re.compile(rb"<v(?:\s[^>]*)?/>")
F_RE = re.compile(rb"<f\b([^>]*?)(?:/>|>(.*?)</f>)", re.S)
F_ATTR_RE = re.compile(rb'\b(t|ref|si)="([^"]*)"')
TEXT_RE = re.compile(rb"<t(?:\s[^>]*)?>(.*?)</t>", re.S)
RPH_RE = re.compile(rb"<rPh\b.*?</rPh>", re.S)
ENTITY_RE = re.compile(r"&(#x[0-9a-fA-F]+|#\d+|lt|gt|amp|quot|apos);")
_NAMED = {"lt": "<", "gt": ">", "amp": "&", "quot": '"', "apos": "'"}


class Damaged(ValueError):
    """The part is not well formed where the scanner looked."""


class Unsupported(Exception):
    """The part uses something the scanner leaves to the XML parser."""


class Caches(dict):
    """Short texts seen in a sheet (text -> the one str object kept), and by their raw bytes;
    short numbers by their raw bytes: a value repeated on 280,000 rows is held once."""

    def __init__(self):
        super().__init__()
        self.raw: dict[bytes, str] = {}
        self.numbers: dict[bytes, object] = {}


def _entity(m) -> str:
    name = m.group(1)
    if name[0] == "#":
        return chr(int(name[2:], 16) if name[1] in "xX" else int(name[1:]))
    return _NAMED[name]


def text_of(raw: bytes) -> str:
    """Element text as an XML parser gives it (line ends normalised, entities resolved)."""
    if b"\r" in raw:
        raw = raw.replace(b"\r\n", b"\n").replace(b"\r", b"\n")
    text = raw.decode("utf-8")
    if "&" in text:
        text = ENTITY_RE.sub(_entity, text)
    return text


def col_index(letters: bytes) -> int:
    """The 1-based column of column letters."""
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def chunks_of(stream):
    """Yield blocks of whole rows (bytes) of a sheet part read from stream, checked to hold
    nothing but rows; the part read so far is checked to be well-formed XML (Malformed)."""
    buf = b""
    started = False
    ended = False
    verifier = Verifier(on_unusual=_unusual)  # expat reads each block before the scanner
    while True:
        block = stream.read(BLOCK)
        verifier.feed(block, not block)
        buf += block
        if not started:
            m = re.search(rb"<(\w+:)?sheetData\b[^>]*?(/?)>", buf)
            if m is None:
                if not block:
                    raise Damaged("sheetData ontbreekt")
                continue
            if m.group(1):
                raise Unsupported("voorvoegsel")
            started = True
            if m.group(2):  # <sheetData/>
                rest = buf[m.end():]
                while block:
                    block = stream.read(BLOCK)
                    verifier.feed(block, not block)
                    rest += block
                _check_end(rest)
                return
            buf = buf[m.end():]
        if block:
            cut = buf.rfind(b"</row>")
            if cut < 0:
                continue
            cut += 6
            chunk, buf = buf[:cut], buf[cut:]
        else:
            end = buf.find(b"</sheetData>")
            if end < 0:
                raise Damaged("sheetData is niet afgesloten")
            chunk, tail = buf[:end], buf[end:]
            ended = True
        yield chunk
        if ended:
            _check_end(tail)
            return


def _unusual() -> None:
    """A CDATA section or a document type (with its entities): the XML parser reads those."""
    raise Unsupported("CDATA of entiteiten")


def rows_in(chunk: bytes):
    """(row attributes, row content) of every row in a block of rows."""
    pos = 0
    for m in ROW_RE.finditer(chunk):
        if chunk[pos:m.start()].strip():
            raise Damaged("onverwachte inhoud tussen de rijen")
        pos = m.end()
        yield m.group(1), m.group(2)
    if chunk[pos:].strip():
        raise Damaged("een rij is niet afgesloten")


# The cell shapes Excel, LibreOffice and openpyxl write for values (no formula), in one match.
SIMPLE_RE = re.compile(
    rb'<c r="([A-Z]{1,3})(\d+)"(?: s="(\d+)")?(?: t="(\w+)")?'
    rb'(?:/>|>(?:<v>([^<]*)</v>|<is><t(?: xml:space="preserve")?>([^<]*)</t></is>)?</c>)')


def _simple(chunk: bytes, rows: list, cols: dict, strings, dates, deltas, convert_date, iso,
            cache: dict, state: list) -> bool:
    """Read a block whose every cell has a simple shape; False (nothing read) otherwise."""
    found = SIMPLE_RE.findall(chunk)
    if len(found) != chunk.count(b"<c"):  # every cell simple (a <color> of rich text, or a
        return False  # cell written otherwise, counts here and sends the block elsewhere)
    max_row, max_col = state
    line: list = []
    last = -1
    table = None
    touched: list[int] = []
    raw_cache = cache.raw
    numbers = cache.numbers
    for letters, digits, s, t, v, text in found:
        col = cols.get(letters)
        if col is None:
            col = cols[letters] = col_index(letters)
        row = int(digits)
        if row > max_row:
            max_row = row
        if col > max_col:
            max_col = col
        if t == b"inlineStr":
            if not text:
                continue
            value = raw_cache.get(text)
            if value is None:
                value = text_of(text)
                if len(text) <= 64:
                    value = raw_cache[text] = cache.setdefault(value, value)
        elif not v:
            continue
        elif not t or t == b"n":
            if s and int(s) in dates:
                value = float(v) if (b"." in v or b"E" in v or b"e" in v) else int(v)
                value = convert_date(value, int(s) in deltas)
            else:
                value = numbers.get(v)
                if value is None:
                    value = float(v) if (b"." in v or b"E" in v or b"e" in v) else int(v)
                    if len(v) <= 4:
                        numbers[v] = value
        elif t == b"s":
            if table is None:
                table = strings()
            value = table[int(v)]
        elif t == b"b":
            value = bool(int(v))
        else:  # str, e, d
            value = text_of(v)
            if t == b"d":
                value = iso(value)
            elif len(value) <= 64:
                value = cache.setdefault(value, value)
        if row - 1 != last:
            last = row - 1
            line = _line(rows, last, touched)
        if len(line) < col:
            line.extend([None] * (col - len(line)))
        line[col - 1] = value
    _freeze(rows, touched)
    state[0], state[1] = max_row, max_col
    return True


def _line(rows: list, index: int, touched: list) -> list:
    """The list being filled for a row (rows: index -> tuple, list or None)."""
    if index >= len(rows):
        rows.extend([None] * (index + 1 - len(rows)))
    line = rows[index]
    if line is None:
        line = rows[index] = []
        touched.append(index)
    elif type(line) is tuple:
        line = rows[index] = list(line)
        touched.append(index)
    return line


def _freeze(rows: list, touched: list) -> None:
    """Turn the rows filled in a block into tuples (half the memory of lists)."""
    for index in touched:
        rows[index] = tuple(rows[index])


CELL_ROW_RE = re.compile(rb'<c r="[A-Z]{1,3}(\d+)"')


def last_row(stream) -> int:
    """The highest row holding a cell (what scan() gives as max row), without reading a value;
    Unsupported when a cell does not name its place first (the caller then scans)."""
    last = 0
    for chunk in chunks_of(stream):
        found = CELL_ROW_RE.findall(chunk)
        if len(found) != chunk.count(b"<c"):
            raise Unsupported("cel zonder plaats")
        if found:
            last = max(last, max(map(int, found)))
    return last


def _check_end(tail: bytes) -> None:
    if not tail.rstrip().endswith(b"</worksheet>"):
        raise Damaged("het blad is onvolledig")


def scan(stream, strings, dates: set, deltas: set, convert_date, formula, iso):
    """(rows: a list, by 0-based row, of tuples of values or None; max row; max col).

    strings() gives the shared strings; convert_date(number, timedelta) a date value;
    formula(text, kind, ref, si, cell ref) a formula cell's value; iso(text) an ISO date.
    """
    rows: list = []
    cache = Caches()
    cols: dict[bytes, int] = {}
    state = [0, 0]
    row_no = 0
    for chunk in chunks_of(stream):
        for piece in (chunk,) if len(chunk) <= PIECE else pieces(chunk):
            if b"<f" not in piece and _simple(piece, rows, cols, strings, dates, deltas,
                                              convert_date, iso, cache, state):
                row_no = state[0]
                continue
            for run, plain in runs(piece):  # the rows with formulas apart from the others
                if plain and _simple(run, rows, cols, strings, dates, deltas, convert_date, iso,
                                     cache, state):
                    row_no = state[0]
                    continue
                row_no = _general(run, rows, strings, dates, deltas, convert_date, formula, iso,
                                  cache, state, row_no)
    return rows, state[0], state[1]


def runs(piece: bytes):
    """(rows, True when none has a formula) of the consecutive rows of a piece, grouped: a few
    formula rows leave the others on the fast path."""
    start = 0
    current = None
    pos = 0
    while pos < len(piece):
        end = piece.find(b"</row>", pos)
        end = len(piece) if end < 0 else end + 6
        plain = b"<f" not in piece[pos:end]
        if current is not None and plain != current:
            yield piece[start:pos], current
            start = pos
        current = plain
        pos = end
    if start < len(piece):
        yield piece[start:], bool(current)


PIECE = 1 << 16  # bytes of rows tried on the fast path at a time (a few formula rows, such as a
# live warning above a table, send only their own piece to the general path)


def pieces(chunk: bytes):
    """A block of whole rows cut into pieces of about PIECE bytes, each of whole rows."""
    start = 0
    while start < len(chunk):
        end = chunk.find(b"</row>", start + PIECE)
        end = len(chunk) if end < 0 else end + 6
        yield chunk[start:end]
        start = end


def _general(chunk: bytes, rows: list, strings, dates, deltas, convert_date, formula, iso,
             cache: dict, state: list, row_no: int) -> int:
    """Read a block of rows of any shape the scanner knows; returns the last row number."""
    max_row, max_col = state
    table = None
    touched: list[int] = []
    for attrs, content in rows_in(chunk):
        m = R_RE.search(attrs)
        row_no = int(m.group(2)) if m and m.group(2) else row_no + 1
        if not content:
            continue
        line: list | None = None
        col_no = 0
        for c in CELL_RE.finditer(content):
            cattrs, inner = c.group(1), c.group(2)
            rm = R_RE.search(cattrs)
            if rm and rm.group(1):
                col_no = col_index(rm.group(1))
            else:
                col_no += 1
            if col_no > max_col:
                max_col = col_no
            if row_no > max_row:
                max_row = row_no
            if not inner:
                continue
            tm = T_RE.search(cattrs)
            t = tm.group(1) if tm else b"n"
            value = None
            if b"<f" in inner and (fm := F_RE.search(inner)):
                fattrs = dict(F_ATTR_RE.findall(fm.group(1)))
                ref = rm.group(0)[3:-1].decode() if rm else None
                value = formula(text_of(fm.group(2) or b""), fattrs.get(b"t"), fattrs.get(b"ref"),
                                fattrs.get(b"si"), ref)
            elif t == b"inlineStr":
                body = inner
                if b"<rPh" in body:
                    body = RPH_RE.sub(b"", body)
                if b"<is" in body:
                    value = "".join(text_of(x) for x in TEXT_RE.findall(body))
                    if len(value) <= 64:
                        value = cache.setdefault(value, value)
            else:
                vm = V_RE.search(inner)
                v = vm.group(1) if vm else None
                if v:
                    if t == b"n":
                        v = v.strip()
                        value = float(v) if (b"." in v or b"E" in v or b"e" in v) else int(v)
                        sm = S_RE.search(cattrs)
                        if sm:
                            s = int(sm.group(1))
                            if s in dates:
                                value = convert_date(value, s in deltas)
                    elif t == b"s":
                        if table is None:
                            table = strings()
                        value = table[int(v)]
                    elif t == b"b":
                        value = bool(int(v))
                    else:  # str, e, d
                        value = text_of(v)
                        if t == b"d":
                            value = iso(value)
                        elif len(value) <= 64:
                            value = cache.setdefault(value, value)
            if value is not None:
                if line is None:
                    line = _line(rows, row_no - 1, touched)
                if len(line) < col_no:
                    line.extend([None] * (col_no - len(line)))
                line[col_no - 1] = value
    _freeze(rows, touched)
    state[0], state[1] = max_row, max_col
    return row_no
