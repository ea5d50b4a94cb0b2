"""The college's own reasoning in the readers' languages (issue 24): ``record college --text``
with ``--text-fr/--text-en/--text-es``, or later ``record translation``; ``check`` names each
language a letter needs whose translation is missing (sheet and cell), letters are refused
until it is recorded, and ``record`` (which resolves it) is let through."""

from __future__ import annotations

import datetime as dt
import json

import pytest
from pipeline_support import check, letters, record
from test_governance_util import demo_book

from partnerkeuze import layout
from partnerkeuze.kernel.errors import InputProblems
from partnerkeuze.record.procedure import read_record
from partnerkeuze.record.procedure.record import join_translations, split_translations

PROC = layout.sheet("procedure").name
COLLEGE_DAY = dt.date(2026, 9, 7)
NL = "Bestaande contacten via de GROS en de scholen."
FR = "Des contacts existants par le GROS et les écoles."
EN = "Existing contacts through the GROS and the schools."
ES = "Contactos existentes a través del GROS y las escuelas."


def _problems(book) -> list[str]:
    try:
        check(book)
    except InputProblems as exc:
        return [str(p) for p in exc.problems]
    return []


def test_translations_read_back_from_the_inhoud_cell():
    text = join_translations(NL, {"fr": FR, "es": ES, "en": ""})
    assert text == f"{NL}\n[fr] {FR}\n[es] {ES}"
    assert split_translations(text) == (NL, {"fr": FR, "es": ES})
    assert split_translations("") == ("", {})


def test_a_missing_translation_is_named_by_check_and_resolved_by_record(tmp_path):
    book = demo_book()
    record(book, "college", date=COLLEGE_DAY, partner="K01", number="CBS/2026/235", text=NL,
           text_fr=FR)
    rec = read_record(book.snapshot())
    assert rec.reasoning == {"nl": NL, "fr": FR}
    found = _problems(book)
    row = rec.college.row
    # the demo writes to candidates in Spanish and English (French is given)
    assert any(p.startswith(f"{PROC}!H{row}: ") and "geen vertaling in het Spaans" in p
               and "K01" in p and "record PAD translation --text-es" in p for p in found), found
    assert any("geen vertaling in het Engels" in p and "K04" in p for p in found), found
    assert not any("Frans" in p for p in found)
    with pytest.raises(InputProblems) as refused:
        letters(book, tmp_path / "brieven")
    assert "geen vertaling in het Spaans" in str(refused.value)
    assert not (tmp_path / "brieven").exists()
    # record resolves it: let through while the problem stands
    record(book, "translation", date=COLLEGE_DAY, text_es=ES)
    assert [p for p in _problems(book) if "vertaling" in p and "Spaans" in p] == []
    record(book, "translation", date=COLLEGE_DAY, text_en=EN)
    assert [p for p in _problems(book) if "vertaling" in p] == []
    rec = read_record(book.snapshot())
    assert rec.reasoning == {"nl": NL, "fr": FR, "es": ES, "en": EN}
    assert rec.stage == "college"  # a translation is no step of the procedure
    out = letters(book, tmp_path / "brieven")
    assert out.data["final"] and out.data["partner"] == "K01"


def test_record_refuses_translations_that_have_nothing_to_translate():
    book = demo_book()
    with pytest.raises(InputProblems) as refused:
        record(book, "translation", date=COLLEGE_DAY, text_fr=FR)
    assert "geen motivering van het college om te vertalen" in str(refused.value)
    with pytest.raises(InputProblems) as refused:
        record(book, "gros", date=dt.date(2026, 8, 31), text="Positief.", text_fr=FR)
    assert "--text-fr, --text-en en --text-es horen bij de stappen college en translation" \
        in str(refused.value)
    record(book, "college", date=COLLEGE_DAY, partner="K05", number="CBS/2026/231")
    assert read_record(book.snapshot()).reasoning == {}
    assert [p for p in _problems(book) if "vertaling" in p] == []  # nothing to translate
    with pytest.raises(InputProblems) as refused:
        record(book, "translation", date=COLLEGE_DAY, text_fr=FR)
    assert "geen motivering van het college om te vertalen" in str(refused.value)


@pytest.mark.slow  # subprocesses
def test_the_command_line_records_the_translations(demo_path):
    from conftest import run_cli

    proc = run_cli("record", demo_path, "college", "--date", "2026-09-07", "--partner", "K01",
                   "--text", NL, "--text-fr", FR, "--text-en", EN)
    assert proc.returncode == 0, proc.stderr
    proc = run_cli("check", demo_path)
    assert proc.returncode == 1 and "geen vertaling in het Spaans" in proc.stderr
    assert "Procedure!H" in proc.stderr
    proc = run_cli("record", demo_path, "translation", "--text-es", ES, "--json")
    assert proc.returncode == 0, proc.stderr
    assert json.loads(proc.stdout)["procedure"]["stage"] == "college"
    proc = run_cli("check", demo_path)
    assert "vertaling" not in proc.stderr + proc.stdout


def test_warnings_state_numbers_with_a_decimal_comma():
    """A tie on the shortlist's boundary is warned in Dutch notation (75,33, never 75.33)."""
    from partnerkeuze.core.scoring import CandidateResult, rank_and_shortlist

    def cand(cid, score):
        return CandidateResult(id=cid, name=cid, country="Benin", language="fr", channel="",
                               criterion_scores={}, score=score, complete=True, excluded=False,
                               reasons=[], missing=[])

    results = [cand("K01", 90.0), cand("K02", 80.0), cand("K03", 75.3333),
               cand("K04", 75.3333), cand("K05", 60.0)]
    shortlist, warnings, boundary = rank_and_shortlist(results, 3)
    assert boundary and len(shortlist) == 4
    text = " ".join(warnings)
    assert "(75,33)" in text and "75.33" not in text
