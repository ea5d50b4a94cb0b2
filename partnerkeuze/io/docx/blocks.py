"""Building blocks for the Word templates (python-docx): page, styles, paragraphs, tag rows."""

from __future__ import annotations

import datetime as dt
import re

FONT = "Calibri"
ACCENT = "1F4E79"
_BOLD = re.compile(r"\*\*(.+?)\*\*")


# The words around the page number in the footer, per language ("pagina 1 van 2").
PAGE_WORDS: dict[str, tuple[str, str]] = {
    "nl": ("pagina", "van"), "fr": ("page", "sur"), "en": ("page", "of"), "es": ("página", "de"),
}
LANGUAGE_TAGS: dict[str, str] = {"nl": "nl-BE", "fr": "fr-BE", "en": "en-GB", "es": "es"}


def new_document(title: str, lang: str = "nl"):
    """An empty A4 document with the house styles and fixed properties (reproducible files).

    The title (core property) may hold tags; the language is the one of the template's text.
    """
    from docx import Document
    from docx.enum.style import WD_STYLE_TYPE
    from docx.shared import Cm, Pt, RGBColor

    doc = Document()
    sec = doc.sections[0]
    sec.page_height, sec.page_width = Cm(29.7), Cm(21.0)
    sec.top_margin, sec.bottom_margin = Cm(2.0), Cm(2.0)
    sec.left_margin, sec.right_margin = Cm(2.5), Cm(2.2)
    sec.footer_distance = Cm(1.0)
    styles = doc.styles
    normal = styles["Normal"]
    normal.font.name, normal.font.size = FONT, Pt(10)
    normal.paragraph_format.space_after = Pt(5)
    normal.paragraph_format.line_spacing = 1.05
    for name, size, before in (("Title", 18, 0), ("Heading 1", 14, 14), ("Heading 2", 11.5, 10)):
        st = styles[name]
        st.font.name, st.font.size, st.font.bold = FONT, Pt(size), True
        st.font.color.rgb = RGBColor.from_string(ACCENT)
        st.paragraph_format.space_before, st.paragraph_format.space_after = Pt(before), Pt(6)
        st.paragraph_format.keep_with_next = True
    title_style = styles["Title"]
    title_style.paragraph_format.space_after = Pt(12)
    rpr = title_style.element.rPr
    for child in list(rpr):  # drop the default theme font and underline border of 'Title'
        if child.tag.endswith("}rFonts"):
            rpr.remove(child)
    title_style.font.name = FONT
    ppr = title_style.element.pPr
    if ppr is not None:
        for child in list(ppr):
            if child.tag.endswith("}pBdr"):
                ppr.remove(child)
    if "Kleine tekst" not in [s.name for s in styles]:
        small = styles.add_style("Kleine tekst", WD_STYLE_TYPE.PARAGRAPH)
        small.base_style = normal
        small.font.size = Pt(8.5)
        small.font.color.rgb = RGBColor.from_string("595959")
        small.paragraph_format.space_after = Pt(0)
    _default_language(styles, LANGUAGE_TAGS.get(lang, "nl-BE"))
    cp = doc.core_properties
    cp.language = LANGUAGE_TAGS.get(lang, "nl-BE")
    cp.title, cp.author, cp.last_modified_by = title, "Partnerkeuze", "Partnerkeuze"
    cp.created = cp.modified = dt.datetime(2026, 1, 1)
    cp.revision = 1
    return doc


def _default_language(styles, tag: str) -> None:
    """Set the language of the document defaults (every run inherits it)."""
    from docx.oxml.ns import qn

    for lang in styles.element.iter(qn("w:lang")):
        lang.set(qn("w:val"), tag)


def para(doc_or_cell, text: str = "", style: str | None = None, *, bold: bool = False,
         align: str | None = None, space_after: float | None = None, keep: bool = False):
    """A paragraph; ``**text**`` parts are bold. Tags are never split over runs."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = doc_or_cell.add_paragraph(style=style)
    pos = 0
    for m in _BOLD.finditer(text):
        if m.start() > pos:
            p.add_run(text[pos:m.start()]).bold = bold or None
        p.add_run(m.group(1)).bold = True
        pos = m.end()
    if pos < len(text):
        p.add_run(text[pos:]).bold = bold or None
    if align:
        p.alignment = {"right": WD_ALIGN_PARAGRAPH.RIGHT, "center": WD_ALIGN_PARAGRAPH.CENTER,
                       "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}[align]
    if space_after is not None:
        p.paragraph_format.space_after = Pt(space_after)
    if keep:
        p.paragraph_format.keep_with_next = True
    return p


def tag(doc_or_cell, text: str):
    """A paragraph that holds only a block tag (``{%p if x %}``); it disappears when rendered."""
    return doc_or_cell.add_paragraph(text)


def answer_box(cell, tag: str, alias: str, placeholder: str, *, new_paragraph: bool = False):
    """A fillable answer: a plain-text content control in a table cell (see intake.word_form)."""
    from docx.oxml import parse_xml

    from partnerkeuze.io.forms.word_form import content_control_xml

    p = cell.add_paragraph() if new_paragraph else cell.paragraphs[0]
    p._p.append(parse_xml(content_control_xml(tag, alias, placeholder)))
    return p


def bullet(doc, text: str):
    """A bulleted paragraph."""
    return para(doc, text, "List Bullet")


def para_if(doc, condition: str, text: str = "", style: str | None = None, **kwargs):
    """A paragraph shown only when the template condition holds.

    Writes ``{%p if condition %}``, the paragraph (as :func:`para`, same arguments) and
    ``{%p endif %}``; returns the paragraph.
    """
    tag(doc, "{%p if " + condition + " %}")
    p = para(doc, text, style, **kwargs)
    tag(doc, "{%p endif %}")
    return p


def bullets(doc, loop: str, text: str):
    """A bullet per item of a template loop.

    ``loop`` is the loop clause (``"for line in risks"``): writes ``{%p for … %}``, one bullet
    with ``text`` and ``{%p endfor %}``; returns the bullet paragraph.
    """
    tag(doc, "{%p " + loop + " %}")
    p = bullet(doc, text)
    tag(doc, "{%p endfor %}")
    return p


def cell_text(cell, text: str, *, bold: bool = False, align: str | None = None, size=None):
    """Set a table cell's text in its first paragraph."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH
    from docx.shared import Pt

    p = cell.paragraphs[0]
    run = p.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)
    p.paragraph_format.space_after = Pt(0)
    if align == "right":
        p.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    return p


def shade(cell, fill: str) -> None:
    """Give a cell a background colour."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    shd.set(qn("w:val"), "clear")
    shd.set(qn("w:color"), "auto")
    shd.set(qn("w:fill"), fill)
    tcpr.append(shd)


def no_borders(table) -> None:
    """Remove the borders of a table (layout tables: letterhead, signatures)."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    tblpr = table._tbl.tblPr
    borders = OxmlElement("w:tblBorders")
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        el = OxmlElement(f"w:{edge}")
        el.set(qn("w:val"), "nil")
        borders.append(el)
    for old in tblpr.findall(qn("w:tblBorders")):
        tblpr.remove(old)
    # In the schema's place (CT_TblPrBase): after tblInd, before shd, tblLayout, ..., tblLook.
    tblpr.insert_element_before(borders, "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
                                "w:tblCaption", "w:tblDescription", "w:tblPrChange")


def widths(table, cm: list[float]) -> None:
    """Fix the column widths of a table."""
    from docx.oxml.ns import qn
    from docx.shared import Cm

    table.autofit = False
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), cm):
        col.set(qn("w:w"), str(int(Cm(w).twips)))
    for row in table.rows:
        for cell, w in zip(row.cells, cm):
            cell.width = Cm(w)


def loop_table(doc, headers: list[str], cells: list[str], loop: str, col_cm: list[float],
               *, right: tuple[int, ...] = ()):
    """A table with a header row and one row repeated for each item (``{%tr for ... %}``)."""
    table = doc.add_table(rows=4, cols=len(headers))
    table.style = "Table Grid"
    for i, h in enumerate(headers):
        cell_text(table.rows[0].cells[i], h, bold=True, size=9.5)
        shade(table.rows[0].cells[i], "DCE6F1")
    cell_text(table.rows[1].cells[0], "{%tr " + loop + " %}")
    for i, c in enumerate(cells):
        cell_text(table.rows[2].cells[i], c, size=9.5, align="right" if i in right else None)
    cell_text(table.rows[3].cells[0], "{%tr endfor %}")
    _repeat_header(table.rows[0])
    widths(table, col_cm)
    return table


def _cant_split(row) -> None:
    from docx.oxml import OxmlElement

    row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def _repeat_header(row) -> None:
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    trpr = row._tr.get_or_add_trPr()
    el = OxmlElement("w:tblHeader")
    el.set(qn("w:val"), "true")
    trpr.append(el)


def page_break(doc) -> None:
    """A page break."""
    from docx.enum.text import WD_BREAK

    doc.add_paragraph().add_run().add_break(WD_BREAK.PAGE)


def footer(doc, text: str, lang: str | None = None) -> None:
    """The footer of every page: a line of text and, given a language, "pagina 1 van 2"."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = doc.sections[0].footer.paragraphs[0]
    p.style = doc.styles["Kleine tekst"]
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(text)
    if lang:
        page_number(doc, lang)


def _field(paragraph, instruction: str, shown: str) -> None:
    """A Word field (PAGE, NUMPAGES) in a paragraph, with the text shown before it is updated."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    def run_with(child):
        r = OxmlElement("w:r")
        r.append(child)
        paragraph._p.append(r)

    begin = OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    run_with(begin)
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run_with(instr)
    sep = OxmlElement("w:fldChar")
    sep.set(qn("w:fldCharType"), "separate")
    run_with(sep)
    paragraph.add_run(shown)
    end = OxmlElement("w:fldChar")
    end.set(qn("w:fldCharType"), "end")
    run_with(end)


def page_number(doc, lang: str) -> None:
    """A footer paragraph "pagina 1 van 2" in the language (Word fields PAGE and NUMPAGES)."""
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    page, of = PAGE_WORDS.get(lang, PAGE_WORDS["nl"])
    p = doc.sections[0].footer.add_paragraph(style=doc.styles["Kleine tekst"])
    p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    p.add_run(f"{page} ")
    _field(p, "PAGE", "1")
    p.add_run(f" {of} ")
    _field(p, "NUMPAGES", "1")


def letterhead(doc) -> None:
    """Logo left, the municipality and its address right."""
    from docx.shared import Pt

    t = doc.add_table(rows=1, cols=2)
    no_borders(t)
    widths(t, [6.0, 10.3])
    left, right = t.rows[0].cells
    left.paragraphs[0].add_run("{{ logo }}")
    p = cell_text(right, "{{ municipality }}", bold=True, align="right", size=14)
    p.runs[0].font.color.rgb = None
    for line in ("{{ address }}", "{{ postal_city }}", "{{ phone }}", "{{ website }}"):
        q = right.add_paragraph(line, style="Kleine tekst")
        q.alignment = p.alignment
    para(doc, "", space_after=Pt(6).pt)


def signatures(doc, lead: str, people: list[tuple[str, str]]) -> None:
    """A signature block: a lead line, then name and role side by side."""
    para(doc, lead, keep=True)
    t = doc.add_table(rows=2, cols=len(people))
    no_borders(t)
    for i, (name, role) in enumerate(people):
        first = t.rows[0].cells[i].paragraphs[0]
        first.add_run("\n\n")
        first.paragraph_format.keep_with_next = True
        cell_text(t.rows[1].cells[i], name, bold=True).paragraph_format.keep_with_next = True
        t.rows[1].cells[i].add_paragraph(role)
    for row in t.rows:
        _cant_split(row)
    widths(t, [16.3 / len(people)] * len(people))


def stable_bytes(doc) -> bytes:
    """A python-docx document as reproducible bytes (fixed zip time stamps, parts in a stable
    order): the same template source gives the same file."""
    import io
    import zipfile

    from partnerkeuze.io.docx.render import write_package

    buf = io.BytesIO()
    doc.save(buf)
    with zipfile.ZipFile(io.BytesIO(buf.getvalue())) as zf:
        infos = zf.infolist()
        parts = {i.filename: zf.read(i) for i in infos}
    return write_package(infos, parts, {})


def write_templates(docs: dict, out_dir) -> list:
    """Write python-docx documents (file name -> document) into out_dir as reproducible bytes;
    the files written."""
    from pathlib import Path

    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, doc in docs.items():
        path = out_dir / name
        path.write_bytes(stable_bytes(doc))
        written.append(path)
    return written

