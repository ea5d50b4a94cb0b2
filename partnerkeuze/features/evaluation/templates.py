"""Builds the Word templates of the evaluation report in templates/evaluatie/ (python-docx).

Built by ``python scripts/build_templates.py`` (with every other template). The tags are filled by the hardened
renderer (``partnerkeuze.io.docx.render``); the wording is in ``partnerkeuze.features.evaluation.texts``.
"""

from __future__ import annotations

from pathlib import Path

from partnerkeuze.features.evaluation.texts import LANGS, REPORT
from partnerkeuze.kernel.paths import SOURCE_ROOT as ROOT

DEFAULT_DIR = ROOT / "templates" / "evaluatie"


def report(lang: str):
    """The evaluation report of a round, in one language."""
    from partnerkeuze.io.docx import blocks as b

    from partnerkeuze.kernel.wording import typeset

    t = REPORT[lang]
    c, s = typeset(":", lang), typeset(";", lang)  # French: a narrow no-break space before
    doc = b.new_document(t["title"], lang)
    b.letterhead(doc)
    doc.add_paragraph(t["title"] + c + " {{ flemish }} – {{ partner }}", style="Title")
    b.para(doc, "**" + t["round"] + " {{ round_id }}**, {{ round_date }}", space_after=0)
    b.para(doc, t["for"], "Kleine tekst")
    b.tag(doc, "{%p if one_sided %}")
    _notice(doc, "{{ one_sided }}")
    b.tag(doc, "{%p endif %}")

    doc.add_paragraph(t["h_link"], style="Heading 1")
    rows = (("since", "{{ since }}"), ("country", "{{ partner_country }}"),
            ("agreement", "{{ agreement }}"), ("exit_clause", "{{ exit_clause }}"))
    table = doc.add_table(rows=len(rows), cols=2)
    table.style = "Table Grid"
    for row, (key, value) in zip(table.rows, rows):
        b.cell_text(row.cells[0], t[key], bold=True, size=9.5)
        b.cell_text(row.cells[1], value, size=9.5)
    b.widths(table, [5.2, 11.1])
    b.tag(doc, "{%p if budget %}")
    doc.add_paragraph(t["h_budget"], style="Heading 2")
    b.loop_table(doc, [t["year"], t["line"], t["amount"], t["kind"], t["side"]],
                 ["{{ r.year }}", "{{ r.line }}", "{{ r.amount }}", "{{ r.kind }}",
                  "{{ r.side }}"],
                 "for r in budget", [1.5, 5.9, 2.6, 3.8, 2.5], right=(2,))
    b.tag(doc, "{%p endif %}")
    doc.add_paragraph(t["h_participation"], style="Heading 2")
    b.loop_table(doc, [t["round_col"], t["date_col"], "{{ flemish }}", "{{ partner }}"],
                 ["{{ r.round }}", "{{ r.date }}", "{{ r.flemish }}", "{{ r.partner }}"],
                 "for r in participation", [1.6, 3.3, 5.7, 5.7])

    doc.add_paragraph(t["h_radar"], style="Heading 1")
    b.tag(doc, "{%p if prev_id %}")
    b.para(doc, t["radar_intro"], align="justify")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if not prev_id %}")
    b.para(doc, t["radar_single"], align="justify")
    b.tag(doc, "{%p endif %}")
    b.para(doc, "{{ radar }}", align="center")
    b.tag(doc, "{%p if prev_id %}")
    b.loop_table(doc, [t["concept"], "{{ flemish_short }} {{ prev_id }}",
                       "{{ partner_short }} {{ prev_id }}", "{{ flemish_short }} {{ round_id }}",
                       "{{ partner_short }} {{ round_id }}"],
                 ["{{ r.concept }}", "{{ r.prev_flemish }}", "{{ r.prev_partner }}",
                  "{{ r.flemish }}", "{{ r.partner }}"],
                 "for r in radar_rows", [5.5, 2.7, 2.7, 2.7, 2.7], right=(1, 2, 3, 4))
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if not prev_id %}")
    b.loop_table(doc, [t["concept"], "{{ flemish_short }} {{ round_id }}",
                       "{{ partner_short }} {{ round_id }}"],
                 ["{{ r.concept }}", "{{ r.flemish }}", "{{ r.partner }}"],
                 "for r in radar_rows", [8.3, 4.0, 4.0], right=(1, 2))
    b.tag(doc, "{%p endif %}")
    doc.add_paragraph(t["h_gaps"], style="Heading 2")
    b.tag(doc, "{%p if gaps_note %}")
    b.para(doc, "{{ gaps_note }}")
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p for g in gaps %}")
    b.bullet(doc, "**{{ g.name }}**" + c + " {{ flemish_short }} {{ g.flemish }}, "
                  "{{ partner_short }} {{ g.partner }}" + s + " " + t["gap_line"]
                  + " {{ g.gap }} ({{ g.share }} " + t["of_scale"] + ")"
                  "{% if g.alone %}" + s + " " + t["alone"] + c + " {{ g.alone }}{% endif %}")
    b.tag(doc, "{%p endfor %}")

    b.tag(doc, "{%p if comments %}")
    doc.add_paragraph(t["h_comments"], style="Heading 1")
    b.para(doc, t["comments_intro"], "Kleine tekst")
    b.tag(doc, "{%p for c in comments %}")
    b.para(doc, "**{{ c.item }}**", space_after=2, keep=True)
    b.tag(doc, "{%p for e in c.entries %}")
    b.bullet(doc, "{{ e.who }}" + c + " {{ e.text }}")
    b.tag(doc, "{%p endfor %}")
    b.tag(doc, "{%p endfor %}")
    b.tag(doc, "{%p endif %}")

    doc.add_paragraph(t["h_expectations"], style="Heading 1")
    b.tag(doc, "{%p for s in expectations %}")
    doc.add_paragraph("{{ s.side }}", style="Heading 2")
    b.tag(doc, "{%p for e in s.entries %}")
    b.bullet(doc, "**{{ e.kind }}**" + c + " {{ e.text }}")
    b.tag(doc, "{%p endfor %}")
    b.tag(doc, "{%p endfor %}")

    for heading, key in (("h_principles", "principles"), ("h_lessons", "lessons")):
        doc.add_paragraph(t[heading], style="Heading 1")
        b.para(doc, t["met_rule"], "Kleine tekst", space_after=4)
        _keep_rows(b.loop_table(doc, [t["question"], "{{ flemish_short }}",
                                      "{{ partner_short }}", t["met"]],
                                ["{{ p.title }}" + c + " {{ p.question }}", "{{ p.flemish }}",
                                 "{{ p.partner }}", "{{ p.met }}"],
                                "for p in " + key, [9.5, 2.3, 2.3, 2.2], right=(1, 2)))

    doc.add_paragraph(t["h_risks"], style="Heading 1")
    _risk_table(doc, t, c)
    doc.add_paragraph(t["h_exit"], style="Heading 2")
    b.tag(doc, "{%p for e in exits %}")
    b.bullet(doc, "**{{ e.id }}** {{ e.trigger }} (" + t["covered_by"] + " {{ e.risk }})" + c + " "
                  "{{ e.status }}")
    b.tag(doc, "{%p endfor %}")

    doc.add_paragraph(t["h_proposal"], style="Heading 1")
    b.para(doc, "**" + t["proposal"] + "**")
    b.para(doc, "{{ rule }}", align="justify")
    b.tag(doc, "{%p for f in facts %}")
    b.bullet(doc, "{{ f }}")
    b.tag(doc, "{%p endfor %}")
    b.tag(doc, "{%p if mission %}")
    doc.add_paragraph(t["h_mission"], style="Heading 1")
    b.para(doc, t["mission"], align="justify")
    b.tag(doc, "{%p if vvsg %}")
    b.para(doc, t["vvsg"])
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p endif %}")
    b.footer(doc, t["title"] + " {{ flemish }} – {{ partner }}, {{ round_id }}", lang)
    return doc


def _notice(doc, text: str) -> None:
    """A shaded, bold paragraph in a one-cell table: what the reader must know first."""
    from partnerkeuze.io.docx import blocks as b

    table = doc.add_table(rows=1, cols=1)
    table.style = "Table Grid"
    b.cell_text(table.rows[0].cells[0], text, bold=True)
    b.shade(table.rows[0].cells[0], "FCE4D6")
    b.widths(table, [16.3])


def _risk_table(doc, t: dict, c: str) -> None:
    """The risk register: one row per risk, its text, signal and answer together in the wide
    column (so that no word has to break), likelihood and impact, and an owner on each side."""
    from docx.shared import Pt

    from partnerkeuze.io.docx import blocks as b

    table = b.loop_table(doc, ["ID", t["risk_text"], t["level"], t["owners"]],
                         ["{{ r.id }}", "{{ r.risk }}", "{{ r.level }}",
                          "{{ flemish_short }}" + c + " {{ r.owner_flemish }}"],
                         "for r in risks", [1.0, 9.2, 2.8, 3.3])
    body = table.rows[2].cells
    for label, tag in ((t["trigger"], "{{ r.trigger }}"), (t["response"], "{{ r.response }}")):
        b.para(body[1], f"**{label}{c}** {tag}", space_after=0)
    b.para(body[3], "{{ partner_short }}" + c + " {{ r.owner_partner }}", space_after=0)
    for cell in (body[1], body[3]):
        for paragraph in cell.paragraphs:
            for run in paragraph.runs:
                run.font.size = Pt(9.5)
    _keep_rows(table)


def _keep_rows(table) -> None:
    """Rows of a table never split over two pages."""
    from docx.oxml import OxmlElement

    for row in table.rows:
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))


def request():
    """The request to the VVSG to accompany an evaluation mission (Dutch; the wording of the
    SDG request note, without the joint consultation of the umbrella associations)."""
    from partnerkeuze.core.visits import REQUEST_TEXT as t
    from partnerkeuze.io.docx.request import request_document

    rows = [(label, value) for label, value in t["rows"] if "joint" not in value]
    return request_document(t["title"], rows, "{{ call_title }}", letterhead=True)


def documents() -> dict[str, object]:
    """Every evaluation template by file name."""
    out: dict[str, object] = {f"evaluation_report_{lang}.docx": report(lang) for lang in LANGS}
    out["evaluation_request_nl.docx"] = request()
    return out


def build(out_dir: Path = DEFAULT_DIR) -> list[Path]:
    """Write every evaluation template into out_dir (reproducible bytes)."""
    from partnerkeuze.io.docx.blocks import write_templates

    return write_templates(documents(), out_dir)
