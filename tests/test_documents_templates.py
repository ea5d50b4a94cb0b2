"""Every template in templates/ against the context the code gives it, and the builder."""

from __future__ import annotations

from pathlib import Path

import pytest

from partnerkeuze.features.documents import fields
from partnerkeuze.io.docx.render import CompiledTemplate

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
    from partnerkeuze.features.documents.contexts import (
        chosen_context,
        declined_context,
        questionnaire_context)
    from partnerkeuze.features.documents.dossier import dossier_context

    from documents_support import demo_context_builder

    snap, model, result, notes, chosen, head = demo_context_builder(demo_template)
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
    from partnerkeuze.features.documents.template_builder import build_all

    build_all(tmp_path)
    for kind, lang in ALL:
        name = f"{kind}_{lang}.docx"
        assert (tmp_path / name).read_bytes() == (TEMPLATES / name).read_bytes(), \
            f"{name} differs from what template_builder makes: rebuild the templates"


PROVIDED = {
    "criteria_history": [{"when": "2026-02-20 10:00", "who": "An Peeters", "hash": "abc123",
                          "reason": "Gewichten na advies GROS"}],
    "sensitivity": {"sentences": ["Dassa-Zoumé blijft eerst tenzij C02 onder 12 % zakt."],
                    "stability": [{"criterion": "C02 Beleidsmatige raakvlakken", "low": 12.0,
                                   "high": 31.5}]},
    "second_round": {"rows": [{"name": "Bugesera", "summary": "Sterk draagvlak na videogesprek."}],
                     "final_order": ["K04", "K05", "K01"], "dissent": "B3 verkoos Tarija."},
    "conflicts": ["B2 verklaarde een conflict voor K01; zijn scores tellen niet mee."],
    "disagreement": ["Grote spreiding op C05 voor K01 (2 tot 5)."],
    "planning": {"steps": [{"name": "Goedkeuring door de gemeenteraad", "start": None,
                            "end": None, "body": "Gemeenteraad"}], "gantt_png": None},
}


def test_dossier_providers_fill_the_optional_sections(demo_template, monkeypatch, tmp_path):
    """Every key other features may give is rendered; the proposal comes from the procedure
    record's consensus order (K05 first in the demo), never from a provider."""
    from documents_support import docx_text

    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.features.documents import dossier as dossier_mod
    from partnerkeuze.features.documents.actions import template
    from partnerkeuze.features.documents.contexts import Notes
    from partnerkeuze.io.docx.render import render_docx
    from partnerkeuze.core.parse import parse


    from partnerkeuze.record.governance import dossier as governance_dossier

    monkeypatch.setattr(governance_dossier, "dossier_provider",
                        lambda model, snapshot, result: dict(PROVIDED))
    from documents_support import read_snapshot

    snap = read_snapshot(demo_template)
    model = parse(snap)
    ctx = dossier_mod.dossier_context(model, snap, evaluate(model), None, Notes())
    assert ctx["proposal"]["id"] == "K05"
    text = docx_text(render_docx(template("dossier", "nl"), ctx, "nl_BE"))
    for needle in ("Gewichten na advies GROS", "Dassa-Zoumé blijft eerst", "31,5 %",
                   "Sterk draagvlak na videogesprek", "B3 verkoos Tarija",
                   "B2 verklaarde een conflict", "Grote spreiding op C05",
                   "Goedkeuring door de gemeenteraad", "Het college kiest Dassa-Zoumé (Benin)",
                   "De rangorde na de tweede, kwalitatieve ronde: 1. Dassa-Zoumé"):
        assert needle in text, needle
    assert "De tweede ronde is nog niet ingevuld" not in text


def test_dossier_without_planning_lists_the_default_next_steps(demo_template, monkeypatch):
    from documents_support import docx_text

    from partnerkeuze.core.assessment import evaluate
    from partnerkeuze.features.documents import dossier as dossier_mod
    from partnerkeuze.features.documents.actions import template
    from partnerkeuze.features.documents.contexts import Notes
    from partnerkeuze.io.docx.render import render_docx
    from partnerkeuze.core.parse import parse
    from partnerkeuze.record.governance import dossier as governance_dossier

    from documents_support import read_snapshot

    # neither the planning's section (none handed in) nor governance's
    monkeypatch.setattr(governance_dossier, "dossier_provider", lambda *args: {})
    snap = read_snapshot(demo_template)
    model = parse(snap)
    ctx = dossier_mod.dossier_context(model, snap, evaluate(model), None, Notes())
    text = docx_text(render_docx(template("dossier", "nl"), ctx, "nl_BE"))
    for name in ("Advies van de GROS.", "Beslissing van het college van burgemeester en "
                 "schepenen.", "Goedkeuring door de gemeenteraad.", "Bezoek ter plaatse"):
        assert name in text, name
    assert "De tweede ronde is nog niet ingevuld" in text
