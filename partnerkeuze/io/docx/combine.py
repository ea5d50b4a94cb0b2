"""One document for printing: several rendered letters, each its own section on an odd page.

The letters come from the same house style (same styles, same logo), so the bodies can be joined
inside the package of the first letter. Every letter becomes a section that restarts its page
numbers and keeps its own footer (in its own language, "page 1 sur 2" counting the pages of that
letter only). Given each letter's page count (from its PDF), a letter with an odd number of pages
is followed by a blank page without footer, so that every letter starts on an odd page and the
bundle prints double-sided; without the counts, the sections are marked to start on an odd page.
"""

from __future__ import annotations

import io
import re
import zipfile

from partnerkeuze.io.docx.render import write_package

_FOOTER_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"
_FOOTER_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer"
_R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"


def _body(xml: str) -> tuple[str, str]:
    """The content of a document's body and its final section properties."""
    start = xml.index("<w:body>") + len("<w:body>")
    end = xml.rfind("<w:sectPr")
    if end < start:
        return xml[start:xml.rindex("</w:body>")], "<w:sectPr/>"
    sect_end = xml.index("</w:sectPr>", end) + len("</w:sectPr>")
    return xml[start:end], xml[end:sect_end]


def _footer_name(parts: dict[str, bytes], doc_xml: str) -> str | None:
    """The part name of the default footer a document's section refers to."""
    m = re.search(r'<w:footerReference[^>]*w:type="default"[^>]*r:id="([^"]+)"', doc_xml) or \
        re.search(r'<w:footerReference[^>]*r:id="([^"]+)"', doc_xml)
    rels = parts.get("word/_rels/document.xml.rels", b"").decode("utf-8")
    if not m:
        return None
    t = re.search(rf'<Relationship[^>]*Id="{re.escape(m.group(1))}"[^>]*Target="([^"]+)"', rels) \
        or re.search(rf'<Relationship[^>]*Target="([^"]+)"[^>]*Id="{re.escape(m.group(1))}"', rels)
    return "word/" + t.group(1).lstrip("/").removeprefix("word/") if t else None


# The paragraph that closes a section: as small as possible, so it never adds a page.
_END_PPR = ('<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>'
            '<w:rPr><w:sz w:val="2"/></w:rPr>')


def _section(sect: str, index: int, footer_rid: str | None, odd: bool = True) -> str:
    """A letter's section: a new (odd) page, page numbers from 1, its own footer."""
    sect = re.sub(r"<w:(footer|header)Reference[^>]*/>", "", sect)
    sect = re.sub(r"<w:type [^>]*/>|<w:pgNumType[^>]*/>|<w:titlePg[^>]*/>", "", sect)
    inner = ""
    if footer_rid:
        inner += f'<w:footerReference w:type="default" r:id="{footer_rid}"/>'
    if index > 0:
        inner += f'<w:type w:val="{"oddPage" if odd else "nextPage"}"/>'
    if sect.endswith("/>"):
        sect = sect[:-2] + ">" + "</w:sectPr>"
    head_end = sect.index(">") + 1
    sect = sect[:head_end] + inner + sect[head_end:]
    # pgNumType comes after pgMar/pgSz in the schema order; put it before cols/docGrid.
    page_num = '<w:pgNumType w:start="1"/>'
    m = re.search(r"<w:cols\b|<w:docGrid\b|</w:sectPr>", sect)
    return sect[:m.start()] + page_num + sect[m.start():]


_EMPTY_FOOTER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                 '<w:ftr xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                 '<w:p/></w:ftr>')


BUNDLE_LANGUAGE = "nl-BE"  # the bundle is the municipality's printing copy; each letter keeps
BUNDLE_TITLE = "Brieven aan alle kandidaten (om af te drukken)"  # its own language in its runs
_LANG = re.compile(r'<w:lang\b[^>]*?\bw:val="([^"]*)"')


def _language(styles: bytes) -> str | None:
    """The default language of a document (its styles' document defaults)."""
    m = _LANG.search(styles.decode("utf-8", "replace"))
    return m.group(1) if m else None


def _set_language(styles: str, tag: str) -> str:
    """Styles with every language tag set to ``tag``."""
    return re.sub(r'(<w:lang\b[^>]*?\bw:val=")[^"]*(")', lambda m: m.group(1) + tag + m.group(2),
                  styles)


_RUN = r"<w:r(?:\s[^>]*)?(?<!/)>"  # the start tag of a run that has content
# The run properties that come after w:lang in the schema (CT_RPr: EG_RPrBase, then rPrChange).
_AFTER_LANG = re.compile(r"<w:(?:eastAsianLayout|specVanish|oMath|rPrChange)\b")


def _with_lang(properties: str, lang: str) -> str:
    """A run's properties (the content of its w:rPr) with w:lang added in the schema's place."""
    m = _AFTER_LANG.search(properties)
    return properties + lang if not m else properties[:m.start()] + lang + properties[m.start():]


def _tag_runs(body: str, tag: str | None) -> str:
    """Every run of a letter's body marked with the letter's language (spelling, hyphenation).

    A run keeps one w:rPr: the language goes into the properties it has (an empty ``<w:rPr/>``
    included), or into a new w:rPr when it has none.
    """
    if not tag:
        return body
    lang = f'<w:lang w:val="{tag}"/>'
    body = re.sub(r"<w:lang\b[^>]*/>", "", body)
    body = re.sub(rf"({_RUN})<w:rPr\s*/>", r"\1<w:rPr></w:rPr>", body)
    body = re.sub(rf"({_RUN})(?!<w:rPr>)", r"\1<w:rPr></w:rPr>", body)
    return re.sub(rf"({_RUN}<w:rPr>)((?:(?!</w:rPr>).)*)(</w:rPr>)",
                  lambda m: m.group(1) + _with_lang(m.group(2), lang) + m.group(3), body,
                  flags=re.S)


def _bundle_core(core: str) -> bytes:
    """The bundle's core properties: its own title, Dutch (the municipality prints it)."""
    from markupsafe import escape

    core = re.sub(r"<dc:title>.*?</dc:title>|<dc:title/>", f"<dc:title>{escape(BUNDLE_TITLE)}"
                  f"</dc:title>", core, flags=re.S)
    core = re.sub(r"<dc:language>[^<]*</dc:language>", f"<dc:language>{BUNDLE_LANGUAGE}"
                  f"</dc:language>", core)
    return core.encode("utf-8")


def _empty_footer(media: dict, rels: list, types: list) -> str:
    """The relationship id of an empty footer (for blank back pages), added once."""
    if "word/footer_pk0.xml" not in media:
        media["word/footer_pk0.xml"] = _EMPTY_FOOTER.encode("utf-8")
        rels.append(f'<Relationship Id="rIdPkF0" Type="{_FOOTER_REL}" Target="footer_pk0.xml"/>')
        types.append(f'<Override PartName="/word/footer_pk0.xml" ContentType="{_FOOTER_TYPE}"/>')
    return "rIdPkF0"


def _fixed_total(footer_xml: str, total: int) -> str:
    """A footer whose NUMPAGES field shows a fixed number (the pages of this letter only)."""
    pattern = re.compile(r"(<w:r>(?:(?!</w:r>).)*?<w:fldChar w:fldCharType=\"begin\"/></w:r>)"
                         r"(<w:r>(?:(?!</w:r>).)*?<w:instrText[^>]*> NUMPAGES </w:instrText></w:r>)"
                         r"(.*?)(<w:r>(?:(?!</w:r>).)*?<w:fldChar w:fldCharType=\"end\"/></w:r>)",
                         re.S)
    return pattern.sub(lambda m: f"<w:r><w:t>{total}</w:t></w:r>", footer_xml)


def combine(documents: list[bytes], pages: list[int] | None = None) -> bytes:
    """The documents one after the other, each a section starting on an odd page, as one .docx.

    ``pages``: the page count of each document (from its PDF); the footers then show that total
    and a blank page follows every letter with an odd number of pages.
    """
    if not documents:
        raise ValueError("no documents to combine")
    if pages is not None and len(pages) != len(documents):
        raise ValueError("one page count per document")
    with zipfile.ZipFile(io.BytesIO(documents[0])) as zf:
        infos = zf.infolist()
        parts = {i.filename: zf.read(i) for i in infos}
    first = parts["word/document.xml"].decode("utf-8")
    pieces = []
    media: dict[str, bytes] = {}
    rels = parts["word/_rels/document.xml.rels"].decode("utf-8")
    types = parts["[Content_Types].xml"].decode("utf-8")
    new_rels, new_types = [], []
    for i, doc in enumerate(documents):
        with zipfile.ZipFile(io.BytesIO(doc)) as zf:
            names = set(zf.namelist())
            own = {n: zf.read(n) for n in names if n.startswith("word/")}
        xml = own["word/document.xml"].decode("utf-8")
        body, sect = _body(xml)
        body = _tag_runs(body, _language(own.get("word/styles.xml", b"")))
        footer = _footer_name(own, xml)
        rid = None
        if footer and footer in own:
            name = f"word/footer_pk{i + 1}.xml"
            text = own[footer].decode("utf-8")
            text = _fixed_total(text, pages[i]) if pages else \
                text.replace(" NUMPAGES ", " SECTIONPAGES ")
            media[name] = text.encode("utf-8")
            rid = f"rIdPkF{i + 1}"
            new_rels.append(f'<Relationship Id="{rid}" Type="{_FOOTER_REL}" '
                            f'Target="footer_pk{i + 1}.xml"/>')
            new_types.append(f'<Override PartName="/{name}" ContentType="{_FOOTER_TYPE}"/>')
        for name in names:
            if name.startswith("word/media/pk_image") and name not in parts:
                media[name] = own[name]
        section = _section(sect, i, rid, odd=pages is None)
        last = i == len(documents) - 1
        if last and pages and pages[i] % 2 == 1:  # the last letter gets its blank back page too
            blank = _section(sect, 1, _empty_footer(media, new_rels, new_types), odd=False)
            pieces.append(body + f"<w:p><w:pPr>{_END_PPR}{section}</w:pPr></w:p><w:p/>" + blank)
        elif not last:
            pieces.append(body + f"<w:p><w:pPr>{_END_PPR}{section}</w:pPr></w:p>")
            if pages and pages[i] % 2 == 1:  # a blank back page, without footer
                blank = _section(sect, 1, _empty_footer(media, new_rels, new_types), odd=False)
                pieces.append(f"<w:p><w:pPr>{_END_PPR}{blank}</w:pPr></w:p>")
        else:
            pieces.append(body + section)
    joined = "".join(pieces)
    counter = iter(range(1, 1_000_000))
    joined = re.sub(r'(<wp:docPr id=")\d+', lambda m: m.group(1) + str(9000 + next(counter)), joined)
    start = first.index("<w:body>") + len("<w:body>")
    end = first.index("</w:body>")
    xml = first[:start] + joined + first[end:]
    if 'xmlns:r="' not in xml[:2000]:
        xml = xml.replace("<w:document ", f'<w:document xmlns:r="{_R_NS}" ', 1)
    changed = {"word/document.xml": xml.encode("utf-8"),
               "word/styles.xml": _set_language(parts["word/styles.xml"].decode("utf-8"),
                                                BUNDLE_LANGUAGE).encode("utf-8"),
               "docProps/core.xml": _bundle_core(parts["docProps/core.xml"].decode("utf-8")),
               "word/_rels/document.xml.rels":
                   rels.replace("</Relationships>", "".join(new_rels) + "</Relationships>")
                   .encode("utf-8"),
               "[Content_Types].xml":
                   types.replace("</Types>", "".join(new_types) + "</Types>").encode("utf-8")}
    changed.update(media)
    return write_package(infos, parts, changed)
