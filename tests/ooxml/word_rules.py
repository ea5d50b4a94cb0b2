"""Rules of a Word document that the schemas cannot express: ids that must be unique across the
whole document (the main part and its headers, footers, footnotes, endnotes and comments).

- ``wp:docPr/@id``: every drawing object (picture, chart, shape) of the document;
- ``w:sdtPr/w:id``: every content control;
- ``w:bookmarkStart/@w:id``: every bookmark.

The ``pic:cNvPr/@id`` inside a picture's graphic is not held to this: Word scopes it to the
graphic (python-docx and Word itself write 0 there); in a workbook's drawing the shape ids
(``xdr:cNvPr``) must be unique, see spreadsheet_rules.check_drawing.
"""

from __future__ import annotations

from collections import Counter

from lxml import etree

from tests.ooxml.package import Package

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
WP = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
STORIES = ("/header", "/footer", "/footnotes", "/endnotes", "/comments")


def _drawing_ids(root) -> list[str]:
    return [el.get("id", "") for el in root.iter(f"{{{WP}}}docPr")]


def _control_ids(root) -> list[str]:
    return [el.get(f"{{{W}}}val", "") for el in root.iter(f"{{{W}}}id")
            if el.getparent().tag == f"{{{W}}}sdtPr"]


def _bookmark_ids(root) -> list[str]:
    return [el.get(f"{{{W}}}id", "") for el in root.iter(f"{{{W}}}bookmarkStart")]


# What must be unique: (kind of object, its ids in a part).
UNIQUE = (
    ("drawing object id (wp:docPr/@id)", _drawing_ids),
    ("content control id (w:sdtPr/w:id)", _control_ids),
    ("bookmark id (w:bookmarkStart/@w:id)", _bookmark_ids),
)


def check_document(pkg: Package) -> None:
    """Every document rule, for the document the package's main part is."""
    main = pkg.main_part()
    root = pkg.tree(main) if main else None
    if root is None or etree.QName(root).localname != "document":
        return
    stories = [main] + [p for suffix in STORIES for p in pkg.related(main, suffix)]
    for what, ids in UNIQUE:
        seen: Counter = Counter()
        where: dict[str, str] = {}
        for part in stories:
            story = pkg.tree(part)
            if story is None:
                continue
            for value in ids(story):
                seen[value] += 1
                where.setdefault(value, part)
        for value, count in seen.items():
            if count > 1:
                pkg.fault(where[value], "ids", f"{what} {value} used {count} times in the "
                                               f"document")
