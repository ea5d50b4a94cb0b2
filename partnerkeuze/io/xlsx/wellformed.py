"""Well-formed XML 1.0 for every workbook part the product reads or writes back.

The block scanner (scan.py) reads sheet parts with regular expressions: fast, but no XML parser,
so on its own it reads past an unclosed element, a control character or a reference to one
(``&#0;``, a lone surrogate ``&#xD800;``, ``&#xFFFE;``), and the writer then copies that into a
workbook no spreadsheet program opens. ``Verifier`` is expat, without handlers, fed the same
blocks the scanner reads: the parser's own check of well-formedness (XML 1.0 and namespaces),
at about a third of the scanner's time. The writer verifies the parts it copies or rewrites
without the reader having parsed them (``verify_part``) and the sheets it rewrote.

``refusal`` turns an error into the Dutch message that names the file, the part, the sheet and
the cell or row where the error is (found again in the part's bytes, on the error path only).
"""

from __future__ import annotations

import pyexpat
import re

from partnerkeuze.kernel.errors import FileError

BLOCK = 1 << 22
XML_SUFFIXES = (".xml", ".rels")  # parts that must be XML (a .vml drawing is often not)

_E = pyexpat.errors
_CODE = {name: _E.codes[getattr(_E, name)] for name in (
    "XML_ERROR_INVALID_TOKEN", "XML_ERROR_BAD_CHAR_REF", "XML_ERROR_TAG_MISMATCH",
    "XML_ERROR_UNCLOSED_TOKEN", "XML_ERROR_NO_ELEMENTS", "XML_ERROR_PARTIAL_CHAR",
    "XML_ERROR_DUPLICATE_ATTRIBUTE", "XML_ERROR_UNDEFINED_ENTITY", "XML_ERROR_UNBOUND_PREFIX",
    "XML_ERROR_JUNK_AFTER_DOC_ELEMENT", "XML_ERROR_UNCLOSED_CDATA_SECTION")}
# Characters XML 1.0 does not allow (besides tab, line feed and carriage return among the
# controls): in text the writer is about to write. The patterns of this module that only a
# writer or the error path uses are compiled (and cached by re) when first used, not by every
# command that imports the module.
ILLEGAL_TEXT = "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]"


class Malformed(ValueError):
    """An XML part is not well-formed: where (byte offset, line, column) and expat's code."""

    def __init__(self, offset: int, code: int, line: int = 0, column: int = 0):
        super().__init__(f"XML error {code} at byte {offset}")
        self.offset = offset
        self.code = code
        self.line = line
        self.column = column


class Verifier:
    """The well-formedness check of one XML document fed in blocks (expat, no handlers)."""

    __slots__ = ("_parser",)

    def __init__(self, on_unusual=None):
        """on_unusual(): called (it may raise) at a CDATA section or a document type
        declaration, which the block scanner leaves to the XML parser; costs nothing else."""
        self._parser = pyexpat.ParserCreate(namespace_separator=" ")
        if on_unusual is not None:
            self._parser.StartCdataSectionHandler = on_unusual
            self._parser.StartDoctypeDeclHandler = lambda *args: on_unusual()

    def feed(self, block: bytes, final: bool = False) -> None:
        """Check the next block (final: the document ends here); Malformed on an error."""
        try:
            self._parser.Parse(block, final)
        except pyexpat.ExpatError as exc:
            p = self._parser
            raise Malformed(p.ErrorByteIndex, exc.code, p.ErrorLineNumber,
                            p.ErrorColumnNumber) from None


def verify_stream(stream) -> None:
    """Check a whole XML document read from stream; Malformed on an error."""
    verifier = Verifier()
    while True:
        block = stream.read(BLOCK)
        verifier.feed(block, not block)
        if not block:
            return


def is_xml_part(name: str) -> bool:
    """True for a package part that must be XML (by its name)."""
    return name.lower().endswith(XML_SUFFIXES)


def verify_part(pkg, part: str) -> None:
    """Check one part of a package (xlsx/package.Package); the Dutch FileError when it is not
    well-formed XML."""
    try:
        with pkg.open(part) as fh:
            verify_stream(fh)
    except Malformed as exc:
        raise refusal(pkg, part, exc) from None
    except FileError:
        raise
    except Exception as exc:  # zlib and zip errors while streaming the part
        raise pkg.damaged(part, f"{type(exc).__name__}: {exc}") from None
    pkg.mark_verified(part)


def verify_unread(pkg, skip=()) -> None:
    """Check every XML part of a package that no parser has read whole yet (except the parts
    in skip); the Dutch FileError for the first that is not well-formed."""
    for info in pkg.zip.infolist():
        name = info.filename
        if is_xml_part(name) and name not in skip and not pkg.is_verified(name):
            verify_part(pkg, name)


def first_illegal(text: str) -> str | None:
    """The first character of text that XML 1.0 does not allow, or None."""
    m = re.search(ILLEGAL_TEXT, text)
    return m.group(0) if m else None


def char_name(ch: str) -> str:
    """A character as the user can look it up: U+0001."""
    return f"U+{ord(ch):04X}"


# -- where and why, on the error path -------------------------------------------------------

_TAG = (rb"(?s)<!--.*?-->|<\?.*?\?>|<!\[CDATA\[.*?\]\]>|<!DOCTYPE[^>]*>"
        rb"|<(/?)([^\s/>!?]+)((?:[^>\"']|\"[^\"]*\"|'[^']*')*?)(/?)>")
_REF_ATTR = rb'\br="([A-Z]{0,3}\d*)"'


def _local(name: bytes) -> bytes:
    return name.rsplit(b":", 1)[-1]


def _unclosed(data: bytes) -> tuple[bytes, bytes] | None:
    """(local name, attributes) of the element left open where the document first goes wrong:
    the element an end tag of another one would close, or the innermost one open at the end."""
    stack: list[tuple[bytes, bytes]] = []
    for m in re.finditer(_TAG, data):
        name = m.group(2)
        if name is None:
            continue
        if m.group(1):  # an end tag
            if not stack:
                return None
            if stack[-1][0] != name:
                return _local(stack[-1][0]), stack[-1][1]
            stack.pop()
        elif not m.group(4):
            stack.append((name, m.group(3)))
    return (_local(stack[-1][0]), stack[-1][1]) if stack else None


def _open_at(data: bytes, offset: int, tag: bytes) -> bytes | None:
    """The r attribute of the element <tag> (any prefix) that holds offset, if any."""
    pattern = re.compile(rb"<(?:\w+:)?" + tag + rb"(?=[\s/>])")
    last = None
    for m in pattern.finditer(data, 0, offset + 1):
        last = m
    if last is None:
        return None
    end = data.find(b">", last.end())
    if end < 0:
        return None
    head = data[last.start():end + 1]
    if head.endswith(b"/>") and end < offset:
        return None
    close = re.compile(rb"</(?:\w+:)?" + tag + rb">")
    if not head.endswith(b"/>") and close.search(data, end, offset):
        return None
    m = re.search(_REF_ATTR, head)
    return m.group(1) if m else b""


def _char_reason(data: bytes, offset: int) -> str:
    """Why the bytes at offset are no XML text."""
    b = data[offset:offset + 1]
    if not b:
        return "het onderdeel houdt midden in een teken op"
    v = b[0]
    if v < 0x20 and v not in (9, 10, 13):
        return f"het stuurteken {char_name(chr(v))}, dat in XML niet mag"
    if v >= 0x80:
        seq = data[offset:offset + 3]
        if seq in (b"\xef\xbf\xbe", b"\xef\xbf\xbf"):
            return f"het teken {char_name(seq.decode('utf-8'))}, dat in XML niet mag"
        if len(seq) > 1 and seq[0] == 0xED and seq[1] >= 0xA0:
            return "een losse surrogaathelft (U+D800 tot U+DFFF), die in XML niet mag"
        return "bytes die geen geldige UTF-8-tekst zijn"
    return "een '<', '&' of ']]>' die niet als tekst geschreven is, of een onvolledige tag"


def _reason(exc: Malformed, data: bytes) -> str:
    """Why the part is not well-formed, in Dutch."""
    code, at = exc.code, exc.offset
    if code == _CODE["XML_ERROR_BAD_CHAR_REF"]:
        start = data.rfind(b"&#", max(0, at - 12), at + 2)
        m = re.match(rb"&#[xX]?[0-9a-fA-F]{1,10};?", data[start if start >= 0 else at:])
        ref = m.group(0).decode("ascii") if m else "&#…;"
        return f"een verwijzing naar een teken dat in XML niet mag ({ref})"
    if code in (_CODE["XML_ERROR_INVALID_TOKEN"], _CODE["XML_ERROR_PARTIAL_CHAR"]):
        return _char_reason(data, at)
    if code == _CODE["XML_ERROR_DUPLICATE_ATTRIBUTE"]:
        return "een kenmerk staat twee keer in hetzelfde element"
    if code == _CODE["XML_ERROR_UNDEFINED_ENTITY"]:
        m = re.match(rb"&[^;\s<]{0,20};?", data[at:])
        return f"een onbekende entiteit ({m.group(0).decode('utf-8', 'replace') if m else '&'})"
    if code == _CODE["XML_ERROR_UNBOUND_PREFIX"]:
        return "een voorvoegsel zonder naamruimte"
    if code == _CODE["XML_ERROR_JUNK_AFTER_DOC_ELEMENT"]:
        return "inhoud na het einde van het document"
    if code == _CODE["XML_ERROR_UNCLOSED_CDATA_SECTION"]:
        return "een CDATA-blok is niet afgesloten"
    if code in (_CODE["XML_ERROR_TAG_MISMATCH"], _CODE["XML_ERROR_UNCLOSED_TOKEN"],
                _CODE["XML_ERROR_NO_ELEMENTS"]):
        return "een element is niet afgesloten of het onderdeel is onvolledig"
    return "het is geen welgevormde XML"


def describe(exc: Malformed, data: bytes, sheet: str | None = None) -> str:
    """Where and why a part (its bytes: data) is not well-formed, in Dutch: the cell or row of
    a sheet, else the line and column."""
    if exc.code in (_CODE["XML_ERROR_TAG_MISMATCH"], _CODE["XML_ERROR_NO_ELEMENTS"],
                    _CODE["XML_ERROR_UNCLOSED_TOKEN"]):
        open_ = _unclosed(data)
        if open_ is not None:
            name, attrs = open_
            m = re.search(_REF_ATTR, attrs)
            ref = m.group(1).decode("ascii") if m else ""
            if sheet and name == b"c" and ref:
                return f"cel {sheet}!{ref}: de cel is niet afgesloten"
            if sheet and name == b"row" and ref:
                return f"rij {ref} van blad '{sheet}': de rij is niet afgesloten"
            return (f"{_line(exc, sheet)}: het element <{name.decode('utf-8', 'replace')}> is "
                    f"niet afgesloten")
    why = _reason(exc, data)
    if sheet:
        cell = _open_at(data, exc.offset, b"c")
        if cell:
            return f"cel {sheet}!{cell.decode('ascii')}: {why}"
        row = _open_at(data, exc.offset, b"row")
        if row:
            return f"rij {row.decode('ascii')} van blad '{sheet}': {why}"
    return f"{_line(exc, sheet)}: {why}"


def _line(exc: Malformed, sheet: str | None) -> str:
    return (f"blad '{sheet}', " if sheet else "") + f"regel {exc.line}, kolom {exc.column + 1}"


def refusal(pkg, part: str, exc: Malformed) -> FileError:
    """The Dutch FileError for a part that is not well-formed, naming file, part, sheet and the
    cell or row (the part is read again to find it)."""
    sheet = next((n for n, p in getattr(pkg, "sheets", {}).items() if p == part), None)
    try:
        data = pkg.zip.read(part)
    except Exception:  # noqa: BLE001 - the place is a courtesy; the part is named anyway
        return pkg.damaged(part)
    return pkg.damaged(part, at=describe(exc, data, sheet))
