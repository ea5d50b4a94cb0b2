"""Builds the Word templates of the SDG documents in templates/sdg/ reproducibly (python-docx).

Built by ``python scripts/build_templates.py`` (with every other template). The templates carry tags that the hardened
renderer (``partnerkeuze.io.docx.render``) fills; the wording is in ``partnerkeuze.features.sdg.texts``.
"""

from __future__ import annotations

from pathlib import Path

from partnerkeuze.core.visits import REQUEST_TEXT as REQUEST
from partnerkeuze.features.sdg.texts import AGREEMENT, EXPECTATIONS, LETTER
from partnerkeuze.kernel.paths import SOURCE_ROOT as ROOT
from partnerkeuze.kernel.wording import typeset

DEFAULT_DIR = ROOT / "templates" / "sdg"
LETTER_LANGS = ("nl", "fr", "en")


def _head(doc) -> None:
    from partnerkeuze.io.docx import blocks as b

    b.letterhead(doc)


def letter(lang: str):
    """The letter announcing the match, to one side of a partnership."""
    from partnerkeuze.io.docx import blocks as b

    t = typeset(LETTER[lang], lang)
    doc = b.new_document(t["title"], lang)
    _head(doc)
    b.tag(doc, "{%p if recipient_contact %}")
    b.para(doc, "{{ recipient_contact }}", space_after=0)
    b.tag(doc, "{%p endif %}")
    b.tag(doc, "{%p if recipient_contact_role %}")
    b.para(doc, "{{ recipient_contact_role }}", space_after=0)
    b.tag(doc, "{%p endif %}")
    b.para(doc, "**{{ recipient_name }}**", space_after=0)
    b.para(doc, "{{ recipient_country }}", space_after=0)
    b.tag(doc, "{%p if recipient_email %}")
    b.para(doc, "{{ recipient_email }}", space_after=0)
    b.tag(doc, "{%p endif %}")
    b.para(doc, "")
    b.para(doc, "{{ postal_city }}, {{ today }}", align="right")
    b.tag(doc, "{%p if reference %}")
    b.para(doc, "Ref. {{ reference }}", "Kleine tekst", align="right")
    b.tag(doc, "{%p endif %}")
    b.para(doc, t["subject"])
    b.para(doc, t["dear"])
    b.para(doc, t["news"], align="justify")
    b.para(doc, t["themes_intro"], keep=True)
    b.tag(doc, "{%p for t in themes %}")
    b.bullet(doc, t["theme_item"])
    b.tag(doc, "{%p endfor %}")
    b.para(doc, t["fit"])
    for key in ("programme", "visits", "next"):
        b.para(doc, t[key], align="justify", keep=key == "next")  # the closing stays with it
    b.para(doc, t["closing"], keep=True)
    b.para(doc, "", keep=True)
    b.para(doc, "**{{ coordinator }}**", space_after=0, keep=True)
    b.para(doc, t["sign_role"], space_after=0, keep=True)
    b.para(doc, "{{ coordinator_email }}", "Kleine tekst")
    b.footer(doc, "{{ call_title }}", lang)
    return doc


def agreement(lang: str):
    """The short partnership agreement: priorities, terms, expectations, principles, exit."""
    from partnerkeuze.io.docx import blocks as b

    t = typeset(AGREEMENT[lang], lang)
    doc = b.new_document(t["title"] + ": {{ flemish_name }} – {{ southern_name }}", lang)
    doc.add_paragraph(t["title"], style="Title")
    b.para(doc, t["between"], align="justify")
    doc.add_paragraph(t["h_purpose"], style="Heading 1")
    b.para(doc, t["purpose"], align="justify", keep=True)
    b.tag(doc, "{%p for t in themes %}")
    b.bullet(doc, t["priority_item"])
    b.tag(doc, "{%p endfor %}")
    doc.add_paragraph(t["h_terms"], style="Heading 1")
    b.para(doc, t["terms"], align="justify")
    doc.add_paragraph(t["h_expect"], style="Heading 1")
    b.para(doc, t["expect"], keep=True)
    for item in typeset(EXPECTATIONS[lang], lang):
        b.bullet(doc, item)
    doc.add_paragraph(t["h_own"], style="Heading 1")
    b.para(doc, t["own_flemish"], keep=True)
    b.tag(doc, "{%p for e in flemish_expectations %}")
    b.bullet(doc, "{{ e }}")
    b.tag(doc, "{%p endfor %}")
    b.para(doc, t["own_partner"], keep=True)
    b.tag(doc, "{%p for e in partner_expectations %}")
    b.bullet(doc, "{{ e }}")
    b.tag(doc, "{%p endfor %}")
    doc.add_paragraph(t["h_principles"], style="Heading 1")
    for item in t["principles"]:
        b.bullet(doc, item)
    doc.add_paragraph(t["h_exit"], style="Heading 1")
    for i, item in enumerate(t["exit"]):
        b.bullet(doc, item).paragraph_format.keep_with_next = i == len(t["exit"]) - 1
    b.para(doc, "", keep=True)
    b.para(doc, t["sign"], keep=True)
    b.signatures(doc, "{{ today }}", [
        ("{{ flemish_name }}", t["for"] + " {{ flemish_name }}"),
        ("{{ southern_name }}", t["for"] + " {{ southern_name }}")])
    b.footer(doc, "{{ call_title }}", lang)
    return doc


def request():
    """The request note to the VVSG for accompanying a work visit (Dutch)."""
    from partnerkeuze.io.docx.request import request_document

    return request_document(REQUEST["title"] + ": {{ flemish_name }}", list(REQUEST["rows"]),
                            "{{ call_title }}")


def documents() -> dict[str, object]:
    """Every SDG template by file name."""
    out: dict[str, object] = {}
    for lang in LETTER_LANGS:
        out[f"sdg_letter_{lang}.docx"] = letter(lang)
        out[f"sdg_agreement_{lang}.docx"] = agreement(lang)
    out["sdg_request_nl.docx"] = request()
    return out


def build(out_dir: Path = DEFAULT_DIR) -> list[Path]:
    """Write every SDG template into out_dir."""
    from partnerkeuze.io.docx.blocks import write_templates

    return write_templates(documents(), out_dir)
