"""The Word template of a request to the VVSG to accompany a work visit (Dutch), shared by the
SDG request note and the evaluation mission request: the visit, the reasons that hold, every
additional reason of the info sheet on work visits (004_904dd5f2c48e0613.txt) to tick, and the
activities before, during and after the visit."""

from __future__ import annotations


def request_document(title: str, rows: list[tuple[str, str]], footer: str, *,
                     letterhead: bool = False):
    """The request template: ``rows`` (label, value with tags) of the visit table."""
    from partnerkeuze.core.visits import REQUEST_TEXT as t
    from partnerkeuze.io.docx import blocks as b

    doc = b.new_document(title, "nl")
    if letterhead:
        b.letterhead(doc)
    doc.add_paragraph(t["title"], style="Title")
    b.para(doc, t["intro"], align="justify")
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (label, value) in zip(table.rows, rows):
        b.cell_text(row.cells[0], label, bold=True)
        b.cell_text(row.cells[1], value)
    b.widths(table, [4.5, 11.8])
    doc.add_paragraph(t["h_reasons"], style="Heading 1")
    b.tag(doc, "{%p for item in reasons %}")
    b.bullet(doc, "{{ item }}")
    b.tag(doc, "{%p endfor %}")
    doc.add_paragraph(t["h_extra"], style="Heading 2")
    b.para(doc, t["extra_intro"], "Kleine tekst")
    b.tag(doc, "{%p for r in extra %}")
    b.para(doc, "{{ r.mark }} {{ r.text }}", space_after=2)
    b.tag(doc, "{%p endfor %}")
    for heading, key in (("h_before", "before"), ("h_during", "during"), ("h_after", "after")):
        doc.add_paragraph(t[heading], style="Heading 1")
        b.tag(doc, "{%p for item in " + key + " %}")
        b.bullet(doc, "{{ item }}")
        b.tag(doc, "{%p endfor %}")
    b.para(doc, t["closing"], align="justify")
    b.footer(doc, footer, "nl")
    return doc
