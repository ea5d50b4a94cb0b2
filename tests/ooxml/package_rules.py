"""Rules of the package itself that no schema expresses: every part has a content type, every
relationship leads to a part of the content type its type asks for, every relationship id a part
uses exists, every part's root element is the one its content type announces."""

from __future__ import annotations

from collections import Counter

from lxml import etree

from tests.ooxml.package import R_NS, REL_NS, Package

_SML = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_WML = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_OD = "application/vnd.openxmlformats-officedocument"
# Content type -> the root element its part must have.
ROOTS = {
    f"{_OD}.spreadsheetml.sheet.main+xml": (_SML, "workbook"),
    "application/vnd.ms-excel.sheet.macroEnabled.main+xml": (_SML, "workbook"),
    "application/vnd.ms-excel.addin.macroEnabled.main+xml": (_SML, "workbook"),
    f"{_OD}.spreadsheetml.worksheet+xml": (_SML, "worksheet"),
    f"{_OD}.spreadsheetml.styles+xml": (_SML, "styleSheet"),
    f"{_OD}.spreadsheetml.sharedStrings+xml": (_SML, "sst"),
    f"{_OD}.spreadsheetml.table+xml": (_SML, "table"),
    f"{_OD}.spreadsheetml.comments+xml": (_SML, "comments"),
    f"{_OD}.wordprocessingml.document.main+xml": (_WML, "document"),
    f"{_OD}.wordprocessingml.styles+xml": (_WML, "styles"),
    f"{_OD}.wordprocessingml.header+xml": (_WML, "hdr"),
    f"{_OD}.wordprocessingml.footer+xml": (_WML, "ftr"),
    f"{_OD}.wordprocessingml.settings+xml": (_WML, "settings"),
    f"{_OD}.wordprocessingml.numbering+xml": (_WML, "numbering"),
    f"{_OD}.wordprocessingml.fontTable+xml": (_WML, "fonts"),
    f"{_OD}.wordprocessingml.webSettings+xml": (_WML, "webSettings"),
    f"{_OD}.theme+xml": ("http://schemas.openxmlformats.org/drawingml/2006/main", "theme"),
    f"{_OD}.drawing+xml": ("http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
                           "wsDr"),
    "application/vnd.openxmlformats-package.core-properties+xml":
        ("http://schemas.openxmlformats.org/package/2006/metadata/core-properties",
         "coreProperties"),
    f"{_OD}.extended-properties+xml":
        ("http://schemas.openxmlformats.org/officeDocument/2006/extended-properties",
         "Properties"),
    f"{_OD}.custom-properties+xml":
        ("http://schemas.openxmlformats.org/officeDocument/2006/custom-properties", "Properties"),
    "application/vnd.openxmlformats-package.relationships+xml": (REL_NS, "Relationships"),
}


_R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
_SML_CT = f"{_OD}.spreadsheetml"
_WML_CT = f"{_OD}.wordprocessingml"
# Relationship type -> the content types its target may have (an entry ending in "/": a prefix).
TARGET_TYPES = {
    f"{_R}officeDocument": (f"{_SML_CT}.sheet.main+xml",
                            "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
                            "application/vnd.ms-excel.addin.macroEnabled.main+xml",
                            f"{_WML_CT}.document.main+xml",
                            "application/vnd.ms-word.document.macroEnabled.main+xml"),
    f"{_R}worksheet": (f"{_SML_CT}.worksheet+xml",),
    f"{_R}styles": (f"{_SML_CT}.styles+xml", f"{_WML_CT}.styles+xml"),
    f"{_R}sharedStrings": (f"{_SML_CT}.sharedStrings+xml",),
    f"{_R}table": (f"{_SML_CT}.table+xml",),
    f"{_R}calcChain": (f"{_SML_CT}.calcChain+xml",),
    f"{_R}comments": (f"{_SML_CT}.comments+xml", f"{_WML_CT}.comments+xml"),
    f"{_R}drawing": (f"{_OD}.drawing+xml",),
    f"{_R}theme": (f"{_OD}.theme+xml",),
    f"{_R}image": ("image/",),
    f"{_R}header": (f"{_WML_CT}.header+xml",),
    f"{_R}footer": (f"{_WML_CT}.footer+xml",),
    f"{_R}numbering": (f"{_WML_CT}.numbering+xml",),
    f"{_R}settings": (f"{_WML_CT}.settings+xml",),
    f"{_R}fontTable": (f"{_WML_CT}.fontTable+xml",),
    f"{_R}webSettings": (f"{_WML_CT}.webSettings+xml",),
    f"{_R}footnotes": (f"{_WML_CT}.footnotes+xml",),
    f"{_R}endnotes": (f"{_WML_CT}.endnotes+xml",),
    f"{_R}customXmlProps": (f"{_OD}.customXmlProperties+xml",),
    f"{_R}extended-properties": (f"{_OD}.extended-properties+xml",),
    f"{_R}custom-properties": (f"{_OD}.custom-properties+xml",),
    "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties":
        ("application/vnd.openxmlformats-package.core-properties+xml",),
    "http://schemas.microsoft.com/office/2006/relationships/vbaProject":
        ("application/vnd.ms-office.vbaProject",),
}


def check_content_types(pkg: Package) -> None:
    """Every part has a content type; every Override names a part that exists."""
    if "[Content_Types].xml" not in pkg.parts:
        pkg.fault("[Content_Types].xml", "package", "the package has no [Content_Types].xml")
        return
    for name in pkg.parts:
        if name != "[Content_Types].xml" and not pkg.content_type(name):
            pkg.fault("[Content_Types].xml", "package", f"no content type for /{name}")
    lowered = Counter(name.lower() for name in pkg.parts)
    for name, count in lowered.items():
        if count > 1:
            pkg.fault(name, "package", "part names differ only in case")
    for name in pkg.overrides():
        if name not in pkg.parts:
            pkg.fault("[Content_Types].xml", "package", f"Override for /{name}, which is missing")


def check_relationships(pkg: Package) -> None:
    """Relationship ids unique, internal targets present, every r:id a part uses defined."""
    for rels in [n for n in pkg.parts if n.endswith(".rels")]:
        folder, _, base = rels.rpartition("_rels/")
        source = folder + base[:-len(".rels")]
        if source and source not in pkg.parts:
            pkg.fault(rels, "package", f"relationships of /{source}, which is missing")
        found = pkg.relationships(source)
        for rid, count in Counter(r.id for r in found).items():
            if count > 1:
                pkg.fault(rels, "package", f"relationship id {rid} used {count} times")
        for r in found:
            kind = r.type.rsplit("/", 1)[-1]
            if r.target is not None and r.target not in pkg.parts:
                pkg.fault(rels, "package", f"{r.id} ({kind}) points to {r.written}, which is "
                                           f"not in the package")
            elif r.target is not None and r.type in TARGET_TYPES:
                ct = pkg.content_type(r.target) or ""
                if not any(ct.startswith(t) if t.endswith("/") else ct == t
                           for t in TARGET_TYPES[r.type]):
                    pkg.fault(rels, "package", f"{r.id} ({kind}) points to /{r.target}, whose "
                                               f"content type is {ct or 'missing'}")
    for name in pkg.parts:
        if name.endswith(".rels") or not pkg.is_xml(name):
            continue
        root = pkg.tree(name)
        if root is None:
            continue
        ids = {r.id for r in pkg.relationships(name)}
        for el in root.xpath("descendant-or-self::*[@*[namespace-uri()=$ns]]", ns=R_NS):
            for attr, value in el.attrib.items():
                if attr.startswith(f"{{{R_NS}}}") and value and value not in ids:
                    pkg.fault(name, "package", f"r:{attr.split('}')[1]}=\"{value}\" on "
                                               f"<{etree.QName(el).localname}> names no "
                                               f"relationship of this part",
                              str(el.sourceline or ""))


def check_roots(pkg: Package) -> None:
    """Each part's root element is the one its content type announces."""
    for name in pkg.parts:
        expected = ROOTS.get(pkg.content_type(name) or "")
        if expected is None:
            continue
        root = pkg.tree(name)
        if root is not None and (etree.QName(root).namespace, etree.QName(root).localname) \
                != expected:
            pkg.fault(name, "package", f"root <{etree.QName(root).localname}> does not match "
                                       f"content type {pkg.content_type(name)}")


def check(pkg: Package) -> None:
    """Every package rule."""
    check_content_types(pkg)
    check_relationships(pkg)
    check_roots(pkg)
