"""Every template in templates/ against the context the code gives it, and the builder."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerkeuze.documents import fields
from partnerkeuze.documents.render import CompiledTemplate

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "templates"
ALL = [(kind, lang) for kind, langs in fields.TEMPLATES.items() for lang in langs]


def test_templates_folder_holds_exactly_the_registered_templates():
    on_disk = {p.name for p in TEMPLATES.glob("*.docx")}
    assert on_disk == {f"{k}_{lang}.docx" for k, lang in ALL}


@pytest.mark.parametrize("kind,lang", ALL)
def test_template_uses_only_declared_variables_and_every_required_one(kind, lang):
    used = CompiledTemplate(TEMPLATES / f"{kind}_{lang}.docx").variables()
    undeclared = used - fields.names(kind)
    assert not undeclared, f"{kind}_{lang}: undeclared variables {sorted(undeclared)}"
    missing = fields.required(kind) - used
    assert not missing, f"{kind}_{lang}: required variables not used {sorted(missing)}"


@pytest.fixture(scope="module")
def demo_contexts(demo_template):
    """The contexts the code builds for the demo workbook, per kind."""
    from partnerkeuze.assessment import evaluate
    from partnerkeuze.documents.contexts import (
        Notes, chosen_context, chosen_partner, declined_context, letterhead,
        questionnaire_context,
    )
    from partnerkeuze.documents.dossier import dossier_context
    from partnerkeuze.parse import parse
    from partnerkeuze.xlsx.file_workbook import FileWorkbook

    book = FileWorkbook(demo_template, for_writing=False)
    snap = book.snapshot()
    book.close()
    model = parse(snap)
    result = evaluate(model)
    notes = Notes()
    chosen = chosen_partner(model, result)
    head = letterhead(model, None, notes)
    other = next(c for c in model.candidates if c.id != chosen.id)
    return {
        "questionnaire": questionnaire_context(model, "fr", None, notes),
        "letter_declined": declined_context(model, result, other, chosen, "en", head, notes),
        "letter_chosen": chosen_context(model, result, model.candidate(chosen.id), "fr", head,
                                        notes),
        "dossier": dossier_context(model, snap, result, None, notes),
    }


@pytest.mark.parametrize("kind", list(fields.TEMPLATES))
def test_code_gives_exactly_the_documented_context(demo_contexts, kind):
    assert set(demo_contexts[kind]) == fields.names(kind)


def test_readme_documents_every_variable():
    text = (TEMPLATES / "README.md").read_text(encoding="utf-8")
    assert text == fields.readme() + "\n", "templates/README.md is stale: rebuild the templates"
    for kind in fields.TEMPLATES:
        for var in fields.FIELDS[kind]:
            assert f"`{var.name}`" in text


def test_builder_is_reproducible_and_matches_committed_templates(tmp_path):
    from partnerkeuze.documents.template_builder import build_all

    build_all(tmp_path)
    for kind, lang in ALL:
        name = f"{kind}_{lang}.docx"
        assert (tmp_path / name).read_bytes() == (TEMPLATES / name).read_bytes(), \
            f"{name} differs from what template_builder makes: rebuild the templates"
