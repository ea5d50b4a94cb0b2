"""An Office Open XML package as the checks see it: its parts, content types and relationships,
and each XML part parsed once and read the way Office reads it (markup compatibility applied)."""

from __future__ import annotations

import posixpath
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from tests.ooxml import compatibility, schema_set

CT_NS = "http://schemas.openxmlformats.org/package/2006/content-types"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"
R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
OFFICE_DOCUMENT = f"{R_NS}/officeDocument"


@dataclass(frozen=True)
class Fault:
    """One thing Office would stumble over: the file, the part, where in it, what is wrong.

    ``kind`` is one of: xml (not well-formed), compatibility, schema, package (content types,
    relationships), styles, strings, cells (rows and cells out of order), table, merge, ids,
    names.
    """

    file: str
    part: str
    kind: str
    where: str
    message: str

    def __str__(self) -> str:
        where = f":{self.where}" if self.where else ""
        return f"{self.file} {self.part}{where} [{self.kind}] {self.message}"


@dataclass(frozen=True)
class Relationship:
    """One relationship of a part: its id, type, target part (None when external) and target as
    written."""

    id: str
    type: str
    target: str | None
    written: str


PARSER = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)


@dataclass
class Package:
    """The parts of one package, by name without the leading slash."""

    label: str
    parts: dict[str, bytes]
    faults: list[Fault] = field(default_factory=list)
    _trees: dict = field(default_factory=dict, repr=False)
    _content_types: tuple | None = field(default=None, repr=False)

    @classmethod
    def read(cls, path: Path, label: str | None = None) -> "Package":
        """A package from a file on disk."""
        with zipfile.ZipFile(path) as zf:
            parts = {i.filename: zf.read(i) for i in zf.infolist() if not i.is_dir()}
        return cls(label or path.name, parts)

    def fault(self, part: str, kind: str, message: str, where: str = "") -> None:
        """Note a fault of this package."""
        self.faults.append(Fault(self.label, part, kind, where, message))

    def is_xml(self, name: str) -> bool:
        """Does the part hold XML (by content type, or .rels / [Content_Types].xml)?"""
        if name == "[Content_Types].xml" or name.endswith(".rels"):
            return True
        ct = self.content_type(name) or ""
        return ct.endswith("+xml") or ct in ("application/xml", "text/xml")

    def tree(self, name: str):
        """The root element of an XML part after markup-compatibility processing (None when the
        part is missing or not well-formed; that is noted as a fault once)."""
        if name not in self._trees:
            root = None
            data = self.parts.get(name)
            if data is not None:
                try:
                    root = etree.fromstring(data, PARSER)
                except etree.XMLSyntaxError as exc:
                    self.fault(name, "xml", f"not well-formed: {exc}")
                else:
                    for problem in compatibility.process(root, schema_set.understood()):
                        self.fault(name, "compatibility", problem)
            self._trees[name] = root
        return self._trees[name]

    # -- content types -------------------------------------------------------------------------

    def _types(self) -> tuple[dict[str, str], dict[str, str]]:
        """(extension -> content type, part name -> content type) of [Content_Types].xml."""
        if self._content_types is None:
            defaults, overrides = {}, {}
            root = self.tree("[Content_Types].xml")
            if root is not None:
                for el in root.iter(f"{{{CT_NS}}}Default"):
                    defaults[el.get("Extension", "").lower()] = el.get("ContentType")
                for el in root.iter(f"{{{CT_NS}}}Override"):
                    overrides[el.get("PartName", "").lstrip("/")] = el.get("ContentType")
            self._content_types = (defaults, overrides)
        return self._content_types

    def overrides(self) -> dict[str, str]:
        """Part name -> content type of every Override."""
        return self._types()[1]

    def content_type(self, name: str) -> str | None:
        """The content type of a part (Override, else Default by extension)."""
        defaults, overrides = self._types()
        if name in overrides:
            return overrides[name]
        base = posixpath.basename(name)
        return defaults.get(base.rsplit(".", 1)[1].lower()) if "." in base else None

    # -- relationships -------------------------------------------------------------------------

    @staticmethod
    def rels_name(source: str) -> str:
        """The relationships part of a part ('' is the package itself)."""
        folder, base = posixpath.split(source)
        return posixpath.join(folder, "_rels", base + ".rels")

    def relationships(self, source: str) -> list[Relationship]:
        """The relationships of a part ('' for the package), targets resolved to part names."""
        root = self.tree(self.rels_name(source))
        if root is None:
            return []
        folder = posixpath.dirname(source)
        out = []
        for el in root.iter(f"{{{REL_NS}}}Relationship"):
            written = el.get("Target", "")
            target = None
            if el.get("TargetMode") != "External":
                path = written.split("#", 1)[0]
                joined = path.lstrip("/") if path.startswith("/") else \
                    posixpath.join(folder, path)
                target = posixpath.normpath(joined).lstrip("/") if path else None
            out.append(Relationship(el.get("Id", ""), el.get("Type", ""), target, written))
        return out

    def related(self, source: str, rel_type_suffix: str) -> list[str]:
        """The parts a part refers to with a relationship type ending in ``rel_type_suffix``."""
        return [r.target for r in self.relationships(source)
                if r.target and r.type.endswith(rel_type_suffix)]

    def main_part(self) -> str | None:
        """The package's main part (the officeDocument relationship of the package)."""
        found = [r.target for r in self.relationships("") if r.type == OFFICE_DOCUMENT]
        return found[0] if found else None
