"""Hostile values give valid documents that show the text literally and never run it."""

from __future__ import annotations

import re

import copy
import io
import zipfile

import pytest
from documents_support import convert_all, docx_root, docx_text, pdf_flat

from partnerkeuze.features.documents import fields
from partnerkeuze.io.docx.render import MAX_VALUE_CHARS, render_docx, safe_text

pytestmark = pytest.mark.slow  # LibreOffice, subprocesses or many workbooks: not in the quick loop

CORPUS = [
    'Ben & Jerry <script>alert("x")</script>',
    "O'Brien \"aanhalingstekens\" > < &amp; &#60;",
    "stuur\x00\x01\x07\x0b\x0c\x1b tekens",
    "emoji 😀🇧🇪 en rechts-naar-links שלום עליכם مرحبا بكم",
    "{{ 7*7 }} en {% if True %}ja{% endif %} {# commentaar #}",
    "{{ ''.__class__.__mro__ }} {%p endfor %}",
    "eenzaam \ud800 surrogaat",
    "</w:t></w:r></w:p><w:p><w:r><w:t>ingespoten",
    "x" * 1_000_000,
]
# Candidate and profile text that comes from outside (the workbook, the candidates).
TOP_KEYS = ("candidate_name", "candidate_contact", "candidate_region", "candidate_email",
            "chosen_name", "municipality", "address", "coordinator", "description", "seeks",
            "call_title", "reference", "mayor")
ITEM_KEYS = ("name", "text", "reason", "role", "channel")


def poison(ctx: dict) -> tuple[dict, list[str]]:
    """The context with external text replaced by hostile values; returns the values used."""
    ctx = copy.deepcopy(ctx)
    used: list[str] = []
    counter = iter(range(10_000))

    def pick() -> str:
        value = CORPUS[next(counter) % len(CORPUS)]
        used.append(value)
        return value

    for key in TOP_KEYS:
        if isinstance(ctx.get(key), str):
            ctx[key] = pick()
    for value in ctx.values():
        items = value if isinstance(value, list) else [value] if isinstance(value, dict) else []
        for item in items:
            if isinstance(item, dict):
                for k in ITEM_KEYS:
                    if isinstance(item.get(k), str):
                        item[k] = pick()
    return ctx, used


@pytest.fixture(scope="module")
def contexts(demo_template):
    """Real contexts of every kind of document, built from the demo workbook."""
    from partnerkeuze.features.documents.contexts import (
        chosen_context,
        declined_context,
        questionnaire_context)
    from partnerkeuze.features.documents.dossier import dossier_context

    from documents_support import demo_context_builder

    snap, model, result, notes, chosen, head = demo_context_builder(demo_template)
    out = {}
    for lang in ("nl", "fr", "en", "es"):
        out[("questionnaire", lang)] = questionnaire_context(model, lang, None, notes)
        out[("letter_declined", lang)] = declined_context(
            model, result, model.candidate("K04"), chosen, lang, head, notes)
        out[("letter_chosen", lang)] = chosen_context(
            model, result, model.candidate(chosen.id), lang, head, notes)
    out[("dossier", "nl")] = dossier_context(model, snap, result, None, notes)
    return out


ALL = [(k, lang) for k, langs in fields.TEMPLATES.items() for lang in langs]


@pytest.fixture(scope="module")
def rendered(contexts, tmp_path_factory):
    """Every template rendered with hostile values: (bytes, values used) per template."""
    from partnerkeuze.features.documents.actions import template
    from partnerkeuze.kernel.languages import locale_for

    out = {}
    for kind, lang in ALL:
        ctx, used = poison(contexts[(kind, lang)])
        out[(kind, lang)] = (render_docx(template(kind, lang), ctx, locale_for(lang)), used)
    return out


def expected_text(value: str) -> str:
    """What a value looks like in the document: XML-safe and capped."""
    return safe_text(value)


@pytest.mark.parametrize("kind,lang", ALL)
def test_hostile_values_appear_literally_in_document_xml(rendered, kind, lang):
    data, used = rendered[(kind, lang)]
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        assert zf.testzip() is None
        from lxml import etree

        for name in zf.namelist():
            if name.endswith((".xml", ".rels")):
                etree.fromstring(zf.read(name))  # every part parses
    text = docx_text(data)
    assert used, "no hostile value was placed"
    for value in set(used):
        assert expected_text(value) in text, (kind, lang, value[:40])
    # (a share such as "49 %" in the sensitivity table is a figure, not an evaluated tag)
    assert "49" not in re.sub(r"\b49 %", "", text.replace("2049", ""))
    assert "ingespoten" in text  # the XML injection stayed text
    root = docx_root(data)
    body = root[0]
    assert len(body.findall("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}sectPr")) == 1
    assert len(data) < 2_000_000
    from docx import Document

    Document(io.BytesIO(data))  # python-docx opens it


def test_long_values_are_capped(rendered):
    data, used = rendered[("letter_declined", "en")]
    text = docx_text(data)
    assert "x" * (MAX_VALUE_CHARS - 1) in text and "x" * (MAX_VALUE_CHARS + 1) not in text


def test_hostile_documents_in_pdf_show_the_text(rendered, tmp_path):
    files = []
    for key in (("letter_declined", "fr"), ("dossier", "nl"), ("questionnaire", "es")):
        path = tmp_path / f"{key[0]}_{key[1]}.docx"
        path.write_bytes(rendered[key][0])
        files.append(path)
    pdfs = convert_all(files, tmp_path / "pdf")
    for path in files:
        text = pdf_flat(pdfs[path.name])
        assert "Ben & Jerry <script>alert(\"x\")</script>" in text, path.name
        assert "{{ 7*7 }} en {% if True %}ja{% endif %}" in text, path.name
        assert "{{ ''.__class__.__mro__ }}" in text, path.name
        assert "O'Brien \"aanhalingstekens\" > < &amp; &#60;" in text, path.name
        assert "stuurtekens" in text.replace(" ", "") or "stuur tekens" in text, path.name


def test_combining_hostile_letters_stays_valid(rendered):
    from partnerkeuze.io.docx.combine import combine

    letters = [rendered[("letter_declined", x)][0] for x in ("nl", "fr", "en", "es")]
    combined = combine(letters)
    text = docx_text(combined)
    assert text.count("{{ 7*7 }}") >= 4
    ids = [el.get("id") for el in docx_root(combined).iter(
        "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")]
    assert len(ids) == len(set(ids))


def test_hostile_workbook_values_through_the_letters_action(tmp_path):
    """Candidate names from the workbook: literal text in the letters, safe file names."""
    from partnerkeuze.app.creation import initial_content
    from pipeline_support import letters
    from partnerkeuze.app.creation import build

    tables, flds = initial_content("stedenband", True)
    names = ["Ben & Jerry <b>", "{{ 7*7 }}", "../../etc/passwd", "😀 שלום", "CON", "a\\b:c*?"]
    for row, name in zip(tables["candidates"], names):
        row[1] = name
        row[6] = '"' + name + "'"
    book = build("stedenband", True, content=(tables, flds))
    out = tmp_path / "brieven"
    outcome = letters(book, out)
    written = [f for f in outcome.files]
    assert all(f.parent == out for f in written)
    for f in written:
        assert all(ch.isalnum() or ch in "_-." for ch in f.name), f.name
    texts = {f.name: docx_text(f) for f in written}
    combined = next(t for n, t in texts.items() if n.endswith("Brieven_alle_kandidaten.docx"))
    for name in names:
        assert name in combined
    assert "49" not in combined.replace("2049", "")
