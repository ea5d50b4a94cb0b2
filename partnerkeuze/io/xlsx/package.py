"""An .xlsx/.xlsm package read part by part: the workbook's sheets, relationships and parts.

Nothing is read before it is asked for; a part that cannot be read or parsed is refused with a
Dutch FileError that names the part (and the sheet it holds, when it holds one). The small parts
that are only read (the workbook, relationships, styles) are parsed by ElementTree (``read_xml``);
lxml, which takes about 10 ms to load, is left to the parts the writer changes (``xml``).
"""

from __future__ import annotations

import posixpath
import zipfile
from pathlib import Path

from partnerkeuze.kernel.errors import FileError

NS_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
NS_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
NS_PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships"
NS_CT = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_CALC_CHAIN = NS_REL + "/calcChain"
REL_SHARED_STRINGS = NS_REL + "/sharedStrings"
REL_STYLES = NS_REL + "/styles"
REL_TABLE = NS_REL + "/table"
CONTENT_TYPES = "[Content_Types].xml"


def rels_name(part: str) -> str:
    """The relationships part of a part (xl/workbook.xml -> xl/_rels/workbook.xml.rels)."""
    folder, name = posixpath.split(part)
    return posixpath.join(folder, "_rels", name + ".rels")


def resolve(source_part: str, target: str) -> str:
    """The part name a relationship target points to, seen from source_part."""
    if target.startswith("/"):
        return target.lstrip("/")
    return posixpath.normpath(posixpath.join(posixpath.dirname(source_part), target))


class Package:
    """An open workbook package: its zip members, sheets (name -> part) and relationships."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        try:
            self.zip = zipfile.ZipFile(self.path)
        except zipfile.BadZipFile:
            raise FileError(f"{self.path.name}: dit is geen Excel-werkmap (.xlsx); het bestand is "
                            f"beschadigd, onvolledig of van een ander type") from None
        self.infos = {i.filename: i for i in self.zip.infolist()}
        self._rels: dict[str, list[tuple[str, str, str, str]]] = {}
        wb = self.read_xml("xl/workbook.xml")
        pr = wb.find(f"{{{NS_MAIN}}}workbookPr")
        self.date1904 = pr is not None and pr.get("date1904") in ("1", "true")
        targets = {rid: part for rid, _type, part, _mode in self.rels("xl/workbook.xml")}
        self.sheets: dict[str, str] = {}  # sheet name -> part name (worksheets only)
        for el in wb.iter(f"{{{NS_MAIN}}}sheet"):
            part = targets.get(el.get(f"{{{NS_REL}}}id"))
            if part and part in self.infos:
                self.sheets[el.get("name")] = part
        self.sheet_names = list(self.sheets)

    def close(self) -> None:
        """Release the file."""
        self.zip.close()

    def damaged(self, part: str, detail: str = "", *, at: str = "") -> FileError:
        """The error for a part that cannot be read, naming the part and the sheet it holds;
        at: where in the part (with its sheet) and why, in Dutch (xlsx/wellformed.describe)."""
        sheet = next((n for n, p in self.sheets.items() if p == part), None) \
            if hasattr(self, "sheets") else None
        where = f"het onderdeel {part}, {at}" if at else \
            f"het onderdeel {part}" + (f", blad '{sheet}'" if sheet else "")
        # the library's own (English) detail is not shown: the part and sheet say where
        return FileError(f"{self.path.name}: de werkmap kan niet gelezen worden: een onderdeel "
                         f"is beschadigd ({where}); open ze in Excel en bewaar ze opnieuw, of "
                         f"neem een reservekopie (.vorige-…xlsx); de werkmap is niet gewijzigd")

    def mark_verified(self, part: str) -> None:
        """Remember that a part was read whole by an XML parser (it is well-formed)."""
        self.__dict__.setdefault("verified", set()).add(part)

    def is_verified(self, part: str) -> bool:
        """True when a part was read whole by an XML parser in this package's life."""
        return part in self.__dict__.get("verified", ())

    def has(self, part: str) -> bool:
        """True when the package holds this part."""
        return part in self.infos

    def read(self, part: str) -> bytes:
        """The bytes of a part (uncompressed)."""
        try:
            return self.zip.read(part)
        except KeyError:
            raise FileError(f"{self.path.name}: het onderdeel {part} ontbreekt") from None
        except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
            raise self.damaged(part, str(exc)) from None
        except Exception as exc:  # zlib.error and other decompression failures
            raise self.damaged(part, f"{type(exc).__name__}: {exc}") from None

    def open(self, part: str):
        """A stream over the uncompressed bytes of a part."""
        try:
            return self.zip.open(part)
        except KeyError:
            raise FileError(f"{self.path.name}: het onderdeel {part} ontbreekt") from None

    def xml(self, part: str):
        """The parsed XML root (lxml) of a (small) part, as the writer changes and writes it."""
        from lxml import etree

        data = self.read(part)
        try:
            root = etree.fromstring(data, parser=_parser())
        except etree.XMLSyntaxError as exc:
            line = f"regel {exc.lineno}: " if getattr(exc, "lineno", None) else ""
            raise self.damaged(part, str(exc), at=f"{line}geen welgevormde XML") from None
        self.mark_verified(part)
        return root

    def read_xml(self, part: str):
        """The parsed XML root (ElementTree) of a small part that is only read: its elements
        answer find, iter and get as lxml's do. Expat (2.4 and later) expands no external
        entity and refuses an expansion out of proportion."""
        from xml.etree import ElementTree

        data = self.read(part)
        try:
            root = ElementTree.fromstring(data)
        except ElementTree.ParseError as exc:
            line = f"regel {exc.position[0]}: " if exc.position[0] else ""
            raise self.damaged(part, str(exc), at=f"{line}geen welgevormde XML") from None
        self.mark_verified(part)
        return root

    def rels(self, part: str) -> list[tuple[str, str, str, str]]:
        """(Id, Type, target part, TargetMode) of every relationship of a part."""
        if part not in self._rels:
            name = rels_name(part)
            out = []
            if name in self.infos:
                for el in self.read_xml(name).iter(f"{{{NS_PKG_REL}}}Relationship"):
                    mode = el.get("TargetMode", "")
                    target = el.get("Target", "")
                    out.append((el.get("Id"), el.get("Type"),
                                target if mode == "External" else resolve(part, target), mode))
            self._rels[part] = out
        return self._rels[part]

    def related(self, part: str, rel_type: str) -> list[str]:
        """The parts a part relates to with one relationship type."""
        return [t for _id, typ, t, mode in self.rels(part) if typ == rel_type and mode != "External"]


def _parser():
    """An XML parser that refuses entity expansion and network access."""
    from lxml import etree

    return etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True,
                           remove_blank_text=False)
