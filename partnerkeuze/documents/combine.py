"""One document for printing: several rendered letters, each starting on a new page.

The letters come from the same house style (same styles, same footer text, same logo), so the
bodies can be joined inside the package of the first letter.
"""

from __future__ import annotations

import io
import re
import zipfile

from partnerkeuze.documents.render import write_package

_PAGE_BREAK = '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def _body(xml: str) -> str:
    """The content of a document's body without its final section properties."""
    start = xml.index("<w:body>") + len("<w:body>")
    end = xml.rfind("<w:sectPr")
    return xml[start:end if end > start else xml.rindex("</w:body>")]


def combine(documents: list[bytes]) -> bytes:
    """The documents one after the other, each on a new page, as one .docx."""
    if not documents:
        raise ValueError("no documents to combine")
    with zipfile.ZipFile(io.BytesIO(documents[0])) as zf:
        infos = zf.infolist()
        parts = {i.filename: zf.read(i) for i in infos}
    first = parts["word/document.xml"].decode("utf-8")
    bodies = []
    media = {}
    for doc in documents:
        with zipfile.ZipFile(io.BytesIO(doc)) as zf:
            bodies.append(_body(zf.read("word/document.xml").decode("utf-8")))
            for name in zf.namelist():
                if name.startswith("word/media/pk_image") and name not in parts:
                    media[name] = zf.read(name)
    joined = _PAGE_BREAK.join(bodies)
    counter = iter(range(1, 1_000_000))
    joined = re.sub(r'(<wp:docPr id=")\d+', lambda m: m.group(1) + str(9000 + next(counter)), joined)
    start = first.index("<w:body>") + len("<w:body>")
    end = first.rfind("<w:sectPr")
    xml = first[:start] + joined + first[end:]
    changed = {"word/document.xml": xml.encode("utf-8")}
    changed.update(media)
    return write_package(infos, parts, changed)
